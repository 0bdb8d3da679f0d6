"""Small parts the Challenges tabs share: a read-only table, filling it, and a slider over powers of ten."""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSlider,
    QTableWidget,
    QTableWidgetItem,
)

from app.i18n import tr, translated
from model import compute

from ...common.appearance import OKABE_ITO
from ...common.plots import set_title

STEPS_PER_DECADE = 20


def pct(p: float) -> str:
    """A probability as a percentage, three significant figures (the bias table's cells)."""
    return f"{p * 100:.3g}%"


def table(columns: list[str]) -> QTableWidget:
    """Read-only, no row numbers, columns as wide as their text, the last one stretched."""
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.verticalHeader().hide()
    t.setEditTriggers(QAbstractItemView.NoEditTriggers)
    t.setWordWrap(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 8)  # more rows in view than the default
    return t


def fit_rows(t: QTableWidget, appearance) -> None:
    """Rows as tall as the appearance's text (presentation mode's larger font clipped them). The least row height
    is set first: Qt's own follows the header's font, which F5 changes only later, and it held the rows at their
    presentation height after F5 was turned off."""
    height = QFontMetrics(appearance.font(1.0)).height() + 8
    t.verticalHeader().setMinimumSectionSize(height)
    t.verticalHeader().setDefaultSectionSize(height)


def fill(t: QTableWidget, rows: list[list[str]], tips: list[str] | None = None) -> None:
    t.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(tips[r] if tips and tips[r] else text)
            t.setItem(r, c, item)


class LogSlider:
    """A slider over powers of ten, its name before it and its value after it. `place` puts the three in one
    row of a grid, so that the sliders of a grid start and end at the same x in any language and font size."""

    def __init__(self, label: str, unit: str, lo: float, hi: float, on_change):
        self.unit, self.on_change = unit, on_change
        self.exact = 10 ** lo
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(round(lo * STEPS_PER_DECADE), round(hi * STEPS_PER_DECADE))
        self.value_label = QLabel()
        # the longest values it shows, in the window's language: the column does not jump as the value changes
        self.longest = [translated(compute.short(9.99 * 10 ** p, unit)) for p in (5, 8, 11, 14)]
        self.label = QLabel(label)
        self.slider.valueChanged.connect(self._moved)
        self.fit()

    def place(self, grid, row: int) -> None:
        for column, widget in enumerate((self.label, self.slider, self.value_label)):
            grid.addWidget(widget, row, column)

    def fit(self) -> None:
        """The value column as wide as the font now needs (presentation mode enlarges it). Fixed, not a minimum:
        QLabel keeps its last minimum in the size hint it caches, so after F5 off the column stayed presentation
        wide and the sliders shrank to a third."""
        metrics = self.value_label.fontMetrics()
        self.value_label.setFixedWidth(max(metrics.horizontalAdvance(t) for t in self.longest) + 8)

    def value(self) -> float:
        return self.exact

    def set_value(self, value: float) -> None:
        """Exactly `value` (a model's own N or D), the handle at the nearest step."""
        self.slider.blockSignals(True)
        self.slider.setValue(round(math.log10(max(value, 1.0)) * STEPS_PER_DECADE))
        self.slider.blockSignals(False)
        self.exact = float(value)
        self._show()

    def _moved(self, step: int) -> None:
        self.exact = 10 ** (step / STEPS_PER_DECADE)
        self._show()

    def _show(self) -> None:
        self.value_label.setText(translated(compute.short(self.exact, self.unit)))
        self.on_change()


def grouped_bars(plot, result, appearance) -> list:
    """One bar a target for each filler, side by side, with the first two targets' ratio above each group.
    Returns the items added, for the caller to remove before the next result."""
    items = []
    n_fill, n_target = result.probs.shape
    width = 0.8 / n_target
    for j, target in enumerate(result.targets):
        color = OKABE_ITO[j % 7]
        x = np.arange(n_fill) - 0.4 + width * (j + 0.5)
        bars = pg.BarGraphItem(x=x, height=result.probs[:, j], width=width * 0.9, brush=color,
                               pen=pg.mkPen(appearance.color("fg"), width=1), name=target)
        plot.addItem(bars)  # the legend adds it by its name
        items.append(bars)
    top = float(result.probs.max()) or 1.0
    if n_target >= 2:  # the ratio above each group, as in the table's last column
        for i, ratio in enumerate(result.ratios()):
            label = pg.TextItem(f"{result.targets[0]}/{result.targets[1]} {ratio:.2g}", anchor=(0.5, 1.0),
                                color=appearance.color("fg"))
            label.setFont(appearance.font(0.9))
            label.setPos(i, float(result.probs[i].max()) + top * 0.02)
            plot.addItem(label)
            items.append(label)
    return items


def no_bars(plot, appearance) -> None:
    """The bias chart before a probe has run: a title that says so (without one, the top tick label was cut at
    the plot's top edge) and no numbers on the empty x axis."""
    plot.getPlotItem().getAxis("bottom").setTicks([[]])
    set_title(plot, tr("No probe has run on this model yet"), appearance)
