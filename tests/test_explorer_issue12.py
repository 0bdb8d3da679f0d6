"""Issue 12, the explorer's items: the overview diagram settles when resized (1), its boxes open the
layer they name (10), a model change clears another vocabulary's generated ids (6), exports fit for
a paper (9)."""
from __future__ import annotations

import csv
import os
import re
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from app.appearance import Appearance
from app.main_window import MainWindow
from app.panels.overview import Diagram, OverviewPanel
from app.sample import SAMPLE_TEXT, sample_engine, tiny_model_dir

TIMEOUT = 30000


def four_layer_model(folder: Path, kind: str = "bpe", seed: int = 0) -> str:
    import torch

    from model import ModelConfig, TextTokenizer, Transformer, save_model

    torch.manual_seed(seed)
    tok = TextTokenizer.train(kind, [SAMPLE_TEXT * 4, "hello world, the cat sat on the mat."], 280)
    cfg = ModelConfig(vocab_size=tok.vocab_size, context_length=32, n_layer=4, n_head=2, d_model=16, d_mlp=32)
    return str(save_model(folder, Transformer(cfg), tok, {}))


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
        win.start(four_layer_model(tmp_path / "four"))
    yield win
    win.shutdown()


def wait_trace(qtbot, win, text):
    with qtbot.waitSignal(win.trace_shown, timeout=TIMEOUT):
        win.set_prompt(text)
    qtbot.waitUntil(win.engine_worker.is_idle, timeout=TIMEOUT)


# ---- 1: the overview's fit never oscillates ------------------------------------------------------------
def test_overview_resizing_settles_after_a_zoom(qtbot, monkeypatch):
    """Fitting the diagram in resizeEvent made its scroll bars show and hide forever once a zoom had
    left the scene rectangle larger than the drawing (the window froze at 100% CPU)."""
    resizes = []
    original = Diagram.resizeEvent

    def counted(self, event):
        resizes.append((event.size().width(), event.size().height()))
        if len(resizes) < 400:  # beyond that the old code loops forever: stop fitting so the test ends
            original(self, event)
        else:
            super(Diagram, self).resizeEvent(event)

    monkeypatch.setattr(Diagram, "resizeEvent", counted)
    appearance = Appearance()
    panel = OverviewPanel(appearance)
    qtbot.addWidget(panel)
    panel.set_model(sample_engine().info())  # the shipped model (6 layers) where installed: the one that froze
    panel.resize(800, 600)
    panel.show()
    qtbot.waitExposed(panel)
    app = QApplication.instance()
    for change in (dict(presentation=True), dict(presentation=False, zoom=0.87)):  # F5 on and off, zoom out
        appearance.update(**change)
        for _ in range(20):
            app.processEvents()
    sizes = [(300, h) for h in range(200, 272, 9)] + [(301, 240), (420, 333), (640, 480), (641, 479), (900, 700)]
    for w, h in sizes:  # the old code froze at 300×236 after this sweep
        resizes.clear()
        panel.resize(w, h)
        for _ in range(50):
            app.processEvents()
        assert len(resizes) <= 3, f"{len(resizes)} resize events at {w}×{h}: the layout oscillates"
    view = panel.diagram
    assert not view.horizontalScrollBar().isVisible() and not view.verticalScrollBar().isVisible()
    # the whole drawing is in view
    drawn = view.mapFromScene(view.scene().itemsBoundingRect()).boundingRect()
    assert view.viewport().rect().adjusted(-1, -1, 1, 1).contains(drawn)


# ---- 10: every box opens what it names -------------------------------------------------------------------
def click_box(qtbot, win, tag):
    view = win.panels["overview"].diagram
    box = win.panels["overview"].boxes[tag]
    centre = view.mapFromScene(box.sceneBoundingRect().center())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=centre)


def test_overview_block_boxes_open_their_layer(qtbot, window):
    wait_trace(qtbot, window, "the cat sat on the mat")
    attention = window.panels["attention"]
    attention.select(3, 1)  # last layer, head 2: where the Attention stage was left
    window.show_stage("overview")
    qtbot.waitExposed(window.panels["overview"].diagram)
    click_box(qtbot, window, "attention2")  # "Block 3 · self-attention"
    assert window.current_stage == "attention"
    assert attention.layer == 2 and attention.head == 1
    assert attention.heatmap.title.text().startswith("layer 3, head 2")
    np.testing.assert_allclose(np.nan_to_num(attention.heatmap.matrix),
                               np.nan_to_num(window.trace.layers[2].attn_probs[1]), atol=1e-6)
    window.show_stage("overview")
    click_box(qtbot, window, "mlp1")  # "Block 2 · MLP": the logit lens after block 2
    assert window.current_stage == "attention" and attention.layer == 1
    assert [i.row() for i in attention.lens.selectionModel().selectedRows()] == [1]
    assert attention.lens.verticalHeaderItem(1).text() == "layer 2"
    text = window.panels["overview"].summary.text()
    assert "MLP" in text and "logit lens" in text  # the promise in the text is what the boxes do
    assert "Open the logit lens at layer 2" in window.panels["overview"].boxes["mlp1"].toolTip()


# ---- 6: a generated continuation of another model ---------------------------------------------------------
def test_opening_another_model_clears_generated_ids_of_the_old_vocabulary(qtbot, window, tmp_path):
    wait_trace(qtbot, window, "the cat")
    big = window.info.config["vocab_size"] - 1  # the last id of this vocabulary
    with qtbot.waitSignal(window.trace_shown, timeout=TIMEOUT):
        window.force(big)
    assert window.decoding.extra_ids == [big]
    errors = []
    window.trace_failed.connect(errors.append)
    other = four_layer_model(tmp_path / "char", kind="char", seed=1)
    with qtbot.waitSignal(window.trace_shown, timeout=TIMEOUT):
        window.open_model(other)
    qtbot.waitUntil(window.engine_worker.is_idle, timeout=TIMEOUT)
    assert not errors, errors
    assert window.decoding.extra_ids == [] and window.decoding.history == []
    assert window.result is not None and window.stack.currentWidget() is not window.empty
    assert "".join(window.trace.token_strs) == "the cat"
    assert "Error" not in window.status.text()
