"""An editable table of labelled sentences (text, label, split), with CSV import and export.

CSV parsing lives in model.labelled (plain Python and numpy: no torch on the GUI thread). Import…
reads and parses the file on a worker thread, then fills the table a slice at a time between
paints, so a file of 100,000 rows never freezes the window."""
from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, translated
from model.paths import resources_dir

from ..common.textutil import esc

BUNDLED = resources_dir() / "datasets" / "sentiment.csv"


class LabelledTable(QWidget):
    changed = Signal()
    imported = Signal(list)  # the problems of an import_file, once the table holds its rows (or the error)
    _parsed = Signal(int, object, str)  # generation, LabelledSet or None, error: from the parsing thread

    FILL_SECONDS = 0.025  # the longest the GUI thread spends filling rows before it paints again
    FILL_ROWS = 400  # rows between checks of the clock

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self._generation = 0  # bumped by every import and every set_rows: a stale import is dropped
        self._filling = None  # (generation, LabelledSet, next row, source name) while an import fills the table
        self._parsing = False  # a worker thread is reading a file for the current generation
        self._pending_name = ""
        self._parsed.connect(self._on_parsed, Qt.QueuedConnection)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("text"), tr("label"), tr("split")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.itemChanged.connect(lambda *_: self.changed.emit())
        self.bundled_button = QPushButton(tr("Examples"))
        self.import_button = QPushButton(tr("Import…"))
        self.export_button = QPushButton(tr("Export…"))
        self.add_button = QPushButton("+")
        self.remove_button = QPushButton("−")
        self.bundled_button.setToolTip(tr("Load the bundled sentiment examples (positive / negative)"))
        self.import_button.setToolTip(tr("Import a CSV file with the columns text,label (and optionally split)"))
        self.export_button.setToolTip(tr("Save the table as CSV (text,label,split)"))
        self.add_button.setToolTip(tr("Add a row"))
        self.remove_button.setToolTip(tr("Remove the selected rows"))
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
        self._cancel_import()
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
                data.problems.append(tr("row {0}: {1}; skipped").format(i, tr("no label") if text else tr("the text is empty")))
                continue
            split = split.lower() or "train"
            if split not in ("train", "test"):
                data.problems.append(tr("row {0}: split must be train or test, not {1}; skipped").format(i, repr(split)))
                continue
            data.texts.append(text)
            data.labels.append(label)
            data.splits.append(split)
        if not data.texts:
            raise LabelledDataError(tr("the table has no usable rows"))
        return hold_out(data)

    # ---- files ---------------------------------------------------------------------------
    def load_file(self, path: str | Path) -> list[str]:
        from model.labelled import LabelledDataError, read_labelled_csv

        try:
            data = read_labelled_csv(path)
        except (OSError, LabelledDataError) as exc:
            self.summary.setText(tr("<b>Could not import {0}:</b> {1}").format(esc(Path(path).name),
                                                                              esc(translated(exc))))
            return [translated(exc)]
        self.set_rows(data.texts, data.labels, data.splits)
        self.show_summary(Path(path).name, data.problems)
        return data.problems

    def show_summary(self, source: str, problems: list[str], rows: list[tuple[str, str, str]] | None = None) -> None:
        rows = self.rows() if rows is None else rows
        labels = sorted({r[1] for r in rows if r[1]})
        tests = sum(1 for r in rows if r[2] == "test")
        text = tr("{0} examples from {1} · labels: {2} · {3} held out for testing").format(
            len(rows), esc(source), esc(", ".join(labels)), tests)
        if problems:
            shown = "<br>".join(esc(translated(p)) for p in problems[:6])
            more = "<br>" + tr("… and {0} more").format(len(problems) - 6) if len(problems) > 6 else ""
            text += "<br>" + tr("<b>{0} row(s) skipped:</b>").format(len(problems)) + f"<br>{shown}{more}"
        self.summary.setText(text)

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import labelled examples"), str(Path.home()),
                                              tr("CSV (*.csv)"))
        if path:
            self.import_file(path)

    # ---- import off the GUI thread -------------------------------------------------------
    def importing(self) -> bool:
        return self._filling is not None or self._parsing

    def import_file(self, path: str | Path) -> None:
        """Read and parse `path` on a worker thread, then fill the table in slices; `imported` says when."""
        self._cancel_import()
        generation = self._generation
        self._parsing = True
        self._pending_name = Path(path).name
        self.summary.setText(tr("Importing {0}…").format(esc(Path(path).name)))
        threading.Thread(target=self._parse, args=(generation, str(path)), name="csv-import", daemon=True).start()

    def _parse(self, generation: int, path: str) -> None:
        from model.labelled import LabelledDataError, read_labelled_csv

        try:
            result, error = read_labelled_csv(path), ""
        except (OSError, LabelledDataError, ValueError, UnicodeError) as exc:
            result, error = None, translated(exc) or type(exc).__name__  # tr() may run off the GUI thread
        try:
            self._parsed.emit(generation, result, error)
        except RuntimeError:  # the window closed meanwhile
            pass

    def _on_parsed(self, generation: int, data, error: str) -> None:
        if generation != self._generation:
            return  # another import or set_rows came since
        self._parsing = False
        if data is None:
            self.summary.setText(tr("<b>Could not import:</b> {0}").format(esc(error)))
            self.imported.emit([error])
            return
        self._filling = (generation, data, 0, self._pending_name)
        self.table.blockSignals(True)
        self.table.setEnabled(False)  # no edits into rows that are still arriving
        self._fit_columns(False)  # fitting columns to their contents on every new cell costs seconds a slice
        self.table.setRowCount(0)
        self.table.setRowCount(len(data.texts))
        self._fill_some()

    def _fill_some(self) -> None:
        if self._filling is None or self._filling[0] != self._generation:
            return
        generation, data, at, name = self._filling
        n = len(data.texts)
        deadline = time.perf_counter() + self.FILL_SECONDS
        while at < n and time.perf_counter() < deadline:
            end = min(n, at + self.FILL_ROWS)
            for i in range(at, end):
                self.table.setItem(i, 0, QTableWidgetItem(data.texts[i]))
                self.table.setItem(i, 1, QTableWidgetItem(data.labels[i]))
                self.table.setItem(i, 2, QTableWidgetItem(data.splits[i]))
            at = end
        if at < n:
            self._filling = (generation, data, at, name)
            self.summary.setText(tr("Importing {0}… {1} of {2} rows").format(esc(name), f"{at:,}", f"{n:,}"))
            QTimer.singleShot(0, self._fill_some)
            return
        self._filling = None
        self._fit_columns(True)
        self.table.setEnabled(True)
        self.table.blockSignals(False)
        self.changed.emit()
        self.show_summary(name, data.problems, list(zip(data.texts, data.labels, data.splits)))
        self.imported.emit(list(data.problems))

    def _fit_columns(self, fit: bool) -> None:
        header = self.table.horizontalHeader()
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents if fit else QHeaderView.Interactive)

    def _cancel_import(self) -> None:
        self._generation += 1
        self._parsing = False
        if self._filling is not None:
            self._filling = None
            self._fit_columns(True)
            self.table.setEnabled(True)
            self.table.blockSignals(False)

    def _export(self, path: str | None = None) -> None:
        from model.labelled import LabelledSet, write_labelled_csv

        path = path or QFileDialog.getSaveFileName(self, tr("Export labelled examples"),
                                                   str(Path.home() / "examples.csv"), tr("CSV (*.csv)"))[0]
        if path:
            rows = [r for r in self.rows() if r[0] or r[1]]
            write_labelled_csv(path, LabelledSet([r[0] for r in rows], [r[1] for r in rows],
                                                 [r[2] or "train" for r in rows]))
