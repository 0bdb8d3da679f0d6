"""An editable table of labelled sentences (text, label, split), with CSV import and export.

CSV parsing lives in model.labelled (plain Python and numpy: no torch on the GUI thread)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from ..paths import resources_dir
from ..textutil import esc

BUNDLED = resources_dir() / "datasets" / "sentiment.csv"


class LabelledTable(QWidget):
    changed = Signal()

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["text", "label", "split"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.itemChanged.connect(lambda *_: self.changed.emit())
        self.bundled_button = QPushButton("Examples")
        self.import_button = QPushButton("Import…")
        self.export_button = QPushButton("Export…")
        self.add_button = QPushButton("+")
        self.remove_button = QPushButton("−")
        self.bundled_button.setToolTip("Load the bundled sentiment examples (positive / negative)")
        self.import_button.setToolTip("Import a CSV file with the columns text,label (and optionally split)")
        self.export_button.setToolTip("Save the table as CSV (text,label,split)")
        self.add_button.setToolTip("Add a row")
        self.remove_button.setToolTip("Remove the selected rows")
        self.bundled_button.clicked.connect(lambda: self.load_file(BUNDLED))
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for b in (self.bundled_button, self.import_button, self.export_button, self.add_button, self.remove_button):
            row.addWidget(b)
        row.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

    # ---- rows ----------------------------------------------------------------------------
    def set_rows(self, texts, labels, splits) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.setRowCount(len(texts))
        for i, values in enumerate(zip(texts, labels, splits)):
            for j, v in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(v))
        self.table.blockSignals(False)
        self.changed.emit()

    def add_row(self) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for j, v in enumerate(("", "positive", "train")):
            self.table.setItem(r, j, QTableWidgetItem(v))
        self.table.scrollToBottom()
        self.table.editItem(self.table.item(r, 0))

    def remove_selected(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)
        self.changed.emit()

    def rows(self) -> list[tuple[str, str, str]]:
        out = []
        for r in range(self.table.rowCount()):
            cells = [self.table.item(r, c) for c in range(3)]
            out.append(tuple((c.text().strip() if c is not None else "") for c in cells))
        return out

    def labelled_set(self):
        """The table as a model.classify.LabelledSet; bad rows reported by row number and skipped."""
        from model.labelled import LabelledDataError, LabelledSet, hold_out

        data = LabelledSet([], [], [])
        for i, (text, label, split) in enumerate(self.rows(), start=1):
            if not text and not label:
                continue
            if not text or not label:
                data.problems.append(f"row {i}: {'no label' if text else 'the text is empty'}; skipped")
                continue
            split = split.lower() or "train"
            if split not in ("train", "test"):
                data.problems.append(f"row {i}: split must be train or test, not {split!r}; skipped")
                continue
            data.texts.append(text)
            data.labels.append(label)
            data.splits.append(split)
        if not data.texts:
            raise LabelledDataError("the table has no usable rows")
        return hold_out(data)

    # ---- files ---------------------------------------------------------------------------
    def load_file(self, path: str | Path) -> list[str]:
        from model.labelled import LabelledDataError, read_labelled_csv

        try:
            data = read_labelled_csv(path)
        except (OSError, LabelledDataError) as exc:
            self.summary.setText(f"<b>Could not import {esc(Path(path).name)}:</b> {esc(str(exc))}")
            return [str(exc)]
        self.set_rows(data.texts, data.labels, data.splits)
        self.show_summary(Path(path).name, data.problems)
        return data.problems

    def show_summary(self, source: str, problems: list[str]) -> None:
        rows = self.rows()
        labels = sorted({r[1] for r in rows if r[1]})
        tests = sum(1 for r in rows if r[2] == "test")
        text = (f"{len(rows)} examples from {esc(source)} · labels: {esc(', '.join(labels))} · "
                f"{tests} held out for testing")
        if problems:
            shown = "<br>".join(esc(p) for p in problems[:6])
            more = f"<br>… and {len(problems) - 6} more" if len(problems) > 6 else ""
            text += f"<br><b>{len(problems)} row(s) skipped:</b><br>{shown}{more}"
        self.summary.setText(text)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import labelled examples", str(Path.home()), "CSV (*.csv)")
        if path:
            self.load_file(path)

    def _export(self, path: str | None = None) -> None:
        from model.labelled import LabelledSet, write_labelled_csv

        path = path or QFileDialog.getSaveFileName(self, "Export labelled examples", str(Path.home() / "examples.csv"),
                                                   "CSV (*.csv)")[0]
        if path:
            rows = [r for r in self.rows() if r[0] or r[1]]
            write_labelled_csv(path, LabelledSet([r[0] for r in rows], [r[1] for r in rows],
                                                 [r[2] or "train" for r in rows]))
