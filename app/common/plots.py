"""pyqtgraph helpers: themed plot widgets, token tick labels, image items with explicit axis order."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics

from .appearance import Appearance
from .textutil import visible


def make_plot(appearance: Appearance, invert_y: bool = False) -> pg.PlotWidget:
    pw = pg.PlotWidget()
    pw.setMenuEnabled(False)
    pw.hideButtons()
    if invert_y:
        pw.getViewBox().invertY(True)
    style_plot(pw, appearance)
    return pw


def set_ticks(axis: pg.AxisItem, ticks: list) -> None:
    """Give `axis` these ticks unless it has them already: setTicks lays the axis out and draws it again,
    however alike the ticks (a keystroke that keeps the token labels keeps the axis as it was)."""
    if axis._tickLevels != ticks:  # pyqtgraph keeps the ticks given last there (None: automatic)
        axis.setTicks(ticks)


def no_si_prefix(axis: pg.AxisItem) -> None:
    """Tick values exactly as plotted, never rescaled to an SI prefix.

    pyqtgraph's `enableAutoSIPrefix(False)` still computes a prefix for the current range and keeps it:
    called while an axis spanned 0..0.006 it fixed a factor of 1,000 ("milli") that no later range
    undid, so after a restyle (F5) a probability axis read 0..6 and the embedding map 300..-500.
    """
    axis.autoSIPrefix = False
    axis.autoSIPrefixScale = 1.0
    axis.labelUnitPrefix = ""
    axis._updateLabel()
    axis.picture = None
    axis.update()


def fit_axis(axis: pg.AxisItem) -> None:
    """Re-measure an axis after its fonts changed, so a larger label or tick text gets the room it needs."""
    if axis.orientation in ("left", "right"):
        axis._updateWidth()
    else:
        axis._updateHeight()


TICK_SCALE = 0.9  # tick text, relative to body text (style_plot); SteadyLabelColumn measures with it


class SteadyLabelColumn:
    """The width of left axes whose tick labels change with every render: grown at once when the labels
    need more, narrowed only when they need much less. An axis that followed every label's width laid its
    chart out and painted it again on most keystrokes. reset() after a change of font."""

    SLACK = 40  # pixels a column may be wider than needed before it is narrowed

    def __init__(self, axes: list[pg.AxisItem], appearance: Appearance):
        self.axes, self.appearance, self.width = axes, appearance, 0

    def fit(self, labels: list[str]) -> None:
        metrics = QFontMetrics(self.appearance.font(TICK_SCALE))
        need = max((metrics.horizontalAdvance(t) for t in labels), default=0) + 14
        if need > self.width or need < self.width - self.SLACK:
            self.width = need
            for axis in self.axes:
                axis.setWidth(need)

    def reset(self) -> None:
        self.width = 0


def settle_plots(widget) -> None:
    """Apply the pending range changes of every plot in `widget` now, after a render, not as it paints:
    pyqtgraph moves a view to its new range inside the paint, and the moved view is painted once more on
    the next turn of the event loop (every chart of the Attention stage twice a keystroke)."""
    plots = widget.findChildren(pg.PlotWidget) + ([widget] if isinstance(widget, pg.PlotWidget) else [])
    for plot in plots:
        plot.getPlotItem().getViewBox().prepareForPaint()


def style_plot(pw: pg.PlotWidget, appearance: Appearance) -> None:
    pw.setBackground(appearance.color("bg"))
    pen = pg.mkPen(appearance.color("muted"), width=max(1.0, appearance.line_width / 1.5))
    tick_font = appearance.font(TICK_SCALE)
    for name in ("left", "bottom", "top", "right"):
        axis = pw.getPlotItem().getAxis(name)
        axis.setPen(pen)
        axis.setTextPen(pg.mkPen(appearance.color("fg")))
        # Tick text grows with presentation mode and zoom; so does the room reserved for it.
        axis.setStyle(tickFont=tick_font)
        no_si_prefix(axis)
        axis.label.setFont(appearance.font(0.95))
        axis.label.setDefaultTextColor(appearance.color("fg"))
        fit_axis(axis)
    _fit_title(pw, appearance)


def set_title(pw: pg.PlotWidget, text: str, appearance: Appearance) -> None:
    """A plot title that wraps onto more lines instead of being cut when the plot is narrow."""
    pw._full_title = text
    if not hasattr(pw, "_title_wrapper"):
        pw._title_wrapper = _TitleWrapper(pw, appearance)
        pw.getPlotItem().getViewBox().sigResized.connect(pw._title_wrapper.resized)
    _fit_title(pw, appearance)


def title_text(pw: pg.PlotWidget) -> str:
    """The title as set (unwrapped)."""
    return getattr(pw, "_full_title", "")


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Greedy word wrap: lines no wider than `width` pixels (a single longer word keeps its own line)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and metrics.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        elif metrics.horizontalAdvance(word) > width and "|" in word:  # a probe's {a|b|c}: break after a bar
            pieces = [piece + "|" for piece in word.split("|")]
            pieces[-1] = pieces[-1][:-1]
            lines.append(pieces[0])
            for piece in pieces[1:]:
                if metrics.horizontalAdvance(lines[-1] + piece) <= width:
                    lines[-1] += piece
                else:
                    lines.append(piece)
        else:
            lines.append(word)
    return lines or [""]


def _fit_title(pw: pg.PlotWidget, appearance: Appearance) -> None:
    text = getattr(pw, "_full_title", None)
    if text is None:
        return
    from .textutil import esc

    font = appearance.font(1.1)
    item = pw.getPlotItem()
    # the title spans the plot's middle column only: as wide as the view box (once laid out)
    vb_width = item.getViewBox().width()
    width = max(80, int(vb_width - 8 if vb_width > 40 else pw.width() * 0.7))
    wrapper = getattr(pw, "_title_wrapper", None)
    if wrapper is not None:
        wrapper.width = int(vb_width)
    drawn = (text, width, font.key(), appearance.hex("fg"))
    if getattr(pw, "_title_drawn", None) == drawn:  # setTitle lays the whole plot out again: only on a change
        return
    pw._title_drawn = drawn
    lines = wrap_words(text, QFontMetrics(font), width) if text else []
    if not lines:
        item.setTitle(None)
        return
    item.setTitle("<br>".join(esc(line) for line in lines), color=appearance.hex("fg"),
                  size=f"{appearance.point_size * 1.1:.1f}pt")
    label = item.titleLabel  # a long title must not set the plot's (and window's) minimum width
    label.updateMin = lambda: _title_least_size(label)  # pyqtgraph calls it on every resize of the label
    _title_least_size(label)


def _title_least_size(label) -> None:
    """A title's least size: its height, and no width. pyqtgraph's own makes the text's width the least width on
    every resize of the label, which kept a plot as wide as its last title when a splitter narrowed it (the Bias
    chart, after F5 and back, drew its last bars under the table beside it)."""
    rect = label.itemRect()
    label.setMinimumWidth(0)
    hint = Qt.SizeHint
    label._sizeHint = {hint.MinimumSize: (0, rect.height()), hint.PreferredSize: (rect.width(), rect.height()),
                       hint.MaximumSize: (-1, -1), hint.MinimumDescent: (0, 0)}
    label.setMinimumHeight(rect.height())
    label.setMaximumHeight(rect.height())
    label.updateGeometry()


class _TitleWrapper(QObject):
    """Re-wraps a plot's title when its view box changes width (the window, an axis or the fonts)."""

    def __init__(self, pw: pg.PlotWidget, appearance: Appearance):
        super().__init__(pw)
        self.pw, self.appearance, self.width = pw, appearance, -1

    def resized(self, *_) -> None:
        if int(self.pw.getPlotItem().getViewBox().width()) != self.width:
            _fit_title(self.pw, self.appearance)


