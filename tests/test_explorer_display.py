"""Issue 12's display defects, one panel at a time: each test checks the numbers a reader sees
(tick strings, view ranges, label text, colours), and fails on the code before its fix."""
from __future__ import annotations

import numpy as np
import pytest
from _gui import make_panel, shown
from PySide6.QtGui import QFontMetrics

from app.common.appearance import Appearance
from app.common.plots import make_plot, style_plot
from app.explore.panels.attention import AttentionPanel
from app.explore.panels.embeddings import EmbeddingsPanel
from app.explore.panels.heatmap import TokenHeatmap
from app.explore.panels.output import OutputPanel

PROMPT = "To be, or not to be, that is the question"


def make(qtbot, cls, info, appearance=None):
    return make_panel(qtbot, cls, info, appearance, wait=True)


def tick_strings(axis) -> list[str]:
    """The tick labels pyqtgraph would draw on this axis for its current range."""
    lo, hi = axis.range
    length = max(axis.width(), axis.height(), 300)
    out = []
    for spacing, values in axis.tickValues(lo, hi, length):
        out += axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
    return out


def numbers(strings) -> np.ndarray:
    return np.array([float(s.replace("−", "-")) for s in strings if s.strip()])


# ---- item 3: axes 1,000 times too large after F5 on and off ------------------------------------
def test_a_restyle_never_rescales_tick_values(qtbot):
    """style_plot runs on every appearance change (F5, zoom, theme); a plot spanning 0..0.006 kept
    reading 0..6 after it (pyqtgraph froze a 'milli' factor), the curves in Watch it learn too."""
    a = Appearance()
    pw = make_plot(a)
    qtbot.addWidget(pw)
    pw.plot([0, 1, 2], [0.0, 0.003, 0.006])
    pw.getPlotItem().getAxis("left").setLabel("probability")  # an axis with a title, as every chart has
    pw.getViewBox().setRange(xRange=(0, 2), yRange=(0, 0.006), padding=0)
    style_plot(pw, a)  # as after F5
    axis = pw.getPlotItem().getAxis("left")
    assert axis.autoSIPrefixScale == 1.0
    assert numbers(tick_strings(axis)).max() <= 0.006 + 1e-9
    pw.getViewBox().setRange(yRange=(0, 0.5), padding=0)  # and a later range is read as it is
    assert 0.3 <= numbers(tick_strings(axis)).max() <= 0.5


def test_output_and_embedding_axes_read_the_same_after_presentation_on_and_off(qtbot, info, trace):
    a = Appearance()
    out = make(qtbot, OutputPanel, info, a)
    emb = make(qtbot, EmbeddingsPanel, info, a)
    out.render(trace)
    emb.render(trace)
    try:
        a.update(presentation=True)
        a.update(presentation=False)
        out.render(trace)
        emb.render(trace)
        bottom = out.plot.getPlotItem().getAxis("bottom")
        ticks = numbers(tick_strings(bottom))
        top_bar = float(max(out.raw.max(), out.shaped.max())) * 100  # the longest bar, in percent
        assert ticks.max() <= max(top_bar * 1.8, 1.0)  # e.g. 0..1 for a 0.6% bar, not 0..1000
        pca = info.pca
        for name, column in (("bottom", 0), ("left", 1)):
            axis = emb.plot.getPlotItem().getAxis(name)
            assert axis.autoSIPrefixScale == 1.0
            assert np.abs(numbers(tick_strings(axis))).max() <= np.abs(pca[:, column]).max() * 1.2
    finally:
        a.update(presentation=False)


