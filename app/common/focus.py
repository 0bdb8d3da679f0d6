"""A visible keyboard focus for widgets that draw none of their own (plots, painted charts, token chips).

`FocusRing(widget)` lays a frame in the accent colour over the widget while it has the keyboard focus;
mouse clicks pass through it. Qt's own controls draw their focus in the style; a pyqtgraph plot or a
QGraphicsView draws nothing, so without this a keyboard user could not tell where the keys would go.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

RING_WIDTH = 3  # pixels: visible on a projector, and on both themes (the accent is blue on light, sky on dark)


class FocusRing(QWidget):
    decoration = True  # drawn over another widget, takes no input: nothing for a screen reader to name
    def __init__(self, target: QWidget):
        super().__init__(target)
        self.target = target
        self.setAttribute(Qt.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.NoFocus)
        self.hide()
        target.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.FocusIn:
            self.setGeometry(self.target.rect())
            self.raise_()
            self.show()
        elif kind == QEvent.FocusOut:
            self.hide()
        elif kind == QEvent.Resize and self.isVisible():
            self.setGeometry(self.target.rect())
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        pen = QPen(QApplication.palette().highlight().color(), RING_WIDTH)
        pen.setJoinStyle(Qt.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half - 1, -half - 1))


def ring(widget: QWidget) -> None:
    """Give `widget` a focus ring, once."""
    if not isinstance(getattr(widget, "_focus_ring", None), FocusRing):
        widget._focus_ring = FocusRing(widget)
