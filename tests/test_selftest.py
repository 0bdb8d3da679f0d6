"""`lm-anatomy --self-test`: passes on a working install, and a broken stage fails it by name."""
from __future__ import annotations

from pathlib import Path

import pytest
import tomllib

import app
from app import selftest
from app.explore.panels.output import OutputPanel
from app.explore.panels.tokens import TokensPanel

ROOT = Path(__file__).resolve().parent.parent
EVERY_STAGE = ["window", "model", "text", "tokens", "embeddings", "positions", "attention", "block", "output",
               "decoding", "overview", "challenges", "training"]


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def run_self_test(qapp, tmp_path, model=None) -> selftest.Report:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    test = selftest.SelfTest(qapp, model, 60.0, scratch)
    try:
        return test.run(selftest.Report(), say=lambda line: None)
    finally:
        test.close()


def test_every_stage_passes_on_the_shipped_model(qapp, user_dirs):
    report = run_self_test(qapp, user_dirs)
    assert [o.stage for o in report.outcomes] == EVERY_STAGE
    assert report.failed is None, report.text()
    training = report.outcomes[-1].detail
    assert f"{selftest.TRAINING_STEPS} steps of the tiny preset" in training
    assert f"All {len(EVERY_STAGE)} stages passed." in report.text()


def test_wrong_bars_fail_the_output_stage_and_stop_there(qapp, user_dirs, monkeypatch):
    real = OutputPanel.bar_widths
    monkeypatch.setattr(OutputPanel, "bar_widths", lambda self: real(self)[::-1].copy())
    report = run_self_test(qapp, user_dirs)
    assert report.failed.stage == "output"
    assert "tallest bar" in report.failed.detail
    assert [o.stage for o in report.outcomes] == EVERY_STAGE[: EVERY_STAGE.index("output") + 1]
    assert all(o.ok for o in report.outcomes[:-1])
    assert "FAILED at stage 'output'" in report.text()


def test_a_crashing_panel_fails_its_stage_with_the_error_not_a_traceback(qapp, user_dirs, monkeypatch):
    def broken(self, trace):
        raise RuntimeError("chips fell off")

    monkeypatch.setattr(TokensPanel, "render", broken)
    report = run_self_test(qapp, user_dirs)
    assert report.failed.stage == "tokens"
    assert "RuntimeError: chips fell off" in report.failed.detail
    assert "failed to draw" in report.failed.detail
    assert "Traceback" not in report.text()


def test_a_missing_model_fails_the_model_stage(qapp, user_dirs):
    report = run_self_test(qapp, user_dirs, model=str(user_dirs / "no-such-model"))
    assert report.failed.stage == "model"
    assert "did not load" in report.failed.detail


def test_main_writes_the_report_and_returns_1_on_failure(qapp, user_dirs, monkeypatch, capsys):
    real = OutputPanel.bar_widths
    monkeypatch.setattr(OutputPanel, "bar_widths", lambda self: real(self)[::-1].copy())
    path = user_dirs / "reports" / "self-test.txt"
    assert selftest.main(report_path=str(path), timeout=60.0) == 1
    text = path.read_text(encoding="utf-8")
    assert "FAIL  output" in text and "PASS  attention" in text
    assert f"Report written to {path}" in capsys.readouterr().out


def test_default_report_goes_to_the_per_user_log_folder(user_dirs):
    assert selftest.default_report_path() == user_dirs / "data" / "lm-anatomy" / "logs" / "self-test.txt"


def test_version_matches_pyproject():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert app.__version__ == meta["project"]["version"]
