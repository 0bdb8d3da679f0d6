"""The embeddings map by keyboard (#16 item 4): focus ring and highlight, the arrows step to the prompt's
token with the nearest greater or smaller coordinate, Enter chooses it exactly as a click on its dot does,
+ and - zoom about it, 0 shows the whole map, and the highlight is said under the map and in the description."""
from __future__ import annotations

import numpy as np
import pytest
from _gui import make_panel
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.common.textutil import esc
from app.explore.panels.embeddings import EmbeddingsPanel
from app.explore.panels.embeddings_keys import ZOOM_STEP, step_along
from app.explore.panels.plot_keys import dashed

PROMPT = "To be, or not to be, that is the question"


@pytest.fixture
def panel(qtbot, info, trace):
    panel = make_panel(qtbot, EmbeddingsPanel, info, wait=True)
    panel.render(trace)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=5000)
    panel.plot.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(panel.plot.hasFocus, timeout=5000)
    return panel


def press(qtbot, panel, *keys, modifier=Qt.NoModifier):
    for key in keys:
        qtbot.keyClick(panel.plot, key, modifier)


def prompt_ids(trace) -> list[int]:
    return list(dict.fromkeys(int(i) for i in trace.token_ids))


def cursor_at(panel) -> tuple[float, float]:
    x, y = panel.map_keys.item.getData()
    return float(x[0]), float(y[0])


def test_step_along_takes_the_nearest_coordinate_and_breaks_ties_by_the_other():
    points = np.array([[0.0, 0.0], [2.0, 5.0], [1.0, 9.0], [1.0, -3.0], [3.0, 1.0]])
    ids = [10, 11, 12, 13, 14]
    assert step_along(points, ids, (0.0, 0.0, 10), 0, +1) == 13  # x = 1 twice: the smaller y first
    assert step_along(points, ids, (1.0, -3.0, 13), 0, +1) == 12
    assert step_along(points, ids, (1.0, 9.0, 12), 0, -1) == 13
    assert step_along(points, ids, (0.0, 0.0, 10), 1, +1) == 14  # up: the nearest greater y
    assert step_along(points, ids, (3.0, 1.0, 14), 0, +1) == -1  # nothing further right


def test_focus_shows_the_ring_and_a_highlight_on_the_chosen_token(qtbot, panel, info, trace):
    assert panel.plot._focus_ring.isVisible()
    assert panel.map_keys.item.isVisible()
    assert panel.selected == int(trace.token_ids[-1])
    assert cursor_at(panel) == pytest.approx(tuple(info.pca[panel.selected]))
    panel.neighbours.setFocus()
    qtbot.waitUntil(panel.neighbours.hasFocus, timeout=5000)
    assert not panel.plot._focus_ring.isVisible() and not panel.map_keys.item.isVisible()
    assert not panel.plot.accessibleDescription().startswith("Highlighted")


def test_arrows_step_through_the_prompts_tokens_by_coordinate(qtbot, panel, info, trace):
    ids = prompt_ids(trace)
    start = panel.selected
    x, y = info.pca[ids, 0], info.pca[ids, 1]
    sx, sy = info.pca[start]
    right = ids[int(np.argmin(np.where(x > sx, x, np.inf)))]
    press(qtbot, panel, Qt.Key_Right)
    assert x[ids.index(right)] > sx and panel.map_keys.token == right
    assert not any(sx < xi < x[ids.index(right)] for xi in x)  # no token of the prompt in between
    assert panel.selected == start  # the arrows move the highlight only
    assert cursor_at(panel) == pytest.approx(tuple(info.pca[right]))
    press(qtbot, panel, Qt.Key_Left)
    assert panel.map_keys.token == start  # Left undoes Right
    up = ids[int(np.argmin(np.where(y > sy, y, np.inf)))] if (y > sy).any() else start
    press(qtbot, panel, Qt.Key_Up)
    assert panel.map_keys.token == up
    # from the leftmost, Right visits every token of the prompt once, left to right, and stops at the last
    leftmost = ids[int(np.argmin(x))]
    press(qtbot, panel, *[Qt.Key_Left] * len(ids))
    assert panel.map_keys.token == leftmost
    visited = [leftmost]
    for _ in range(len(ids)):
        press(qtbot, panel, Qt.Key_Right)
        visited.append(panel.map_keys.token)
    assert visited[:len(ids)] == [ids[i] for i in np.argsort(x, kind="stable")]
    assert visited[-1] == visited[-2]


def test_the_highlight_is_said_under_the_map_and_in_the_description(qtbot, panel, info):
    usual = panel.caption_text
    assert usual.startswith("Grey dots:")
    press(qtbot, panel, Qt.Key_Left)
    token = panel.map_keys.token
    said = panel.token_text(token)
    assert f"id {token}" in said and info.labels[token].strip() in said
    assert panel.caption.text().startswith(f"<b>{esc(f'Highlighted: {said}.')}")
    description = panel.plot.accessibleDescription()
    assert description.startswith(f"Highlighted: {said}.")
    press(qtbot, panel, Qt.Key_Right)
    now = panel.token_text(panel.map_keys.token)
    assert now != said and now in panel.plot.accessibleDescription() and said not in panel.caption.text()
    panel.neighbours.setFocus()
    qtbot.waitUntil(panel.neighbours.hasFocus, timeout=5000)
    assert panel.caption.text() == usual  # the usual line again once the map has lost the focus


