"""The logit lens: what each layer would predict for the next token, read at the last position."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from app.i18n import tr

from ...common.appearance import Appearance
from ...common.tables import bulk_fill, one_change, set_cell
from ...common.textutil import visible

SHOWN = 6


class LogitLensTable(QTableWidget):
    def __init__(self, appearance: Appearance, parent=None, fewest: int = 2):
        super().__init__(parent)
        self.appearance = appearance
        self.fewest = fewest  # guesses shown however narrow the table (a cell's text is then cut)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.setWordWrap(False)

    def cell_text(self, label: str, p: float) -> str:
        return f"{visible(label, 12)}  {p * 100:.1f}%"

    def columns_that_fit(self, texts: np.ndarray) -> int:
        """How many guesses fit side by side with every cell's text whole (at least `fewest`, at most SHOWN)."""
        fm = QFontMetrics(self.appearance.font())
        header = max(self.verticalHeader().sizeHint().width(), fm.horizontalAdvance(tr("layer {0}").format("00")) + 12)
        width = self.viewport().width() if self.isVisible() else self.width() - header - 4
        width = max(width, 100)
        widths = np.array([[fm.horizontalAdvance(t) + 14 for t in row] for row in texts])  # + cell padding
        for n in range(min(SHOWN, texts.shape[1]), self.fewest - 1, -1):
            if widths[:, :n].max() <= width / n:
                return n
        return min(self.fewest, texts.shape[1])

    def show_lens(self, trace, labels: list[str], position: int = -1) -> None:
        self._args = (trace, labels, position)
        ids, probs = trace.lens_top_ids[:, position], trace.lens_top_probs[:, position]  # [L, K]
        n_layer, k = ids.shape
        font = self.appearance.font()
        if self.font() != font:  # setFont re-lays-out the table: only when the text size changed
            self.setFont(font)
        texts = np.array([[self.cell_text(labels[int(ids[l, c])], float(probs[l, c])) for c in range(min(SHOWN, k))]
                          for l in range(n_layer)], dtype=object)
        shown = self.columns_that_fit(texts)
        colours = self.appearance.sequential().map(np.clip(probs[:, :shown], 0.0, 1.0).ravel(), mode="qcolor")
        with bulk_fill(self):  # the rows are fitted once below, not once per cell set
            if (self.rowCount(), self.columnCount()) != (n_layer, shown):
                self.setRowCount(n_layer)
                self.setColumnCount(shown)
                self.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)  # new columns share the width
            self.setHorizontalHeaderLabels([tr("guess {0}").format(i + 1) for i in range(shown)])
            self.setVerticalHeaderLabels([tr("layer {0}").format(l + 1) for l in range(n_layer)])
            tip = tr("token id {0}, probability {1}")
            dark, light = QBrush(QColor("#000000")), QBrush(QColor("#ffffff"))
            with one_change(self):
                for layer in range(n_layer):
                    for col in range(shown):
                        tid, p = int(ids[layer, col]), float(probs[layer, col])
                        item = set_cell(self, layer, col, texts[layer, col])
                        item.setData(Qt.UserRole, tid)
                        item.setToolTip(tip.format(tid, f"{p:.4f}"))
                        bg = colours[layer * shown + col]
                        bg.setAlpha(170)
                        item.setBackground(QBrush(bg))
                        item.setForeground(dark if p > 0.55 else light)
        self.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        """Exactly tall enough for every layer's row: no inner scroll bar hiding the last layers."""
        header = max(self.horizontalHeader().height(), self.horizontalHeader().sizeHint().height())
        self.setFixedHeight(self.verticalHeader().length() + header + 2 * self.frameWidth() + 2)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_height()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if getattr(self, "_args", None) is not None and event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        """Show as many guesses as the new width holds whole (a wider or narrower window, other fonts)."""
        trace, labels, position = self._args
        ids, probs = trace.lens_top_ids[:, position], trace.lens_top_probs[:, position]
        texts = np.array([[self.cell_text(labels[int(ids[l, c])], float(probs[l, c]))
                           for c in range(min(SHOWN, ids.shape[1]))] for l in range(ids.shape[0])], dtype=object)
        if self.columns_that_fit(texts) != self.columnCount():
            self.show_lens(*self._args)


def labels_from_trace(trace) -> dict:
    """Token labels without a model's vocabulary (a panel on its own): the trace's own, else "#id"."""
    class Lookup(dict):
        def __missing__(self, key):
            return f"#{key}"

    return Lookup({int(i): s for i, s in zip(trace.token_ids, trace.token_strs)})
