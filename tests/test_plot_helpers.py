"""app.common.plots helpers that keep charts from being laid out or painted more than needed, and titles
from being cut: word wrap with a probe's {a|b|c} broken after a bar, a steady label column, a title set
only when it changes, plot ranges applied after a render."""
from __future__ import annotations

import pyqtgraph as pg
from _gui import shown
from PySide6.QtGui import QFontMetrics

from app.common.appearance import Appearance
from app.common.plots import SteadyLabelColumn, make_plot, set_title, settle_plots, wrap_words


def test_a_word_too_long_for_the_width_breaks_after_its_bars(qtbot):
    metrics = QFontMetrics(Appearance().font())
    text = "“The {doctor|nurse|soldier|servant|teacher} said that”"
    width = metrics.horizontalAdvance("{doctor|nurse|soldier|")
    lines = wrap_words(text, metrics, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost
    assert all(metrics.horizontalAdvance(line) <= width for line in lines if "|" in line)
    assert any(line.endswith("|") for line in lines)
    assert wrap_words("a b c", metrics, 10_000) == ["a b c"]


def test_the_label_column_grows_at_once_and_narrows_only_past_the_slack(qtbot):
    appearance = Appearance()
    plot = make_plot(appearance)
    qtbot.addWidget(plot)
    axis = plot.getPlotItem().getAxis("left")
    column = SteadyLabelColumn([axis], appearance)
    column.fit(["short"])
    first = column.width
    assert axis.fixedWidth == first
    column.fit(["a much longer tick label"])
    assert column.width > first and axis.fixedWidth == column.width
    wide = column.width
    column.fit(["a much longer tick lab"])  # a little narrower: kept
    assert column.width == wide
    column.fit(["x"])  # far narrower: narrowed
    assert column.width < wide - SteadyLabelColumn.SLACK


def test_a_title_is_set_again_only_when_it_changes(qtbot, monkeypatch):
    appearance = Appearance()
    plot = make_plot(appearance)
    qtbot.addWidget(plot)
    calls = []
    original = plot.getPlotItem().setTitle
    monkeypatch.setattr(plot.getPlotItem(), "setTitle", lambda *a, **k: (calls.append(a), original(*a, **k)))
    set_title(plot, "Next token", appearance)
    set_title(plot, "Next token", appearance)
    assert len(calls) == 1
    set_title(plot, "Another title", appearance)
    assert len(calls) == 2


def test_settle_plots_applies_a_new_range_before_the_paint(qtbot):
    plot = shown(qtbot, make_plot(Appearance()), 300, 200)
    vb = plot.getPlotItem().getViewBox()
    vb.setRange(xRange=(0, 50), yRange=(0, 5), padding=0)
    assert vb._matrixNeedsUpdate  # pyqtgraph would move the view inside the next paint
    settle_plots(plot)
    assert not vb._matrixNeedsUpdate
    (x0, x1), _ = vb.viewRange()
    assert (x0, x1) == (0, 50) and isinstance(vb, pg.ViewBox)
