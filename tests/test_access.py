"""Access (#16 item 4): every control and plot named and described, every control reached by Tab, plot
clicks done by keys, the keyboard focus drawn, a text size that scales plot text, cividis everywhere."""
from __future__ import annotations

import numpy as np
import pytest
from _gui import open_window, type_and_wait
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QWidget

from app.common import access
from app.explore.stages import NEEDS_TRACE, STAGES
from app.preferences import Preferences
from model.paths import default_model_dir

PROMPT = "To be, or not to be, that is the question"


@pytest.fixture
def window(qtbot, tmp_path):
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        type_and_wait(qtbot, win, PROMPT)
        yield win


def show(qtbot, win, key: str):
    win.show_stage(key)
    panel = win.panels[key]
    if key in NEEDS_TRACE:
        qtbot.waitUntil(lambda: panel.trace is not None, timeout=20000)
    qtbot.wait(30)
    return panel


def described(widgets) -> list[str]:
    return [f"{access.owner_key(w)} ({type(w).__name__}): {access.accessible_text(w)}" for w in widgets]


def test_the_check_finds_an_unnamed_plot_and_control(qtbot):
    import pyqtgraph as pg
    from PySide6.QtWidgets import QComboBox, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    plot, combo = pg.PlotWidget(), QComboBox()
    layout.addWidget(plot)
    layout.addWidget(combo)
    assert set(access.unnamed(box)) == {plot, combo}
    plot.setAccessibleName("Loss against step")
    plot.setAccessibleDescription("The training loss at every step")
    combo.setToolTip("Which run")
    assert access.unnamed(box) == [combo]  # a tool tip describes it; it still has no name


def test_every_control_and_plot_has_a_name_and_a_description(qtbot, window):
    for key in STAGES:
        show(qtbot, window, key)
        assert described(access.unnamed(window.stack.currentWidget())) == [], key
    for index in range(1, window.tabs.count()):  # the training tabs
        window.tabs.setCurrentIndex(index)
        qtbot.wait(30)
        assert described(access.unnamed(window.tabs.widget(index))) == [], window.tabs.tabText(index)
    window.tabs.setCurrentIndex(0)
    window.tour.start()  # the tour's card
    qtbot.wait(30)
    assert described(access.unnamed(window)) == []
    window.tour.exit()
    from app import worksheets

    dialog = worksheets.open_worksheets(window)
    dialog.activateWindow()
    dialog.setFocus()
    qtbot.waitUntil(lambda: not access.unnamed(dialog), timeout=5000)
    dialog.close()
    names = {access.accessible_text(window.panels["attention"].mosaic)[0],
             access.accessible_text(window.panels["output"].plot)[0]}
    assert names == {"Attention grid: every layer and head", "Next-token candidates"}


def tab_through(qtbot, win, presses: int = 400) -> list[QWidget]:
    win.activateWindow()
    win.prompt.setFocus()
    qtbot.waitUntil(lambda: win.prompt.hasFocus(), timeout=5000)
    seen = []
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def operable(stage: QWidget) -> list[QWidget]:
    """The stage's controls on screen, and its plots and pictures that take the keyboard focus."""
    return [w for w in stage.findChildren(QWidget) if access.needs_text(w) and w.isVisible() and w.isEnabled()
            and (isinstance(w, access.INPUTS) or w.focusPolicy() & Qt.TabFocus)]


@pytest.mark.parametrize("key", ["tokens", "attention", "output", "overview"])
def test_tab_reaches_every_control_of_the_stage(qtbot, window, key):
    panel = show(qtbot, window, key)
    seen = set(tab_through(qtbot, window))
    # Tab reaches the checked button of a group of radio buttons; the arrow keys move within the group
    reached = lambda w: w in seen or (isinstance(w, QRadioButton) and any(  # noqa: E731
        isinstance(s, QRadioButton) and s.parentWidget() is w.parentWidget() for s in seen))
    missing = [w for w in operable(panel) if not reached(w)]
    assert described(missing) == []
    if key == "attention":
        assert panel.mosaic in seen
    if key == "output":
        assert panel.plot in seen
    if key == "overview":
        assert panel.diagram in seen
    if key == "tokens":
        assert panel.chip_view in seen  # one stop; the arrow keys move between the tokens


