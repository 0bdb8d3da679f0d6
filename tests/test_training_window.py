"""The training area inside the window: the timeline slider scrubs snapshots in the explorer;
closing mid-training asks, saves a checkpoint, and the next start offers to resume."""
from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from _engine import TEXT, tiny_config, tokenizer
from app.main_window import MainWindow
from app.training.timeline import run_snapshots
from test_training_pretrain import small_settings

TIMEOUT = 60000


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def make_window(qtbot, tmp_path):
    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def trained_run(tmp_path):
    """A tiny model trained for 60 steps with a snapshot every 20 (the CLI layout: out + out-snapshots)."""
    from model.train import Trainer, TrainConfig

    tok = tokenizer("char")
    ids = np.asarray(tok.encode(TEXT * 40), dtype=np.uint16)
    cfg = TrainConfig(steps=60, batch_size=8, learning_rate=1e-2, warmup_steps=5, log_interval=5, eval_interval=30,
                      eval_batches=1, checkpoint_interval=30, device="cpu", snapshot_interval=20)
    trainer = Trainer(tiny_config(tok.vocab_size), tok, ids, ids[:200], cfg, tmp_path / "run")
    list(trainer.run())
    return tmp_path / "run"


def test_timeline_slider_changes_the_rendered_attention(qtbot, data_home, trained_run):
    snaps = run_snapshots(trained_run)
    assert [s for s, _ in snaps] == [0, 20, 40, 60]
    win = make_window(qtbot, data_home)
    try:
        with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
            win.start(str(trained_run))
        bar = win.training.timeline
        assert bar.isVisible() and bar.slider.maximum() == 3 and bar.slider.value() == 3
        win.show_stage("attention")
        with qtbot.waitSignal(win.trace_shown, timeout=TIMEOUT):
            win.set_prompt("When shall we three meet")
        panel = win.panels["attention"]
        trained = np.array(panel.heatmap.matrix, copy=True)
        trained_pca = win.info.pca.copy()

        with qtbot.waitSignal(win.trace_shown, timeout=TIMEOUT):
            bar.slider.setValue(0)  # before training
        assert win.info.path == str(snaps[0][1]) and "random weights" in bar.label.text()
        assert bar.isVisible() and bar.slider.value() == 0
        untrained = np.array(panel.heatmap.matrix, copy=True)
        assert untrained.shape == trained.shape
        assert np.nanmax(np.abs(untrained - trained)) > 0.01  # uniform-ish at random init; sharper after
        assert not np.allclose(win.info.pca, trained_pca)
        # a snapshot is a step of a run, not a model for the recent list
        assert str(snaps[0][1]) not in win.recent_models()
    finally:
        win.shutdown()


def test_closing_mid_training_asks_saves_and_offers_resume(qtbot, data_home, monkeypatch):
    corpus = data_home / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT * 200)
    win = make_window(qtbot, data_home)
    assert [win.training.tabs.tabText(i) for i in range(win.training.tabs.count())][:2] == ["Explore", "Pre-train"]
    panel = win.training.pretrain
    panel.form.set_settings(small_settings(corpus, steps=4000))
    panel.start()
    qtbot.waitUntil(lambda: panel.last_step >= 10, timeout=TIMEOUT)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.No)
    win.close()
    assert asked and win.isVisible() and panel.is_training()  # "No": nothing happens
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    win.close()
    assert not panel.is_training()
    run = panel.run
    assert run.status == "stopped" and run.has_checkpoint() and run.checkpoint_step() >= 10

    again = make_window(qtbot, data_home)
    try:
        p2 = again.training.pretrain
        assert p2.resume_candidate is not None and p2.resume_candidate.id == run.id
        assert not p2.resume_banner.isHidden() and "resume" in again.training.tabs.tabText(1)
    finally:
        again.shutdown()
