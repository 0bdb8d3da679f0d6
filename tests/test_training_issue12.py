"""Issue 12, the training items: a stopped run's status and checkpoints (8, 12), the continued run's
text checked when chosen (7), a run's checkpoint on the explorer's slider and named by its run (6),
the status bar of each tab (12)."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_config, tokenizer
from _training import write_corpus
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from test_training_pretrain import small_settings

from app.common.appearance import Appearance
from app.training.continued import ContinuedPanel
from app.training.form import PRESET_LABELS
from app.training.pretrain import PretrainPanel
from app.training.runs import RunStore
from app.window import MainWindow
from model import Transformer, save_model

TIMEOUT = 180000  # the training child runs at lower priority: a busy machine slows it


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", 3)


def looks_disabled(button) -> bool:
    pal = button.palette()
    return pal.color(QPalette.Disabled, QPalette.ButtonText) != pal.color(QPalette.Active, QPalette.ButtonText)


# ---- 8 and 12: after Stop ----------------------------------------------------------------------------------
def test_after_stop_no_time_left_one_stopped_and_checkpoints_in_step_order(qtbot, tmp_path, monkeypatch, corpus):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    appearance = Appearance()
    appearance.apply_to_app()
    panel = PretrainPanel(appearance, RunStore(tmp_path / "runs"))
    qtbot.addWidget(panel)
    try:
        panel.form.set_settings(small_settings(corpus, steps=1000))  # a snapshot every 100 steps
        panel.start()
        assert not panel.start_button.isEnabled() and looks_disabled(panel.start_button)  # it looks disabled too
        qtbot.waitUntil(lambda: panel.last_step >= 210, timeout=TIMEOUT)
        assert "left" in panel.eta_label.text()
        with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
            panel.stop()
        assert ended.args[0] == "stopped"
        step = panel.run.checkpoint_step()
        assert "left" not in panel.eta_label.text()  # no countdown once stopped
        status = panel.status.text()
        assert status.count("Stopped") + status.count("stopped") == 1, status
        assert f"step {step}" in status
        steps = [int(panel.checkpoints.list.item(i).text().split(" · ")[0].split()[1].replace(",", ""))
                 for i in range(panel.checkpoints.count())]
        assert steps == sorted(steps) and steps[0] == 0 and len(steps) >= 3, steps
        current = panel.checkpoints.list.currentItem()
        assert current.text() == f"step {step:,} · latest checkpoint"
        assert current.data(Qt.UserRole) == str(panel.run.checkpoint)
        assert panel.start_button.isEnabled()
        # a past run shown again: the same order
        panel.show_run(panel.run)
        again = [panel.checkpoints.list.item(i).text() for i in range(panel.checkpoints.count())]
        assert again[0].startswith("step 0 ·") and again[-1] == f"step {step:,} · latest checkpoint"
    finally:
        panel.shutdown()


def test_speed_is_measured_here_not_promised(qtbot, tmp_path, monkeypatch, corpus):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert "seconds" not in PRESET_LABELS["tiny"] and "fast" not in PRESET_LABELS["tiny"].lower()
    panel = PretrainPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(panel)
    try:
        panel.form.set_settings(small_settings(corpus, steps=500))
        panel.show()
        qtbot.waitUntil(lambda: "measured on this computer" in panel.form.estimate_label.text(), timeout=60000)
        text = panel.form.estimate_label.text()
        assert "500 steps take about" in text
        panel.form.steps_spin.setValue(2000)  # the total follows the steps without measuring again
        assert "2,000 steps take about" in panel.form.estimate_label.text()
    finally:
        panel.shutdown()


# ---- 7: a text too short for the base model, said when it is chosen ----------------------------------------
@pytest.fixture
def base(tmp_path):
    tok = tokenizer("char")
    torch.manual_seed(0)
    return str(save_model(tmp_path / "base", Transformer(tiny_config(tok.vocab_size, context_length=64)), tok, {}))


@pytest.fixture
def continued(qtbot, tmp_path, monkeypatch, base):
    """A continued-training panel on `base`, with a store of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    panel = ContinuedPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(panel)
    panel.set_base(base)
    yield panel
    panel.shutdown()


