"""Build LM Anatomy's standalone, offline installers.

    python packaging/build.py linux      # dist/lm-anatomy/ + .tar.xz + .deb        (on Linux)
    python packaging/build.py windows    # dist/lm-anatomy/ + NSIS setup .exe         (on Windows)
    python packaging/build.py macos      # dist/LM Anatomy.app + .dmg                 (on macOS)
    python packaging/build.py nsis --payload dist/lm-anatomy   # only the NSIS step (runs on Linux too)

Steps: PyInstaller makes a one-folder bundle from packaging/lm_anatomy.spec; `prune` removes what
the app never uses (torch's headers, tests, CMake files and tools; Qt plugins for platforms and
formats it does not use) and strips torch's shared libraries on Linux (PyInstaller's own strip=True
breaks numpy's bundled OpenBLAS, so it is off); then the platform's packages are made from it.
Needs the project installed with the `packaging` extra: pip install -e '.[packaging]'.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from app import __version__ as VERSION  # noqa: E402

DIST = ROOT / "dist"
NAME = "lm-anatomy"
ARCH = {"x86_64": "amd64", "aarch64": "arm64"}.get(os.uname().machine if hasattr(os, "uname") else "", "amd64")

# Debian packages the bundle's Qt needs at run time that a desktop may lack (libQt6Gui's xcb
# platform plugin, fonts, EGL/GL for pyqtgraph's QtOpenGL import).
DEB_DEPENDS = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0", "libxcb-randr0",
               "libxcb-render-util0", "libxcb-image0", "libxcb-xkb1", "libxkbcommon0", "libxkbcommon-x11-0",
               "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libglib2.0-0", "libdbus-1-3", "libx11-xcb1"]

# Inside the bundle (relative to _internal/): folders and files the app never uses.
PRUNE = [
    "torch/include", "torch/share", "torch/test", "torch/testing/_internal/generated",
    "torch/utils/benchmark", "torch/_inductor/codegen/cuda", "torch/_inductor/codegen/rocm",
    "torchgen/packaged/ATen/templates",
    "PySide6/Qt/qml",
    # Qt platform plugins: xcb (X11 and XWayland), wayland, and offscreen (the self-test) are kept.
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so", "PySide6/Qt/plugins/egldeviceintegrations",
    "PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6/Qt/plugins/imageformats/libqwebp.so", "PySide6/Qt/plugins/imageformats/libqtga.so",
    "PySide6/Qt/plugins/imageformats/libqwbmp.so", "PySide6/Qt/plugins/imageformats/libqicns.so",
    "PySide6/Qt/plugins/imageformats/libqgif.so", "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6/Qt/plugins/networkinformation", "PySide6/Qt/plugins/tls", "PySide6/Qt/plugins/sqldrivers",
    "PySide6/Qt/plugins/qmltooling", "PySide6/Qt/plugins/designer",
    "PySide6/Qt/plugins/generic", "PySide6/Qt/lib/libQt6EglFsKmsSupport.so.6",
    "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "libQt6EglFsKmsSupport.so.6",
    "libQt6EglFSDeviceIntegration.so.6",
]
# Qt parts the app never loads, removed with the system libraries that only they needed. The GTK 3
# platform theme drags in a build machine's cairo, pango, gdk-pixbuf, harfbuzz and gio (about 8 MB),
# while libgtk-3 itself is never bundled: on a desktop it would load those stale copies beside the
# system's GTK. The app sets its own palette and fonts, so Qt's built-in theme is what it wants
# anyway. Nothing links libQt6Network (PySide6.QtNetwork is excluded), nor its Kerberos libraries.
UNUSED_WITH_DEPENDENCIES = ["PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/lib/libQt6Network.so.6",
                            "libQt6Network.so.6"]
# The Linux archive is xz, not gzip: the same bundle is about 150 MB instead of 220 (issue #17; torch's
# CPU library alone is 107 MB gzipped). Preset 9 (64 MiB window) against 6: see docs/BENCHMARKS.md.
XZ_PRESET = 9
KEEP_TORCH_BIN = {"torch_shm_manager"}
TORCH_TEST_LIBS = ["libjitbackend_test.so", "libtorchbind_test.so", "libbackend_with_compiler.so",
                   "libaoti_custom_ops.so"]


def run(cmd: list[str], **kw) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def bundle_dir() -> Path:
    return DIST / NAME


def internal(bundle: Path) -> Path:
    inner = bundle / "_internal"
    return inner if inner.is_dir() else bundle


def pyinstaller() -> Path:
    run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", DIST,
         "--workpath", ROOT / "build" / "pyinstaller", ROOT / "packaging" / "lm_anatomy.spec"])
    return bundle_dir()


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def shipped_languages() -> set[str]:
    """The languages the app ships a translation for (resources/translations/lm_anatomy_<code>.qm)."""
    return {p.stem.removeprefix("lm_anatomy_") for p in (ROOT / "resources" / "translations").glob("lm_anatomy_*.qm")}


def prune_qt_translations(inner: Path) -> None:
    """Qt's own translations: keep qtbase_<code>.qm (the standard dialogs' buttons) for the languages the
    app ships, drop the rest (about 40 languages of Qt tools the app never shows)."""
    folder = inner / "PySide6" / "Qt" / "translations"
    if folder.is_dir():
        keep = {f"qtbase_{code}.qm" for code in shipped_languages()}
        for path in folder.iterdir():
            if path.name not in keep:
                shutil.rmtree(path) if path.is_dir() else path.unlink()


def prune(bundle: Path, strip: bool = True) -> int:
    """Remove unused parts; strip torch's libraries on Linux. Returns bytes saved."""
    before = size_of(bundle)
    inner = internal(bundle)
    prune_qt_translations(inner)
    for rel in PRUNE:
        target = inner / rel
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    if sys.platform.startswith("linux") and shutil.which("readelf"):
        for path in exclusive_dependencies(inner, UNUSED_WITH_DEPENDENCIES, needed_libraries(inner)):
            path.unlink()
    for rel in UNUSED_WITH_DEPENDENCIES:
        if (inner / rel).exists() or (inner / rel).is_symlink():
            (inner / rel).unlink()
    torch_bin = inner / "torch" / "bin"
    if torch_bin.is_dir():
        for f in torch_bin.iterdir():
            if f.name not in KEEP_TORCH_BIN:
                shutil.rmtree(f) if f.is_dir() else f.unlink()
    for static in (inner / "torch" / "lib").glob("*.a"):
        static.unlink()
    for name in TORCH_TEST_LIBS:
        (inner / "torch" / "lib" / name).unlink(missing_ok=True)
    for cache in list(inner.rglob("__pycache__")):
        shutil.rmtree(cache, ignore_errors=True)
    if strip and sys.platform.startswith("linux") and shutil.which("strip"):
        libs = sorted(p for p in (inner / "torch" / "lib").glob("*.so*") if p.is_file())
        if libs:
            run(["strip", "--strip-unneeded", *libs])
    return before - size_of(bundle)


