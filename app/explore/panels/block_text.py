"""The Inside-a-block stage's painted pictures start here: `Painted`, their base, and the lines of words,
the token picker and one-line notes that change with every keystroke. Painted, so new text repaints the line
without laying out the whole stage again (a wrapped label's new text does, and that cost more than drawing
the block)."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ...common.appearance import Appearance
from ...common.textutil import visible


class Painted(QWidget):
    """A painted picture with a fixed height that follows the font size (presentation mode, zoom)."""

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.setMinimumWidth(240)
        self.setMouseTracking(True)
        appearance.changed.connect(self.refit)

    def font_metrics(self, relative: float = 0.9) -> QFontMetrics:
        return QFontMetrics(self.appearance.font(relative))

    def wanted_height(self) -> int:
        return 40

    def refit(self) -> None:
        self.setFixedHeight(self.wanted_height())
        self.update()

    def label_width(self) -> int:
        """The left column (row names), the same in every picture so their bars line up."""
        return max(90, min(int(self.width() * 0.3), int(170 * self.appearance.scale ** 0.8)))


class InfoLine(Painted):
    """One line of text (rich enough: a bold lead-in), cut with … when the stage is narrow; the whole text
    is its tooltip."""

    def __init__(self, appearance, muted: bool = True, parent=None):
        super().__init__(appearance, parent)
        self.setMinimumWidth(60)
        self.muted, self.lead, self.text = muted, "", ""
        self.refit()

    def wanted_height(self) -> int:
        return self.font_metrics(1.0).height() + 2

    def set_text(self, text: str, lead: str = "") -> None:
        if (lead, text) != (self.lead, self.text):
            self.lead, self.text = lead, text
            self.setToolTip(f"{lead} {text}".strip())
            self.setAccessibleName(self.toolTip())  # a screen reader reads the whole line
            self.update()

    def paintEvent(self, event) -> None:
        p, a = QPainter(self), self.appearance
        x = 0.0
        if self.lead:
            p.setFont(a.font(1.0, bold=True))
            p.setPen(a.color("fg"))
            p.drawText(QRectF(0, 0, self.width(), self.height()), Qt.AlignLeft | Qt.AlignVCenter, self.lead)
            x = QFontMetrics(a.font(1.0, bold=True)).horizontalAdvance(self.lead) + 6
        p.setFont(a.font(1.0))
        p.setPen(a.color("muted" if self.muted else "fg"))
        room = int(self.width() - x)
        p.drawText(QRectF(x, 0, room, self.height()), Qt.AlignLeft | Qt.AlignVCenter,
                   self.font_metrics(1.0).elidedText(self.text, Qt.ElideRight, room))
        p.end()


class TokenRow(Painted):
    """The prompt's tokens on one line; click one (or use ← →) to follow it through the block.
    Tokens after the chosen one are dimmed: the causal mask hides them from it."""

    token_clicked = Signal(int)

    def __init__(self, appearance, parent=None):
        super().__init__(appearance, parent)
        self.labels: list[str] = []
        self.selected = 0
        self.spans: list[tuple[float, float]] = []  # x from, x to of each token, after scrolling
        self.setFocusPolicy(Qt.StrongFocus)
        self.setCursor(Qt.PointingHandCursor)
        self.refit()

    def wanted_height(self) -> int:
        return self.font_metrics(1.0).height() + 14

    def set_tokens(self, labels: list[str], selected: int) -> None:
        self.labels, self.selected = [visible(s, 14) for s in labels], selected
        self._layout()
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._layout()

    def refit(self) -> None:
        super().refit()
        self._layout()

    def _layout(self) -> None:
        fm, pad = self.font_metrics(1.0), 10
        widths = [fm.horizontalAdvance(s) + pad for s in self.labels]
        starts = np.concatenate([[0.0], np.cumsum(widths)[:-1]]) if widths else np.zeros(0)
        shift = 4.0
        if widths and starts[-1] + widths[-1] > self.width() - 8:  # keep the chosen token in view, centred
            centre = starts[self.selected] + widths[self.selected] / 2
            shift = float(np.clip(self.width() / 2 - centre, self.width() - 8 - starts[-1] - widths[-1], 4.0))
        self.spans = [(s + shift, s + shift + w) for s, w in zip(starts, widths)]

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        a, h = self.appearance, self.height()
        p.setFont(a.font(1.0))
        for i, ((x0, x1), label) in enumerate(zip(self.spans, self.labels)):
            if x1 < 0 or x0 > self.width():
                continue
            box = QRectF(x0 + 1, 3, x1 - x0 - 2, h - 6)
            if i == self.selected:
                p.fillRect(box, a.color("accent"))
                p.setPen(QColor("#ffffff"))
            else:
                p.fillRect(box, a.color("bg"))
                p.setPen(a.color("cut") if i > self.selected else a.color("fg"))
            p.drawText(box, Qt.AlignCenter, label)
        p.setPen(a.color("muted"))
        more = self.font_metrics(1.0).horizontalAdvance(" … ")
        for edge, hidden in ((0, self.spans and self.spans[0][0] < 0),
                             (self.width() - more, self.spans and self.spans[-1][1] > self.width())):
            if hidden:  # tokens scrolled out of sight on this side: click near it or use ← →
                p.fillRect(QRectF(edge, 0, more, h), self.palette().window())
                p.drawText(QRectF(edge, 0, more, h), Qt.AlignCenter, "…")
        if self.hasFocus():
            p.setPen(QPen(a.color("accent"), 1, Qt.DotLine))
            p.drawRect(QRectF(0.5, 0.5, self.width() - 1, h - 1))
        p.end()

    def mousePressEvent(self, event) -> None:
        x = event.position().x()
        for i, (x0, x1) in enumerate(self.spans):
            if x0 <= x < x1:
                self.token_clicked.emit(i)
                return

    def keyPressEvent(self, event) -> None:
        step = {Qt.Key_Left: -1, Qt.Key_Right: 1}.get(event.key())
        target = {Qt.Key_Home: 0, Qt.Key_End: len(self.labels) - 1}.get(event.key())
        if step is not None and self.labels:
            self.token_clicked.emit(int(np.clip(self.selected + step, 0, len(self.labels) - 1)))
        elif target is not None and self.labels:
            self.token_clicked.emit(target)
        else:
            super().keyPressEvent(event)