def test_arrows_and_enter_choose_and_switch_off_a_head(qtbot, window):
    panel = show(qtbot, window, "attention")
    mosaic = panel.mosaic
    window.activateWindow()
    mosaic.setFocus()
    qtbot.waitUntil(mosaic.hasFocus, timeout=5000)
    assert mosaic.keys.item.isVisible()  # the cursor shows where Enter acts
    start = mosaic.selected
    for key in (Qt.Key_Down, Qt.Key_Right, Qt.Key_Right):
        qtbot.keyClick(mosaic, key)
    assert mosaic.selected == start  # arrows move the cursor only
    with qtbot.waitSignal(window.trace_shown, timeout=20000, raising=False):
        qtbot.keyClick(mosaic, Qt.Key_Return)
    target = (start[0] + 1, start[1] + 2)
    assert mosaic.selected == target
    panel.ablation.switch.setChecked(True)  # "Click a head to: switch it off or on"
    with qtbot.waitSignal(window.trace_shown, timeout=20000):
        qtbot.keyClick(mosaic, Qt.Key_Space)
    assert target in set(window.session.ablation.heads)
    assert target in mosaic.heads_off


def test_enter_on_a_bar_forces_that_token(qtbot, window):
    panel = show(qtbot, window, "output")
    window.activateWindow()
    panel.plot.setFocus()
    qtbot.waitUntil(panel.plot.hasFocus, timeout=5000)
    qtbot.keyClick(panel.plot, Qt.Key_Down)
    qtbot.keyClick(panel.plot, Qt.Key_Down)
    chosen = int(panel.candidates[2])
    with qtbot.waitSignal(window.trace_shown, timeout=20000):
        qtbot.keyClick(panel.plot, Qt.Key_Return)
    label, _p, rank, how = window.decoding.history[-1]
    assert (label, rank, how) == (window.info.labels[chosen], 3, "forced")
    assert window.trace.token_ids[-1] == chosen


def test_enter_on_a_neighbour_walks_the_embedding_map(qtbot, window):
    panel = show(qtbot, window, "embeddings")
    table = panel.neighbours
    qtbot.waitUntil(lambda: table.rowCount() > 2, timeout=5000)
    window.activateWindow()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=5000)
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key_Down)
    qtbot.keyClick(table, Qt.Key_Down)
    neighbour = int(table.item(2, 2).text())
    qtbot.keyClick(table, Qt.Key_Return)
    assert panel.selected == neighbour


def changed_pixels(widget: QWidget, focus_target: QWidget, qtbot) -> int:
    widget.window().activateWindow()
    widget.window().setFocus()
    qtbot.wait(20)
    before = widget.grab().toImage()
    focus_target.setFocus()
    qtbot.waitUntil(focus_target.hasFocus, timeout=5000)
    qtbot.wait(20)
    after = widget.grab().toImage()
    a = np.frombuffer(before.constBits(), np.uint8).reshape(before.height(), before.bytesPerLine())
    b = np.frombuffer(after.constBits(), np.uint8).reshape(after.height(), after.bytesPerLine())
    return int((a != b).any(axis=1).sum())  # rows with a changed pixel


def test_the_keyboard_focus_is_drawn(qtbot, window):
    attention = show(qtbot, window, "attention")
    assert changed_pixels(attention.mosaic, attention.mosaic, qtbot) > 0.8 * attention.mosaic.height()
    output = show(qtbot, window, "output")
    assert changed_pixels(output.plot, output.plot, qtbot) > 0.8 * output.plot.height()
    tokens = show(qtbot, window, "tokens")
    chips = tokens.chip_view
    first = chips.rects()[0]
    assert changed_pixels(chips, chips, qtbot) >= first.height() - 1  # the ring round the current token
    overview = show(qtbot, window, "overview")
    assert changed_pixels(overview.diagram, overview.diagram, qtbot) > 0.8 * overview.diagram.height()


