"""Launch the app for real: `python -m app --screenshot`, light imports, resource paths."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_app(*args, timeout=180):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_importing_the_window_does_not_import_torch():
    code = "import sys, app.window; print('torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False"]


@pytest.mark.parametrize("xdg", [None, "/tmp/lm-anatomy-xdg", "relative/xdg"])
def test_per_user_folders_are_where_qt_puts_them(monkeypatch, xdg):
    """model.paths names the folders without Qt (the CLIs and the training child use it); the app
    uses the same, so they must agree with QStandardPaths, the platform's convention."""
    from PySide6.QtCore import QStandardPaths

    import model.paths as mp

    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(var, raising=False) if xdg is None else monkeypatch.setenv(var, xdg)
    data = Path(QStandardPaths.writableLocation(QStandardPaths.GenericDataLocation))
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.GenericCacheLocation))
    assert mp.user_data_dir() == data / "lm-anatomy" and mp.user_log_dir() == data / "lm-anatomy" / "logs"
    assert mp.user_cache_dir() == cache / "lm-anatomy"


def test_every_stage_has_a_lesson():
    from app.explore.stages import STAGES
    from model.paths import lessons_dir

    for stage in STAGES:
        text = (lessons_dir() / f"{stage}.html").read_text(encoding="utf-8")
        assert "<h2>" in text and len(text) > 500


def test_lessons_say_gpt_models_predict_the_next_token():
    from model.paths import lessons_dir

    text = (lessons_dir() / "text.html").read_text(encoding="utf-8")
    assert "next-token" in text and "BERT" in text


@pytest.mark.slow
def test_screenshot_smoke(tmp_path):
    from PySide6.QtGui import QImage

    from app.common.sample import tiny_model_dir

    out = tmp_path / "attention.png"
    result = run_app("--model", tiny_model_dir(), "--prompt", "the cat sat on the mat", "--stage", "attention",
                     "--screenshot", str(out), "--size", "1200x800")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    colours = {image.pixel(x, y) for x in range(0, 1200, 37) for y in range(0, 800, 29)}
    assert len(colours) > 20  # a real picture, not a blank window


def test_screenshot_without_a_model_says_so(tmp_path):
    out = tmp_path / "none.png"
    result = run_app("--model", str(tmp_path / "missing"), "--screenshot", str(out), timeout=120)
    assert result.returncode == 2
    assert "not ready" in result.stderr
    assert out.exists()


def startup_times(stdout: str) -> dict[str, float]:
    times = {}
    for line in stdout.splitlines():
        for key in ("window shown", "first trace"):
            if line.startswith(f"startup: {key} ") and line.endswith(" s"):
                times[key] = float(line[len(f"startup: {key} "):-2])
    return times


@pytest.mark.slow
def test_report_startup_prints_the_time_to_the_window_and_to_the_first_trace():
    from app.common.sample import tiny_model_dir

    result = run_app("--model", tiny_model_dir(), "--prompt", "the cat sat", "--stage", "attention",
                     "--report-startup")
    assert result.returncode == 0, result.stderr
    times = startup_times(result.stdout)
    assert set(times) == {"window shown", "first trace"}, result.stdout
    assert 0 < times["window shown"] <= times["first trace"] < 120


def test_report_startup_without_a_model_says_so_and_fails(tmp_path):
    result = run_app("--model", str(tmp_path / "missing"), "--report-startup", timeout=120)
    assert result.returncode == 2
    assert "startup: failed:" in result.stdout and "no such folder" in result.stdout
    assert "first trace" not in startup_times(result.stdout)
