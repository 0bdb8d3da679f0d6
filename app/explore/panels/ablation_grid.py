"""What the attention grid draws for interventions: switched-off heads greyed and crossed out, and the
"Which heads matter here?" scan as one colour per head with its number, on a diverging scale."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QWidget

from app.i18n import tr

from ...common.plots import rgba


def off_cells_path(heads, t: int, sep: int) -> QPainterPath:
    """A square and its two diagonals over each switched-off (layer, head) cell, in mosaic coordinates."""
    path = QPainterPath()
    for layer, head in sorted(heads):
        x, y = head * (t + sep), layer * (t + sep)
        path.addRect(QRectF(x, y, t, t))
        path.moveTo(x, y)
        path.lineTo(x + t, y + t)
        path.moveTo(x + t, y)
        path.lineTo(x, y + t)
    return path


class OffCells(QGraphicsPathItem):
    """One item for every switched-off head: the cell veiled in the background colour, an X over it."""

    def show_heads(self, heads, t: int, sep: int) -> None:
        self.setPath(off_cells_path(heads, t, sep))

    def apply_appearance(self, appearance) -> None:
        pen = QPen(appearance.color("generated"))
        pen.setWidthF(appearance.line_width * 1.3)
        pen.setCosmetic(True)
        self.setPen(pen)
        self.setBrush(QBrush(rgba(appearance.color("bg"), 170)))


def importance_tiles(points: np.ndarray, half_range: float, t: int, sep: int) -> np.ndarray:
    """[L, H] drops in percentage points -> a mosaic of constant tiles, 0..1 on the diverging scale
    (0.5: no change), NaN where there is no number (a head already off) and between the tiles."""
    n_layer, n_head = points.shape
    scaled = (np.clip(points / half_range, -1.0, 1.0) + 1.0) / 2.0
    tiles = np.full((n_layer, t + sep, n_head, t + sep), np.nan, np.float32)
    tiles[:, :t, :, :t] = scaled[:, None, :, None]
    flat = tiles.reshape(n_layer * (t + sep), n_head * (t + sep))
    return np.ascontiguousarray(flat[: n_layer * (t + sep) - sep, : n_head * (t + sep) - sep])


def point_text(value: float, decimals: int = 1) -> str:
    """ "+12.3", "-0.4", "0.0" (no sign on a number that rounds to zero); "" for no number."""
    if not np.isfinite(value):
        return ""
    return f"{0.0:.{decimals}f}" if round(value, decimals) == 0 else f"{value:+.{decimals}f}"


class ImportanceLabels:
    """Each head's drop written on its tile (text items made once per grid shape, then updated)."""

    def __init__(self, canvas: QGraphicsItem):
        self.canvas, self.items = canvas, []  # the mosaic's canvas: one unit a cell

    def show(self, points: np.ndarray | None, t: int, sep: int, appearance, colours: np.ndarray | None = None):
        wanted = 0 if points is None else points.size
        while len(self.items) < wanted:
            item = pg.TextItem(anchor=(0.5, 0.5))
            item.setZValue(8)
            item.setParentItem(self.canvas)
            self.items.append(item)
        for item in self.items[wanted:]:
            item.setVisible(False)
        if points is None:
            return
        font = appearance.font(0.85, bold=True)
        decimals = self.decimals_that_fit(points, t, QFontMetrics(font))
        for i, item in enumerate(self.items[:wanted]):
            layer, head = divmod(i, points.shape[1])
            item.setFont(font)
            dark = colours is not None and colours[i].lightnessF() > 0.6
            item.setColor(QColor("#1b1b1f") if dark else QColor("#ffffff"))
            item.setText("" if decimals is None else point_text(float(points[layer, head]), decimals))
            item.setPos(head * (t + sep) + t / 2, layer * (t + sep) + t / 2)
            item.setVisible(True)


    def decimals_that_fit(self, points: np.ndarray, t: int, metrics: QFontMetrics) -> int | None:
        """1 or 0 decimals, whichever lets every number fit inside its tile; None: not even whole numbers
        (the colours and the colour bar still tell)."""
        view = self.canvas.getViewBox()
        if view is not None:
            view.updateMatrix()  # a resize or a new range reaches the view's transform only when it paints
        tile = self.canvas.mapRectToScene(QRectF(0, 0, t, t)).width()  # in screen pixels
        for decimals in (1, 0):
            texts = [point_text(float(v), decimals) for v in points.ravel()]
            if max(metrics.horizontalAdvance(s) for s in texts) + 4 <= tile:
                return decimals
        return None


class DropLegend(QWidget):
    """The scan's colour bar: the diverging map from -range to +range percentage points, labelled."""

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance, self.half_range = appearance, 1.0
        self.setMinimumHeight(int(appearance.font(0.9).pointSizeF() * 3.2))

    def set_range(self, half_range: float) -> None:
        self.half_range = half_range
        self.setMinimumHeight(int(self.appearance.point_size * 0.9 * 3.2))
        self.update()

    def labels(self) -> tuple[str, str, str]:
        r = self.half_range
        return (tr("{0:+.1f} pp: rose").format(-r), tr("0"), tr("{0:+.1f} pp: fell").format(r))

    def paintEvent(self, _event) -> None:
        a = self.appearance
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setFont(a.font(0.9))
        line = painter.fontMetrics().height()
        bar = QRectF(4, 2, self.width() - 8, max(8, self.height() - line - 6))
        gradient = QLinearGradient(bar.left(), 0, bar.right(), 0)
        cmap = a.diverging()
        for stop in np.linspace(0, 1, 9):
            gradient.setColorAt(float(stop), cmap.map(float(stop), mode="qcolor"))
        painter.fillRect(bar, QBrush(gradient))
        painter.setPen(a.color("fg"))
        text_rect = QRectF(bar.left(), bar.bottom() + 2, bar.width(), line + 2)
        low, zero, high = self.labels()
        painter.drawText(text_rect, Qt.AlignLeft, low)
        painter.drawText(text_rect, Qt.AlignHCenter, zero)
        painter.drawText(text_rect, Qt.AlignRight, high)
        painter.end()
