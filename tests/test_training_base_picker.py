"""The base-model picker both fine-tune panels share: which runs it offers, what it says when the
choice changes, and that both panels really use it."""
from __future__ import annotations

import pytest
from _engine import tiny_config, tokenizer
from PySide6.QtWidgets import QFileDialog

from app.common.appearance import Appearance
from app.training.base_picker import CHOOSE_FOLDER, BasePicker
from app.training.continued import ContinuedPanel
from app.training.finetune import FinetunePanel
from app.training.runs import RunStore
from model import Transformer, save_model
from model.paths import default_model_dir


def make_run(store: RunStore, name: str, kind: str, status: str, step: int = 30, checkpoint: bool = True):
    run = store.create(name, {"steps": 60}, kind=kind)
    if checkpoint:
        tok = tokenizer("char")
        save_model(run.checkpoint, Transformer(tiny_config(tok.vocab_size)), tok, {"step": step})
        (run.checkpoint / "training.json").write_text(f'{{"step": {step}}}')
    run.update(status=status, step=step)
    return run


@pytest.fixture
def store(tmp_path):
    s = RunStore(tmp_path / "runs")
    make_run(s, "from-scratch", "pretrain", "stopped", step=20)
    make_run(s, "letters", "continue", "done", step=60)
    make_run(s, "half-way", "continue", "stopped", step=30)
    make_run(s, "still-training", "continue", "running")
    make_run(s, "crashed-early", "continue", "failed", checkpoint=False)
    make_run(s, "sentiment", "classify", "done")
    return s


def test_it_offers_the_shipped_model_pretrain_and_finished_continued_runs(qtbot, store):
    picker = BasePicker(store)
    qtbot.addWidget(picker)
    items = [picker.itemText(i) for i in range(picker.count())]
    shipped = (default_model_dir() / "model.safetensors").exists()
    assert items == ([f"The shipped model ({default_model_dir().name})"] if shipped else []) + [
        "Trained on your text: half-way (step 30)", "Trained on your text: letters (step 60)",
        "Pre-trained run: from-scratch (step 20)", CHOOSE_FOLDER]
    by_name = {r.name: r for r in store.runs()}
    assert picker.findData(str(by_name["letters"].checkpoint)) >= 0
    for name in ("still-training", "crashed-early", "sentiment"):  # not final, no model, not a language model
        assert picker.findData(str(by_name[name].checkpoint)) < 0
    picker.set_base(str(by_name["letters"].checkpoint))
    assert picker.base_name() == "letters"


def test_it_says_when_the_base_changes_and_stays_quiet_otherwise(qtbot, store, monkeypatch):
    picker = BasePicker(store)
    qtbot.addWidget(picker)
    chosen = []
    picker.base_chosen.connect(chosen.append)
    letters = next(r for r in store.runs() if r.name == "letters")
    picker.set_base(str(letters.checkpoint))
    picker.fill()  # a refresh that keeps the base: nothing to redo downstream
    assert chosen == [str(letters.checkpoint)] and picker.folder() == str(letters.checkpoint)
    store.delete(letters)
    picker.fill()  # its base is gone: the picker moves on and says so
    assert picker.folder() != str(letters.checkpoint) and chosen[-1] == picker.folder() and len(chosen) == 2
    # "Choose a model folder…" cancelled goes back to the base chosen before
    before = picker.folder()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    picker.activated.emit(picker.count() - 1)
    assert picker.folder() == before and len(chosen) == 2


def test_both_fine_tune_panels_use_it(qtbot, store):
    classify, continued = FinetunePanel(Appearance(), store), ContinuedPanel(Appearance(), store)
    for panel in (classify, continued):
        qtbot.addWidget(panel)
    try:
        assert isinstance(classify.base_picker, BasePicker) and isinstance(continued.base_picker, BasePicker)
        half_way = next(r for r in store.runs() if r.name == "half-way")
        for panel in (classify, continued):
            assert panel.base_picker.findData(str(half_way.checkpoint)) >= 0
        classify.set_base(str(half_way.checkpoint))
        assert classify.form.blocks_suffix.text() == "of its 2 blocks" and classify.form.blocks_spin.maximum() == 2
    finally:
        classify.shutdown()
        continued.shutdown()
