"""Keys for the embeddings map, on plot_keys' mechanism: the arrows highlight a token of the prompt, Enter
or Space chooses it as a click does, + and - zoom about it and 0 shows the whole map again."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt

from app.i18n import tr

from .plot_keys import PlotKeys, dashed

ZOOM_STEP = 1.5  # + shows 1/1.5 of the width and height, about the highlighted token; - undoes it
ZOOM_IN, ZOOM_OUT, WHOLE = (Qt.Key_Plus, Qt.Key_Equal), (Qt.Key_Minus, Qt.Key_Underscore), (Qt.Key_0,)


def step_along(points: np.ndarray, ids: list[int], here: tuple[float, float, int], axis: int, sign: int) -> int:
    """The token after `here` (x, y, id) along `axis` (0: x, 1: y): the nearest greater coordinate for
    sign +1, the nearest smaller for -1; ties by the other coordinate, then by id. -1 when none is left."""
    key = lambda p, i: (float(p[axis]), float(p[1 - axis]), int(i))  # noqa: E731
    origin = (here[axis], here[1 - axis], here[2])
    keys = [key(p, i) for p, i in zip(points, ids)]
    ahead = [k for k in keys if (k > origin if sign > 0 else k < origin)]
    if not ahead:
        return -1
    return (min(ahead) if sign > 0 else max(ahead))[2]


class MapKeys(PlotKeys):
    """The embeddings map. The arrows step through the prompt's tokens, the coloured, labelled dots: Right
    to the one with the nearest greater x, Left the nearest smaller x, Up and Down the same in y (ties by the
    other coordinate, then by id). Not the nearest dot in the pressed direction over the whole vocabulary:
    a keyboard user expects Right pressed again and again to visit every coloured dot once, left to right,
    and Left to come back the same way; a search within a cone of the direction can skip a dot for ever and
    is not undone by the opposite key, and thousands of grey dots a few pixels apart would take hundreds of
    presses to cross. A grey dot is reached from the neighbours table beside the map (Enter walks the map to
    it). Enter or Space chooses the highlighted token as a click on its dot does. The highlight is said in the
    line under the map and in the map's accessible description, which a screen reader reads out."""

    def __init__(self, panel):
        self.panel, self.token = panel, -1
        self.item = pg.ScatterPlotItem(size=28, pxMode=True, symbol="s", brush=pg.mkBrush(None))
        self.item.setZValue(20)
        self.item.mouseClickEvent = lambda event: event.ignore()  # a click on the highlighted dot goes to the dot
        self.item.hide()
        panel.plot.addItem(self.item)
        self.description: str | None = None  # the map's own description, while a highlight is said before it
        super().__init__(panel.plot, self.item)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.FocusOut:
            self.panel.say_highlight("")
            if self.description is not None:
                self.widget.setAccessibleDescription(self.description)
                self.description = None
        return super().eventFilter(obj, event)

    def start(self) -> None:
        self.token = self.panel.selected

    def follow(self, token: int) -> None:
        """A token chosen another way (a click, the neighbours table): the highlight goes there too."""
        self.token = token
        if self.widget.hasFocus():
            self.draw()

    def move(self, down: int, right: int) -> None:
        info, ids = self.panel.info, self.panel.label_ids
        if info is None or not ids or not 0 <= self.token < len(info.pca):
            return
        x, y = info.pca[self.token]
        axis, sign = (0, right) if right else (1, -down)  # the map's y grows upwards: Up is a greater y
        nxt = step_along(info.pca[ids], ids, (float(x), float(y), self.token), axis, sign)
        if nxt >= 0:
            self.token = nxt

    def act(self) -> None:
        if self.panel.info is not None and 0 <= self.token < len(self.panel.info.pca):
            self.panel.select_token(self.token)

    def other_key(self, event) -> bool:
        if event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
            return False  # Ctrl+= and Ctrl+- zoom the whole window
        key = event.key()
        if key in WHOLE:
            self.panel.show_whole_map()
        elif key in ZOOM_IN + ZOOM_OUT:
            self.zoom(1 / ZOOM_STEP if key in ZOOM_IN else ZOOM_STEP)
        else:
            return False
        self.draw()
        return True

    def zoom(self, factor: float) -> None:
        """Scale the view by `factor` about the highlighted dot (it stays where it is on screen)."""
        info = self.panel.info
        if info is None or not 0 <= self.token < len(info.pca):
            return
        x, y = info.pca[self.token]
        self.panel.plot.getViewBox().scaleBy((factor, factor), center=QPointF(float(x), float(y)))
        self.panel.place_labels()

    def draw(self) -> None:
        info = self.panel.info
        if info is None or not 0 <= self.token < len(info.pca):
            self.item.hide()
            return
        x, y = (float(v) for v in info.pca[self.token])
        vb = self.panel.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        if not (x0 <= x <= x1 and y0 <= y <= y1):  # zoomed in and stepped off the view: follow the dot
            vb.translateBy(x=x - (x0 + x1) / 2, y=y - (y0 + y1) / 2)
            self.panel.place_labels()
        self.item.setData(pos=[(x, y)], pen=dashed(self.panel.appearance), brush=pg.mkBrush(None))
        self.item.show()
        name = self.panel.token_text(self.token)
        if self.description is None:
            self.description = self.widget.accessibleDescription()
        said = tr("Highlighted: {0}. Enter shows its nearest neighbours.").format(name)
        self.widget.setAccessibleDescription(f"{said} {self.description}".strip())
        # Under the map, not in a tool tip beside the dot: a tip hides the very dots around the highlight
        # (a third of the map at 1024x640 in presentation mode), and the line below is read on a projector.
        keys = tr("The arrow keys move to the next coloured dot; + and - zoom, 0 shows the whole map.")
        self.panel.say_highlight(said, keys)
