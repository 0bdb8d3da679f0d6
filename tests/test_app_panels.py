"""Each stage panel renders a trace, and what it draws equals the trace's values."""
from __future__ import annotations

import numpy as np
import pytest
from _gui import make_panel

from app.common.appearance import Appearance
from app.common.sample import sample_engine, tiny_model_dir
from app.common.textutil import visible
from app.explore.panels.attention import AttentionPanel
from app.explore.panels.attention_grid import build_mosaic, cell_at, separator
from app.explore.panels.embeddings import EmbeddingsPanel, nearest
from app.explore.panels.output import N_BARS, OutputPanel
from app.explore.panels.overview import OverviewPanel
from app.explore.panels.positions import PositionsPanel, strips
from app.explore.panels.text import TextPanel
from app.explore.panels.tokens import TokensPanel

PROMPT = "To be, or not to be, that is the question"


def click_at(plot, item, x: float, y: float) -> None:
    """A left click (press and release) where the point (x, y) of `item` (None: of the plot's view) is drawn."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    for _ in range(3):  # lay the plot out first, as it is on screen
        QApplication.processEvents()
    point = QPointF(x, y)
    scene_point = item.mapToScene(point) if item is not None else plot.getViewBox().mapViewToScene(point)
    QTest.mouseClick(plot.viewport(), Qt.LeftButton, Qt.NoModifier, plot.mapFromScene(scene_point))


make = make_panel


def test_tokens_chips_match_trace(qtbot, info, trace):
    from PySide6.QtCore import QPointF

    from app.explore.panels.token_chips import TokenChips

    panel = make(qtbot, TokensPanel, info)
    panel.render(trace)
    view = panel.chip_view
    assert view.token_ids == trace.token_ids.tolist()
    assert f"{trace.n_tokens} tokens" in panel.count_label.text()
    assert view.labels[3] == visible(trace.token_strs[3])
    b0, b1 = trace.byte_spans[2]
    assert f"bytes {b0}–{b1}" in panel._chip_tip(2)
    # one box per token, in reading order, none overlapping, all inside the widget
    alone = TokenChips(panel.appearance)
    alone.set_tokens(trace.token_strs, trace.token_ids.tolist())
    qtbot.addWidget(alone)
    alone.resize(300, alone.heightForWidth(300))
    rects = alone.rects()
    assert len(rects) == trace.n_tokens
    for a, b in zip(rects, rects[1:]):
        assert b.top() > a.bottom() or (b.top() == a.top() and b.left() > a.right())
    assert all(r.left() >= 0 and r.right() <= 300 and r.bottom() <= alone.height() for r in rects)
    assert alone.index_at(rects[5].center()) == 5 and alone.index_at(rects[5].topLeft() - QPointF(2, 2)) == -1
    # a shorter trace after a longer one shows only its own tokens
    short = sample_engine(tiny_model_dir()).trace("To be").trace
    assert short.n_tokens < trace.n_tokens
    panel.render(short)
    assert view.token_ids == short.token_ids.tolist() and len(view.rects()) == short.n_tokens


def test_token_boxes_by_mouse_and_keyboard(qtbot, info, trace):
    from PySide6.QtCore import Qt

    panel = make(qtbot, TokensPanel, info)
    panel.resize(420, 600)
    panel.render(trace)
    view = panel.chip_view
    opened = []
    panel.token_clicked.connect(opened.append)
    qtbot.mouseClick(view, Qt.LeftButton, pos=view.rects()[4].center().toPoint())
    assert opened == [int(trace.token_ids[4])] and view.current == 4
    view.setFocus()
    for key, expected in ((Qt.Key_Right, 5), (Qt.Key_Left, 4), (Qt.Key_Home, 0), (Qt.Key_End, trace.n_tokens - 1)):
        qtbot.keyClick(view, key)
        assert view.current == expected
    qtbot.keyClick(view, Qt.Key_Home)
    rects = view.rects()
    qtbot.keyClick(view, Qt.Key_Down)  # to the box on the next row nearest below the first
    below = view.current
    assert rects[below].top() > rects[0].bottom()
    assert all(rects[i].top() != rects[below].top() or abs(rects[i].center().x() - rects[0].center().x())
               >= abs(rects[below].center().x() - rects[0].center().x()) for i in range(len(rects)))
    qtbot.keyClick(view, Qt.Key_Up)
    assert rects[view.current].top() == rects[0].top()
    qtbot.keyClick(view, Qt.Key_Return)
    assert opened[-1] == int(trace.token_ids[view.current])
    assert f"Token {view.current + 1} of {trace.n_tokens}" in view.accessibleDescription()


def test_tokens_comparison_and_bpe_merges(qtbot, info, trace):
    from model import TextTokenizer

    panel = make(qtbot, TokensPanel, info)
    char = TextTokenizer.train("char", [PROMPT * 3], 300)
    word = TextTokenizer.train("word", [PROMPT * 3], 50)
    panel.render(trace)
    panel.set_comparison_tokenizers({"char": char, "word": word, "bpe": info.tokenizer})
    counts = panel.comparison_counts()
    assert counts["char"] == len(trace.text)  # every character is one token here
    assert counts["word"] == len(word.encode(trace.text))
    assert counts["bpe"] == trace.n_tokens
    assert f"{counts['char']} tokens" in panel.compare_rows["char"][0].text()
    panel.merges.word_combo.setCurrentText("question")
    states = info.tokenizer.bpe_merge_steps("question")
    assert panel.merges.merge_states == states
    panel.merges.merge_slider.setValue(0)
    assert "merge 0 of" in panel.merges.merge_step_label.text()
    assert len(states[0]) == len("question")  # raw bytes first


def test_attention_selected_head_image_equals_trace(qtbot, info, trace):
    panel = make(qtbot, AttentionPanel, info)
    panel.render(trace)
    panel.select(1, 1)
    probs = trace.layers[1].attn_probs[1]
    shown = panel.heatmap.image.image
    visible_cells = np.isfinite(trace.layers[1].attn_scores[1])
    np.testing.assert_allclose(shown[visible_cells], probs[visible_cells], rtol=1e-6)
    assert np.isnan(shown[~visible_cells]).all()  # the causal mask is visible, not a zero
    # scores before softmax
    panel.set_scores(True)
    scores = trace.layers[1].attn_scores[1]
    np.testing.assert_allclose(panel.heatmap.image.image[visible_cells], scores[visible_cells], rtol=1e-6)
    # the average over heads
    panel.set_scores(False)
    panel.average.setChecked(True)
    mean = trace.layers[1].attn_probs.mean(axis=0)
    np.testing.assert_allclose(panel.heatmap.image.image[visible_cells], mean[visible_cells], rtol=1e-5)
    # the lines view shows the same weights
    np.testing.assert_allclose(panel.lines.weights, mean, rtol=1e-5)


def test_attention_mosaic_is_one_image_and_clicks_map_to_heads(qtbot, info, trace):
    panel = make(qtbot, AttentionPanel, info)
    panel.render(trace)
    n_layer, n_head, t = len(trace.layers), trace.layers[0].attn_probs.shape[0], trace.n_tokens
    sep = separator(t)
    mosaic = panel.mosaic.mosaic
    assert mosaic.shape == (n_layer * (t + sep) - sep, n_head * (t + sep) - sep)
    block = mosaic[1 * (t + sep): 1 * (t + sep) + t, 0:t]  # layer 2, head 1
    mask = np.isfinite(trace.layers[1].attn_scores[0])
    np.testing.assert_allclose(block[mask], trace.layers[1].attn_probs[0][mask], rtol=1e-6)
    assert np.isnan(mosaic[t: t + sep]).all()  # a separator row
    for layer in range(n_layer):
        for head in range(n_head):
            assert cell_at(head * (t + sep) + 0.5, layer * (t + sep) + t - 0.5, t, sep, n_layer, n_head) == (layer, head)
    assert cell_at(t + 0.2, 0.5, t, sep, n_layer, n_head) is None  # on a separator
    # a real click on the middle of layer 2, head 1's block selects that head
    with qtbot.waitSignal(panel.mosaic.head_clicked) as blocker:
        click_at(panel.mosaic.plot, panel.mosaic.image, 0 * (t + sep) + t / 2, 1 * (t + sep) + t / 2)
    assert blocker.args == [1, 0]


def test_build_mosaic_places_every_head():
    heads = np.arange(2 * 3 * 4 * 4, dtype=np.float32).reshape(2, 3, 4, 4)
    m = build_mosaic(heads, 1)
    np.testing.assert_array_equal(m[5:9, 10:14], heads[1, 2])


def test_mosaic_colour_indices_mark_weights_masked_cells_and_separators(qtbot):
    from app.explore.panels.attention_grid import AttentionMosaic

    mosaic = AttentionMosaic(Appearance())
    qtbot.addWidget(mosaic)
    t, sep = 3, separator(3)
    heads = np.random.default_rng(0).random((2, 2, t, t)).astype(np.float32)
    above = np.triu_indices(t, 1)
    heads[..., above[0], above[1]] = np.nan  # the causal mask
    heads[1, 1, 2, 0] = 1.5  # out of range: clipped to the top of the colour map
    mosaic.show_heads(heads)
    index, lut = mosaic.colour()
    assert index.shape == mosaic.mosaic.shape and lut.shape == (256, 3)
    for layer in range(2):
        for head in range(2):
            y, x = layer * (t + sep), head * (t + sep)
            cell, want = index[y : y + t, x : x + t], heads[layer, head]
            hidden = np.isnan(want)
            assert (cell[hidden] == 254).all()  # the causal mask's grey
            expected = (np.clip(want[~hidden], 0, 1) * 253 + 0.5).astype(np.uint8)
            np.testing.assert_array_equal(cell[~hidden], expected)
    assert (index[t : t + sep, :] == 255).all() and (index[:, t : t + sep] == 255).all()  # between heads
    assert index[(t + sep) + 2, (t + sep) + 0] == 253


def test_logit_lens_table_matches_trace(qtbot, info, trace):
    panel = make(qtbot, AttentionPanel, info)
    panel.render(trace)
    table = panel.lens
    assert table.rowCount() == len(trace.layers)
    from PySide6.QtCore import Qt
    for layer in range(len(trace.layers)):
        assert table.item(layer, 0).data(Qt.UserRole) == int(trace.lens_top_ids[layer, -1, 0])


def test_logit_lens_cells_are_coloured_by_probability_and_rows_fit_the_text(qtbot, info, trace):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QHeaderView

    panel = make(qtbot, AttentionPanel, info)
    panel.render(trace)
    table = panel.lens
    cmap = panel.appearance.sequential()
    for layer in range(len(trace.layers)):
        for col in range(table.columnCount()):
            p = float(trace.lens_top_probs[layer, -1, col])
            expected = cmap.map(min(1.0, p), mode="qcolor")
            got = table.item(layer, col).background().color()
            assert (got.red(), got.green(), got.blue(), got.alpha()) == (
                expected.red(), expected.green(), expected.blue(), 170)
            assert f"{p * 100:.1f}%" in table.item(layer, col).text()
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeToContents
    small = table.rowHeight(0)
    try:
        panel.appearance.update(zoom=2.0)  # a larger font: the rows grow to fit it
        panel.render(trace)
        assert table.rowHeight(0) > small
        assert table.rowHeight(0) >= table.fontMetrics().height()
        assert table.item(0, 0).data(Qt.UserRole) == int(trace.lens_top_ids[0, -1, 0])
    finally:
        panel.appearance.update(zoom=1.0)  # the application font is shared with later tests


def test_output_tallest_bar_is_argmax_and_temperature_zero_is_one_hot(qtbot, info, trace):
    panel = make(qtbot, OutputPanel, info)
    panel.render(trace)
    widths = panel.bar_widths()
    assert len(widths) == min(N_BARS, len(trace.next_token_probs))
    assert int(panel.candidates[int(np.argmax(widths))]) == int(np.argmax(trace.next_token_probs))
    np.testing.assert_allclose(widths, np.sort(trace.next_token_probs)[::-1][: len(widths)], rtol=1e-5)
    panel.set_settings(0.0, 0, 1.0)
    widths = panel.bar_widths()
    assert widths[0] == pytest.approx(1.0) and np.all(widths[1:] == 0)
    assert panel.kept.sum() == 1
    assert np.all(panel.cut_bars.opts["width"][1:] > 0)  # cut candidates stay visible, hatched


def test_output_top_k_cuts_candidates_live(qtbot, info, trace):
    panel = make(qtbot, OutputPanel, info)
    panel.render(trace)
    panel.set_settings(1.0, 3, 1.0)
    assert panel.kept.tolist()[:4] == [True, True, True, False]
    assert panel.bar_widths()[:3].sum() == pytest.approx(1.0, rel=1e-6)
    # a real click on the third bar forces that bar's token
    with qtbot.waitSignal(panel.force_requested) as blocker:
        click_at(panel.plot, None, panel.bar_widths()[2] / 2 + 0.001, 2)
    assert blocker.args == [int(panel.candidates[2])]


def test_embeddings_neighbours_and_strip(qtbot, info, trace):
    panel = make(qtbot, EmbeddingsPanel, info)
    panel.render(trace)
    token = int(trace.token_ids[0])
    panel.select_token(token)
    np.testing.assert_allclose(panel.strip.image[0], info.embeddings[token], rtol=1e-6)
    ids, sims = nearest(panel.unit, token)
    emb = info.embeddings
    cos = emb @ emb[token] / (np.linalg.norm(emb, axis=1) * np.linalg.norm(emb[token]))
    cos[token] = -np.inf
    assert int(ids[0]) == int(np.argmax(cos))
    assert int(panel.neighbours.item(0, 2).text()) == int(ids[0])
    assert len(panel.cloud.data) == info.config["vocab_size"]
    assert sorted(panel.prompt_points.data["data"].tolist()) == sorted(set(trace.token_ids.tolist()))


def test_positions_strips_add_up(qtbot, info, trace):
    panel = make(qtbot, PositionsPanel, info)
    panel.render(trace)
    panel.token_combo.setCurrentIndex(2)
    data = strips(trace, 2)
    np.testing.assert_allclose(data[0] + data[1], data[2], rtol=1e-5, atol=1e-6)
    image = panel.strip.image
    np.testing.assert_allclose(image[0], data[0])
    np.testing.assert_allclose(image[10], data[2])
    np.testing.assert_allclose(panel.table_map.image.image, info.position_table, rtol=1e-6)


def test_overview_counts_and_click_to_stage(qtbot, info):
    panel = make(qtbot, OverviewPanel, info)
    assert f"{info.params['total']:,} parameters" in panel.summary.text()
    assert f"attention{info.config['n_layer'] - 1}" in panel.boxes
    with qtbot.waitSignal(panel.stage_requested) as blocker:
        panel.diagram.on_click(panel.boxes["attention0"].data(0))
    assert blocker.args == ["attention"]


def test_text_panel_counts(qtbot, info, trace):
    panel = make(qtbot, TextPanel, info)
    panel.render(trace)
    assert f"{len(trace.text)} characters" in panel.stats.text()
    assert panel.usage.value() == trace.n_tokens
    distinct = list(dict.fromkeys(trace.text))
    assert panel.chars.rowCount() == len(distinct)
    assert panel.chars.item(0, 3).text() == distinct[0].encode("utf-8").hex().upper()


def test_character_rows_show_utf8_bytes():
    from app.explore.panels.text import character_rows

    rows = character_rows("é😀\n")
    assert [r[3] for r in rows] == ["C3 A9", "F0 9F 98 80", "0A"]
    assert rows[2][0] == "↵" and rows[1][1] == "U+1F600"


def test_heatmap_hover_reads_the_exact_weight(qtbot, info, trace):
    panel = make(qtbot, AttentionPanel, info)
    panel.render(trace)
    panel.select(0, 1)
    heat = panel.heatmap
    vb = heat.plot.getViewBox()
    row, col = trace.n_tokens - 1, 1
    heat._mouse_moved(vb.mapViewToScene(pg_point(col + 0.5, row + 0.5)))
    assert f"{trace.layers[0].attn_probs[1, row, col]:.4f}" in heat.readout.text()
    heat._mouse_moved(vb.mapViewToScene(pg_point(row + 0.5, 0.5)))  # above the diagonal
    assert "causal mask" in heat.readout.text()


def pg_point(x, y):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_rope_model_shows_rotation_angles(qtbot, tmp_path):
    import torch

    from app.explore.engine import Engine
    from model import ModelConfig, TextTokenizer, Transformer, save_model

    torch.manual_seed(0)
    tok = TextTokenizer.train("bpe", [PROMPT * 3], 300)
    cfg = ModelConfig(vocab_size=tok.vocab_size, context_length=16, n_layer=1, n_head=2, d_model=16, d_mlp=32,
                      positional="rope")
    save_model(tmp_path / "rope", Transformer(cfg), tok, {})
    engine = Engine()
    info = engine.load(str(tmp_path / "rope"))
    trace = engine.trace(PROMPT).trace
    assert info.position_table is None
    panel = make(qtbot, PositionsPanel, info)
    panel.render(trace)
    np.testing.assert_allclose(panel.compare_map.image.image, np.mod(trace.rope_angles, 2 * np.pi), rtol=1e-6)
    assert "RoPE" in panel.compare_map.title.text()
    assert panel.table_map.isHidden()


def click_view(qtbot, plot, x, y):
    from PySide6.QtCore import QPointF, Qt

    scene_pos = plot.getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), Qt.LeftButton, pos=plot.mapFromScene(scene_pos))


def test_clicking_a_bar_forces_that_candidate(qtbot, info, trace):
    panel = make(qtbot, OutputPanel, info)
    panel.render(trace)
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.force_requested, timeout=2000) as blocker:
        click_view(qtbot, panel.plot, float(panel.raw[2]) / 2, 2)
    assert blocker.args == [int(panel.candidates[2])]


def test_clicking_the_mosaic_selects_that_head(qtbot, info, trace):
    panel = make(qtbot, AttentionPanel, info)
    panel.render(trace)
    qtbot.waitExposed(panel)
    t, sep = trace.n_tokens, separator(trace.n_tokens)
    with qtbot.waitSignal(panel.mosaic.head_clicked, timeout=2000) as blocker:
        click_at(panel.mosaic.plot, panel.mosaic.image, (t + sep) * 1 + t / 2, (t + sep) * 1 + t / 2)
    assert blocker.args == [1, 1]
    assert (panel.layer, panel.head) == (1, 1)
    shown = panel.heatmap.image.image
    mask = np.isfinite(trace.layers[1].attn_scores[1])
    np.testing.assert_allclose(shown[mask], trace.layers[1].attn_probs[1][mask], rtol=1e-6)


def test_generated_tokens_are_kept_exactly_for_a_word_model(tmp_path):
    import torch

    from app.explore.engine import Engine
    from model import ModelConfig, TextTokenizer, Transformer, save_model

    torch.manual_seed(0)
    tok = TextTokenizer.train("word", [PROMPT * 3], 40)
    cfg = ModelConfig(vocab_size=tok.vocab_size, context_length=12, n_layer=1, n_head=2, d_model=16, d_mlp=32)
    save_model(tmp_path / "word", Transformer(cfg), tok, {})
    engine = Engine()
    engine.load(str(tmp_path / "word"))
    extra = tuple(tok.encode("the question , or"))
    result = engine.trace("To be", extra)
    trace = result.trace
    assert trace.token_ids.tolist()[-len(extra):] == list(extra)
    assert trace.text == "To be the question, or"
    assert result.generated_from == trace.n_tokens - len(extra)
    for (c0, c1), label in zip(trace.char_spans[result.generated_from:], trace.token_strs[result.generated_from:]):
        assert trace.text[c0:c1].strip() == label
    # more generated tokens than the context: the window slides, and the generated ids stay exact
    long_extra = extra * 4
    trace = engine.trace("To be", long_extra).trace
    assert trace.n_tokens == 12 and trace.token_ids.tolist() == list(long_extra)[-12:]
    assert trace.truncated_chars > 0


@pytest.mark.parametrize("temperature", [1.0, 0.5, 0.1])
def test_output_bar_labels_are_drawn_inside_the_chart(qtbot, info, trace, temperature):
    """The top bar's "56% (model 24%)" lost its ")" at the chart's right edge."""
    from PySide6.QtCore import QPointF

    panel = make(qtbot, OutputPanel, info)
    qtbot.waitExposed(panel)
    panel.render(trace)
    panel.set_settings(temperature, 0, 1.0)
    vb = panel.plot.getViewBox()
    right = vb.sceneBoundingRect().right()
    labels = panel.bar_labels
    assert labels.texts() == panel.label_texts and len(labels.texts()) == len(panel.candidates)
    for i, text in enumerate(labels.texts()):
        rect = labels.text_rect(i)
        assert rect.right() <= right + 0.5, (text, temperature)
        assert rect.left() >= vb.sceneBoundingRect().left() - 0.5, (text, temperature)
        # on its own bar's row: centred on the row's middle
        assert rect.center().y() == pytest.approx(vb.mapViewToScene(QPointF(0, i)).y(), abs=0.6)
