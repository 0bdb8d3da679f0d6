"""Keys for what was a mouse click on a plot: a cursor moved by the arrow keys, Enter or Space acts.

- The attention grid (`GridKeys`): arrows move a dashed cursor over layers (up, down) and heads (left,
  right); Enter or Space looks at that head, or, in the switching mode, switches it off or on.
- The next-token bars (`BarKeys`): Up and Down move a cursor over the candidates; Enter or Space forces
  that token, as a click on its bar does.
- The model overview (`DiagramKeys`): arrows (or Tab order within the picture) move between the boxes
  that open a stage; Enter or Space opens it.
- The embeddings map (`MapKeys`, in embeddings_keys.py): arrows move a dashed square over the prompt's
  tokens; Enter or Space chooses the token under it, as a click on its dot does; + and - zoom, 0 unzooms.
Each takes the keyboard focus with Tab and shows it with a focus ring (common/focus.py) and its cursor.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from ...common.focus import ring

ACT_KEYS = (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space)
MOVES = {Qt.Key_Up: (-1, 0), Qt.Key_Down: (1, 0), Qt.Key_Left: (0, -1), Qt.Key_Right: (0, 1)}


def cursor_item(appearance, follow: bool = True) -> QGraphicsRectItem:
    """A dashed rectangle in the text colour; `follow`: restyled with the appearance (an item that lives
    as long as its plot; one redrawn with its scene is made anew instead)."""
    item = QGraphicsRectItem()
    item.setZValue(20)
    item.hide()
    item.setPen(dashed(appearance))
    if follow:
        appearance.changed.connect(lambda: item.setPen(dashed(appearance)))
    return item


def dashed(appearance) -> QPen:
    pen = QPen(appearance.color("fg"))
    pen.setWidthF(max(2.0, appearance.line_width * 1.3))
    pen.setStyle(Qt.DashLine)
    pen.setCosmetic(True)
    return pen


class PlotKeys(QObject):
    """Focus in: show the cursor; focus out: hide it; keys: move or act."""

    def __init__(self, focus_widget, cursor: QGraphicsItem | None):
        super().__init__(focus_widget)
        self.widget, self.cursor = focus_widget, cursor
        focus_widget.setFocusPolicy(Qt.StrongFocus)
        ring(focus_widget)
        focus_widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.FocusIn:
            self.start()
            self.draw()
        elif kind == QEvent.FocusOut and self.cursor is not None:
            self.cursor.hide()
        elif kind == QEvent.KeyPress:
            if event.key() in MOVES and not event.modifiers() & (Qt.ControlModifier | Qt.AltModifier):
                self.move(*MOVES[event.key()])
                self.draw()
                return True
            if event.key() in ACT_KEYS and not event.modifiers():
                self.act()
                return True
            return self.other_key(event)
        return False

    def other_key(self, event) -> bool:
        """A key beyond the arrows and Enter; True when it was used."""
        return False

    def start(self) -> None: ...

    def move(self, down: int, right: int) -> None: ...

    def act(self) -> None: ...

    def draw(self) -> None: ...


class GridKeys(PlotKeys):
    def __init__(self, mosaic):
        self.mosaic = mosaic
        self.cell = (0, 0)
        self.item = cursor_item(mosaic.appearance)
        self.item.setParentItem(mosaic.canvas)  # in the mosaic's coordinates, as the tiles are
        mosaic.plot.setFocusPolicy(Qt.NoFocus)  # the grid takes the focus, not its picture inside
        super().__init__(mosaic, self.item)

    def start(self) -> None:
        self.cell = self.mosaic.selected

    def move(self, down: int, right: int) -> None:
        n_layer, n_head = self.mosaic.shape[:2]
        self.cell = (min(max(0, self.cell[0] + down), n_layer - 1), min(max(0, self.cell[1] + right), n_head - 1))

    def act(self) -> None:
        if self.mosaic.switching:
            self.mosaic.head_toggled.emit(*self.cell)
        else:
            self.mosaic.select(*self.cell)
            self.mosaic.head_clicked.emit(*self.cell)

    def draw(self) -> None:
        n_layer, n_head, t, sep = self.mosaic.shape
        if not n_head:
            return
        layer, head = self.cell
        pad = sep / 4
        self.item.setRect(QRectF(head * (t + sep) - pad, layer * (t + sep) - pad, t + 2 * pad, t + 2 * pad))
        self.item.show()


class BarKeys(PlotKeys):
    def __init__(self, panel):
        self.panel = panel
        self.row = 0
        self.item = cursor_item(panel.appearance)
        panel.plot.addItem(self.item)
        super().__init__(panel.plot, self.item)

    def move(self, down: int, right: int) -> None:
        n = len(self.panel.candidates)
        self.row = min(max(0, self.row + down), max(0, n - 1))

    def act(self) -> None:
        if 0 <= self.row < len(self.panel.candidates):
            self.panel.force_requested.emit(int(self.panel.candidates[self.row]))

    def draw(self) -> None:
        if len(self.panel.candidates) == 0:
            self.item.hide()
            return
        self.row = min(self.row, len(self.panel.candidates) - 1)
        x_hi = self.panel.plot.getViewBox().viewRange()[0][1]
        self.item.setRect(QRectF(0, self.row - 0.48, x_hi, 0.96))
        self.item.show()


class DiagramKeys(PlotKeys):
    """The diagram is redrawn (its scene cleared) on every model or appearance change: the cursor is a
    new item in the scene each time it is drawn, and the old one goes with the clearing."""

    def __init__(self, diagram, appearance):
        self.diagram, self.appearance, self.index = diagram, appearance, 0
        self.item = None
        super().__init__(diagram, None)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.FocusOut:
            self._drop_cursor()
        return super().eventFilter(obj, event)

    def _drop_cursor(self) -> None:
        try:
            if self.item is not None and self.item.scene() is self.diagram.scene():
                self.diagram.scene().removeItem(self.item)
        except RuntimeError:  # already deleted with the cleared scene
            pass
        self.item = None

    def boxes(self) -> list:
        """The boxes that open a stage, top to bottom, left to right."""
        items = [i for i in self.diagram.scene().items() if i.data(0) is not None]
        return sorted(items, key=lambda i: (round(i.sceneBoundingRect().top()), i.sceneBoundingRect().left()))

    def move(self, down: int, right: int) -> None:
        n = len(self.boxes())
        self.index = (self.index + down + right) % n if n else 0

    def act(self) -> None:
        boxes = self.boxes()
        if boxes:
            box = boxes[min(self.index, len(boxes) - 1)]
            self.diagram.on_click(box.data(0), box.data(1))

    def draw(self) -> None:
        boxes = self.boxes()
        self._drop_cursor()
        if not boxes:
            return
        self.index = min(self.index, len(boxes) - 1)
        self.item = cursor_item(self.appearance, follow=False)
        self.item.setRect(boxes[self.index].sceneBoundingRect().adjusted(-4, -4, 4, 4))
        self.item.show()
        self.diagram.scene().addItem(self.item)