def token_ticks(labels: list[str], max_ticks: int = 40, offset: float = 0.5) -> list:
    """Tick list for pyqtgraph: one per token when they fit, otherwise every n-th."""
    n = len(labels)
    step = max(1, math.ceil(n / max_ticks))
    return [[(i + offset, visible(labels[i], 14)) for i in range(0, n, step)], []]


def fitting_ticks(labels: list[str], cell_px: float, sizes: list[float], gap: float = 6.0,
                  offset: float = 0.5) -> list:
    """Tick list for pyqtgraph: as many token labels as fit side by side without overlapping.

    Cell i is centred at (i + offset) * cell_px pixels; `sizes` are the labels' extents along the axis
    (widths for a horizontal axis, the line height for a vertical one). A label is kept when it starts
    after the last kept one ends, so short labels are all shown and only long ones are thinned out.
    """
    if labels and all(s.isdigit() for s in labels):  # numbers (positions, dimensions): a regular step
        step = 1
        while any(sizes[i] + gap > step * cell_px for i in range(0, len(labels), step)):
            step = next(s for s in (1, 2, 4, 5, 8, 10, 16, 20, 25, 32, 50, 64, 100, 128, 200, 256, 500, 512,
                                    1000, 1024, 10 ** 9) if s > step)
            if step >= len(labels):
                break
        return [[(i + offset, labels[i]) for i in range(0, len(labels), step)], []]
    ticks, last_end = [], -1e9
    for i, (label, size) in enumerate(zip(labels, sizes)):
        centre = (i + offset) * cell_px
        if centre - size / 2 >= last_end + gap or not ticks:
            ticks.append((i + offset, label))
            last_end = centre + size / 2
    return [ticks, []]


def image_item() -> pg.ImageItem:
    """An ImageItem indexed image[row, col]: row = y (down, with an inverted view), col = x."""
    return pg.ImageItem(axisOrder="row-major")


def nan_masked(a: np.ndarray) -> np.ndarray:
    """Replace infinities (the causal mask) with NaN, which ImageItem leaves transparent."""
    out = np.array(a, dtype=np.float32, copy=True)
    out[~np.isfinite(out)] = np.nan
    return out


def rgba(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


def now_and_after_layout(fit) -> None:
    """Run `fit` (say, choose tick labels for the plot's size) now, and once more on the next turn of the
    event loop, when the view box has its new size. A widget closed before then is left alone."""

    def later() -> None:
        try:
            fit()
        except RuntimeError:  # closed before the deferred call: its plot items are gone
            pass

    fit()
    QTimer.singleShot(0, later)


def steady_limit(needed: float) -> float:
    """The axis end for bars and labels that need `needed` (0..1): rounded up to a step, never past 1, so
    most keystrokes keep the same range and the percentage axis is not laid out and drawn again."""
    step = 0.05 if needed >= 0.25 else 0.025 if needed >= 0.1 else 0.01
    return float(min(1.0, max(step, round(float(np.ceil(needed / step - 1e-9)) * step, 6))))
