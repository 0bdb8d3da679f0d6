"""The fine-tuning panel: a classification run from a base model folder, its curves and confusion
matrix, try-a-sentence before/after, and the labelled table's import, export and bad rows."""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest
import torch

from app.common.appearance import Appearance
from app.training.finetune import FinetunePanel
from app.training.labelled_table import BUNDLED
from app.training.runs import RunStore
from model import ModelConfig, TextTokenizer, Transformer, save_model
from model.labelled import read_labelled_csv

TIMEOUT = 60000


@pytest.fixture
def base_folder(tmp_path):
    data = read_labelled_csv(BUNDLED)
    tok = TextTokenizer.train("word", data.part("train")[0], 1200)
    torch.manual_seed(0)
    model = Transformer(ModelConfig(vocab_size=tok.vocab_size, context_length=48, n_layer=2, n_head=2, d_model=32,
                                    d_mlp=64))
    return str(save_model(tmp_path / "base", model, tok, {}))


@pytest.fixture
def panel(qtbot, tmp_path):
    p = FinetunePanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(p)
    p.show()
    yield p
    p.shutdown()


def test_classification_run_in_the_panel(qtbot, panel, base_folder):
    assert panel.table.table.rowCount() == 238  # the example set loads when the panel is first shown
    panel.set_base(base_folder)
    panel.form.blocks_spin.setValue(2)
    panel.form.steps_spin.setValue(100)
    panel.form.lr_spin.setValue(0.003)
    panel.try_box.edit.setText("The food was wonderful and the staff were lovely.")
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.start()
    assert ended.args[0] == "done", ended.args
    assert panel.curves.loss.steps[-1] == 100 and len(panel.curves.loss.values) == len(panel.curves.loss.steps) == 20
    xs, ys = panel.curves.loss.curve.getData()
    np.testing.assert_allclose(ys, panel.curves.loss.values)
    for plot in (panel.curves.loss_plot, panel.curves.acc_plot):  # the step axes span the run, whatever has been drawn
        low, high = plot.getViewBox().viewRange()[0]
        assert low <= 0 and 100 <= high <= 105
    assert panel.curves.loss_plot.getViewBox().autoRangeEnabled() == [False, True]
    assert panel.curves.accuracy.values and panel.curves.accuracy.values[-1] > 0.5  # beats chance (0.5) on the 46 held-out rows
    shown = [t.textItem.toPlainText() for t in panel.curves.confusion_view.texts]
    assert panel.curves.confusion.sum() == 46 and shown == [str(v) for v in panel.curves.confusion.ravel()]
    assert "Held-out accuracy" in panel.status.text()
    qtbot.waitUntil(lambda: (panel.try_box.last_prediction or (0, 0, None))[2] is not None, timeout=TIMEOUT)
    assert "after:" in panel.try_box.result.text() and "training" not in panel.try_box.result.text()
    text, before, after = panel.try_box.last_prediction
    assert before.shape == after.shape == (2,) and not np.allclose(before, after)
    assert panel.curves.labels == ["negative", "positive"]


def test_table_import_reports_bad_rows_and_exports(qtbot, panel, tmp_path):
    bad = tmp_path / "mine.csv"
    bad.write_text("text,label\nI like it,positive\njust text\n,negative\nI hate it,negative\n")
    problems = panel.table.load_file(bad)
    assert problems == ["line 3: expected text and label separated by a comma; skipped",
                        "line 4: the text is empty; skipped"]
    assert panel.table.table.rowCount() == 2 and "2 row(s) skipped" in panel.table.summary.text()
    assert "line 3" in panel.table.summary.text()
    panel.table.add_row()
    panel.table.table.item(2, 0).setText("")  # an empty row in the table is skipped, not an error
    panel.table.table.item(2, 1).setText("")
    data = panel.table.labelled_set()
    assert data.texts == ["I like it", "I hate it"] and data.splits == ["train", "train"]  # one of each: none to spare
    out = tmp_path / "out.csv"
    panel.table._export(str(out))
    again = read_labelled_csv(out)
    assert again.texts == ["I like it", "I hate it"] and again.labels == ["positive", "negative"]
    assert panel.table.load_file(tmp_path / "missing.csv")  # a missing file is reported, not raised
    assert "Could not import" in panel.table.summary.text()


