"""The logit lens: what each layer would predict for the next token, read at the last position."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..appearance import Appearance
from ..textutil import visible

SHOWN = 6


class LogitLensTable(QTableWidget):
    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.setWordWrap(False)

    def show_lens(self, trace, labels: list[str], position: int = -1) -> None:
        ids, probs = trace.lens_top_ids[:, position], trace.lens_top_probs[:, position]  # [L, K]
        n_layer, k = ids.shape
        shown = min(SHOWN, k)
        self.setRowCount(n_layer)
        self.setColumnCount(shown)
        self.setHorizontalHeaderLabels([f"guess {i + 1}" for i in range(shown)])
        self.setVerticalHeaderLabels([f"layer {l + 1}" for l in range(n_layer)])
        colours = self.appearance.sequential().map(np.clip(probs[:, :shown], 0.0, 1.0).ravel(), mode="qcolor")
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.Fixed)  # fit the rows once below, not once per cell set
        for layer in range(n_layer):
            for col in range(shown):
                tid, p = int(ids[layer, col]), float(probs[layer, col])
                item = QTableWidgetItem(f"{visible(labels[tid], 12)}  {p * 100:.1f}%")
                item.setData(Qt.UserRole, tid)
                item.setToolTip(f"token id {tid}, probability {p:.4f}")
                bg = colours[layer * shown + col]
                bg.setAlpha(170)
                item.setBackground(QBrush(bg))
                item.setForeground(QBrush(QColor("#000000") if p > 0.55 else QColor("#ffffff")))
                self.setItem(layer, col, item)
        self.setFont(self.appearance.font())
        rows.setSectionResizeMode(QHeaderView.ResizeToContents)
        self.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        """Exactly tall enough for every layer's row: no inner scroll bar hiding the last layers."""
        header = max(self.horizontalHeader().height(), self.horizontalHeader().sizeHint().height())
        self.setFixedHeight(self.verticalHeader().length() + header + 2 * self.frameWidth() + 2)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_height()
