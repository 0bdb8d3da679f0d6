"""Charts that a keystroke does not lay out again when what they show has not changed (issue #17 item 3):
the attention grid's view and axes stay put when the prompt grows by a token, the heatmap sets its ticks
and colour-bar numbers only when they change, the Output axis ends on a step, and the Output bar labels
(one painted item) sit after or inside their bars."""
from __future__ import annotations

import numpy as np
import pytest
from _gui import shown
from PySide6.QtCore import QPointF

from app.common.appearance import Appearance
from app.common.plots import steady_limit
from app.explore.panels.attention_grid import AttentionMosaic
from app.explore.panels.heatmap import TokenHeatmap
from app.explore.panels.mosaic import separator


def causal_heads(n_layer: int, n_head: int, t: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    scores = rng.normal(size=(n_layer, n_head, t, t))
    scores[..., np.triu_indices(t, 1)[0], np.triu_indices(t, 1)[1]] = -np.inf
    probs = np.exp(scores - scores.max(-1, keepdims=True))
    return (probs / probs.sum(-1, keepdims=True)).astype(np.float32)


def counting(axis, monkeypatch) -> list:
    calls = []
    original = axis.setTicks
    monkeypatch.setattr(axis, "setTicks", lambda ticks: (calls.append(ticks), original(ticks)))
    return calls


def test_the_grid_keeps_its_view_and_axes_when_the_prompt_grows(qtbot, monkeypatch):
    mosaic = shown(qtbot, AttentionMosaic(Appearance()), 500, 500)
    mosaic.show_heads(causal_heads(3, 4, 10))
    view = mosaic.plot.getViewBox()
    first_range = view.viewRange()
    item = mosaic.plot.getPlotItem()
    left, top = counting(item.getAxis("left"), monkeypatch), counting(item.getAxis("top"), monkeypatch)
    for t in (11, 12, 25, 64, 65):
        mosaic.show_heads(causal_heads(3, 4, t, seed=t))
        assert view.viewRange() == first_range  # one unit a layer or head, whatever the token count
        assert not left and not top  # the axes were not given ticks again
        sep = separator(t)
        view.updateMatrix()  # as before a paint
        for layer, head in ((0, 0), (2, 3), (1, 2)):
            # tile (layer, head), drawn in mosaic coordinates, is centred on (head + 0.5, layer + 0.5) of the view
            centre = mosaic.image.mapToScene(QPointF(head * (t + sep) + t / 2, layer * (t + sep) + t / 2))
            in_view = view.mapSceneToView(centre)
            assert (in_view.x(), in_view.y()) == pytest.approx((head + 0.5, layer + 0.5), abs=1e-6)
    assert [label for _, label in item.getAxis("left")._tickLevels[0]] == ["L1", "L2", "L3"]
    mosaic.show_heads(causal_heads(2, 4, 65))  # another model's shape: the view follows
    assert view.viewRange() != first_range and len(left) == 1


def test_the_heatmap_sets_ticks_and_colour_numbers_only_when_they_change(qtbot, monkeypatch):
    heat = shown(qtbot, TokenHeatmap(Appearance()), 500, 400)
    labels = [f"t{i}" for i in range(12)]
    heat.show_matrix(causal_heads(1, 1, 12)[0, 0], labels)
    item = heat.plot.getPlotItem()
    left, bottom = counting(item.getAxis("left"), monkeypatch), counting(item.getAxis("bottom"), monkeypatch)
    bar_ranges = []
    original = heat.bar.axis.setRange
    monkeypatch.setattr(heat.bar.axis, "setRange", lambda lo, hi: (bar_ranges.append((lo, hi)), original(lo, hi)))
    heat.show_matrix(causal_heads(1, 1, 12, seed=3)[0, 0], labels)  # new weights, same tokens, max 1.0 (row 0)
    assert not left and not bottom and not bar_ranges
    np.testing.assert_allclose(heat.image.image, causal_heads(1, 1, 12, seed=3)[0, 0])  # the image did change
    heat.show_matrix(causal_heads(1, 1, 12, seed=4)[0, 0], labels[:-1] + ["new"])  # a token changed
    assert len(bottom) == 1 and bottom[0][0][-1][1] == "new"
    heat.show_matrix(causal_heads(1, 1, 12)[0, 0] * 0.5, labels[:-1] + ["new"])  # lower weights: a new scale
    assert bar_ranges and heat.bar.levels()[1] == pytest.approx(0.5)


@pytest.mark.parametrize("needed, limit", [(0.003, 0.01), (0.093, 0.1), (0.1, 0.1), (0.12, 0.125), (0.26, 0.3),
                                           (0.97, 1.0), (1.0, 1.0), (1.3, 1.0)])
def test_the_output_axis_ends_on_a_step(needed, limit):
    assert steady_limit(needed) == pytest.approx(limit)
    assert steady_limit(needed) >= min(needed, 1.0) - 1e-12


def test_many_nearby_distributions_share_one_axis_end():
    rng = np.random.default_rng(0)
    ends = {steady_limit(x) for x in 0.131 + rng.uniform(-0.005, 0.005, size=50)}
    assert ends == {0.15}


def test_token_boxes_measure_only_new_tokens_and_keep_exact_widths(qtbot):
    from PySide6.QtGui import QFontMetrics, QFontMetricsF

    from app.common.text_cache import TextCache
    from app.explore.panels.token_chips import TokenChips
    from app.explore.panels.token_strip import TokenStrip

    appearance = Appearance()
    chips = TokenChips(appearance)
    qtbot.addWidget(chips)
    chips.set_tokens(["To", "·be", ",", "·or"], [409, 304, 11, 536])
    chips.set_tokens(["To", "·be", ",", "·not"], [409, 304, 11, 323])  # a keystroke: one token new
    text_metrics, id_metrics = QFontMetricsF(appearance.font(1.0, mono=True)), QFontMetricsF(appearance.font(0.75))
    expected = [max(text_metrics.horizontalAdvance(t), id_metrics.horizontalAdvance(str(i))) + 2 * chips.PAD_X + 2
                for t, i in (("To", 409), ("·be", 304), (",", 11), ("·not", 323))]
    assert chips._widths == pytest.approx(expected)
    appearance.update(zoom=1.5)  # a larger text size measures everything again
    chips.set_tokens(["To", "·be", ",", "·not"], [409, 304, 11, 323])
    assert chips._widths[0] > expected[0]

    strip = TokenStrip(appearance)
    qtbot.addWidget(strip)
    strip.set_tokens(["a", "bb", "ccc"])
    strip.set_tokens(["a", "bb", "dddd"])
    metrics = QFontMetricsF(appearance.font(1.1))
    pad = 2 * metrics.horizontalAdvance(" ") * 0.6
    assert strip._widths == pytest.approx([metrics.horizontalAdvance(t) + pad for t in ("a", "bb", "dddd")])

    cache = TextCache()
    small, large = appearance.font(0.75), appearance.font(1.5)
    assert cache.prepared("·be", small) is cache.prepared("·be", small)  # laid out once
    assert cache.prepared("·be", large).size().width() > cache.prepared("·be", small).size().width()
    assert cache.widths(["·be", "·be"], small) == [QFontMetricsF(small).horizontalAdvance("·be")] * 2
    assert cache.widths(["·be"], large, whole=True) == [QFontMetrics(large).horizontalAdvance("·be")]


def test_token_boxes_draw_their_texts_in_the_fonts_they_were_measured_in(qtbot):
    """drawStaticText lays a text out again in the painter's font: labels must be painted in the monospace
    font and ids in the small one, or a label overflows the box its width was measured for."""
    from PySide6.QtGui import QFontMetricsF

    from app.explore.panels.token_chips import TokenChips

    appearance = Appearance()
    chips = shown(qtbot, TokenChips(appearance), 600, 120)
    labels, ids = ["Wherefore", "·art", "·thou"], [1711, 527, 1313]
    chips.set_tokens(labels, ids)
    chips.grab()  # paints
    chips.grab()  # and again, with the prepared texts
    text_font, id_font = appearance.font(1.0, mono=True), appearance.font(0.75)
    for label, tid in zip(labels, ids):
        assert chips.text_cache.prepared(label, text_font).size().width() == pytest.approx(
            QFontMetricsF(text_font).horizontalAdvance(label), abs=1.0)
        assert chips.text_cache.prepared(str(tid), id_font).size().width() == pytest.approx(
            QFontMetricsF(id_font).horizontalAdvance(str(tid)), abs=1.0)
