"""The fine-tuning panel: a classification run from a base model folder, its curves and confusion
matrix, try-a-sentence before/after, and the labelled table's import, export and bad rows."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from app.appearance import Appearance
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
    panel.blocks_spin.setValue(2)
    panel.steps_spin.setValue(100)
    panel.lr_spin.setValue(0.003)
    panel.try_edit.setText("The food was wonderful and the staff were lovely.")
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.start()
    assert ended.args[0] == "done", ended.args
    assert panel.steps[-1] == 100 and len(panel.losses) == len(panel.steps) == 20
    xs, ys = panel.loss_curve.getData()
    np.testing.assert_allclose(ys, panel.losses)
    assert panel.accs and panel.accs[-1] > 0.5  # beats chance (0.5) on the 46 held-out rows
    assert panel.confusion.sum() == 46 and [t.textItem.toPlainText() for t in panel.conf_texts] == [str(v) for v in panel.confusion.ravel()]
    assert "Held-out accuracy" in panel.status.text()
    qtbot.waitUntil(lambda: getattr(panel, "last_prediction", (0, 0, None))[2] is not None, timeout=TIMEOUT)
    assert "after:" in panel.try_result.text() and "training" not in panel.try_result.text()
    text, before, after = panel.last_prediction
    assert before.shape == after.shape == (2,) and not np.allclose(before, after)
    assert panel.labels == ["negative", "positive"]


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
    panel.base_combo.clear()
    panel.base_combo.addItem("Choose a model folder…", None)
    panel.start()
    assert not panel.is_training() and "base model" in panel.status.text()