# ---- item 11: temperature 0 --------------------------------------------------------------------
def test_temperature_zero_keeps_one_line_and_a_probability_axis_within_100_percent(qtbot, info, trace):
    panel = make(qtbot, OutputPanel, info)
    panel.render(trace)
    qtbot.wait(50)
    slider_width, label_height = panel.temperature.width(), panel.temperature_label.height()
    panel.set_settings(0.0, 0, 1.0)
    qtbot.wait(50)
    line = QFontMetrics(panel.temperature_label.font()).height()
    assert panel.temperature_label.text() == "0 (greedy)"
    assert panel.temperature_label.height() < 1.6 * line  # one line, not three
    assert panel.temperature_label.height() == label_height
    assert panel.temperature.width() == slider_width  # the slider does not shrink, the panel does not jump
    (x0, x1), _ = panel.plot.getViewBox().viewRange()
    assert x1 <= 1.0 + 1e-9  # a probability axis ends at 100%, not 1.7
    assert numbers(tick_strings(panel.plot.getPlotItem().getAxis("bottom"))).max() <= 100
    assert panel.bar_widths()[0] == pytest.approx(1.0)
    assert panel.bar_labels.texts()[0].startswith("100%")
    assert panel.labels_inside[0]  # the 100% label is written inside its bar, not cut off


# ---- item 12 -----------------------------------------------------------------------------------
def test_bars_in_percent_on_a_percent_axis(qtbot, info, trace):
    panel = make(qtbot, OutputPanel, info)
    panel.set_settings(1.0, 0, 1.0)
    panel.render(trace)
    axis = panel.plot.getPlotItem().getAxis("bottom")
    assert "%" in axis.labelString()
    ticks = numbers(tick_strings(axis))
    first = panel.bar_labels.texts()[0]
    assert first.endswith("%")
    value = float(first.rstrip("%"))
    assert value == pytest.approx(panel.shaped[0] * 100, rel=0.06, abs=0.01)
    # the label's number is on the axis's scale: within the ticks' span, not 100 times past it
    assert ticks.min() <= value <= ticks.max() * 2 + 1e-9
    (x0, x1), _ = panel.plot.getViewBox().viewRange()
    assert x1 * 100 >= value  # the bar's end is in view


def test_heatmap_labels_every_key_of_a_short_prompt(qtbot):
    heat = shown(qtbot, TokenHeatmap(Appearance()), 380, 400)  # the large heatmap beside the grid on a laptop screen
    labels = ["ROM", "E", "O", ":", "·But", "·soft", ",", "·what"]  # "ROMEO: But soft, what"
    matrix = np.tril(np.full((8, 8), 0.125, np.float32))
    matrix[np.triu_indices(8, 1)] = np.nan
    heat.show_matrix(matrix, labels)
    qtbot.wait(50)
    bottom, left = heat.plot.getPlotItem().getAxis("bottom"), heat.plot.getPlotItem().getAxis("left")
    assert [t for _, t in bottom._tickLevels[0]] == labels
    assert [t for _, t in left._tickLevels[0]] == labels


def test_colour_bar_end_labels_are_inside_the_widget(qtbot):
    heat = shown(qtbot, TokenHeatmap(Appearance()), 600, 400)
    heat.show_matrix(np.eye(6, dtype=np.float32), [str(i) for i in range(6)])
    qtbot.wait(50)
    axis = heat.bar.axis
    half_text = QFontMetrics(heat.appearance.font(0.9)).height() / 2
    top = axis.mapRectToScene(axis.rect()).top()  # the "1.0" label is centred on this edge
    bottom = axis.mapRectToScene(axis.rect()).bottom()
    assert top >= half_text - 1
    assert bottom + half_text <= heat.plot.height() + 1


def test_embedding_labels_never_overlap_at_32_tokens(qtbot, engine, info):
    ids = list(range(2, 34))  # 32 different tokens
    text = info.tokenizer.decode(ids)
    trace = engine.trace(text).trace
    assert trace.n_tokens >= 30
    panel = make(qtbot, EmbeddingsPanel, info)
    panel.render(trace)
    qtbot.wait(50)
    panel.render(trace)  # laid out now
    drawn = [t for t in panel.labels if t.toPlainText()]
    rects = [t.mapRectToScene(t.boundingRect()) for t in drawn]
    assert len(rects) >= 3
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            overlap = rects[i].intersected(rects[j])
            assert overlap.width() * overlap.height() < 4, (drawn[i].toPlainText(), drawn[j].toPlainText())


