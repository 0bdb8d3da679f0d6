"""A visible keyboard focus for widgets that draw none of their own (plots, painted charts, token chips).

`FocusRing(widget)` lays a frame in the accent colour over the widget while it has the keyboard focus;
mouse clicks pass through it. Qt's own controls draw their focus in the style; a pyqtgraph plot or a
QGraphicsView draws nothing, so without this a keyboard user could not tell where the keys would go.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QWidget

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


def tab_leaves(view: QWidget) -> None:
    """Tab leaves a table or list for the next control. Qt's default walks Tab from cell to cell and wraps
    round to the first: a keyboard user never gets out. The arrow keys still move between cells."""
    if isinstance(view, QAbstractItemView) and view.tabKeyNavigation():
        view.setTabKeyNavigation(False)


def scroll_stop(area: QScrollArea) -> None:
    """A scroll area is a Tab stop only while it has something to scroll (the long block stage, a page on a
    small screen: its arrow and page keys read what no control covers). Otherwise Tab would stop on it for
    nothing, a ring round the whole page; Qt still scrolls it to show each control inside that takes focus."""
    if getattr(area, "_scroll_stop", False):
        return
    area._scroll_stop = True
    bars = (area.verticalScrollBar(), area.horizontalScrollBar())

    def follow_range(*_) -> None:
        area.setFocusPolicy(Qt.StrongFocus if any(bar.maximum() > 0 for bar in bars) else Qt.NoFocus)

    for bar in bars:
        bar.rangeChanged.connect(follow_range)
    follow_range()


class FocusFollower(QObject):
    """One ring that follows the keyboard focus over Qt's own controls, whose style's focus mark (a faint
    outline on a button, a slider or a check box) can hardly be seen on a projector. Not drawn when a mouse
    click gave the focus; widgets with a ring of their own (ring()) keep theirs. It also lets Tab out of
    every table and list (tab_leaves) and stops it on a scroll area only while it can scroll (scroll_stop),
    those made later included once the focus reaches them."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.ring: FocusRing | None = None
        for view in parent.findChildren(QAbstractItemView):
            tab_leaves(view)
        for area in parent.findChildren(QScrollArea):
            scroll_stop(area)
        QApplication.instance().focusChanged.connect(self.moved)

    def moved(self, _old, new) -> None:
        tab_leaves(new)
        if isinstance(new, QScrollArea):
            scroll_stop(new)
        try:
            if self.ring is not None:
                self.ring.target.removeEventFilter(self.ring)
                self.ring.hide()
                self.ring.deleteLater()
        except RuntimeError:  # deleted with the widget it was drawn on
            pass
        self.ring = None
        if (new is None or isinstance(getattr(new, "_focus_ring", None), FocusRing)
                or QApplication.mouseButtons() != Qt.NoButton or new.isWindow()):
            return
        self.ring = FocusRing(new)
        self.ring.setGeometry(new.rect())
        self.ring.raise_()
        self.ring.show()
