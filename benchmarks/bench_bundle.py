"""The installer's size and the bundle's start-up time.

    python benchmarks/bench_bundle.py --no-build    # measure dist/ as packaging/build.py left it
    python benchmarks/bench_bundle.py               # build first (python packaging/build.py linux)

Prints: the bundle's size on disk, the .tar.xz and .deb sizes, the largest parts of the bundle
(raw and xz-compressed at the archive's preset, which is what they cost in the .tar.xz; minutes of
work), and the time from launching the
bundle's executable to the window's first paint and to the first trace on screen (medians over
--runs launches; the first launch is also shown apart, since it reads the files from disk).
The clock starts when this script spawns the process, so it includes the bootloader's start-up.
Uses a real X server if DISPLAY is set (run under `xvfb-run -a`), else Qt's offscreen platform.
Targets: .tar.xz <= 160 MB (issue #17); window on screen <= 1.5 s after launch (issue #5).
"""
from __future__ import annotations

import argparse
import lzma
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUNDLE = DIST / "lm-anatomy"
sys.path.insert(0, str(ROOT / "packaging"))
from build import XZ_PRESET  # noqa: E402


def size_of(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def xz_size(path: Path, preset: int) -> int:
    """Bytes after xz at `preset` (what the .tar.xz pays for this part), streamed file by file."""
    files = [path] if path.is_file() else sorted(f for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    c = lzma.LZMACompressor(preset=preset)
    total = 0
    for f in files:
        with open(f, "rb") as fh:
            while chunk := fh.read(1 << 22):
                total += len(c.compress(chunk))
    return total + len(c.flush())


def largest_parts(bundle: Path, n: int = 12) -> list[tuple[str, int, int]]:
    inner = bundle / "_internal"
    parts: list[Path] = [bundle / "lm-anatomy"]
    for child in inner.iterdir():
        if child.is_symlink():
            continue
        if child.name in ("torch", "PySide6"):  # the two giants: one level deeper
            parts += [c for c in child.iterdir() if not c.is_symlink()]
        else:
            parts.append(child)
    sized = sorted(((p, size_of(p)) for p in parts), key=lambda t: t[1], reverse=True)[:n]
    with ThreadPoolExecutor() as pool:  # lzma lets go of the GIL: one part per core
        packed = list(pool.map(lambda item: xz_size(item[0], XZ_PRESET), sized))
    return [(str(p.relative_to(bundle)), raw, xz) for (p, raw), xz in zip(sized, packed)]


def launch_times(exe: Path, timeout: float) -> tuple[float, float]:
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="lm-anatomy-bench-")  # no saved window state
    start = time.perf_counter()
    proc = subprocess.Popen([str(exe), "--report-startup", "--timeout", str(timeout)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=env, cwd=tempfile.gettempdir())
    window = trace = float("nan")
    for line in proc.stdout:
        now = time.perf_counter() - start
        if "window shown" in line:
            window = now
        elif "first trace" in line:
            trace = now
        elif "failed" in line:
            print("  launch failed:", line.strip())
    proc.wait(timeout=timeout)
    return window, trace


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--no-build", action="store_true", help="measure what is in dist/ now")
    p.add_argument("--runs", type=int, default=5, help="launches to time")
    p.add_argument("--timeout", type=float, default=120.0)
    args = p.parse_args(argv)
    if not args.no_build:
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "linux"], check=True)
    if not BUNDLE.is_dir():
        print("no bundle in dist/: run python packaging/build.py linux first", file=sys.stderr)
        return 1
    mb = 1e6
    print("| package | size | target |\n|---|---|---|")
    print(f"| bundle on disk (dist/lm-anatomy) | {size_of(BUNDLE) / mb:.1f} MB | |")
    for pattern, target in (("*.tar.xz", "≤ 160 MB"), ("*.deb", "")):
        for f in sorted(DIST.glob(pattern)):
            print(f"| {f.name} | {size_of(f) / mb:.1f} MB | {target} |")
    print(f"\n| largest parts | on disk | xz -{XZ_PRESET} |\n|---|---|---|")
    for name, raw, packed in largest_parts(BUNDLE):
        print(f"| {name} | {raw / mb:.1f} MB | {packed / mb:.1f} MB |")
    exe = BUNDLE / ("lm-anatomy.exe" if sys.platform == "win32" else "lm-anatomy")
    times = [launch_times(exe, args.timeout) for _ in range(max(1, args.runs))]
    windows, traces = [t[0] for t in times], [t[1] for t in times]
    where = "X server " + os.environ["DISPLAY"] if os.environ.get("DISPLAY") else "offscreen"
    print(f"\nStart-up from the bundle ({where}; {len(times)} launches):\n")
    print("| measure | first launch | median | target |\n|---|---|---|---|")
    print(f"| launch → window painted | {windows[0]:.2f} s | {statistics.median(windows):.2f} s | ≤ 1.5 s |")
    print(f"| launch → first trace on screen | {traces[0]:.2f} s | {statistics.median(traces):.2f} s | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