def test_embedding_map_shows_every_token_vector(qtbot, info, trace):
    a = Appearance()
    panel = make(qtbot, EmbeddingsPanel, info, a)
    panel.render(trace)
    try:
        a.update(presentation=True)
        (x0, x1), (y0, y1) = panel.plot.getViewBox().viewRange()
        pca = info.pca
        assert x0 <= pca[:, 0].min() and pca[:, 0].max() <= x1
        assert y0 <= pca[:, 1].min() and pca[:, 1].max() <= y1
    finally:
        a.update(presentation=False)


def test_head_grid_in_scores_mode_uses_the_large_heatmaps_colour_map(qtbot, info, trace):
    panel = make(qtbot, AttentionPanel, info)
    panel.render(trace)
    panel.set_scores(True)
    index, lut = panel.mosaic.colour()
    diverging = panel.appearance.diverging().getLookupTable(nPts=254, alpha=False)
    np.testing.assert_array_equal(lut[:254], diverging)
    # the same score has the same colour in the grid and in the large heatmap (scaled by max |score|)
    scores = trace.layers[0].attn_scores[0]
    t = trace.n_tokens
    m = float(np.abs(scores[np.isfinite(scores)]).max())
    row, col = t - 1, 0
    expected = (np.clip((scores[row, col] / m + 1) / 2, 0, 1) * 253 + 0.5).astype(np.uint8)
    assert index[row, col] == expected
    panel.set_scores(False)
    index, lut = panel.mosaic.colour()
    np.testing.assert_array_equal(lut[:254], panel.appearance.sequential().getLookupTable(nPts=254, alpha=False))


def test_lesson_names_the_colour_the_similarity_map_draws():
    import colorsys

    from app.common.appearance import Appearance
    from model.paths import lessons_dir

    top = Appearance().diverging().map(1.0, mode="qcolor")
    h, s, v = colorsys.rgb_to_hsv(top.redF(), top.greenF(), top.blueF())
    assert 40 <= h * 360 <= 60 and v < 0.8  # a dark gold, not a bright colour
    text = (lessons_dir() / "positions.html").read_text(encoding="utf-8")
    assert "bright band" not in text and "gold band" in text
    assert "yellow" not in (lessons_dir() / "embeddings.html").read_text(encoding="utf-8")


def test_plural_forms():
    from app.explore.panels.base import count
    from app.explore.panels.bpe_merges import pieces

    assert pieces(1) == "1 piece" and pieces(3) == "3 pieces"
    assert count(1, "token", "tokens") == "1 token" and count(2048, "token", "tokens") == "2,048 tokens"


def test_one_token_prompt_reads_in_the_singular(qtbot, engine, info):
    from app.explore.panels.text import TextPanel
    from app.explore.panels.tokens import TokensPanel

    trace = engine.trace("a").trace
    assert trace.n_tokens == 1
    tokens = make(qtbot, TokensPanel, info)
    tokens.render(trace)
    assert tokens.count_label.text().startswith("1 token  ·  1 character  ·  1 byte")
    text = make(qtbot, TextPanel, info)
    text.render(trace)
    assert text.stats.text() == "1 character · 1 UTF-8 byte · 1 token"


# ---- issue 18, item 9 --------------------------------------------------------------------------
def test_sampling_settings_change_while_output_is_hidden(qtbot, engine, info):
    """The window tells every panel where generated text starts, but renders only the visible one:
    a hidden Output panel kept an older, shorter trace and indexed past its end."""
    panel = make(qtbot, OutputPanel, info)
    short = engine.trace("To be").trace
    panel.render(short)
    panel.hide()
    panel.set_generated_from(short.n_tokens + 3)  # a newer, longer trace's generated tokens
    panel.set_settings(0.5, 5, 0.9)  # must not raise IndexError
    assert panel.trace is None  # drawn when shown again, with the trace current then
    longer = engine.trace("To be, or not to be").trace
    panel.set_generated_from(2)
    panel.show()
    panel.render(longer)
    assert "<b" in panel.so_far.text()
    assert panel.settings() == (0.5, 5, 0.9)