def needed_libraries(inner: Path) -> dict[Path, list[str]]:
    """Every ELF file in the bundle (not symlinks) and the sonames it links (readelf's NEEDED)."""
    needed = {}
    for path in inner.rglob("*"):
        if path.is_symlink() or not path.is_file() or not (".so" in path.name or os.access(path, os.X_OK)):
            continue
        with open(path, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
        needed[path] = [line.rsplit("[", 1)[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line]
    return needed


def exclusive_dependencies(inner: Path, unused: list[str], needed: dict[Path, list[str]]) -> list[Path]:
    """The libraries at the bundle's top level (where PyInstaller puts the system libraries it
    collects) that only the `unused` files need, directly or through each other.

    Candidates are the top-level libraries the unused files reach; every other ELF file in the
    bundle is a root (extension modules, Qt's and torch's libraries and plugins, libpython, and
    top-level libraries collected for something else), and a candidate that a root reaches stays.
    So this removes only what the removal itself orphans."""
    dropped = {inner / rel for rel in unused}
    by_name: dict[str, Path] = {}
    for path in needed:
        if path.parent == inner:  # a top-level copy wins over a same-named one deeper down
            by_name[path.name] = path
        else:
            by_name.setdefault(path.name, path)

    def reached(starts) -> set[Path]:
        seen: set[Path] = set()
        stack = list(starts)
        while stack:
            path = stack.pop()
            if path not in seen:
                seen.add(path)
                stack += [by_name[name] for name in needed.get(path, []) if name in by_name]
        return seen

    candidates = {p for p in reached(p for p in needed if p in dropped) if p.parent == inner} - dropped
    kept = reached(p for p in needed if p not in dropped and p not in candidates)
    return sorted(candidates - kept)


def tarball(bundle: Path, preset: int = XZ_PRESET) -> Path:
    """lm-anatomy-<version>-linux-<arch>.tar.xz: unpack anywhere (tar -xf), run ./lm-anatomy/lm-anatomy."""
    out = DIST / f"{NAME}-{VERSION}-linux-{ARCH}.tar.xz"
    readme = bundle / "README.txt"
    readme.write_text(
        "LM Anatomy " + VERSION + "\n\n"
        "Run it from this folder:            ./lm-anatomy\n"
        "Check that it works on this machine: ./lm-anatomy --self-test\n"
        "Add it to your applications menu:    ./install-desktop-entry.sh   (for you only, no admin rights)\n\n"
        "It needs no network. It writes only to your own folders (~/.config, ~/.local/share/lm-anatomy,\n"
        "~/.cache/lm-anatomy), so this folder can be read-only or shared.\n", encoding="utf-8")
    script = bundle / "install-desktop-entry.sh"
    script.write_text(DESKTOP_SCRIPT, encoding="utf-8")
    script.chmod(0o755)
    (DIST / f"{NAME}-{VERSION}-linux-{ARCH}.tar.gz").unlink(missing_ok=True)  # the old format, from an old build
    partial = out.with_name(out.name + ".part")  # a build stopped midway leaves no archive that looks whole
    try:
        with tarfile.open(partial, "w:xz", preset=preset) as tar:
            tar.add(bundle, arcname=NAME, filter=_normalise)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
        for extra in (readme, script):
            extra.unlink()
    return out


DESKTOP_SCRIPT = """#!/bin/sh
# Add LM Anatomy to your applications menu (for this user only), pointing at this folder.
set -e
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/_internal/resources/icons/lm-anatomy-256.png" "$icons/lm-anatomy.png"
sed "s|^Exec=.*|Exec=\\"$here/lm-anatomy\\" %F|" "$here/_internal/resources/lm-anatomy.desktop" > "$apps/lm-anatomy.desktop"
echo "LM Anatomy is in your applications menu now."
"""


def _normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def deb(bundle: Path) -> Path:
    """A .deb that installs to /opt/lm-anatomy with /usr/bin/lm-anatomy, a desktop entry and icons."""
    stage = ROOT / "build" / "deb" / f"{NAME}_{VERSION}_{ARCH}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / "opt" / NAME, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{NAME}/{NAME}", stage / "usr" / "bin" / NAME)
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy(ROOT / "packaging" / "linux" / "lm-anatomy.desktop", apps / "lm-anatomy.desktop")
    for size in (16, 32, 48, 64, 128, 256):
        icons = stage / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        icons.mkdir(parents=True)
        shutil.copy(ROOT / "resources" / "icons" / f"lm-anatomy-{size}.png", icons / "lm-anatomy.png")
    control = stage / "DEBIAN"
    control.mkdir()
    installed_kb = size_of(stage) // 1024
    (control / "control").write_text(
        f"Package: {NAME}\nVersion: {VERSION}\nArchitecture: {ARCH}\nMaintainer: The LM Anatomy team <lm-anatomy@example.org>\n"
        f"Installed-Size: {installed_kb}\nDepends: {', '.join(DEB_DEPENDS)}\nSection: education\nPriority: optional\n"
        "Homepage: https://example.org/lm-anatomy\n"
        "Description: look inside a small working language model\n"
        " LM Anatomy shows every stage of a small transformer language model, live, as you type:\n"
        " tokens, embeddings, positions, attention in every layer and head, and decoding. It trains\n"
        " and fine-tunes small models with live curves. Self-contained: it needs no network.\n",
        encoding="utf-8")
    for name, body in (("postinst", POSTINST), ("postrm", POSTRM)):
        path = control / name
        path.write_text(body, encoding="utf-8")
        path.chmod(0o755)
    out = DIST / f"{NAME}_{VERSION}_{ARCH}.deb"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", stage, out])
    return out


POSTINST = """#!/bin/sh
set -e
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q /usr/share/applications || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true; fi
exit 0
"""
POSTRM = POSTINST


def nsis(payload: Path) -> Path:
    """The per-user Windows installer; makensis also runs on Linux (with a Linux payload stand-in)."""
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("makensis not found: install NSIS (Debian: apt-get install nsis; Windows: choco install nsis)")
    out = DIST / f"{NAME}-{VERSION}-windows-setup.exe"
    exe = "lm-anatomy.exe" if (payload / "lm-anatomy.exe").exists() else "lm-anatomy"
    run([makensis, "-V2", f"-DVERSION={VERSION}", f"-DPAYLOAD={payload.resolve()}", f"-DOUTFILE={out}", f"-DEXE={exe}",
         ROOT / "packaging" / "windows" / "installer.nsi"])
    return out


def dmg(app_bundle: Path) -> Path:
    out = DIST / f"{NAME}-{VERSION}-macos.dmg"
    if out.exists():
        out.unlink()
    run(["hdiutil", "create", "-volname", "LM Anatomy", "-srcfolder", app_bundle, "-ov", "-format", "UDZO", out])
    return out


def report(paths: list[Path]) -> None:
    for p in paths:
        print(f"{size_of(p) / 1e6:9.1f} MB  {p.relative_to(ROOT)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", choices=["linux", "windows", "macos", "bundle", "nsis"])
    parser.add_argument("--payload", type=Path, help="nsis: the bundle folder to install (default dist/lm-anatomy)")
    parser.add_argument("--no-build", action="store_true", help="reuse dist/lm-anatomy as it is")
    args = parser.parse_args(argv)
    start = time.monotonic()
    if args.target == "nsis":
        report([nsis(args.payload or bundle_dir())])
        return 0
    bundle = bundle_dir() if args.no_build else pyinstaller()
    if not args.no_build:
        print(f"pruned {prune(bundle) / 1e6:.1f} MB", flush=True)
    # The desktop entry travels inside the bundle too, for install-desktop-entry.sh.
    shutil.copy(ROOT / "packaging" / "linux" / "lm-anatomy.desktop", internal(bundle) / "resources")
    made = [bundle]
    if args.target == "linux":
        made += [tarball(bundle), deb(bundle)]
    elif args.target == "windows":
        made.append(nsis(bundle))
    elif args.target == "macos":
        app_bundle = DIST / "LM Anatomy.app"
        made += [app_bundle, dmg(app_bundle)]
    report(made)
    print(f"built in {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
