"""Live training curves: loss (train and validation), learning rate, tokens/s, gradient norm.

Plot items are built once; `add(records)` appends and calls setData. Past runs can be overlaid
(dashed) for comparison.

The panel sets each plot's range itself instead of using pyqtgraph's auto-range: the x axis spans
the whole run (the curve grows left to right, like the progress bar) and the y axis starts at 0 and
only grows, to a round number. Auto-range moved both axes on every redraw, which re-laid out the
axes and painted every plot twice (set during paint, then painted again): a redraw of the four plots
cost about 45 ms of the GUI thread in one go, now about 7 (benchmarks/bench_training_gui.py).
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QWidget

from app.i18n import QT_TR_NOOP, tr

from ..common.appearance import OKABE_ITO, Appearance
from ..common.plots import make_plot, set_title, style_plot

SERIES = ("step", "train_loss", "val_loss", "learning_rate", "tokens_per_second", "grad_norm")
FOLLOW_TIP = QT_TR_NOOP("Scroll to zoom, drag to pan; double-click to see the whole run again.")


def round_up(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k that is at least `value` (> 0)."""
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"round_up needs a positive number, not {value}")
    scale = 10.0 ** math.floor(math.log10(value))
    for step in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if step * scale >= value * (1 - 1e-12):
            return step * scale
    return 10 * scale


def step_plot(appearance: Appearance, title: str, min_size: tuple[int, int] = (160, 130)) -> pg.PlotWidget:
    """A themed plot with a title, "step" along the bottom and a faint grid: the frame of every training curve."""
    pw = make_plot(appearance)
    set_title(pw, title, appearance)
    pw.setLabel("bottom", tr("step"))
    pw.showGrid(x=True, y=True, alpha=0.2)
    pw.setMinimumSize(*min_size)
    return pw


def span_steps(plots, total_steps: int) -> None:
    """Give the step axes of `plots` the whole run, as the progress bar does: the curves grow left to
    right instead of the axes rescaling on every redraw (their y axes still fit the values)."""
    for pw in plots:
        pw.setXRange(0, max(1, total_steps), padding=0.02)


