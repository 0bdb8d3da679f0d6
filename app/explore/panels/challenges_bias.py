"""Challenges ▸ Bias: prompts that differ in one word, traced on the open model, and the next-token
probability of chosen words after each, as grouped bars and a table with a ratio (model.bias_probe)."""
from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, translated
from model.bias_probe import Probe, ProbeError, load_probe_sets, run_probe, save_csv

from ...common import export
from ...common.focus import RING_WIDTH
from ...common.plots import make_plot, set_title, style_plot
from ...common.textutil import esc
from .base import note
from .challenges_parts import fit_rows, grouped_bars, no_bars, pct, table
from .challenges_probes import described, shown


class BiasView(QWidget):
    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance, self.info, self.jobs, self.result = appearance, None, None, None
        self.refocus = False  # the run button had the focus when it was pressed
        self.examples = load_probe_sets()
        self.example = QComboBox()
        self.example.addItems([shown(p.name) for p in self.examples])
        self.example.currentIndexChanged.connect(self.use_example)
        self.description = note("", appearance)
        self.template = QLineEdit()
        self.template.setToolTip(tr("One slot like {doctor|nurse}: each word in it makes one prompt"))
        self.targets = QLineEdit()
        self.targets.setToolTip(tr("Words whose next-token probability is read, separated by commas"))
        for edit in (self.template, self.targets):
            edit.returnPressed.connect(self.run)
        self.run_button = QPushButton(tr("Run probe"))
        self.run_button.clicked.connect(self.run)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.export_button.setEnabled(False)
        self.status = note("", appearance)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.plot = make_plot(appearance)
        self.plot.getPlotItem().setContentsMargins(RING_WIDTH + 1, 0, 0, RING_WIDTH + 1)  # axis text clear of the ring
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.plot.getPlotItem().getAxis("left").setLabel(tr("next-token probability (%)"))
        self.plot.getPlotItem().getAxis("left").setScale(100)
        self.legend = self.plot.getPlotItem().addLegend(offset=(-10, 10))
        self.plot.getViewBox().sigResized.connect(lambda *_: self._fit_height())
        self.bars: list[pg.BarGraphItem] = []
        self.table = table([])

        form = QGridLayout()
        form.addWidget(QLabel(tr("Example")), 0, 0)
        form.addWidget(self.example, 0, 1, 1, 3)
        form.addWidget(QLabel(tr("Template")), 1, 0)
        form.addWidget(self.template, 1, 1)
        form.addWidget(QLabel(tr("Targets")), 1, 2)
        form.addWidget(self.targets, 1, 3)
        form.addWidget(self.run_button, 1, 4)
        form.addWidget(self.export_button, 1, 5)
        form.setColumnStretch(1, 3)
        form.setColumnStretch(3, 1)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.plot)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.description)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        if self.examples:
            self.use_example(0)

    def set_jobs(self, jobs) -> None:
        self.jobs = jobs
        jobs.finished.connect(lambda kind, result: self.show_result(result) if kind == "bias" else None)
        jobs.failed.connect(lambda kind, why: self._failed(why) if kind == "bias" else None)

    def set_model(self, info) -> None:
        self.info = info
        self.clear()
        self.status.setText(tr("Press Run probe to trace these prompts on {0}.").format(info.name))

    def use_example(self, index: int) -> None:
        probe = self.examples[index]
        self.template.setText(probe.template)
        self.targets.setText(", ".join(probe.targets))
        self.description.setText(described(probe))

    def probe(self) -> Probe:
        return Probe(self.template.text(), [t for t in self.targets.text().split(",") if t.strip()])

    def run(self) -> None:
        probe = self.probe()
        try:
            probe.check()
        except ProbeError as exc:
            self.status.setText("<b>" + tr("Cannot run this probe") + "</b>: " + esc(translated(exc)))
            return
        if self.jobs is None or self.info is None:
            self.status.setText(tr("Open a model first."))
            return
        self.refocus = self.run_button.hasFocus()  # disabling it hands the focus on, to the chart
        self.run_button.setEnabled(False)
        self.status.setText(tr("Tracing {0} prompts…").format(len(probe.prompts())))
        self.jobs.submit("bias", lambda loaded: run_probe(loaded.model, loaded.tokenizer, probe))

    def _ready(self) -> None:
        self.run_button.setEnabled(True)
        focus = QApplication.focusWidget()
        if self.refocus and (focus is None or self.isAncestorOf(focus)):
            self.run_button.setFocus()

    def _failed(self, why: str) -> None:
        self._ready()
        self.status.setText("<b>" + tr("The probe did not run") + f"</b>: {why}")

    def clear(self) -> None:
        self.result = None
        self.export_button.setEnabled(False)
        self.table.setRowCount(0)
        for item in self.bars:
            self.plot.removeItem(item)
        self.bars = []
        self.legend.clear()
        no_bars(self.plot, self.appearance)

    def _fit_height(self) -> None:
        """Room above the tallest bar for its ratio label and the legend (one row a target), in the plot's
        pixels, again whenever the plot changes size: a fixed 40% left four targets' legend over the ratios."""
        if self.result is None:
            return
        above = self.legend.boundingRect().height() + 10 + 1.5 * QFontMetrics(self.appearance.font()).height()
        share = min(0.7, max(0.3, above / max(80.0, self.plot.getViewBox().height())))
        self.plot.setYRange(0, (float(self.result.probs.max()) or 1.0) / (1 - share), padding=0)

    def show_result(self, result) -> None:
        self.clear()
        self._ready()
        self.result = result
        self.export_button.setEnabled(True)
        n_fill, n_target = result.probs.shape
        self.bars = grouped_bars(self.plot, result, self.appearance)
        bottom = self.plot.getPlotItem().getAxis("bottom")
        bottom.setTicks([[(i, f) for i, f in enumerate(result.fillers)]])
        self.plot.setXRange(-0.6, n_fill - 0.4, padding=0)
        self._fit_height()
        set_title(self.plot, tr("“{0}” — next-token probability").format(result.probe.template), self.appearance)
        rows = result.rows()
        self.table.setColumnCount(len(rows[0]) - 1)  # the prompt is in the chart's title and the tooltips
        ratio = [f"{result.targets[0]} / {result.targets[1]}"] if n_target >= 2 else []
        self.table.setHorizontalHeaderLabels([tr("filler")] + rows[0][2:2 + n_target] + ratio)  # CSV's: English
        self.table.setRowCount(len(rows) - 1)
        for r, row in enumerate(rows[1:]):
            cells = [row[0]] + [pct(p) for p in row[2:2 + n_target]] + [f"{v:.3g}" for v in row[2 + n_target:]]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tr("prompt: {0}").format(row[1]))
                if c:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(r, c, item)
        t, header = self.table, self.table.horizontalHeader()
        wide = sum(max(t.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(t.columnCount()))
        t.setMinimumWidth(min(self.width() // 2, wide + 2 * t.frameWidth() + t.verticalScrollBar().sizeHint().width()))
        notes = [tr("{0} prompts traced; each bar is the probability of the word's first token.").format(n_fill)]
        self.status.setText(" ".join(notes + [translated(n) for n in result.notes]))

    def export(self, path: str | None = None) -> str | None:
        if self.result is None:
            return None
        path = path or export.ask_save_path(self, tr("Export bias probe"), "bias-probe.csv", "CSV (*.csv)",
                                            getattr(self.window(), "settings", None))
        if not path:
            return None
        try:
            save_csv(self.result, path)
        except OSError as exc:
            self.status.setText("<b>" + tr("Could not save") + f"</b> {path}: {exc.strerror or exc}")
            return None
        self.status.setText(tr("Saved {0}").format(path))
        return path

    def tables(self) -> dict:
        return {"bias probe": self.table}

    def apply_appearance(self) -> None:
        style_plot(self.plot, self.appearance)
        self.legend.setLabelTextColor(self.appearance.color("fg"))
        fit_rows(self.table, self.appearance)
        self.legend.setLabelTextSize(f"{self.appearance.point_size:.0f}pt")  # for labels added from now on
        if self.result is not None:
            self.show_result(self.result)
