"""Live training curves: loss (train and validation), learning rate, tokens/s, gradient norm.

Plot items are built once; `add(records)` appends and calls setData. Past runs can be overlaid
(dashed) for comparison.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QWidget

from ..appearance import OKABE_ITO, Appearance
from ..plots import make_plot, set_title, style_plot

SERIES = ("step", "train_loss", "val_loss", "learning_rate", "tokens_per_second", "grad_norm")


def step_plot(appearance: Appearance, title: str, min_size: tuple[int, int] = (160, 130)) -> pg.PlotWidget:
    """A themed plot with a title, "step" along the bottom and a faint grid: the frame of every training curve."""
    pw = make_plot(appearance)
    set_title(pw, title, appearance)
    pw.setLabel("bottom", "step")
    pw.showGrid(x=True, y=True, alpha=0.2)
    pw.setMinimumSize(*min_size)
    return pw


class TrainingCurves(QWidget):
    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.data = {k: [] for k in SERIES}
        self.val_steps: list[float] = []
        self.val_values: list[float] = []
        self.overlays: dict[str, list] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        titles = {"loss": "Loss (lower is better)", "lr": "Learning rate", "tps": "Tokens per second",
                  "grad": "Gradient norm"}
        self.plots = {}
        for i, (key, title) in enumerate(titles.items()):
            pw = step_plot(appearance, title, min_size=(140, 120))
            self.plots[key] = pw
            grid.addWidget(pw, 0 if key == "loss" else 1, 0 if key == "loss" else i - 1, 1, 3 if key == "loss" else 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        loss = self.plots["loss"]
        loss.addLegend(offset=(-10, 10))
        self.train_curve = loss.plot(name="training")
        self.val_curve = loss.plot(name="validation", symbol="o", symbolSize=7)
        self.lr_curve = self.plots["lr"].plot()
        self.tps_curve = self.plots["tps"].plot()
        self.grad_curve = self.plots["grad"].plot()
        appearance.changed.connect(self._restyle)
        self._restyle()

    def _restyle(self) -> None:
        a = self.appearance
        for pw in self.plots.values():
            style_plot(pw, a)
        w = a.line_width
        self.train_curve.setPen(pg.mkPen(OKABE_ITO[4], width=w))
        self.val_curve.setPen(pg.mkPen(OKABE_ITO[5], width=w))
        self.val_curve.setSymbolBrush(OKABE_ITO[5])
        self.val_curve.setSymbolPen(pg.mkPen(OKABE_ITO[5]))
        self.lr_curve.setPen(pg.mkPen(OKABE_ITO[2], width=w))
        self.tps_curve.setPen(pg.mkPen(OKABE_ITO[0], width=w))
        self.grad_curve.setPen(pg.mkPen(OKABE_ITO[6], width=w))

    def clear(self) -> None:
        for values in self.data.values():
            values.clear()
        self.val_steps.clear()
        self.val_values.clear()
        self._redraw()

    def add(self, records) -> None:
        for r in records:
            if not math.isfinite(r.train_loss):
                continue
            self.data["step"].append(r.step)
            self.data["train_loss"].append(r.train_loss)
            self.data["learning_rate"].append(r.learning_rate)
            self.data["tokens_per_second"].append(r.tokens_per_second)
            self.data["grad_norm"].append(r.grad_norm)
            if r.val_loss is not None and math.isfinite(r.val_loss):
                self.val_steps.append(r.step)
                self.val_values.append(r.val_loss)
        self._redraw()

    def load(self, metrics: dict[str, np.ndarray]) -> None:
        """Show a finished (or reopened) run from its metrics.csv columns."""
        self.clear()
        for key in SERIES:
            if key != "val_loss":
                self.data[key] = [float(v) for v in metrics.get(key, [])]
        val = metrics.get("val_loss", np.zeros(0))
        ok = np.isfinite(val)
        self.val_steps = [float(v) for v in metrics["step"][ok]] if len(val) else []
        self.val_values = [float(v) for v in val[ok]]
        self._redraw()

    def truncate(self, step: int) -> None:
        """Forget points after `step` (a killed run resumes from its last checkpoint, before them)."""
        keep = sum(1 for s in self.data["step"] if s <= step)
        for values in self.data.values():
            del values[keep:]
        keep_val = sum(1 for s in self.val_steps if s <= step)
        del self.val_steps[keep_val:]
        del self.val_values[keep_val:]
        self._redraw()

    def _redraw(self) -> None:
        steps = np.asarray(self.data["step"], dtype=np.float64)
        self.train_curve.setData(steps, np.asarray(self.data["train_loss"]))
        self.val_curve.setData(np.asarray(self.val_steps, dtype=np.float64), np.asarray(self.val_values))
        self.lr_curve.setData(steps, np.asarray(self.data["learning_rate"]))
        self.tps_curve.setData(steps, np.asarray(self.data["tokens_per_second"]))
        self.grad_curve.setData(steps, np.asarray(self.data["grad_norm"]))

    def set_overlays(self, runs: dict[str, tuple[str, dict[str, np.ndarray]]]) -> None:
        """Past runs' training loss, dashed, for comparison (run id -> (label, metrics columns))."""
        loss = self.plots["loss"]
        for items in self.overlays.values():
            for item in items:
                loss.removeItem(item)
        self.overlays.clear()
        for i, (key, (label, m)) in enumerate(runs.items()):
            color = OKABE_ITO[(0, 2, 6, 1, 7, 3)[i % 6]]
            pen = pg.mkPen(color, width=self.appearance.line_width, style=Qt.DashLine)
            self.overlays[key] = [loss.plot(m["step"], m["train_loss"], pen=pen, name=label)]

    def point_count(self) -> int:
        return len(self.train_curve.getData()[0] if self.train_curve.getData()[0] is not None else [])