def test_no_base_or_no_rows_says_what_to_do(qtbot, panel):
    panel.base_picker.clear()
    panel.base_picker.addItem("Choose a model folder…", None)
    panel.start()
    assert not panel.is_training() and "base model" in panel.status.text()


def _train(qtbot, panel, base_folder, steps):
    panel.set_base(base_folder)
    panel.form.blocks_spin.setValue(2)
    panel.form.steps_spin.setValue(steps)
    panel.form.lr_spin.setValue(0.003)
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.start()
    return ended.args


def test_a_finished_fine_tune_is_saved_reopened_and_deleted(qtbot, panel, base_folder, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.training import classify_runs

    sentence = "The waiter was rude and the soup was cold."
    panel.try_box.edit.setText(sentence)
    assert _train(qtbot, panel, base_folder, 40)[0] == "done"
    run = panel.run
    assert run is not None and run.info["kind"] == "classify" and run.status == "done" and run.step == 40
    assert run.info["labels"] == ["negative", "positive"] and run.info["settings"]["base_model"] == base_folder
    assert run.info["accuracy"] == panel.curves.accuracy.values[-1] and "Saved as the run" in panel.status.text()
    assert panel.run_list.run_ids() == [run.id] and panel.run_list.selected_run().id == run.id
    # the files hold what was on screen: the loss and accuracy curves and the confusion matrix
    m = run.metrics(classify_runs.COLUMNS)
    np.testing.assert_allclose(m["train_loss"][np.isfinite(m["train_loss"])], panel.curves.loss.values, rtol=1e-5)
    np.testing.assert_allclose(m["accuracy"][np.isfinite(m["accuracy"])], panel.curves.accuracy.values, rtol=1e-5)
    np.testing.assert_array_equal(classify_runs.read_confusion(run), panel.curves.confusion)
    assert not any(run.folder.rglob("*.pt")) and (run.checkpoint / "head.safetensors").exists()
    qtbot.waitUntil(lambda: (panel.try_box.last_prediction or (0, 0, None))[2] is not None, timeout=TIMEOUT)
    _, trained_before, trained_after = panel.try_box.last_prediction
    saved_losses, saved_accs, saved_confusion = list(panel.curves.loss.values), list(panel.curves.accuracy.values), panel.curves.confusion.copy()

    # a fresh panel on the same store lists the run and shows it again, classifier included
    again = FinetunePanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(again)
    try:
        assert again.run_list.run_ids() == [run.id] and "40 steps" in again.run_list.list.item(0).text()
        again.run_list.list.setCurrentRow(0)
        with qtbot.waitSignal(again.classifier_loaded, timeout=TIMEOUT):
            again.run_list.show_button.click()
        np.testing.assert_allclose(again.curves.loss.curve.getData()[1], saved_losses, rtol=1e-5)
        np.testing.assert_allclose(again.curves.accuracy.curve.getData()[1], saved_accs, rtol=1e-5)
        np.testing.assert_array_equal(again.curves.confusion, saved_confusion)
        shown = [t.textItem.toPlainText() for t in again.curves.confusion_view.texts]
        assert shown == [str(v) for v in saved_confusion.ravel()]
        assert again.base_picker.folder() == base_folder and again.form.steps_spin.value() == 40
        with qtbot.waitSignal(again.prediction_shown, timeout=TIMEOUT):
            again.try_box.edit.setText(sentence)
        _, before, after = again.try_box.last_prediction
        np.testing.assert_allclose(after, trained_after, atol=1e-5)  # the saved classifier, not a new head
        np.testing.assert_allclose(before, trained_before, atol=1e-5)  # and the untrained head it started from

        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
        again.delete_run(again.run_list.selected_run())
        assert not run.folder.exists() and again.run_list.run_ids() == [] and again.run is None
        assert again.curves.loss.curve.getData()[0] is None or len(again.curves.loss.curve.getData()[0]) == 0
    finally:
        again.shutdown()


def test_a_stopped_fine_tune_is_saved_as_stopped(qtbot, panel, base_folder):
    panel.set_base(base_folder)
    panel.form.steps_spin.setValue(100000)
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.start()
        qtbot.waitUntil(lambda: len(panel.curves.loss.steps) >= 2, timeout=TIMEOUT)
        panel.stop()
    assert ended.args[0] == "stopped"
    run = panel.run
    assert run.status == "stopped" and 10 <= run.step < 100000 and run.total_steps == 100000
    assert panel.store.runs()[0].id == run.id and (run.checkpoint / "model.safetensors").exists()


def test_a_fine_tune_stopped_before_its_first_step_saves_nothing(qtbot, panel, base_folder):
    panel.set_base(base_folder)
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.start()
        panel.stop()  # before the worker has built the trainer
    assert ended.args[0] == "stopped" and panel.run is None and panel.store.runs() == []


def test_a_head_whose_header_length_starts_with_0x80_still_loads(tmp_path):
    """A safetensors file starts with its header length; a low byte of 0x80 must not be taken for a
    pickle's opening byte. A real pickle is still refused unopened."""
    import pickle

    from safetensors.torch import save_file

    from app.training.classify_runs import read_head
    from model.checkpoint import CheckpointError

    head = {"weight": torch.arange(6, dtype=torch.float32).reshape(2, 3), "bias": torch.tensor([0.5, -0.5])}
    path = tmp_path / "head.safetensors"
    for pad in range(300):  # pad the metadata until the header length's low byte is 0x80
        save_file(head, str(path), metadata={"pad": "x" * pad})
        if path.read_bytes()[0] == 0x80:
            break
    assert path.read_bytes()[0] == 0x80
    loaded = read_head(path)
    assert torch.equal(loaded["weight"], head["weight"]) and torch.equal(loaded["bias"], head["bias"])
    path.write_bytes(pickle.dumps({"weight": [1, 2, 3]}))
    with pytest.raises(CheckpointError, match="pickle"):
        read_head(path)


def test_before_a_run_the_curves_span_the_steps_asked_for_and_the_matrix_has_no_numbers(qtbot):
    """The empty plots read 0.1 ... 0.9 'step' and a confusion matrix from -0.4 to 0.4 before Start."""
    from app.common.appearance import Appearance
    from app.training.continued import ContinuedPanel
    from app.training.finetune import FinetunePanel
    from app.training.runs import RunStore

    for cls in (FinetunePanel, ContinuedPanel):
        panel = cls(Appearance(), RunStore(Path(tempfile.mkdtemp())))
        qtbot.addWidget(panel)
        plots = ([panel.curves.loss_plot, panel.curves.acc_plot] if cls is FinetunePanel else [panel.curves.plot])
        steps = panel.form.steps_spin
        for value in (steps.value(), 500):
            steps.setValue(value)
            for pw in plots:
                low, high = pw.getViewBox().viewRange()[0]
                assert low <= 0 < value <= high <= value * 1.1, (cls.__name__, low, high)
    matrix = FinetunePanel(Appearance(), RunStore(Path(tempfile.mkdtemp()))).curves.confusion_view.plot
    qtbot.addWidget(matrix)
    for side in ("left", "bottom"):
        assert matrix.getAxis(side)._tickLevels == [[]]  # no coordinates where class names will be


def test_before_a_pretraining_run_its_curves_span_the_steps_asked_for(qtbot):
    from app.training.pretrain import PretrainPanel

    panel = PretrainPanel(Appearance(), RunStore(Path(tempfile.mkdtemp())))
    qtbot.addWidget(panel)
    for value in (panel.form.steps_spin.value(), 300):
        panel.form.steps_spin.setValue(value)
        for pw in panel.curves.plots.values():
            assert pw.getViewBox().viewRange()[0] == pytest.approx([0, value]), value
    panel.shutdown()
