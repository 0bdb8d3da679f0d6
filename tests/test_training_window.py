"""The training area inside the window: the timeline slider scrubs snapshots in the explorer;
closing mid-training asks, saves a checkpoint, and the next start offers to resume."""
from __future__ import annotations

import numpy as np
import pytest
from _engine import TEXT, tiny_config, tokenizer
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from test_training_pretrain import small_settings

from app.training.timeline import run_snapshots
from app.window import MainWindow

TIMEOUT = 180000  # generous: the training child runs at lower priority, so a busy machine slows it


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
    from model.train import TrainConfig, Trainer

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
        assert str(snaps[0][1]) not in win.prefs.recent_models()
    finally:
        win.shutdown()


def test_closing_mid_training_asks_saves_and_offers_resume(qtbot, data_home, monkeypatch):
    corpus = data_home / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT * 200)
    win = make_window(qtbot, data_home)
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())][:2] == ["Explore", "Pre-train"]
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
        assert p2.resume_banner.candidate is not None and p2.resume_banner.candidate.id == run.id
        assert not p2.resume_banner.isHidden() and "resume" in again.tabs.tabText(1)
    finally:
        again.shutdown()


@pytest.mark.parametrize("running, says, does_not_say", [
    (("pretrain",), ["A checkpoint is saved first", "offers to resume the run"], ["cannot be resumed"]),
    (("finetune",), ["saved as a run", "reopen under Fine-tune", "cannot be resumed"], ["offers to resume"]),
    (("continued",), ["model trained so far is saved", "base model under Fine-tune", "cannot be resumed"],
     ["offers to resume", "confusion"]),
    (("pretrain", "continued"), ["2 training runs", "offers to resume the run", "base model under Fine-tune"],
     ["confusion"]),
])
def test_the_close_question_says_what_each_running_job_keeps(qtbot, data_home, monkeypatch, running, says,
                                                             does_not_say):
    win = make_window(qtbot, data_home)
    try:
        for name in running:
            monkeypatch.setattr(getattr(win.training, name), "is_training", lambda: True)
        asked = []
        monkeypatch.setattr(QMessageBox, "question",
                            lambda parent, title, text, *a: asked.append(text) or QMessageBox.No)
        assert win.training.confirm_close(win) is False
        text = asked[0].replace("\n\n", " ")
        for phrase in says:
            assert phrase.lower() in text.lower(), (phrase, text)
        for phrase in does_not_say:
            assert phrase.lower() not in text.lower(), (phrase, text)
    finally:
        monkeypatch.undo()
        win.shutdown()


def close_mid_run(qtbot, win, panel, monkeypatch, steps: int) -> list[str]:
    """Start `panel`'s run, close the window once it has `steps` loss points, answer Yes; the questions asked."""
    panel.start()
    qtbot.waitUntil(lambda: len(panel.curves.loss.steps) >= steps, timeout=TIMEOUT)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *a: asked.append(text) or QMessageBox.Yes)
    win.close()
    return asked


def test_closing_mid_fine_tune_keeps_what_the_question_promised(qtbot, data_home, monkeypatch):
    """The classification wording is true: after "Yes" the fine-tune so far is a stopped run in the store."""
    import torch

    from app.training.labelled_table import BUNDLED
    from model import ModelConfig, TextTokenizer, Transformer, save_model
    from model.labelled import read_labelled_csv

    tok = TextTokenizer.train("word", read_labelled_csv(BUNDLED).part("train")[0], 1200)
    torch.manual_seed(0)
    base = save_model(data_home / "base", Transformer(ModelConfig(vocab_size=tok.vocab_size, context_length=48,
                                                                  n_layer=2, n_head=2, d_model=32, d_mlp=64)), tok, {})
    win = make_window(qtbot, data_home)
    win.tabs.setCurrentWidget(win.training.finetune_tabs)  # shows the panel: the examples load
    panel = win.training.finetune
    panel.set_base(str(base))
    panel.form.steps_spin.setValue(100000)
    asked = close_mid_run(qtbot, win, panel, monkeypatch, 2)
    assert not panel.is_training() and "Classification fine-tune" in asked[0]
    runs = win.training.store.runs()
    assert [r.info["kind"] for r in runs] == ["classify"] and runs[0].status == "stopped"
    assert 10 <= runs[0].step < 100000 and (runs[0].checkpoint / "head.safetensors").exists()


