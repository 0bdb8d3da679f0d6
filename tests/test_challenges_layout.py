"""The Challenges ▸ Compute page at a small projector's 1024x640, presentation mode on and off: no two of its
widgets overlap (the "What if" heading was drawn over the model table's last row); the page scrolls instead."""
from __future__ import annotations

import pytest
from _gui import open_window
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget


def overlaps(page: QWidget) -> list[tuple[str, str, QRect, QRect]]:
    """Pairs of visible widgets laid out on `page` (its direct children) whose rectangles, mapped to the page,
    share pixels."""
    kids = [w for w in page.findChildren(QWidget) if w.parentWidget() is page and w.isVisible()]
    rects = [(w, QRect(w.mapTo(page, w.rect().topLeft()), w.size())) for w in kids]
    found = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            if ra.intersects(rb):
                name = lambda w: f"{type(w).__name__}({getattr(w, 'text', lambda: '')()!r:.30})"  # noqa: E731
                found.append((name(a), name(b), ra, rb))
    return found


@pytest.fixture
def language(qapp, request):
    from app.i18n import install

    install(qapp, request.param)
    yield request.param
    install(qapp, "en")


@pytest.mark.parametrize("language, presentation", [("en", True), ("en", False), ("es", True)], indirect=["language"])
def test_no_compute_widgets_overlap_at_1024x640(qtbot, tmp_path, language, presentation):
    from test_layout_small import model_dir, resize, settle

    with open_window(qtbot, tmp_path, model_dir()) as win:
        resize(qtbot, win, 1024, 640)
        win.appearance.update(presentation=presentation)
        settle(qtbot, win, "challenges")
        panel = win.panels["challenges"]
        panel.show_tab("compute")
        qtbot.wait(150)
        page = panel.compute
        assert page.isVisible() and page.height() > 0
        assert overlaps(page) == []
        for t, rows in ((page.model_table, 3), (page.published, 2)):  # the tables' least, at the font of the mode
            assert t.viewport().height() >= rows * t.verticalHeader().defaultSectionSize(), (t.viewport().height(), rows)
        assert (win.width(), win.height()) == (1024, 640)


def test_the_embeddings_maps_vertical_title_is_whole_and_clear_of_the_focus_ring(qtbot, tmp_path):
    """Beside the Challenges pages, the other 1024x640 presentation defect found by looking: the map's vertical
    axis title was longer than the axis and cut at both ends, and its first pixels lay under the focus ring."""
    from test_layout_small import model_dir, resize, settle, show

    from app.common.focus import RING_WIDTH

    with open_window(qtbot, tmp_path, model_dir()) as win:
        show(qtbot, win)
        resize(qtbot, win, 1024, 640)
        win.appearance.update(presentation=True)
        settle(qtbot, win, "embeddings")
        plot = win.panels["embeddings"].plot
        plot.setFocus()
        qtbot.wait(150)
        axis = plot.getPlotItem().getAxis("left")
        title = axis.label.mapRectToScene(axis.label.boundingRect())  # the scene is the plot widget's pixels
        drawn = axis.mapRectToScene(axis.boundingRect())
        share = f"{win.info.pca_explained[1]:.0%}"  # the model's own figure
        assert axis.labelText in (f"component 2 ({share})", f"PC 2 ({share})"), axis.labelText  # the long one does not fit
        assert title.top() >= drawn.top() - 1 and title.bottom() <= drawn.bottom() + 1, (title, drawn)
        # the ring covers the plot's outer RING_WIDTH pixels; the text starts a document margin into its box
        assert title.left() + axis.label.document().documentMargin() >= RING_WIDTH + 1, title
        win.appearance.update(presentation=False)
        resize(qtbot, win, 1440, 880)
        settle(qtbot, win, "embeddings")
        assert axis.labelText == f"principal component 2 ({share})"  # the full wording where there is room


def test_the_bias_chart_fits_its_widget_after_f5_and_back(qtbot, tmp_path):
    """Found by looking: F5 on and off, then a probe run; the table beside the chart widened, and the chart kept
    its old width under it (pyqtgraph made the title's text width the plot's least width), bars cut at the right."""
    from test_challenges import run_bias
    from test_layout_small import model_dir, resize, settle

    from app.common.focus import RING_WIDTH

    with open_window(qtbot, tmp_path, model_dir()) as win:
        resize(qtbot, win, 1024, 640)
        settle(qtbot, win, "challenges")
        win.appearance.update(presentation=True)
        qtbot.wait(150)
        win.panels["challenges"].show_tab("bias")
        qtbot.wait(150)
        win.appearance.update(presentation=False)
        qtbot.wait(150)
        bias = win.panels["challenges"].bias
        win.activateWindow()
        bias.run_button.setFocus()
        qtbot.waitUntil(bias.run_button.hasFocus, timeout=5000)
        run_bias(qtbot, win, "The {doctor|nurse|soldier|servant|teacher} said that", "he, she")
        qtbot.wait(200)
        plot = bias.plot
        assert plot.getPlotItem().geometry().width() <= plot.width() + 1, (plot.getPlotItem().geometry(), plot.size())
        # the run button keeps the focus (disabled while the probe ran, it handed it to the chart, whose ring
        # then covered the bottom of the tick labels); the axis text stays clear of that ring anyway
        assert bias.run_button.hasFocus() and not plot.hasFocus()
        left, _top, _right, bottom = plot.getPlotItem().getContentsMargins()
        assert min(left, bottom) > RING_WIDTH


def test_rows_and_sliders_return_to_their_size_after_f5_and_back(qtbot, tmp_path):
    from PySide6.QtGui import QFontMetrics
    from test_layout_small import model_dir, resize, settle

    with open_window(qtbot, tmp_path, model_dir()) as win:
        resize(qtbot, win, 1440, 880)
        settle(qtbot, win, "challenges")
        panel, a = win.panels["challenges"], win.appearance
        tables = [panel.compute.model_table, panel.compute.published, panel.bias.table, panel.interpret.table]
        normal = QFontMetrics(a.font(1.0)).height() + 8
        assert [t.verticalHeader().defaultSectionSize() for t in tables] == [normal] * 4
        value_column, slider = panel.compute.n_slider.value_label.width(), panel.compute.n_slider.slider.width()
        a.update(presentation=True)
        qtbot.wait(150)
        assert all(t.verticalHeader().defaultSectionSize() > normal for t in tables)
        a.update(presentation=False)
        qtbot.wait(150)
        assert [t.verticalHeader().defaultSectionSize() for t in tables] == [normal] * 4  # were 28, not 23
        qtbot.wait(150)
        assert panel.compute.n_slider.value_label.width() == value_column  # the sliders long again (68 px, not 176)
        assert panel.compute.n_slider.slider.width() == slider
