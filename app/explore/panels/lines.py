"""BertViz-style lines: tokens on two sides, a line from each token to those it attends to,
its thickness and opacity proportional to the attention weight."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from app.i18n import tr

from ...common.appearance import Appearance
from ...common.textutil import visible


class AttentionLines(QWidget):
    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.weights = np.zeros((0, 0), np.float32)  # [T query, T key]
        self.labels: list[str] = []
        self.focus = -1  # query row under the mouse, -1 for all
        self.setMouseTracking(True)
        appearance.changed.connect(self._restyle)

    def show_weights(self, weights: np.ndarray, labels: list[str]) -> None:
        self.weights = np.nan_to_num(np.asarray(weights, np.float32), nan=0.0, neginf=0.0)
        self.labels = list(labels)
        self.focus = min(self.focus, len(self.labels) - 1)
        self._restyle()

    def row_height(self) -> float:
        return self.fontMetrics().height() * 1.25

    def _restyle(self) -> None:
        self.setFont(self.appearance.font(0.95, mono=True))
        self.setMinimumHeight(int(self.row_height() * (len(self.labels) + 2)))
        self.update()

    def _column_width(self) -> int:
        return min(self.width() // 3, max([self.fontMetrics().horizontalAdvance(visible(s, 16)) for s in self.labels] + [40]) + 16)

    def mouseMoveEvent(self, event) -> None:
        row = int((event.position().y() - self.row_height()) // self.row_height())
        focus = row if 0 <= row < len(self.labels) and event.position().x() < self.width() / 2 else -1
        if focus != self.focus:
            self.focus = focus
            self.update()

    def leaveEvent(self, event) -> None:
        self.focus = -1
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        a = self.appearance
        p.fillRect(self.rect(), a.color("bg"))
        t = len(self.labels)
        if t == 0:
            return
        rh, cw = self.row_height(), self._column_width()
        left_x, right_x = cw, self.width() - cw
        p.setPen(a.color("muted"))
        p.drawText(QRectF(0, 0, cw, rh), Qt.AlignRight | Qt.AlignVCenter, tr("from") + " ")
        p.drawText(QRectF(right_x, 0, cw, rh), Qt.AlignLeft | Qt.AlignVCenter, " " + tr("to"))
        line = QColor(a.color("accent"))
        width = a.line_width * 4
        for i in range(t):
            if self.focus >= 0 and i != self.focus:
                continue
            y0 = rh * (i + 1.5)
            for j in np.nonzero(self.weights[i] > 0.01)[0]:
                w = float(self.weights[i, j])
                line.setAlphaF(min(1.0, 0.15 + 0.85 * w))
                pen = QPen(line)
                pen.setWidthF(max(0.5, width * w))
                p.setPen(pen)
                p.drawLine(QPointF(left_x + 4, y0), QPointF(right_x - 4, rh * (j + 1.5)))
        for i, label in enumerate(self.labels):
            y = rh * (i + 1)
            strong = self.focus == i
            p.setPen(a.color("generated") if strong else a.color("fg"))
            p.drawText(QRectF(0, y, cw - 6, rh), Qt.AlignRight | Qt.AlignVCenter, visible(label, 16))
            p.setPen(a.color("fg"))
            p.drawText(QRectF(right_x + 6, y, cw, rh), Qt.AlignLeft | Qt.AlignVCenter, visible(label, 16))
        p.end()