def test_tab_shortcuts_switch_tabs_and_are_shown(qtbot, data_home):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    win = make_window(qtbot, data_home)
    try:
        tabs = win.tabs
        view = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
        listed = {a.text(): a.shortcut().toString() for a in view.actions()}
        assert listed["Explore tab"] == "Ctrl+Shift+X" and listed["Pre-train tab"] == "Ctrl+Shift+P"
        assert listed["Fine-tune tab"] == "Ctrl+Shift+F"
        every = [a.shortcut().toString() for a in win.findChildren(type(win.menus.presentation_action))]
        every = [keys for keys in every if keys]
        assert len(every) == len(set(every)) and "Ctrl+Shift+E" in every  # none taken twice (Ctrl+Shift+E: SVG)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)  # shortcuts go to the active window
        for index, key in ((1, Qt.Key_P), (2, Qt.Key_F), (0, Qt.Key_X)):
            qtbot.keyClick(QApplication.focusWidget() or win, key, Qt.ControlModifier | Qt.ShiftModifier)
            assert tabs.currentIndex() == index
        assert "Ctrl+Shift+P" in tabs.tabToolTip(1) and "Ctrl+Shift+F" in tabs.tabToolTip(2)
        assert "Ctrl+Shift+X" in tabs.tabToolTip(0)
    finally:
        win.shutdown()


def test_a_continued_run_opens_in_the_explorer(qtbot, data_home):
    from model import Transformer, save_model

    win = make_window(qtbot, data_home)
    try:
        store = win.training.store
        tok = tokenizer("char")
        run = store.create("letters", {"steps": 40, "base_model": "elsewhere"}, kind="continue")
        save_model(run.checkpoint, Transformer(tiny_config(tok.vocab_size)), tok, {})
        run.update(status="stopped", step=20)
        win.tabs.setCurrentWidget(win.training.finetune_tabs)
        assert win.training.finetune.base_picker.findData(str(run.checkpoint)) >= 0  # offered as a base on sight
        panel = win.training.continued
        panel.run_list.refresh(select=run.id)
        assert panel.open_button.isEnabled()
        with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
            panel.open_button.click()
        assert win.info.path == str(run.checkpoint) and win.tabs.currentIndex() == 0
    finally:
        win.shutdown()


def test_closing_mid_continued_training_keeps_a_base_model(qtbot, data_home, monkeypatch):
    """The continued-training wording is true: after "Yes" the model so far is saved and offered as a base."""
    from model import Transformer, save_model

    tok = tokenizer("char")
    base = save_model(data_home / "base", Transformer(tiny_config(tok.vocab_size)), tok, {})
    mine = data_home / "mine.txt"
    mine.write_text(TEXT * 50)
    win = make_window(qtbot, data_home)
    panel = win.training.continued
    panel.set_base(str(base))
    panel.set_corpus([str(mine)])
    qtbot.waitUntil(lambda: "characters" in panel.form.corpus_label.text(), timeout=TIMEOUT)
    panel.form.steps_spin.setValue(100000)
    asked = close_mid_run(qtbot, win, panel, monkeypatch, 5)
    assert not panel.is_training() and "Training on your text" in asked[0]
    run = win.training.store.get(panel.run.id)
    assert run.status == "stopped" and run.usable_as_base() and 5 <= run.checkpoint_step() < 100000
    assert win.training.store.interrupted() == []  # not offered for resume: the wording says so

    again = make_window(qtbot, data_home)
    try:
        assert again.training.finetune.base_picker.findData(str(run.checkpoint)) >= 0
        assert again.training.pretrain.resume_banner.isHidden()
    finally:
        again.shutdown()
