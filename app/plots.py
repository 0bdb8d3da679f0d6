"""pyqtgraph helpers: themed plot widgets, token tick labels, image items with explicit axis order."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

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


def style_plot(pw: pg.PlotWidget, appearance: Appearance) -> None:
    pw.setBackground(appearance.color("bg"))
    pen = pg.mkPen(appearance.color("muted"), width=max(1.0, appearance.line_width / 1.5))
    for name in ("left", "bottom", "top", "right"):
        axis = pw.getPlotItem().getAxis(name)
        axis.setPen(pen)
        axis.setTextPen(pg.mkPen(appearance.color("fg")))
        axis.setStyle(tickFont=appearance.font(0.9))
        axis.enableAutoSIPrefix(False)
        axis.label.setFont(appearance.font(0.95))
        axis.label.setDefaultTextColor(appearance.color("fg"))
    title = pw.getPlotItem().titleLabel
    if title.text:
        title.setText(title.text, color=appearance.hex("fg"), size=f"{appearance.point_size * 1.1:.0f}pt")


def set_title(pw: pg.PlotWidget, text: str, appearance: Appearance) -> None:
    pw.getPlotItem().setTitle(text, color=appearance.hex("fg"), size=f"{appearance.point_size * 1.1:.0f}pt")
    label = pw.getPlotItem().titleLabel  # a long title must not set the plot's (and window's) minimum width
    height = label.itemRect().height()
    label.setMinimumWidth(0)
    label._sizeHint[Qt.SizeHint.MinimumSize] = (0, height)
    label.updateGeometry()


def token_ticks(labels: list[str], max_ticks: int = 40, offset: float = 0.5) -> list:
    """Tick list for pyqtgraph: one per token when they fit, otherwise every n-th."""
    n = len(labels)
    step = max(1, math.ceil(n / max_ticks))
    return [[(i + offset, visible(labels[i], 14)) for i in range(0, n, step)], []]


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