def chosen_state(panel) -> tuple:
    rows = [tuple(panel.neighbours.item(r, c).text() for c in range(3)) for r in range(panel.neighbours.rowCount())]
    return (panel.selected, rows, panel.neighbour_title.text(), panel.strip.image.copy().tolist(),
            tuple(panel.selected_point.getData()[0]), tuple(panel.selected_point.getData()[1]))


def test_enter_chooses_the_highlighted_token_exactly_as_a_click_on_its_dot(qtbot, panel, info, trace):
    start = panel.selected
    press(qtbot, panel, Qt.Key_Left)
    token = panel.map_keys.token
    assert token != start
    press(qtbot, panel, Qt.Key_Return)
    by_key = chosen_state(panel)
    assert by_key[0] == token
    panel.select_token(start)
    assert chosen_state(panel) != by_key
    for _ in range(3):
        QApplication.processEvents()
    x, y = info.pca[token]
    scene = panel.plot.getViewBox().mapViewToScene(QPointF(float(x), float(y)))
    QTest.mouseClick(panel.plot.viewport(), Qt.LeftButton, Qt.NoModifier, panel.plot.mapFromScene(scene))
    assert chosen_state(panel) == by_key


def view(panel):
    (x0, x1), (y0, y1) = panel.plot.getViewBox().viewRange()
    return np.array([x0, x1, y0, y1])


def on_screen(panel, token, info):
    """Where the token's dot is, as a fraction of the view's width and height."""
    x0, x1, y0, y1 = view(panel)
    x, y = info.pca[token]
    return np.array([(x - x0) / (x1 - x0), (y - y0) / (y1 - y0)])


def test_plus_and_minus_zoom_about_the_highlight_and_0_shows_the_whole_map(qtbot, panel, info):
    whole = view(panel)
    press(qtbot, panel, Qt.Key_Left)
    token = panel.map_keys.token
    where = on_screen(panel, token, info)
    press(qtbot, panel, Qt.Key_Plus)
    zoomed = view(panel)
    assert zoomed[1] - zoomed[0] == pytest.approx((whole[1] - whole[0]) / ZOOM_STEP, rel=1e-6)
    assert zoomed[3] - zoomed[2] == pytest.approx((whole[3] - whole[2]) / ZOOM_STEP, rel=1e-6)
    np.testing.assert_allclose(on_screen(panel, token, info), where, atol=1e-6)  # the dot stays put
    press(qtbot, panel, Qt.Key_Minus)
    np.testing.assert_allclose(view(panel), whole, rtol=1e-6, atol=1e-9)
    press(qtbot, panel, Qt.Key_Equal, Qt.Key_Equal, Qt.Key_Equal, Qt.Key_Equal, Qt.Key_Equal, Qt.Key_Equal)
    small = view(panel)
    assert small[1] - small[0] == pytest.approx((whole[1] - whole[0]) / ZOOM_STEP ** 6, rel=1e-6)
    # stepping to a token off the zoomed view brings the view to it
    press(qtbot, panel, *[Qt.Key_Right] * 40)
    far = panel.map_keys.token
    assert np.all((on_screen(panel, far, info) >= 0) & (on_screen(panel, far, info) <= 1))
    press(qtbot, panel, Qt.Key_Plus, modifier=Qt.ControlModifier)  # Ctrl++ is the window's zoom, not the map's
    np.testing.assert_allclose(view(panel)[1] - view(panel)[0], small[1] - small[0], rtol=1e-6)
    press(qtbot, panel, Qt.Key_0)
    np.testing.assert_allclose(view(panel), whole, rtol=1e-9)


def test_presentation_mode_keeps_the_chosen_token_and_the_highlight(qtbot, panel, trace):
    press(qtbot, panel, Qt.Key_Left, Qt.Key_Return)
    chosen = panel.selected
    assert chosen != int(trace.token_ids[-1])  # not the token a fresh render chooses
    try:
        panel.appearance.update(presentation=True)
        qtbot.wait(20)
        assert panel.selected == chosen and panel.map_keys.token == chosen
        assert panel.plot.hasFocus() and panel.map_keys.item.isVisible()
        presentation_width = panel.map_keys.item.opts["pen"].widthF()
        press(qtbot, panel, Qt.Key_Right)
        highlighted = panel.map_keys.token
        assert highlighted != chosen
        panel.appearance.update(presentation=False)
        qtbot.wait(20)
        assert panel.selected == chosen and panel.map_keys.token == highlighted  # the highlight stays put
        assert panel.caption.text().startswith(f"<b>{esc('Highlighted: ' + panel.token_text(highlighted))}")
        pen = panel.map_keys.item.opts["pen"]
        assert pen.widthF() == dashed(panel.appearance).widthF() < presentation_width  # restyled
    finally:
        panel.appearance.update(presentation=False)
