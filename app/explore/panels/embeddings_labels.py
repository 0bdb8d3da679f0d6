"""The embeddings map's labels: the prompt's tokens named beside their dots where no two labels overlap."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetrics

from ...common.textutil import visible

N_LABELS = 40
LABEL_CHARS = 16


class TokenLabels:
    """N_LABELS text items made once on `plot`, filled in by place()."""

    def __init__(self, plot):
        self.plot = plot
        self.items = [pg.TextItem(anchor=(0, 1)) for _ in range(N_LABELS)]
        for item in self.items:
            plot.addItem(item)
        self.rects: list[QRectF] = []  # the labels drawn, in pixels of the view, y down
        self.drawn: list[tuple | None] = [None] * N_LABELS  # what each item shows: set again only when it changes

    def place(self, info, ids: list[int], selected: int, appearance) -> None:
        """Label the tokens `ids` where a label overlaps no other: the selected token first, then in the
        order of the text. Near the right edge a label goes to the left of its dot."""
        a = appearance
        order = sorted(range(len(ids)), key=lambda j: ids[j] != selected)  # the selected token first
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        w_px, h_px = max(1.0, vb.width()), max(1.0, vb.height())
        fm = QFontMetrics(a.font(0.95, bold=True))
        placed: list[QRectF] = []
        shown: dict[int, QRectF] = {}
        for j in order[:N_LABELS]:
            text = visible(info.labels[ids[j]], LABEL_CHARS)
            x, y = info.pca[ids[j]]
            px, py = (x - x0) / (x1 - x0) * w_px, (y1 - y) / (y1 - y0) * h_px  # pixels, y down
            tw, th = fm.horizontalAdvance(text) + 4, fm.height()
            left = px + 3 if px + 3 + tw <= w_px else px - 3 - tw
            rect = QRectF(left, py - th, tw, th)
            if left < 0 or rect.top() < 0 or any(rect.intersects(r) for r in placed):
                continue
            placed.append(rect)
            shown[j] = rect
        self.rects = list(shown.values())
        font = a.font(0.95, bold=True)
        for k, item in enumerate(self.items):
            j = order[k] if k < len(order) else -1
            if j in shown:
                x, y = info.pca[ids[j]]
                anchor = (0, 1) if shown[j].left() >= (x - x0) / (x1 - x0) * w_px else (1, 1)
                state = (visible(info.labels[ids[j]], LABEL_CHARS), a.hex("fg"), font.key(), anchor, float(x), float(y))
            else:
                state = ("",)
            if state == self.drawn[k]:  # a keystroke changes a few labels at most; setText lays one out again
                continue
            self.drawn[k] = state
            if len(state) == 1:
                item.setText("")
                continue
            text, colour, _font, anchor, x, y = state
            item.setText(text, color=colour)
            item.setFont(font)
            item.setAnchor(anchor)
            item.setPos(x, y)
