"""The Output stage's history table: every generated token, its probability, its rank and how it was chosen."""
from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget

from app.i18n import QT_TR_NOOP, tr

from ...common.tables import bulk_fill, set_cell
from ...common.textutil import visible

HOW_CHOSEN = {"greedy": QT_TR_NOOP("greedy"), "sampled": QT_TR_NOOP("sampled"), "forced": QT_TR_NOOP("forced")}


def pct(p: float) -> str:
    p = float(p) * 100
    return f"{p:.0f}%" if p >= 10 else (f"{p:.1f}%" if p >= 1 else f"{p:.2f}%")


class DecodingHistory(QTableWidget):
    def __init__(self, appearance, parent=None):
        super().__init__(0, 4, parent)
        self.appearance = appearance
        self.setMinimumHeight(48)  # a header and a row; it yields its height first on a small screen
        self.setHorizontalHeaderLabels([tr("token"), tr("probability"), tr("rank"), tr("how")])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)

    def show_entries(self, entries: list) -> None:
        """entries: (token label, probability under the model, rank, how). Called with every trace, so
        unchanged rows cost almost nothing (set_cell keeps their items) and the columns are measured once."""
        forced, plain = QColor(self.appearance.hex("generated")), self.palette().text().color()
        with bulk_fill(self):
            self.setRowCount(len(entries))
            for r, (label, prob, rank, how) in enumerate(entries):
                for c, text in enumerate((visible(label, 24), pct(prob), str(rank), tr(HOW_CHOSEN.get(how, how)))):
                    item = set_cell(self, r, c, text)
                    item.setForeground(QBrush(forced if how == "forced" else plain))
        self.scrollToBottom()
