"""Build the Linux bundle for real and run its self-test: as built, without network, from a
read-only folder, and installed from the .deb. Minutes of work, so it runs only when asked:

    LM_ANATOMY_BUNDLE_TESTS=1 .venv/bin/python -m pytest tests/test_bundle.py

(needs `pip install -e '.[packaging]'`; the .deb part needs root and dpkg).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = [pytest.mark.bundle, pytest.mark.slow,
              pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle")]

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
EXE = DIST / "lm-anatomy" / "lm-anatomy"


def fingerprint(folder: Path) -> dict[str, tuple[int, float]]:
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime) for p in folder.rglob("*")}


def self_test(cmd: list[str], home: Path, report: Path, wrap: list[str] | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "QT_", "PYTHON"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([*(wrap or []), *cmd, "--self-test", "--report", str(report)], env=env,
                            capture_output=True, text=True, timeout=600, cwd=home)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    text = report.read_text(encoding="utf-8")
    assert "All 11 stages passed." in text and "(bundled)" in text
    return text


@pytest.fixture(scope="module")
def built():
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "linux"], check=True, timeout=1800)
    assert EXE.exists()
    return DIST


def test_the_bundle_passes_its_self_test_and_writes_nothing_beside_itself(built, tmp_path):
    before = fingerprint(EXE.parent)
    self_test([str(EXE)], tmp_path, tmp_path / "report.txt")
    assert fingerprint(EXE.parent) == before
    assert (tmp_path / ".local" / "share" / "lm-anatomy").is_dir() or (tmp_path / ".cache" / "lm-anatomy").is_dir()


def test_the_bundle_needs_no_network(built, tmp_path):
    if subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode != 0:
        pytest.skip("this machine does not allow network namespaces (unshare -rn)")
    self_test([str(EXE)], tmp_path, tmp_path / "report.txt", wrap=["unshare", "-rn"])


def test_the_tarball_runs_from_a_read_only_folder(built, tmp_path):
    tarball = next(built.glob("lm-anatomy-*-linux-*.tar.xz"))
    assert tarball.stat().st_size <= 160e6  # issue #17: the .tar.gz was 220 MB
    assert not list(built.glob("lm-anatomy-*-linux-*.tar.gz"))
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    folder = tmp_path / "unpacked" / "lm-anatomy"
    assert (folder / "README.txt").exists() and os.access(folder / "install-desktop-entry.sh", os.X_OK)
    home = tmp_path / "home"
    home.mkdir()
    if os.geteuid() == 0:  # root ignores file modes: make the folder read-only with a bind mount
        wrap = ["unshare", "-m", "sh", "-c",
                f'mount --bind "{folder}" "{folder}" && mount -o remount,bind,ro "{folder}" && exec "$0" "$@"']
        if subprocess.run([*wrap, "true"], capture_output=True).returncode != 0:
            pytest.skip("cannot make a read-only bind mount here")
        self_test([str(folder / "lm-anatomy")], home, home / "report.txt", wrap=wrap)
    else:
        subprocess.run(["chmod", "-R", "a-w", str(folder)], check=True)
        try:
            self_test([str(folder / "lm-anatomy")], home, home / "report.txt")
        finally:
            subprocess.run(["chmod", "-R", "u+w", str(folder)], check=True)


@pytest.mark.skipif(shutil.which("dpkg") is None or os.geteuid() != 0, reason="needs dpkg and root")
def test_the_deb_installs_runs_and_removes_cleanly(built, tmp_path):
    deb = next(built.glob("lm-anatomy_*.deb"))
    info = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True, text=True, check=True).stdout
    assert "libxcb-cursor0" in info
    subprocess.run(["dpkg", "--force-depends", "-i", str(deb)], check=True, capture_output=True)
    try:
        assert Path("/usr/share/applications/lm-anatomy.desktop").exists()
        assert Path("/usr/share/icons/hicolor/256x256/apps/lm-anatomy.png").exists()
        digest = hashlib.sha256(Path("/opt/lm-anatomy/lm-anatomy").read_bytes()).hexdigest()
        self_test(["/usr/bin/lm-anatomy"], tmp_path, tmp_path / "report.txt")
        assert hashlib.sha256(Path("/opt/lm-anatomy/lm-anatomy").read_bytes()).hexdigest() == digest
    finally:
        subprocess.run(["dpkg", "-r", "lm-anatomy"], check=True, capture_output=True)
    assert not Path("/opt/lm-anatomy").exists() and not Path("/usr/bin/lm-anatomy").exists()
    assert not Path("/usr/share/applications/lm-anatomy.desktop").exists()