def tick_sizes(win) -> dict:
    import pyqtgraph as pg

    plots = [w for w in win.findChildren(pg.PlotWidget)]
    return {id(p): p.getPlotItem().getAxis("bottom").style["tickFont"].pointSizeF() for p in plots}


def test_text_size_scales_plot_text_and_is_remembered(qtbot, window, tmp_path):
    for key in STAGES:  # every stage built and styled once
        show(qtbot, window, key)
    normal = tick_sizes(window)
    title_normal = window.appearance.point_size
    window.menus.text_size_actions["largest"].trigger()
    assert window.appearance.text_size == "largest"
    largest = tick_sizes(window)
    assert len(normal) > 20 and normal.keys() == largest.keys()
    assert all(largest[k] == pytest.approx(normal[k] * 1.5, rel=0.02) for k in normal)
    assert window.appearance.point_size == pytest.approx(title_normal * 1.5)
    assert QApplication.font().pointSizeF() == pytest.approx(title_normal * 1.5)
    window.save_settings()
    assert Preferences(window.settings).appearance()["text_size"] == "largest"
    window.menus.text_size_actions["normal"].trigger()
    assert tick_sizes(window) == normal
    stored = QSettings(str(tmp_path / "bad.ini"), QSettings.IniFormat)
    stored.setValue("settings_version", 1)
    stored.setValue("text_size", "enormous")
    assert Preferences(stored).appearance()["text_size"] == "normal"


def image_luts(root) -> dict:
    import pyqtgraph as pg

    luts = {}
    for plot in root.findChildren(pg.PlotWidget):
        for item in plot.getPlotItem().items:
            if isinstance(item, pg.ImageItem) and item.image is not None:
                lut = item.lut if not callable(item.lut) else item.lut(item.image)
                luts[id(item)] = None if lut is None else np.asarray(lut)[:254, :3].copy()
    return luts


def test_cividis_reaches_every_heatmap_and_signed_maps_stay_diverging(qtbot, window):
    import pyqtgraph as pg

    from app.common.appearance import DIVERGING_MAP

    diverging = pg.colormap.get(DIVERGING_MAP)
    counted = {"sequential": 0, "diverging": 0}
    pages = [(key, lambda: window.stack.currentWidget()) for key in STAGES] + [("confusion", lambda: window.tabs.widget(2))]
    for key, page in pages:
        if key in STAGES:
            show(qtbot, window, key)
        else:  # the Fine-tune tab's confusion matrix, with counts to draw
            view = next(w.curves.confusion_view for w in window.tabs.widget(2).findChildren(QWidget)
                        if hasattr(getattr(w, "curves", None), "confusion_view"))
            view.set_labels(["no", "yes"])
            view.show(np.array([[3, 1], [2, 4]]))
        window.restyle(colormap="viridis")
        qtbot.wait(30)
        before = image_luts(page())
        window.restyle(colormap="cividis")
        qtbot.wait(30)
        after = image_luts(page())
        for item, lut in before.items():
            assert lut is not None, key
            signed = any(np.allclose(lut, diverging.getLookupTable(nPts=n, alpha=False)[:254, :3], atol=2)
                         for n in (len(lut), 256))
            if signed:  # signed values keep the diverging map
                assert np.array_equal(lut, after[item]), key
            else:  # magnitudes follow View > Cividis colour map
                assert not np.array_equal(lut, after[item]), key
            counted["diverging" if signed else "sequential"] += 1
    window.restyle(colormap="viridis")
    # sequential: the attention grid and heatmap, the confusion matrix; diverging: the positions maps and the
    # embedding and position strips
    assert counted["sequential"] >= 2 and counted["diverging"] >= 3, counted
