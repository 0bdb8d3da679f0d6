"""The Tokens stage's prompt tokens: TokenChips, each token a box with its id, that opens the token's
embedding on a click or on Enter."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QApplication, QToolTip

from app.i18n import tr

from ...common.appearance import CATEGORY_COUNT
from ...common.focus import RING_WIDTH
from ...common.text_cache import TextCache
from ...common.textutil import visible
from .token_strip import WrappedBoxes


class TokenChips(WrappedBoxes):
    """The prompt's tokens as rounded boxes, the token's text above its id, wrapping like words. A click, or
    Enter or Space on the box the arrow keys reached, emits `activated` with the token id (the Tokens stage
    opens its embedding). Hovering a box shows `tip_for(index)`; a box from `first_generated` on has a thick
    outline in the generated colour.

    One widget painting every box: 64 QLabel chips with their own style sheets in a flow layout cost the
    event loop a layout and polish turn of 26-47 ms on every keystroke (docs/BENCHMARKS.md). Tab stops here
    once; the arrow keys move between boxes, as in a list, instead of one Tab stop for each token."""

    activated = Signal(int)
    GAP, PAD_X, PAD_Y, RADIUS = 5, 6, 3, 6

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.labels: list[str] = []  # the text each box shows (spaces and line breaks made visible)
        self.token_ids: list[int] = []
        self.first_generated = -1
        self.tip_for = lambda index: ""  # the tool tip of a box, built only when it is hovered
        self.current = 0  # the box the arrow keys are on
        self._widths: list[float] = []
        self._places_cache: tuple[int, list[QRectF], float] | None = None
        self._font = None
        self.text_cache = TextCache()  # the labels' and ids' widths and prepared texts, each made once
        # said after the current box in the accessible description, which a screen reader reads out
        self.description = tr("The arrow keys move between the tokens; Enter or Space opens the token's embedding.")
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)  # the pointing hand over a box only
        self._say_current()

    # ---- data in -------------------------------------------------------------------------------
    def set_tokens(self, labels: list[str], token_ids: list[int], first_generated: int = -1) -> None:
        labels = [visible(label) for label in labels]
        font = (self.appearance.font(1.0, mono=True).key(), self.appearance.point_size)
        if (labels, token_ids, first_generated, font) == (self.labels, self.token_ids, self.first_generated,
                                                          self._font):
            return
        same_boxes = (labels, font) == (self.labels, self._font)
        self.labels, self.token_ids, self.first_generated, self._font = labels, list(token_ids), first_generated, font
        self.current = min(self.current, max(0, len(labels) - 1))
        if not same_boxes:  # only a new text or size moves the boxes; the ids and outlines are drawn anew anyway
            a = self.appearance
            label_widths = self.text_cache.widths(labels, a.font(1.0, mono=True))
            id_widths = self.text_cache.widths([str(tid) for tid in token_ids], a.font(0.75))
            self._widths = [max(t, i) + 2 * self.PAD_X + 2 for t, i in zip(label_widths, id_widths)]
            self._heights.clear()
            self._places_cache = None
            self.updateGeometry()
        self._say_current()
        self.update()

    # ---- geometry ------------------------------------------------------------------------------
    def _metrics(self) -> tuple[QFontMetricsF, QFontMetricsF]:
        a = self.appearance
        return QFontMetricsF(a.font(1.0, mono=True)), QFontMetricsF(a.font(0.75))

    def _box_height(self) -> float:
        text_metrics, id_metrics = self._metrics()
        return text_metrics.height() + id_metrics.height() + 2 * self.PAD_Y + 2

    def _layout(self, width: float) -> tuple[list[QRectF], float]:
        box_h = self._box_height()
        width -= 2  # the 1 px margin each side, where the thick outline of a generated token's box goes
        x = y = 0.0
        rects = []
        for w in self._widths:
            if x > 0 and x + w > width:
                x, y = 0.0, y + box_h + self.GAP
            rects.append(QRectF(x + 1, y + 1, w, box_h))  # 1 px in: the thick outline fits inside the widget
            x += w + self.GAP
        return rects, (y + box_h + 2 if rects else 0.0)

    def rects(self) -> list[QRectF]:
        """Each box's rectangle at the widget's present width."""
        width = self.width()
        if self._places_cache is None or self._places_cache[0] != width:
            rects, height = self._layout(width)
            self._places_cache = (width, rects, height)
        return self._places_cache[1]

    def index_at(self, pos) -> int:
        return next((i for i, r in enumerate(self.rects()) if r.contains(pos)), -1)

    def _height_at(self, width: int) -> float:
        return self._layout(width)[1]

    def minimumSizeHint(self) -> QSize:
        return QSize(80, int(self._box_height()) + 2)

    # ---- painting ------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        a = self.appearance
        text_font, id_font = a.font(1.0, mono=True), a.font(0.75)
        text_h, id_h = QFontMetricsF(text_font).height(), QFontMetricsF(id_font).height()
        tints = [a.category(j) for j in range(CATEGORY_COUNT)]
        fg, muted = QColor(a.hex("fg")), QColor(a.hex("muted"))
        thin, thick = QPen(QColor(a.hex("grid")), 1), QPen(QColor(a.hex("generated")), 3)
        visible_area = QRectF(event.rect())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        shown = [(i, rect) for i, rect in enumerate(self.rects()) if rect.intersects(visible_area)]
        for i, rect in shown:
            painter.setPen(thick if 0 <= self.first_generated <= i else thin)
            painter.setBrush(tints[i % CATEGORY_COUNT])
            painter.drawRoundedRect(rect, self.RADIUS, self.RADIUS)
        # The texts in two passes, one a font: drawStaticText lays a text out again when the painter's
        # font is not the one it was prepared in.
        for font, colour, top, height, text_of in (
                (text_font, fg, self.PAD_Y, text_h, lambda i: self.labels[i]),
                (id_font, muted, self.PAD_Y + text_h, id_h, lambda i: str(self.token_ids[i]))):
            painter.setFont(font)
            painter.setPen(colour)
            for i, rect in shown:
                text = self.text_cache.prepared(text_of(i), font)
                size = text.size()
                painter.drawStaticText(QPointF(rect.center().x() - size.width() / 2,
                                               rect.top() + top + (height - size.height()) / 2), text)
        rects = self.rects()
        if self.hasFocus() and 0 <= self.current < len(rects):  # where Enter would go: the accent ring
            pen = QPen(QApplication.palette().highlight().color(), RING_WIDTH)
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
            painter.drawRoundedRect(rects[self.current].adjusted(-1, -1, 1, 1), self.RADIUS, self.RADIUS)
        painter.end()

    # ---- mouse and keys ------------------------------------------------------------------------
    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            index = self.index_at(event.position() if hasattr(event, "position") else event.pos())
            if index >= 0:
                QToolTip.showText(event.globalPos(), self.tip_for(index), self, self.rects()[index].toRect())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def mouseMoveEvent(self, event) -> None:
        over = self.index_at(event.position()) >= 0
        self.setCursor(Qt.PointingHandCursor if over else Qt.ArrowCursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        index = self.index_at(event.position())
        if event.button() == Qt.LeftButton and index >= 0:
            self.current = index
            self._say_current()
            self.update()
            self.activated.emit(self.token_ids[index])
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        key, n = event.key(), len(self.labels)
        if not n or event.modifiers() & (Qt.ControlModifier | Qt.AltModifier | Qt.MetaModifier):
            super().keyPressEvent(event)
            return
        if key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            self.activated.emit(self.token_ids[self.current])
            return
        moves = {Qt.Key_Left: self.current - 1, Qt.Key_Right: self.current + 1, Qt.Key_Home: 0, Qt.Key_End: n - 1,
                 Qt.Key_Up: self._row_step(-1), Qt.Key_Down: self._row_step(1)}
        if key not in moves:
            super().keyPressEvent(event)
            return
        self.current = min(max(moves[key], 0), n - 1)
        self._say_current()
        self.update()

    def _row_step(self, direction: int) -> int:
        """The box on the row above (-1) or below (+1) whose centre is nearest the current box's; the current
        one when there is no such row."""
        rects = self.rects()
        here = rects[self.current]
        rows = sorted({round(r.top()) for r in rects})
        row = rows.index(round(here.top())) + direction
        if not 0 <= row < len(rows):
            return self.current
        on_row = [i for i, r in enumerate(rects) if round(r.top()) == rows[row]]
        return min(on_row, key=lambda i: abs(rects[i].center().x() - here.center().x()))

    def _say_current(self) -> None:
        if not self.labels:
            self.setAccessibleDescription(self.description)
            return
        i = self.current
        said = tr("Token {0} of {1}: {2}, id {3}.").format(i + 1, len(self.labels), self.labels[i], self.token_ids[i])
        self.setAccessibleDescription(f"{said} {self.description}".strip())

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.update()
