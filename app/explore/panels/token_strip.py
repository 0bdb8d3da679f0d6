"""The Tokens stage's token widgets: Chip, one clickable token of the prompt, and TokenStrip, a row of
tokens drawn as tinted boxes that wrap like words (the three-way comparison).

Painted in one pass with QPainter: the same row as a word-wrapped rich-text QLabel of a few hundred
<span>s was laid out again every time the layout asked its height for a width, about 30 ms a row on
every keystroke at 64 tokens."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ...common.appearance import CATEGORY_COUNT
from ...common.focus import ring
from ...common.textutil import visible

FONT_SCALE = 1.1  # a little larger than body text: these are what the row is about


class Chip(QLabel):
    def __init__(self, on_click):
        super().__init__()
        self.setTextFormat(Qt.RichText)
        self.setAlignment(Qt.AlignCenter)
        self.setCursor(Qt.PointingHandCursor)
        self.token_id = -1
        self.on_click = on_click
        self.setFocusPolicy(Qt.StrongFocus)  # Tab reaches every chip; Enter or Space opens its embedding
        ring(self)

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.LeftButton and self.token_id >= 0:
            self.on_click(self.token_id)
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space) and self.token_id >= 0:
            self.on_click(self.token_id)
        else:
            super().keyPressEvent(event)


class TokenStrip(QWidget):
    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.texts: list[str] = []  # what each box shows
        self.more = ""  # said after the boxes (how many were left out)
        self._widths: list[float] = []
        self._heights: dict[int, float] = {}  # the wrapped height for a width, until the tokens change
        self._font = None  # the font key the widths were measured with
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_tokens(self, labels: list[str], more: str = "") -> None:
        texts = [visible(label, 24) for label in labels]
        font = self.appearance.font(FONT_SCALE).key()  # a new text size or presentation mode measures again
        if (texts, more, font) == (self.texts, self.more, self._font):
            return
        self.texts, self.more, self._font = texts, more, font
        metrics = self._metrics()
        self._widths = [metrics.horizontalAdvance(t) + 2 * self._pad(metrics) for t in texts]
        self._heights.clear()
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

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if width not in self._heights:
            self._heights[width] = self._places(width)[1]
        return int(self._heights[width]) + 1

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(400))

    def minimumSizeHint(self) -> QSize:
        return QSize(80, int(self._metrics().height()) + 4)

    # ---- painting --------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        a = self.appearance
        metrics = self._metrics()
        places, _height, more_at = self._places(self.width())
        tints = [a.category(j) for j in range(CATEGORY_COUNT)]
        painter = QPainter(self)
        painter.setFont(a.font(FONT_SCALE))
        painter.setPen(QColor(a.hex("fg")))
        box_h, pad = metrics.height() + 2, self._pad(metrics)
        for i, ((x, y), w, text) in enumerate(zip(places, self._widths, self.texts)):
            rect = QRectF(x, y, w, box_h)
            painter.fillRect(rect, tints[i % CATEGORY_COUNT])
            painter.drawText(rect.adjusted(pad, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, text)
        if self.more:
            painter.setPen(QColor(a.hex("muted")))
            painter.drawText(QRectF(more_at[0], more_at[1], self.width(), box_h), Qt.AlignLeft | Qt.AlignVCenter,
                             self.more)
        painter.end()