class TrainingCurves(QWidget):
    def __init__(self, appearance: Appearance, parent=None, steps=None):
        """`steps`, a spin box: with nothing drawn, the step axes span its value (the run about to start)."""
        super().__init__(parent)
        self.steps_box = steps
        self.appearance = appearance
        self.data = {k: [] for k in SERIES}
        self.val_steps: list[float] = []
        self.val_values: list[float] = []
        self.overlays: dict[str, list] = {}
        self.overlay_extent = (0.0, 0.0)  # the overlaid runs' last step and highest loss
        self.total_steps = 0  # the x axis spans this many steps (the run's length, once known)
        # The (x end, y top) each plot was last given; its y range is [0, y top], which grows only, by
        # round numbers (None until there is something to scale to).
        self.applied: dict[str, tuple[float, float | None]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        titles = {"loss": tr("Loss (lower is better)"), "lr": tr("Learning rate"), "tps": tr("Tokens per second"),
                  "grad": tr("Gradient norm")}
        self.plots = {}
        for i, (key, title) in enumerate(titles.items()):
            pw = step_plot(appearance, title, min_size=(140, 120))
            self.plots[key] = pw
            grid.addWidget(pw, 0 if key == "loss" else 1, 0 if key == "loss" else i - 1, 1, 3 if key == "loss" else 1)
        grid.setRowStretch(0, 3)
        grid.setRowStretch(1, 2)
        loss = self.plots["loss"]
        loss.addLegend(offset=(-10, 10))
        self.train_curve = loss.plot(name=tr("training"))
        self.val_curve = loss.plot(name=tr("validation"), symbol="o", symbolSize=7)
        self.lr_curve = self.plots["lr"].plot()
        self.tps_curve = self.plots["tps"].plot()
        self.grad_curve = self.plots["grad"].plot()
        # Following: the panel sets the plot's range. Zooming or panning by hand stops that for the
        # plot; a double-click gives the range back to the panel.
        self.following = {key: True for key in self.plots}
        for key, pw in self.plots.items():
            pw.enableAutoRange(False)
            pw.setToolTip(tr(FOLLOW_TIP))
            pw.getViewBox().sigRangeChangedManually.connect(lambda *_, k=key: self.following.__setitem__(k, False))
            pw.scene().sigMouseClicked.connect(lambda ev, k=key: ev.double() and self.follow(k))
        appearance.changed.connect(self._restyle)
        self._restyle()
        if steps is not None:
            steps.valueChanged.connect(lambda _: self._set_ranges())
            self._set_ranges()

    def _restyle(self) -> None:
        a = self.appearance
        # A fixed width for the y axes, room for "0.0025" or "40000": an axis that resized to its
        # labels re-laid out the plot, and painted it twice, whenever the labels changed.
        digits = QFontMetrics(a.font(0.9)).horizontalAdvance("0.00025")
        for pw in self.plots.values():
            style_plot(pw, a)
            pw.getPlotItem().getAxis("left").setWidth(digits + 12)
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
        self.total_steps = 0
        self.applied.clear()
        self._redraw()

    @property
    def y_top(self) -> dict[str, float]:
        """Each plot's y top, for the plots that have one."""
        return {key: top for key, (_, top) in self.applied.items() if top is not None}

    def set_run_length(self, total_steps: int) -> None:
        """The run's length, known once it is prepared: the x axes span it before the first point."""
        self.total_steps = max(self.total_steps, total_steps)
        self._set_ranges()

    def follow(self, key: str) -> None:
        """Give plot `key`'s range back to the panel (after the user zoomed or panned it)."""
        self.following[key] = True
        self.applied.pop(key, None)
        self._set_ranges()

    def add(self, records) -> None:
        if records:
            self.total_steps = max(self.total_steps, records[-1].total_steps)
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
        self.total_steps = int(max(self.data["step"], default=0))
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
        self._set_ranges()

    def _set_ranges(self) -> None:
        last_step = max(self.data["step"], default=0)
        idle = self.steps_box is not None and not self.total_steps and not last_step
        x_end = max(self.total_steps, last_step, self.overlay_extent[0], self.steps_box.value() if idle else 1, 1)
        highest = {"loss": max(self.data["train_loss"] + self.val_values + [self.overlay_extent[1]], default=0),
                   "lr": max(self.data["learning_rate"], default=0),
                   "tps": 1.1 * max(self.data["tokens_per_second"], default=0),
                   "grad": max(self.data["grad_norm"], default=0)}
        for key, pw in self.plots.items():
            if not self.following[key]:
                continue  # zoomed or panned by hand
            top = self.applied.get(key, (None, None))[1]
            if math.isfinite(highest[key]) and highest[key] > 0:  # (the learning rate starts at 0 in warm-up)
                top = max(top or 0.0, round_up(1.05 * highest[key]))
            if self.applied.get(key) == (x_end, top):
                continue  # unchanged: the axes keep their cached drawing
            self.applied[key] = (x_end, top)
            pw.setRange(xRange=(0, x_end), yRange=(0, top) if top is not None else None, padding=0)
            # Apply it now: pyqtgraph would otherwise apply it during the next paint, and the items
            # that moved would ask for a second paint straight after.
            pw.getViewBox().updateMatrix()

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
        ends = [(float(np.max(m["step"], initial=0)), float(np.nanmax(m["train_loss"], initial=0)))
                for _, m in runs.values()]
        self.overlay_extent = (max((e[0] for e in ends), default=0.0), max((e[1] for e in ends), default=0.0))
        self.applied.pop("loss", None)
        self._set_ranges()

    def point_count(self) -> int:
        return len(self.train_curve.getData()[0] if self.train_curve.getData()[0] is not None else [])
