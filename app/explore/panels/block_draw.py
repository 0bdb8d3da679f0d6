"""Painted pictures of vectors for the Inside-a-block stage: rows of bars, and grids of coloured cells.

Painted with QPainter rather than built from plot widgets: a block has some twenty vectors to show,
and a keystroke must repaint the stage within a frame or two. A widget keeps the numbers it draws
(`rows`, `matrix`), which the tests compare with a recomputation from the weights.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QToolTip

from app.i18n import tr

from ...common.appearance import Appearance
from .block_text import Painted


def bar_colours(appearance: Appearance) -> tuple[QColor, QColor]:
    """(positive, negative): the two ends of the signed colour map, so bars and cells agree."""
    lut = appearance.diverging().getLookupTable(nPts=256, alpha=False)
    return QColor(*(int(v) for v in lut[236])), QColor(*(int(v) for v in lut[20]))


def coloured_image(matrix: np.ndarray, levels: tuple[float, float], lut: np.ndarray, hidden: QColor) -> QImage:
    """An RGB image, one pixel a cell; cells that are not finite (−∞ of the mask, NaN) in `hidden`."""
    lo, hi = levels
    finite = np.isfinite(matrix)
    scaled = np.zeros(matrix.shape, np.int64)
    if hi > lo:
        scaled = np.clip(((np.where(finite, matrix, lo) - lo) / (hi - lo) * 255).round(), 0, 255).astype(np.int64)
    rgb = np.ascontiguousarray(lut[scaled][..., :3], dtype=np.uint8)
    rgb[~finite] = (hidden.red(), hidden.green(), hidden.blue())
    return QImage(rgb.data, matrix.shape[1], matrix.shape[0], 3 * matrix.shape[1], QImage.Format_RGB888).copy()


class VectorRows(Painted):
    """Vectors as rows of bars, one bar a dimension (up: positive, gold; down: negative, blue).

    When a row has more numbers than the picture has pixels, each pixel column shows the highest and
    lowest value that falls in it. `shared`: one scale for every row (so the sizes compare, as in a
    sum), otherwise each row fills its own height (the scale is written beside it)."""

    def __init__(self, appearance: Appearance, shared: bool = True, parent=None):
        super().__init__(appearance, parent)
        self.shared = shared
        self.rows: list[tuple[str, np.ndarray, str]] = []  # (name, values, detail)
        self.dividers = 0  # a thin line every this many dimensions (the heads in a joined vector)
        self.marks: dict[int, list[int]] = {}  # row -> dimensions marked under its bars (the most active neurons)
        self.refit()

    def set_rows(self, rows: list[tuple[str, np.ndarray, str]], dividers: int = 0, marks: dict | None = None) -> None:
        self.rows = [(name, np.asarray(values, np.float32), detail) for name, values, detail in rows]
        self.dividers = dividers
        self.marks = {row: [int(m) for m in dims] for row, dims in (marks or {}).items()}
        if self.height() != self.wanted_height():
            self.refit()
        self.update()

    def row_height(self) -> int:
        """A name line and two detail lines (mean and spread, then the length, when they must wrap)."""
        name = QFontMetrics(self.appearance.font(0.95, bold=True)).height()
        return max(int(40 * self.appearance.scale), name + 2 * self.font_metrics(0.85).height() + 6)

    def wanted_height(self) -> int:
        return max(1, len(self.rows)) * self.row_height() + 4

    def scales(self) -> list[float]:
        tops = [float(np.abs(v).max()) if v.size else 0.0 for _, v, _ in self.rows]
        if self.shared:
            tops = [max(tops, default=0.0)] * len(tops)
        return [t or 1.0 for t in tops]

    def bars_rect(self) -> QRectF:
        left = self.label_width() + 8
        return QRectF(left, 0, max(10, self.width() - left - 6), self.height())

    def paintEvent(self, event) -> None:
        p, a = QPainter(self), self.appearance
        fm_name = QFontMetrics(a.font(0.95, bold=True))
        pos, neg = bar_colours(a)
        area, rh = self.bars_rect(), self.row_height()
        for r, ((name, values, detail), top) in enumerate(zip(self.rows, self.scales())):
            y0 = r * rh + 2
            p.setFont(a.font(0.95, bold=True))
            p.setPen(a.color("fg"))
            p.drawText(QRectF(2, y0, area.left() - 10, fm_name.height()), Qt.AlignRight | Qt.AlignTop,
                       fm_name.elidedText(name, Qt.ElideMiddle, int(area.left() - 12)))
            p.setFont(a.font(0.85))
            p.setPen(a.color("muted"))
            p.drawText(QRectF(2, y0 + fm_name.height(), area.left() - 10, rh - fm_name.height()),
                       Qt.AlignRight | Qt.AlignTop | Qt.TextWordWrap, detail)
            mid, half = y0 + rh / 2, rh / 2 - 4
            p.fillRect(QRectF(area.left(), y0 + 2, area.width(), rh - 4), a.color("bg"))
            self._bars(p, values, QRectF(area.left(), mid - half, area.width(), 2 * half), top, pos, neg,
                       self.marks.get(r, ()))
            p.setPen(QPen(a.color("grid"), 1))
            p.drawLine(QPointF(area.left(), mid), QPointF(area.right(), mid))
            if self.dividers and values.size:
                p.setPen(QPen(a.color("muted"), 1, Qt.DashLine))
                for d in range(self.dividers, values.size, self.dividers):
                    x = area.left() + area.width() * d / values.size
                    p.drawLine(QPointF(x, y0 + 2), QPointF(x, y0 + rh - 2))
            if not self.shared or r == 0:
                p.setFont(a.font(0.75))
                text = f"±{top:.3g}"
                room = QFontMetrics(a.font(0.75)).boundingRect(text).adjusted(-3, -1, 3, 1)
                room.moveTopRight(QRectF(area.right(), y0 + 2, 0, 0).topLeft().toPoint())
                p.fillRect(room, a.color("bg"))  # the scale stays readable over a tall bar
                p.setPen(a.color("muted"))
                p.drawText(room, Qt.AlignCenter, text)
        p.end()

    def _bars(self, p: QPainter, values: np.ndarray, rect: QRectF, top: float, pos: QColor, neg: QColor,
              marks) -> None:
        n = values.size
        if n == 0:
            return
        mid, half = rect.center().y(), rect.height() / 2
        if n * 2 <= rect.width():  # one bar a dimension, with a gap between bars when there is room
            step = rect.width() / n
            gap = 1.0 if step >= 4 else 0.0
            for i, v in enumerate(values):
                h = float(v) / top * half
                p.fillRect(QRectF(rect.left() + i * step, mid - max(h, 0), step - gap, abs(h)), pos if v > 0 else neg)
        else:  # more numbers than pixels: each column its highest and lowest value
            cols = max(1, int(rect.width()))
            starts = (np.arange(cols) * n) // cols
            highs, lows = np.maximum.reduceat(values, starts), np.minimum.reduceat(values, starts)
            for c, (hi, lo) in enumerate(zip(highs, lows)):
                x = rect.left() + c
                if hi > 0:
                    p.fillRect(QRectF(x, mid - hi / top * half, 1, hi / top * half), pos)
                if lo < 0:
                    p.fillRect(QRectF(x, mid, 1, -lo / top * half), neg)
        for m in marks:
            x = rect.left() + rect.width() * (m + 0.5) / n
            p.setPen(QPen(self.appearance.color("generated"), 2))
            p.drawLine(QPointF(x, rect.bottom() + 1), QPointF(x, rect.bottom() + 4))

    def mouseMoveEvent(self, event) -> None:
        area, rh = self.bars_rect(), self.row_height()
        x, row = event.position().x(), int(event.position().y() // rh)
        if 0 <= row < len(self.rows) and area.left() <= x < area.right():
            name, values, _ = self.rows[row]
            i = min(values.size - 1, int((x - area.left()) / area.width() * values.size))
            if i >= 0:
                QToolTip.showText(event.globalPosition().toPoint(), tr("{0}: dimension {1} = {2}").format(name, i, f"{values[i]:.4f}"), self)


class CellGrid(Painted):
    """A matrix as coloured cells: rows named on the left, columns named underneath when they fit,
    the value written in a cell when it fits. `row_levels`: each row coloured on its own scale (rows of
    different quantities; otherwise one scale for all rows but the `sequential_rows`, which are weights from
    0 to their largest); cells that are not finite show as the mask does (grey, "−∞" when it fits)."""

    def __init__(self, appearance: Appearance, max_height: float = 150, row_levels: bool = False, parent=None):
        super().__init__(appearance, parent)
        self.max_height, self.row_levels = max_height, row_levels
        self.matrix = np.zeros((0, 0), np.float32)
        self.row_names: list[str] = []
        self.col_names: list[str] = []
        self.sequential_rows: set[int] = set()  # rows of non-negative weights (viridis, 0 to their max)
        self.weights: np.ndarray | None = None  # [R] drawn as bars beside the rows (the softmax weights)
        self.row_ranges: list[tuple[float, float]] = []  # each row's colour scale
        self.refit()

    def set_matrix(self, matrix, row_names, col_names=(), sequential_rows=(), weights=None) -> None:
        self.matrix = np.asarray(matrix, np.float32)
        self.row_names, self.col_names = list(row_names), list(col_names)
        self.sequential_rows = set(sequential_rows)
        self.weights = None if weights is None else np.asarray(weights, np.float32)
        shared = self._levels(-1)  # the rows on one scale; each row's range is worked out once, not per paint
        self.row_ranges = [self._levels(r) if self.row_levels or r in self.sequential_rows else shared
                           for r in range(self.matrix.shape[0])]
        if self.height() != self.wanted_height():
            self.refit()
        self.update()

    def cell_height(self) -> float:
        rows = max(1, self.matrix.shape[0])
        line = self.font_metrics().height() + 4
        return min(line, self.max_height * self.appearance.scale / rows)

    def wanted_height(self) -> int:
        extra = self.font_metrics().height() + 6 if self.col_names else 4
        return int(np.ceil(max(1, self.matrix.shape[0]) * self.cell_height())) + extra

    def names_shown(self) -> bool:
        """Rows are named when a line of text fits in them; otherwise the cells take the names' room."""
        return self.cell_height() >= self.font_metrics(0.85).height()

    def grid_rect(self) -> QRectF:
        left = (self.label_width() + 8 if self.names_shown() else 2) + (
            60 * self.appearance.scale ** 0.8 if self.weights is not None else 0)
        return QRectF(left, 2, max(10, self.width() - left - 6), self.matrix.shape[0] * self.cell_height())

    def levels(self, row: int) -> tuple[float, float]:
        return self.row_ranges[row]

    def _levels(self, row: int) -> tuple[float, float]:
        if self.row_levels or row in self.sequential_rows:
            data = self.matrix[row]
        else:
            data = self.matrix[[r for r in range(self.matrix.shape[0]) if r not in self.sequential_rows]]
        finite = data[np.isfinite(data)]
        m = float(np.abs(finite).max()) if finite.size else 1.0
        return (0.0, m or 1.0) if row in self.sequential_rows else (-(m or 1.0), m or 1.0)

    def paintEvent(self, event) -> None:
        rows, cols = self.matrix.shape
        if rows == 0 or cols == 0:
            return
        p, a = QPainter(self), self.appearance
        rect, ch = self.grid_rect(), self.cell_height()
        cw = rect.width() / cols
        diverging = a.diverging().getLookupTable(nPts=256, alpha=False)
        sequential = a.sequential().getLookupTable(nPts=256, alpha=False)
        if not self.row_levels and not self.sequential_rows:  # one scale: one image
            p.drawImage(rect, coloured_image(self.matrix, self.levels(0), diverging, a.color("grid")))
        for r in range(rows) if self.row_levels or self.sequential_rows else ():
            lut = sequential if r in self.sequential_rows else diverging
            image = coloured_image(self.matrix[r : r + 1], self.levels(r), lut, a.color("grid"))
            p.drawImage(QRectF(rect.left(), rect.top() + r * ch, rect.width(), ch), image)
        fm = self.font_metrics(0.85)
        p.setFont(a.font(0.85))
        if self.names_shown():  # room for the row names, and maybe the numbers
            for r, name in enumerate(self.row_names):
                p.setPen(a.color("fg"))
                p.drawText(QRectF(2, rect.top() + r * ch, self.label_width(), ch), Qt.AlignRight | Qt.AlignVCenter,
                           fm.elidedText(name, Qt.ElideMiddle, self.label_width() - 4))
            self._numbers(p, fm, rect, ch, cw)
        if self.weights is not None:
            self._weights(p, rect, ch)
        if self.col_names:
            self._column_names(p, fm, rect, cw)
        p.end()

    def _numbers(self, p: QPainter, fm: QFontMetrics, rect: QRectF, ch: float, cw: float) -> None:
        """Each cell's value, with as many decimals as the narrowest cell of its row has room for."""
        for r in range(self.matrix.shape[0]):
            lo, hi = self.levels(r)
            finite_row = self.matrix[r][np.isfinite(self.matrix[r])]
            digits = next((d for d in (2, 1, 0) if all(
                fm.horizontalAdvance(f"{v:.{d}f}") + 4 <= cw for v in finite_row)), None)
            if digits is None:
                continue
            for c, v in enumerate(self.matrix[r]):
                finite = np.isfinite(v)
                text = f"{v:.{digits}f}" if finite else "−∞"
                dark_cell = r in self.sequential_rows and finite and v < 0.55 * hi  # viridis' dark end
                p.setPen(QColor("#ffffff") if dark_cell else QColor("#1b1b1f"))  # the signed map is light
                p.drawText(QRectF(rect.left() + c * cw, rect.top() + r * ch, cw, ch), Qt.AlignCenter, text)

    def _weights(self, p: QPainter, rect: QRectF, ch: float) -> None:
        width = 56 * self.appearance.scale ** 0.8
        left = rect.left() - width - 4
        top = float(self.weights.max()) or 1.0
        for r, w in enumerate(self.weights):
            p.fillRect(QRectF(left + width * (1 - w / top), rect.top() + r * ch + (0.15 * ch if ch > 3 else 0),
                              width * w / top, max(1.0, 0.7 * ch)), self.appearance.color("accent"))

    def _column_names(self, p: QPainter, fm: QFontMetrics, rect: QRectF, cw: float) -> None:
        p.setPen(self.appearance.color("fg"))
        last_end = -1e9
        for c, name in enumerate(self.col_names):
            width = fm.horizontalAdvance(name)
            centre = rect.left() + (c + 0.5) * cw
            if centre - width / 2 >= last_end + 6 or c == len(self.col_names) - 1 and centre - width / 2 > last_end:
                p.drawText(QRectF(centre - width / 2 - 2, rect.bottom() + 2, width + 4, fm.height() + 2),
                           Qt.AlignCenter, name)
                last_end = centre + width / 2

    def mouseMoveEvent(self, event) -> None:
        rect, rows, cols = self.grid_rect(), *self.matrix.shape
        pos = event.position()
        if rows and cols and rect.contains(pos):
            r = min(rows - 1, int((pos.y() - rect.top()) / self.cell_height()))
            c = min(cols - 1, int((pos.x() - rect.left()) / rect.width() * cols))
            where = (self.row_names[r] if r < len(self.row_names) else tr("row {0}").format(r)) + " · " + (
                self.col_names[c] if c < len(self.col_names) else tr("dimension {0}").format(c))
            v = self.matrix[r, c]
            QToolTip.showText(event.globalPosition().toPoint(), f"{where}: " + (f"{v:.4f}" if np.isfinite(v) else
                                                                                 tr("−∞ (masked)")), self)
