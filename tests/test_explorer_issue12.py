"""Issue 12, the explorer's items: the overview diagram settles when resized (1), its boxes open the
layer they name (10), a model change clears another vocabulary's generated ids (6), exports fit for
a paper (9)."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest
from _gui import open_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from app.common.appearance import Appearance
from app.common.sample import SAMPLE_TEXT, sample_engine
from app.explore.panels.overview import Diagram, OverviewPanel
from app.window import MainWindow

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
    with open_window(qtbot, tmp_path, four_layer_model(tmp_path / "four")) as win:
        yield win


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
        window.session.force(big)
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


# ---- 9: exports fit for a paper or a slide ---------------------------------------------------------------
def test_attention_csv_holds_the_weights_with_their_tokens(qtbot, window, tmp_path):
    wait_trace(qtbot, window, "the cat sat on the mat")
    window.show_stage("attention")
    attention = window.panels["attention"]
    attention.select(2, 1)
    path = window.exports.table(str(tmp_path / "attention.csv"))
    rows = list(csv.reader(open(path, encoding="utf-8")))
    tokens = window.trace.token_strs
    assert rows[0][0].startswith("layer 3, head 2: weight")
    assert rows[0][3:] == [f"key {j}: {t}" for j, t in enumerate(tokens)]
    assert [r[2] for r in rows[1:]] == list(tokens)  # the query token of every row
    weights = window.trace.layers[2].attn_probs[1]
    for i, row in enumerate(rows[1:]):
        values = [float(v) if v else np.nan for v in row[3:]]
        np.testing.assert_allclose(values[: i + 1], weights[i, : i + 1], rtol=1e-5, atol=1e-6)
        assert all(v == "" for v in row[3 + i + 1:])  # the causal mask: nothing to report
    # the logit lens beside it: one value a cell
    lens = list(csv.reader(open(tmp_path / "attention-logit-lens.csv", encoding="utf-8")))
    assert lens[0] == ["layer", "rank", "token id", "token", "probability"]
    first = lens[1]
    assert first[:2] == ["1", "1"] and int(first[2]) == int(window.trace.lens_top_ids[0, -1, 0])
    assert float(first[4]) == pytest.approx(float(window.trace.lens_top_probs[0, -1, 0]), rel=1e-4)
    assert "attention weights" in window.status.text() and "logit lens" in window.status.text()


def test_stage_figures_have_title_prompt_and_twice_the_pixels(qtbot, window, tmp_path):
    wait_trace(qtbot, window, "the cat sat on the mat")
    window.show_stage("attention")
    attention = window.panels["attention"]
    attention.select(0, 0)
    qtbot.wait(50)
    png = window.exports.stage("png", str(tmp_path / "a.png"))
    image = QImage(png)
    heatmap, mosaic = attention.heatmap, attention.mosaic
    # the plots only (no drop-down), at 2×, with room above for the title and the prompt
    assert image.width() >= 2 * (heatmap.width() + mosaic.width()) and image.width() < 2 * (window.width())
    assert image.height() > 2 * max(heatmap.height(), mosaic.height()) + 40
    svg = Path(window.exports.stage("svg", str(tmp_path / "a.svg"))).read_text(encoding="utf-8")
    texts = re.findall(r">([^<>]+)</text>", svg)
    assert any(t.startswith("layer 1, head 1") for t in texts), texts[:20]  # the heatmap's title, whole
    assert any("Attention" in t for t in texts) and any("the cat sat on the mat" in t for t in texts)
    assert "weights (after softmax)" not in texts  # no drop-down in the figure
    # Qt's own SVG renderer draws the heatmap title where the PNG has it: its first words are not lost
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgRenderer

    from app.common import figures

    fig = figures._Figure(attention, *figures.figure_caption(attention))
    band = heatmap.title.geometry().translated(fig.offsets[fig.parts.index(heatmap)])
    renderer = QSvgRenderer(str(tmp_path / "a.svg"))
    drawn = QImage(fig.size, QImage.Format_ARGB32)
    drawn.fill(0xFFFFFFFF)
    painter = QPainter(drawn)
    renderer.render(painter)
    painter.end()
    direct = figures.figure_image(attention, scale=1)

    def leftmost_ink(img):
        for x in range(band.left(), band.right()):
            if any(QColor(img.pixel(x, y)).lightness() < 90 for y in range(band.top(), band.bottom(), 1)):
                return x
        return None

    assert leftmost_ink(direct) is not None
    assert abs(leftmost_ink(drawn) - leftmost_ink(direct)) <= 12


def test_the_save_dialog_opens_where_the_last_export_went(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    wait_trace(qtbot, window, "the cat sat")
    window.show_stage("attention")
    asked = []
    folder = tmp_path / "figures"
    folder.mkdir()

    def fake(parent, title, start, filt):
        asked.append(start)
        return str(folder / Path(start).name), filt

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    assert window.exports.stage("png") == str(folder / "lm-anatomy-attention.png")
    assert Path(asked[0]).parent == Path.home()
    window.exports.table()
    assert Path(asked[1]).parent == folder  # remembered
    again = MainWindow(settings=window.settings)  # and across launches (QSettings)
    qtbot.addWidget(again)
    try:
        again.exports._ask_path("Export", "png", "PNG (*.png)")
        assert Path(asked[2]).parent == folder
    finally:
        again.shutdown()
