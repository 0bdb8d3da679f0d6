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
    code = "import sys, app.main_window; print('torch' in sys.modules, 'model' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_app_paths_mirror_model_paths():
    import model.paths as mp

    import app.paths as ap

    assert ap.default_model_dir() == mp.default_model_dir()
    assert ap.default_corpus_dir() == mp.default_corpus_dir()
    assert ap.user_cache_dir() == mp.user_cache_dir()


def test_every_stage_has_a_lesson():
    from app.stages import STAGES
    from app.paths import lessons_dir

    for stage in STAGES:
        text = (lessons_dir() / f"{stage}.html").read_text(encoding="utf-8")
        assert "<h2>" in text and len(text) > 500


def test_lessons_say_gpt_models_predict_the_next_token():
    from app.paths import lessons_dir

    text = (lessons_dir() / "text.html").read_text(encoding="utf-8")
    assert "next-token" in text and "BERT" in text


@pytest.mark.slow
def test_screenshot_smoke(tmp_path):
    from PySide6.QtGui import QImage

    from app.sample import tiny_model_dir

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
    from app.sample import tiny_model_dir

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
