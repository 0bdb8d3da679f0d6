"""What a text costs to measure and lay out, paid once per text and font.

A keystroke changes a token or two of a prompt; the widgets that draw every token (the Tokens stage's
boxes, the heatmap's tick labels) would otherwise measure all 64 again, and QPainter.drawText lays its
text out on every paint where a prepared QStaticText is laid out once (about 2.5 times faster for a
64-token prompt's labels and ids).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QFontMetricsF, QStaticText, QTransform


class TextCache:
    """Widths and prepared texts, kept per (text, font): a new font or text size simply misses."""

    LIMIT = 20_000  # texts kept before starting again (a long session on a large vocabulary)

    def __init__(self):
        self._widths: dict[tuple[str, str, bool], float] = {}
        self._prepared: dict[tuple[str, str], QStaticText] = {}

    def widths(self, texts: list[str], font: QFont, whole: bool = False) -> list[float]:
        """Each text's horizontal advance in `font`; `whole`: in whole pixels (QFontMetrics, as a plot's
        tick labels are measured), else in fractions (QFontMetricsF)."""
        key, known = font.key(), self._widths
        missing = [t for t in dict.fromkeys(texts) if (t, key, whole) not in known]
        if missing:
            if len(known) + len(missing) > self.LIMIT:
                known.clear()
                missing = list(dict.fromkeys(texts))
            metrics = QFontMetrics(font) if whole else QFontMetricsF(font)
            for t in missing:
                known[t, key, whole] = metrics.horizontalAdvance(t)
        return [known[t, key, whole] for t in texts]

    def prepared(self, text: str, font: QFont) -> QStaticText:
        """`text` laid out in `font`, for QPainter.drawStaticText with that font set on the painter (drawn
        in another font, it is laid out again)."""
        key = (text, font.key())
        prepared = self._prepared.get(key)
        if prepared is None:
            if len(self._prepared) >= self.LIMIT:
                self._prepared.clear()
            prepared = self._prepared[key] = QStaticText(text)
            prepared.setTextFormat(Qt.PlainText)
            prepared.prepare(QTransform(), font)
        return prepared
