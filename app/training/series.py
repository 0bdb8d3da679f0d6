"""One metric of a run as a fine-tune panel draws it: its steps and values, kept as records arrive
or read back from a past run's metrics.csv, and the curve that shows them."""
from __future__ import annotations

import math

import numpy as np


class Series:
    def __init__(self, curve, field: str):
        self.curve, self.field = curve, field  # a pyqtgraph PlotDataItem; a record's attribute / a csv column
        self.steps: list[int] = []
        self.values: list[float] = []

    def add(self, records) -> list:
        """Keep each record's value where it has one (a finite number); returns those records."""
        kept = [r for r in records if getattr(r, self.field) is not None and math.isfinite(getattr(r, self.field))]
        self.steps += [r.step for r in kept]
        self.values += [float(getattr(r, self.field)) for r in kept]
        return kept

    def load(self, metrics: dict[str, np.ndarray]) -> None:
        """A past run's column (run.metrics()): the steps where it has a value."""
        has = np.isfinite(metrics[self.field])
        self.steps, self.values = metrics["step"][has].tolist(), metrics[self.field][has].tolist()

    def clear(self) -> None:
        self.steps, self.values = [], []

    def draw(self, shown: bool = True) -> None:
        self.curve.setData(np.asarray(self.steps if shown else [], float), np.asarray(self.values if shown else [], float))
