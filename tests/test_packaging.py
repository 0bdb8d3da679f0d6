"""The installer scripts, checked without building the bundle: the desktop entry, the icons, the
pruning of a bundle tree, and the NSIS script compiled by makensis with a tiny payload stand-in."""
from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402


def test_desktop_entry_launches_the_installed_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "linux" / "lm-anatomy.desktop", encoding="utf-8")
    e = entry["Desktop Entry"]
    assert e["Type"] == "Application" and e["Name"] == "LM Anatomy"
    assert e["Exec"].split()[0] == "lm-anatomy" and e["Icon"] == "lm-anatomy"
    assert "Education" in e["Categories"].split(";")


def test_every_icon_the_installers_name_exists_at_its_size(qapp):
    from PySide6.QtGui import QImage

    icons = ROOT / "resources" / "icons"
    for size in (16, 32, 48, 64, 128, 256):
        image = QImage(str(icons / f"lm-anatomy-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert not QImage(str(icons / "lm-anatomy.png")).isNull()
    assert (icons / "lm-anatomy.ico").stat().st_size > 1000
    assert (icons / "lm-anatomy.icns").read_bytes()[:4] == b"icns"


def test_prune_removes_unused_parts_and_keeps_what_runs(tmp_path):
    bundle = tmp_path / "lm-anatomy"
    inner = bundle / "_internal"
    keep = ["torch/lib/libtorch_cpu.so", "torch/bin/torch_shm_manager", "PySide6/Qt/plugins/platforms/libqxcb.so",
            "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
            "resources/models/shakespeare-bpe/model.safetensors", "numpy.libs/libscipy_openblas64_.so",
            "PySide6/Qt/translations/qtbase_es.qm",  # Qt's own dialogs in a language the app ships
            "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"]  # the worksheets' Print…
    drop = ["torch/include/ATen/ATen.h", "torch/test/test_nn.py", "torch/bin/protoc", "torch/lib/libtorch_cpu.a",
            "torch/lib/libtorchbind_test.so", "PySide6/Qt/plugins/platforms/libqvnc.so", "PySide6/Qt/translations/x.qm",
            "PySide6/Qt/translations/qtbase_ja.qm", "PySide6/Qt/translations/designer_es.qm",
            "torch/share/cmake/Torch/TorchConfig.cmake", "app/__pycache__/x.pyc"]
    for rel in keep + drop:
        (inner / rel).parent.mkdir(parents=True, exist_ok=True)
        (inner / rel).write_bytes(b"\0" * 100)
    saved = build.prune(bundle, strip=False)  # the stand-ins are not ELF files
    assert saved == 100 * len(drop)
    assert all((inner / rel).exists() for rel in keep)
    assert not any((inner / rel).exists() for rel in drop)


def test_the_bundle_keeps_every_qt_module_the_app_imports():
    """The worksheets print through QtPrintSupport: excluding it broke Help > Worksheets in the installers."""
    spec = (ROOT / "packaging" / "lm_anatomy.spec").read_text(encoding="utf-8")
    excluded = set(re.findall(r'"(PySide6\.Qt\w+)"', spec.split("a = Analysis")[0]))
    imported = set()
    for path in (ROOT / "app").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert not {f"PySide6.{m}" for m in imported} & excluded


def test_deb_depends_on_what_qt_xcb_needs():
    for lib in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libegl1",
                "libfontconfig1"):
        assert lib in build.DEB_DEPENDS


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS's makensis is not installed (apt-get install nsis)")
def test_nsis_script_builds_a_per_user_installer(tmp_path, monkeypatch):
    payload = tmp_path / "payload"
    (payload / "_internal" / "resources").mkdir(parents=True)
    (payload / "lm-anatomy.exe").write_bytes(b"MZ stand-in for the Windows bundle's executable")
    (payload / "_internal" / "resources" / "README.txt").write_text("stand-in payload\n")
    monkeypatch.setattr(build, "DIST", tmp_path)
    out = build.nsis(payload)
    assert out.exists() and out.read_bytes()[:2] == b"MZ"  # a Windows executable
    script = (ROOT / "packaging" / "windows" / "installer.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script and "$LOCALAPPDATA" in script and "HKLM" not in script


def test_nsis_script_refuses_to_build_without_a_payload(tmp_path):
    if shutil.which("makensis") is None:
        pytest.skip("makensis not installed")
    result = subprocess.run(["makensis", "-V1", "-DVERSION=0.0.0", str(ROOT / "packaging" / "windows" / "installer.nsi")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode != 0 and "PAYLOAD" in (result.stdout + result.stderr)


def test_a_removed_plugin_takes_only_the_libraries_nothing_else_needs(tmp_path):
    inner = tmp_path / "_internal"
    qt = inner / "PySide6" / "Qt"
    theme = qt / "plugins" / "platformthemes" / "libqgtk3.so"
    gui = qt / "lib" / "libQt6Gui.so.6"
    top = {name: inner / name for name in ("libcairo.so.2", "libpixman-1.so.0", "libglib-2.0.so.0",
                                           "libfreetype.so.6", "libpython3.11.so.1.0", "libz.so.1")}
    needed = {
        theme: ["libQt6Gui.so.6", "libcairo.so.2", "libglib-2.0.so.0"],
        gui: ["libglib-2.0.so.0", "libfreetype.so.6"],
        top["libcairo.so.2"]: ["libpixman-1.so.0", "libfreetype.so.6"],
        top["libpixman-1.so.0"]: [],
        top["libglib-2.0.so.0"]: [],
        top["libfreetype.so.6"]: ["libz.so.1"],
        top["libpython3.11.so.1.0"]: ["libz.so.1"],  # a top-level root: the bootloader loads it
        top["libz.so.1"]: [],
    }
    orphaned = build.exclusive_dependencies(inner, ["PySide6/Qt/plugins/platformthemes/libqgtk3.so"], needed)
    # cairo and pixman only served the theme; glib and freetype are Qt's too, zlib is libpython's.
    assert orphaned == sorted([top["libcairo.so.2"], top["libpixman-1.so.0"]])
    assert build.exclusive_dependencies(inner, [], needed) == []


def test_linux_archive_is_xz_and_unpacks_to_the_runnable_folder(tmp_path, monkeypatch):
    bundle = tmp_path / "bundle" / "lm-anatomy"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    exe = bundle / "lm-anatomy"
    exe.write_bytes(b"\x7fELF stand-in " + bytes(range(256)) * 400)
    exe.chmod(0o755)
    (bundle / "_internal" / "resources" / "lesson.html").write_text("<p>the residual stream</p>\n" * 500)
    dist = tmp_path / "dist"
    dist.mkdir()
    stale = dist / f"lm-anatomy-{build.VERSION}-linux-{build.ARCH}.tar.gz"
    stale.write_bytes(b"an archive from an older build")
    monkeypatch.setattr(build, "DIST", dist)
    out = build.tarball(bundle, preset=1)
    assert out.name == f"lm-anatomy-{build.VERSION}-linux-{build.ARCH}.tar.xz"
    assert out.read_bytes()[:6] == b"\xfd7zXZ\x00"  # the xz magic number
    assert sorted(p.name for p in dist.iterdir()) == [out.name]  # no .part left, the old .tar.gz gone
    assert sorted(p.name for p in bundle.iterdir()) == ["_internal", "lm-anatomy"]  # README and script not left behind
    with tarfile.open(out) as tar:
        members = {m.name: m for m in tar.getmembers()}
        assert {m.uname for m in members.values()} == {"root"}
        tar.extractall(tmp_path / "unpacked", filter="tar")
    folder = tmp_path / "unpacked" / "lm-anatomy"
    assert (folder / "lm-anatomy").read_bytes() == exe.read_bytes() and os.access(folder / "lm-anatomy", os.X_OK)
    assert os.access(folder / "install-desktop-entry.sh", os.X_OK) and "./lm-anatomy" in (folder / "README.txt").read_text()
    assert out.stat().st_size < 0.2 * sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
