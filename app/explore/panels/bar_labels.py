"""The next-token chart's percentages: one text a bar, all drawn by ONE item in screen pixels.

Fifteen pyqtgraph TextItems laid out a text document each on every keystroke (about 2 ms of a
64-token render on the Output stage); this item keeps the texts and paints them in one pass.
A label sits just after its bar's end, or just inside it when it would not fit after it
(OutputPanel._place_labels decides, and makes room on the axis for the ones outside).
"""
from __future__ import annotations

from typing import NamedTuple

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTransform

GAP_PX = 8.0  # between a bar's end and its label's text


class BarLabel(NamedTuple):
    """One label: the bar ends at x (view units) on `row`; `inside` puts the text before that end."""

    x: float
    row: float
    text: str
    inside: bool
    colour: QColor


class BarLabels(pg.GraphicsObject):
    def __init__(self):
        super().__init__()
        self.labels: list[BarLabel] = []
        self.text_font = QFont()
        self.setZValue(5)  # over the bars

    def set_labels(self, labels: list[BarLabel], font: QFont) -> None:
        self.labels, self.text_font = list(labels), QFont(font)
        self.update()

    def texts(self) -> list[str]:
        return [label.text for label in self.labels]

    def text_rect(self, i: int, to_pixels: QTransform | None = None) -> QRectF:
        """Label i's text in pixels: of the scene (the default), or through `to_pixels` (item -> device)."""
        label = self.labels[i]
        if to_pixels is None:
            view = self.getViewBox()
            if view is not None:
                view.updateMatrix()  # a range just set reaches the view's transform only when it paints
            anchor = self.mapToScene(QPointF(label.x, label.row))
        else:
            anchor = to_pixels.map(QPointF(label.x, label.row))
        metrics = QFontMetricsF(self.text_font)
        width, height = metrics.horizontalAdvance(label.text), metrics.height()
        left = anchor.x() - GAP_PX - width if label.inside else anchor.x() + GAP_PX
        return QRectF(left, anchor.y() - height / 2, width, height)

    def boundingRect(self) -> QRectF:
        # The texts are sized in pixels, not view units; the axis keeps them inside the view.
        view = self.getViewBox()
        return view.viewRect() if view is not None else QRectF()

    def viewRangeChanged(self) -> None:
        self.prepareGeometryChange()

    def paint(self, painter, *args) -> None:
        if not self.labels:
            return
        to_pixels = painter.transform()
        painter.save()
        painter.resetTransform()  # text in screen pixels: not stretched with the view's scale
        painter.setFont(self.text_font)
        for i, label in enumerate(self.labels):
            if label.text:
                painter.setPen(label.colour)
                painter.drawText(self.text_rect(i, to_pixels), Qt.AlignLeft | Qt.AlignVCenter, label.text)
        painter.restore()
