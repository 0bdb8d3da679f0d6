"""The Tokens stage's comparison rows: TokenStrip, a row of tokens drawn as tinted boxes that wrap like
words (the three-way comparison), and WrappedBoxes, what it shares with token_chips.TokenChips.

Painted in one pass with QPainter: the same row as a word-wrapped rich-text QLabel of a few hundred
<span>s was laid out again every time the layout asked its height for a width, about 30 ms a row on
every keystroke at 64 tokens."""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...common.appearance import CATEGORY_COUNT
from ...common.text_cache import TextCache
from ...common.textutil import visible

FONT_SCALE = 1.1  # a little larger than body text: these are what the row is about


class WrappedBoxes(QWidget):
    """A painted row of boxes that wraps like words: its height follows its width, remembered per width
    until the boxes change (clear `_heights` then). Subclasses say how tall they are at a width."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._heights: dict[int, float] = {}
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _height_at(self, width: int) -> float:
        raise NotImplementedError

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = self._height_at(width)
        return int(self._heights[width]) + 1

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(400))


class TokenStrip(WrappedBoxes):
    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.texts: list[str] = []  # what each box shows
        self.more = ""  # said after the boxes (how many were left out)
        self._widths: list[float] = []
        self._font = None  # the font key the widths were measured with
        self.measured = TextCache()  # a keystroke changes a token or two: the others are measured already
        self._placed = None  # (width, _places(width)) for the width last painted at

    def set_tokens(self, labels: list[str], more: str = "") -> None:
        texts = [visible(label, 24) for label in labels]
        font = self.appearance.font(FONT_SCALE).key()  # a new text size or presentation mode measures again
        if (texts, more, font) == (self.texts, self.more, self._font):
            return
        self.texts, self.more, self._font = texts, more, font
        pads = 2 * self._pad(self._metrics())
        self._widths = [w + pads for w in self.measured.widths(texts, self.appearance.font(FONT_SCALE))]
        self._heights.clear()
        self._placed = None
        self.setAccessibleDescription(" | ".join(texts) + (" " + more if more else ""))
        self.updateGeometry()
        self.update()

    # ---- geometry --------------------------------------------------------------------------
    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.appearance.font(FONT_SCALE))

    @staticmethod
    def _pad(metrics: QFontMetricsF) -> float:
        return metrics.horizontalAdvance(" ") * 0.6

    def _places(self, width: float) -> tuple[list[tuple[float, float]], float, tuple[float, float]]:
        """Each box's top-left corner at this width, the total height, and where `more` starts."""
        metrics = self._metrics()
        gap, line = metrics.horizontalAdvance(" "), metrics.height() + 4
        x = y = 0.0
        places = []
        for w in self._widths:
            if x > 0 and x + w > width:
                x, y = 0.0, y + line
            places.append((x, y))
            x += w + gap
        more_at = (x, y)
        if self.more and x > 0 and x + metrics.horizontalAdvance(self.more) > width:
            more_at = (0.0, y + line)
        height = (more_at[1] if self.more else y) + line if (self.texts or self.more) else 0.0
        return places, height, more_at

    def _height_at(self, width: int) -> float:
        return self._places(width)[1]

    def minimumSizeHint(self) -> QSize:
        return QSize(80, int(self._metrics().height()) + 4)

    # ---- painting --------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        a = self.appearance
        metrics = self._metrics()
        if self._placed is None or self._placed[0] != self.width():
            self._placed = (self.width(), self._places(self.width()))
        places, _height, more_at = self._placed[1]
        tints = [a.category(j) for j in range(CATEGORY_COUNT)]
        painter = QPainter(self)
        painter.setFont(a.font(FONT_SCALE))
        painter.setPen(QColor(a.hex("fg")))
        box_h, pad = metrics.height() + 2, self._pad(metrics)
        baseline = 1 + metrics.ascent()  # text drawn at a point: no per-box alignment to work out
        top, bottom = event.rect().top() - box_h, event.rect().bottom()  # only the rows being painted
        for i, ((x, y), w, text) in enumerate(zip(places, self._widths, self.texts)):
            if top <= y <= bottom:
                painter.fillRect(QRectF(x, y, w, box_h), tints[i % CATEGORY_COUNT])
                painter.drawText(QPointF(x + pad, y + baseline), text)
        if self.more:
            painter.setPen(QColor(a.hex("muted")))
            painter.drawText(QRectF(more_at[0], more_at[1], self.width(), box_h), Qt.AlignLeft | Qt.AlignVCenter,
                             self.more)
        painter.end()
