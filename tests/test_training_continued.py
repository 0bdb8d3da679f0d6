"""Continued language-model training on the user's own text: before / after side by side."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_config, tokenizer

from app.common.appearance import Appearance
from app.training.continued import ContinuedPanel
from app.training.finetune import FinetunePanel
from app.training.runs import RunStore
from model import Transformer, save_model
from model.checkpoint import load_model

TIMEOUT = 180000  # generous: the training child runs at lower priority, so a busy machine slows it


@pytest.fixture
def base(tmp_path):
    tok = tokenizer("char")
    torch.manual_seed(0)
    return str(save_model(tmp_path / "base", Transformer(tiny_config(tok.vocab_size)), tok, {}))


def test_continued_training_changes_the_model_and_shows_before_and_after(qtbot, tmp_path, monkeypatch, base):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    mine = tmp_path / "mine.txt"
    mine.write_text(TEXT * 50)
    panel = ContinuedPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(panel)
    try:
        panel.form.prompt_edit.setText("When shall")
        with qtbot.waitSignal(panel.views_shown, timeout=TIMEOUT):
            panel.set_base(base)
        before = panel.before_view.view
        assert len(before.top_probs) == 10 and before.sample
        np.testing.assert_allclose(panel.before_view.bars.opts["width"], before.top_probs)
        panel.set_corpus([str(mine)])
        qtbot.waitUntil(lambda: "characters" in panel.form.corpus_label.text(), timeout=TIMEOUT)
        panel.form.steps_spin.setValue(60)
        panel.form.lr_spin.setValue(0.01)
        assert panel.after_view.view is None and not panel.after_view.sample.toPlainText()
        assert "when the run ends" in panel.after_view.sample.placeholderText()
        assert panel.after_view.plot.getAxis("left")._tickLevels == [[]]  # no labels without bars
        with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
            panel.start()
        assert ended.args[0] == "done"
        assert panel.curves.loss.values[-1] < panel.curves.loss.values[0] - 0.5
        low, high = panel.curves.plot.getViewBox().viewRange()[0]  # the step axis spans the run
        assert low <= 0 and 60 <= high <= 63
        qtbot.waitUntil(lambda: panel.after_view.view is not None, timeout=TIMEOUT)
        after = panel.after_view.view
        assert after.top_probs != before.top_probs and after.sample != before.sample
        # the tuned model starts from the base's weights and keeps its tokenizer and sizes
        tuned = load_model(panel.run.checkpoint)
        assert tuned.config == load_model(base).config and tuned.training["run"]["base_model"] == base
        assert panel.run.info["kind"] == "continue"
        assert all(r.info.get("kind") != "pretrain" for r in panel.store.runs())

        # the finished run is listed, opens in the explorer, and is a base for both fine-tune panels
        run = panel.store.get(panel.run.id)
        assert run.status == "done" and panel.run_list.run_ids() == [run.id]
        assert panel.run_list.selected_run().id == run.id and panel.open_button.isEnabled()
        with qtbot.waitSignal(panel.open_model_requested) as opened:
            panel.open_button.click()
        assert opened.args == [str(run.checkpoint)]
        panel.fill_bases()
        assert panel.base_picker.findData(str(run.checkpoint)) >= 0
        classify = FinetunePanel(Appearance(), panel.store)
        qtbot.addWidget(classify)
        assert classify.base_picker.findData(str(run.checkpoint)) >= 0
        assert f"Trained on your text: {run.name} (step 60)" in [classify.base_picker.itemText(i)
                                                                  for i in range(classify.base_picker.count())]
        classify.shutdown()

        # shown again later: the same loss curve, and the base and the tuned model continue the prompt
        losses = list(panel.curves.loss.values)
        again = ContinuedPanel(Appearance(), panel.store)
        qtbot.addWidget(again)
        try:
            again.form.prompt_edit.setText("When shall")
            again.run_list.list.setCurrentRow(0)
            again.run_list.show_button.click()
            np.testing.assert_allclose(again.curves.loss.curve.getData()[1], losses, rtol=1e-5)
            assert again.base_picker.folder() == base and again.progress.value() == 60
            qtbot.waitUntil(lambda: again.after_view.view is not None and again.before_view.view is not None,
                            timeout=TIMEOUT)
            assert again.after_view.view.top_probs == pytest.approx(after.top_probs, abs=1e-6)
            assert again.before_view.view.top_probs == pytest.approx(before.top_probs, abs=1e-6)
            # its base model moved away: "Before" empties and says why, "After" still shows the tuned model
            moved = tmp_path / "moved-base"
            Path(base).rename(moved)
            try:
                again.run_list.show_button.click()
                assert again.before_view.view is None and "gone" in again.before_view.sample.placeholderText()
                qtbot.waitUntil(lambda: again.after_view.view is not None and again.aux.is_idle(), timeout=TIMEOUT)
                qtbot.wait(50)
                assert again.before_view.view is None
            finally:
                moved.rename(base)
        finally:
            again.shutdown()

        # a second run: the first run's "after" is not left standing in for this one's
        with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT):
            panel.compare_now(before=False)  # the finished run's "after" is on its way when Start is pressed
            panel.start()
            qtbot.waitUntil(panel.aux.is_idle, timeout=TIMEOUT)
            qtbot.wait(50)  # any result it sent has been delivered by now
            assert panel.after_view.view is None and not panel.after_view.sample.toPlainText()
            panel.stop()
    finally:
        panel.shutdown()


def test_without_text_it_says_what_to_do(qtbot, tmp_path, base):
    panel = ContinuedPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(panel)
    try:
        panel.set_base(base)
        panel.start()
        assert not panel.is_training() and "text of your own" in panel.status.text()
        (tmp_path / "empty.txt").write_text("")
        panel.set_corpus([str(tmp_path / "empty.txt")])
        qtbot.waitUntil(lambda: "Nothing to learn from" in panel.form.corpus_label.text(), timeout=TIMEOUT)
        assert panel.paths == []
    finally:
        panel.shutdown()


def test_the_lesson_opens_at_the_section_on_continued_training(qtbot, tmp_path):
    panel = ContinuedPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    qtbot.waitExposed(panel)
    lesson = panel.lesson

    def heading_in_view() -> bool:  # the heading's whole line is inside the visible part of the pane
        line = lesson.cursorRect(lesson.document().find("Continuing on your own text"))
        return 0 <= line.top() and line.bottom() < lesson.viewport().height()

    # the section is near the end of a lesson taller than the pane: scrolled to, as far as it goes
    qtbot.waitUntil(lambda: lesson.verticalScrollBar().value() > 0)
    assert heading_in_view()
    # once there, the reader's place is theirs: hiding and showing the panel again keeps it
    lesson.verticalScrollBar().setValue(0)
    panel.hide()
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(50)
    assert lesson.verticalScrollBar().value() == 0
    # the sentiment panel shares the lesson and opens it at the top
    other = FinetunePanel(Appearance(), RunStore(tmp_path / "runs2"))
    qtbot.addWidget(other)
    other.resize(1400, 800)
    other.show()
    qtbot.waitExposed(other)
    qtbot.wait(50)
    assert other.lesson.verticalScrollBar().maximum() > 0 and other.lesson.verticalScrollBar().value() == 0
    for shown in (panel, other):  # a shown panel works on its worker (the Before view): stop it first
        shown.shutdown()


def test_the_before_view_shows_the_default_base_when_the_tab_is_first_shown(qtbot, tmp_path, base):
    """The base model is chosen from the start; its 'Before' view said 'Pick a base model' until a base
    was picked again by hand."""
    panel = ContinuedPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(panel)
    try:
        panel.base_picker.set_base(base, quiet=True)  # chosen as on a fresh launch: no one has picked it
        assert panel.base_picker.folder() == base and panel.before_view.view is None
        with qtbot.waitSignal(panel.views_shown, timeout=TIMEOUT):
            panel.show()
        assert panel.before_view.view is not None and panel.before_view.sample.toPlainText()
    finally:
        panel.shutdown()
