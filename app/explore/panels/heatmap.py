"""A large heatmap with tokens on both axes, a colour bar, and the exact value under the mouse."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.i18n import tr

from ...common.appearance import Appearance
from ...common.plots import (
    fitting_ticks,
    image_item,
    make_plot,
    nan_masked,
    now_and_after_layout,
    set_ticks,
    style_plot,
)
from ...common.text_cache import TextCache
from ...common.textutil import visible


class TokenHeatmap(QWidget):
    """matrix[row, col]: rows are queries (the token looking), columns keys (the token looked at)."""

    hovered = Signal(int, int)

    def __init__(self, appearance: Appearance, row_name: str | None = None, col_name: str | None = None,
                 row_axis: str | None = None, col_axis: str | None = None, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.row_name = row_name if row_name is not None else tr("query")
        self.col_name = col_name if col_name is not None else tr("key")
        # short axis titles: a long one is cut off when the heatmap is small (a school laptop)
        self.row_axis = row_axis if row_axis is not None else tr("query (looking)")
        self.col_axis = col_axis if col_axis is not None else tr("key (looked at)")
        self.plot = make_plot(appearance, invert_y=True)
        self.plot.getViewBox().setAspectLocked(False)
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.image = image_item()
        self.plot.addItem(self.image)
        self.bar = pg.ColorBarItem(values=(0, 1), colorMap=appearance.sequential(), interactive=False, width=14)
        self.bar.setImageItem(self.image, insert_in=self.plot.getPlotItem())
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignCenter)
        self.readout = QLabel(" ")
        self.readout.setWordWrap(True)
        self.matrix = np.zeros((0, 0), np.float32)
        self.row_labels: list[str] = []
        self.col_labels: list[str] = []
        self.value_name = tr("weight")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.signed = False
        self._look = None  # what _set_look last set
        self._extent = (0, 0)  # (rows, columns) the image and view were last given
        self._tick_key = None  # what the ticks were last fitted to
        self.measured = TextCache()  # the tick labels' widths: a keystroke brings a new label or two
        appearance.changed.connect(self.apply_appearance)
        self.apply_appearance()

    def show_matrix(self, matrix: np.ndarray, row_labels: list[str], col_labels: list[str] | None = None,
                    title: str = "", signed: bool = False, value_name: str | None = None) -> None:
        self.matrix = nan_masked(matrix)
        self.row_labels, self.col_labels = list(row_labels), list(col_labels or row_labels)
        self.value_name = value_name if value_name is not None else tr("weight")
        self.signed = signed
        finite = self.matrix[np.isfinite(self.matrix)]
        if signed:
            m = float(np.abs(finite).max()) if finite.size else 1.0
            levels = (-m or -1.0, m or 1.0)
        else:
            lo = 0.0 if (finite.size == 0 or finite.min() >= 0) else float(finite.min())
            hi = float(finite.max()) if finite.size else 1.0
            levels = (lo, hi if hi > lo else lo + 1e-6)
        # What a keystroke seldom changes is set only when it does: the colour map, axis titles and title,
        # the colour bar's numbers (a causal model's weights always reach 1.0: row 0 sees only itself),
        # the view's range and the tick labels. Each setter lays out, rebuilds a colour table or draws again.
        self._set_look((signed, self.row_axis, self.col_axis, title))
        self.image.setImage(self.matrix, levels=levels)
        if tuple(self.bar.levels()) != levels:
            self.bar.setLevels(levels)
        rows, cols = self.matrix.shape
        if self._extent != (rows, cols):
            self._extent = (rows, cols)
            self.image.setRect(0, 0, cols, rows)
            self.plot.getViewBox().setRange(xRange=(0, cols), yRange=(0, rows), padding=0)
        self._set_ticks()

    def _set_look(self, look: tuple) -> None:
        """The colour map, axis labels and title: (signed, row axis, column axis, title)."""
        if look == self._look:
            return
        self._look = look
        signed, row_axis, col_axis, title = look
        self.bar.setColorMap(self.appearance.diverging() if signed else self.appearance.sequential())
        self.plot.getPlotItem().getAxis("left").setLabel(row_axis)
        self.plot.getPlotItem().getAxis("bottom").setLabel(col_axis)
        self.title.setText(title)

    def view_size(self) -> tuple[float, float]:
        """The image area in pixels (an estimate from the widget before it is laid out)."""
        rect = self.plot.getViewBox().sceneBoundingRect()
        if rect.width() > 10 and rect.height() > 10:
            return rect.width(), rect.height()
        return max(50.0, self.plot.width() * 0.75), max(50.0, self.plot.height() * 0.75)

    def _set_ticks(self) -> None:
        rows, cols = self.matrix.shape
        if rows == 0 or cols == 0:
            return
        width, height = self.view_size()
        key = (tuple(self.row_labels), tuple(self.col_labels), round(width), round(height))
        if key == self._tick_key:
            return
        self._tick_key = key
        font = self.appearance.font(0.9)
        row_text = [visible(s, 12) for s in self.row_labels]
        col_text = [visible(s, 12) for s in self.col_labels]
        row_ticks = fitting_ticks(row_text, height / rows, [QFontMetrics(font).height()] * rows, gap=1)
        col_ticks = fitting_ticks(col_text, width / cols, self.measured.widths(col_text, font, whole=True))
        set_ticks(self.plot.getPlotItem().getAxis("left"), row_ticks)
        set_ticks(self.plot.getPlotItem().getAxis("bottom"), col_ticks)

    def value_at(self, row: int, col: int) -> float:
        return float(self.matrix[row, col])

    def _mouse_moved(self, pos) -> None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(pos) or self.matrix.size == 0:
            return
        p = vb.mapSceneToView(pos)
        col, row = int(np.floor(p.x())), int(np.floor(p.y()))
        if not (0 <= row < self.matrix.shape[0] and 0 <= col < self.matrix.shape[1]):
            return
        value = self.matrix[row, col]
        r, c = visible(self.row_labels[row], 20), visible(self.col_labels[col], 20)
        if np.isnan(value):
            text = tr("“{0}” (#{1}) cannot see “{2}” (#{3}): it comes later, so the causal mask hides it").format(
                r, row, c, col)
        else:
            text = tr("{0} “{1}” (#{2}) → {3} “{4}” (#{5}): {6} {7}").format(
                self.row_name, r, row, self.col_name, c, col, self.value_name, f"{value:.4f}")
        self.readout.setText(text)
        self.hovered.emit(row, col)

    def apply_appearance(self) -> None:
        look, self._look = self._look, None
        if look is not None:  # a new theme or colour map: set again now, whichever renders first
            self._set_look(look)
        style_plot(self.plot, self.appearance)
        self.plot.getViewBox().setBackgroundColor(self.appearance.color("grid"))
        self.readout.setFont(self.appearance.font())
        self.title.setFont(self.appearance.font(1.1, bold=True))
        font = self.appearance.font(0.9)
        metrics = QFontMetrics(font)
        self._tick_key = None  # the tick font may have changed: fit again
        axis = self.bar.axis  # the colour bar's numbers grow with the other text, and have room for "-1.0"
        axis.setStyle(tickFont=font)
        axis.setTextPen(pg.mkPen(self.appearance.color("fg")))
        axis.setWidth(metrics.horizontalAdvance("-0.00") + 12)
        # room above and below the plot for the colour bar's end labels ("1.0" sits on the top edge)
        half = metrics.height() // 2 + 2
        self.plot.getPlotItem().layout.setContentsMargins(2, half, 2, 2)
        self.plot.getPlotItem().getAxis("bottom").setStyle(hideOverlappingLabels=False)
        if self.matrix.size:
            self.show_matrix(self.matrix, self.row_labels, self.col_labels, self.title.text(), self.signed, self.value_name)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.matrix.size:  # tick density follows the size
            now_and_after_layout(self._set_ticks)


def masked_probs(layer) -> np.ndarray:
    """Attention probabilities with the causally masked cells as NaN, so they show as the mask."""
    return np.where(np.isfinite(layer.attn_scores), layer.attn_probs, np.nan).astype(np.float32)