def test_continued_checks_the_text_when_chosen(qtbot, tmp_path, continued):
    panel, store = continued, continued.store
    assert "at least 65 tokens" in panel.form.need_label.text()  # the minimum, before any file is chosen
    short = tmp_path / "short.txt"
    short.write_text("When shall we three meet again? " * 2)  # 64 characters: fewer than 65 tokens
    panel.set_corpus([str(short)])
    qtbot.waitUntil(lambda: panel.check is not None, timeout=60000)
    assert "Too short" in panel.form.check_label.text() and "65" in panel.form.check_label.text()
    assert not panel.start_button.isEnabled()
    panel.start()  # even if called: no run, nothing listed
    assert panel.worker is None and store.runs() == [] and panel.run_list.list.count() == 0

    long = tmp_path / "long.txt"
    long.write_text(TEXT * 20)
    panel.set_corpus([str(long)])
    qtbot.waitUntil(lambda: panel.check is not None, timeout=60000)
    assert "enough" in panel.form.check_label.text()
    assert panel.start_button.isEnabled()
    panel.form.steps_spin.setValue(300)
    assert "300 steps take about" in panel.form.estimate_label.text()  # a time estimate before Start


def test_a_continued_run_that_fails_before_its_first_step_is_not_a_past_run(qtbot, tmp_path, continued):
    panel, store = continued, continued.store
    short = tmp_path / "short.txt"
    short.write_text("When shall we three meet again? " * 2)
    panel.paths = [str(short)]  # chosen before the check could answer
    panel.check = None
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.start()
    assert ended.args[0] == "failed" and "fewer than one training window" in panel.status.text()
    assert store.runs() == [] and panel.run_list.list.count() == 0


# ---- 6: the opened checkpoint on the slider, named by its run; 12: the status bar per tab -------------------
@pytest.fixture
def app_run(tmp_path):
    """A run in the store's layout: stopped at step 50, snapshots at 0, 20 and 40."""
    from model.train import TrainConfig, Trainer

    folder = tmp_path / "data" / "lm-anatomy" / "runs" / "20260101-120000-my-run"
    folder.mkdir(parents=True)
    tok = tokenizer("char")
    ids = np.asarray(tok.encode(TEXT * 40), dtype=np.uint16)
    cfg = TrainConfig(steps=50, batch_size=4, learning_rate=1e-2, warmup_steps=5, log_interval=5, eval_interval=50,
                      eval_batches=1, checkpoint_interval=50, device="cpu", snapshot_interval=20,
                      snapshot_dir=str(folder / "snapshots"))
    list(Trainer(tiny_config(tok.vocab_size), tok, ids, ids[:200], cfg, folder / "checkpoint").run())
    (folder / "run.json").write_text(json.dumps({"name": "my run", "kind": "pretrain", "status": "stopped",
                                                 "step": 50, "settings": {"steps": 100}}))
    return folder


def test_the_opened_checkpoint_is_on_the_slider_and_named_by_its_run(qtbot, tmp_path, monkeypatch, app_run):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat),
                     run_store=RunStore(app_run.parent))
    qtbot.addWidget(win)
    win.show()
    try:
        with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
            win.open_in_explorer(str(app_run / "checkpoint"))
        bar = win.training.timeline
        assert [s for s, _ in bar.snapshots] == [0, 20, 40, 50]
        assert bar.slider.value() == 3 and bar.label.text() == "after step 50 of 50"
        assert win.model_combo.currentText() == "my run · step 50"
        assert "my run · step 50" in win.windowTitle()
        with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
            bar.slider.setValue(1)
        assert win.info.path == str(app_run / "snapshots" / "step-000020")
        assert win.model_combo.currentText() == "my run · step 20"

        # 12: the explorer's status-bar message does not linger over the training tabs
        win.say("Saved /tmp/somewhere.png")
        win.tabs.setCurrentIndex(1)
        assert not win.status.isVisible()
        win.tabs.setCurrentIndex(2)
        assert not win.status.isVisible()
        win.tabs.setCurrentIndex(0)
        assert win.status.isVisible() and win.status.text() == "Saved /tmp/somewhere.png"
    finally:
        win.shutdown()
