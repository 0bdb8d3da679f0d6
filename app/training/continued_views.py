"""What the continued-training panel shows: the loss on the user's text (training and held-out), and
the base and the tuned model side by side, each continuing the same prompt with a bar chart of its
likeliest next tokens on one shared scale."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.i18n import QT_TR_NOOP, tr

from ..common.appearance import OKABE_ITO, Appearance
from ..common.plots import make_plot, style_plot
from ..common.textutil import visible
from .curves import span_steps, step_plot
from .series import Series

BEFORE_WAITING = QT_TR_NOOP("Pick a base model: its continuation of the prompt and its likeliest next tokens appear "
                            "here.")
AFTER_WAITING = QT_TR_NOOP("The tuned model's continuation and likeliest next tokens appear here when the run ends.")


class LossCurves:
    """The training loss and the held-out loss of one run, on one plot."""

    def __init__(self, appearance: Appearance):
        self.appearance = appearance
        self.plot = step_plot(appearance, tr("Loss on your text"), min_size=(200, 120))
        self.plot.addLegend(offset=(-10, 10))
        self.loss = Series(self.plot.plot(name=tr("training")), "train_loss")
        self.val = Series(self.plot.plot(name=tr("held out (your text)"),
                                         symbol="o", symbolSize=6), "val_loss")
        appearance.changed.connect(self.restyle)
        self.restyle()

    def restyle(self) -> None:
        a = self.appearance
        style_plot(self.plot, a)
        self.loss.curve.setPen(pg.mkPen(OKABE_ITO[4], width=a.line_width))
        self.val.curve.setPen(pg.mkPen(OKABE_ITO[5], width=a.line_width))
        self.val.curve.setSymbolBrush(OKABE_ITO[5])

    def start(self, total_steps: int) -> None:
        self.clear()
        span_steps((self.plot,), total_steps)

    def add(self, records: list) -> None:
        self.loss.add(records)
        self.val.add(records)
        self.redraw()

    def load(self, metrics: dict, total_steps: int) -> None:
        self.loss.load(metrics)
        self.val.load(metrics)
        self.redraw()
        span_steps((self.plot,), total_steps)

    def clear(self) -> None:
        self.loss.clear()
        self.val.clear()
        self.redraw()

    def redraw(self) -> None:
        self.loss.draw()
        self.val.draw(shown=bool(self.loss.steps))


class DistributionView(QWidget):
    """A continuation and a horizontal bar chart of the top next tokens, for one model."""

    def __init__(self, title: str, appearance: Appearance, color: str, waiting: str, parent=None):
        super().__init__(parent)
        self.appearance, self.color = appearance, color
        self.title = QLabel(title)
        self.title.setFont(appearance.font(1.1, bold=True))
        self.sample = QPlainTextEdit()
        self.sample.setReadOnly(True)
        self.sample.setFont(appearance.font(0.95, mono=True))
        self.sample.setMaximumHeight(110)
        self.plot = make_plot(appearance, invert_y=True)
        self.plot.setMinimumSize(160, 160)
        self.plot.setLabel("bottom", tr("probability of the next token"))
        self.plot.setXRange(0, 1)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brush=color)
        self.plot.addItem(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.sample)
        layout.addWidget(self.plot, 1)
        appearance.changed.connect(lambda: style_plot(self.plot, appearance))
        style_plot(self.plot, appearance)
        self.clear(waiting)  # (sets self.view)

    def clear(self, waiting: str) -> None:
        """Nothing to show yet: say when there will be, and leave the chart without made-up labels."""
        self.view = None
        self.sample.clear()
        self.sample.setPlaceholderText(tr(waiting))
        self.bars.setOpts(x0=[], y=[], width=[], height=0.7)
        self.plot.getAxis("left").setTicks([[]])

    def show_view(self, view) -> None:
        self.view = view
        self.sample.setPlainText(view.sample)
        n = len(view.top_probs)
        self.bars.setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=np.asarray(view.top_probs), height=0.7)
        self.plot.getAxis("left").setTicks([[(i, visible(t, 12)) for i, t in enumerate(view.top_labels)]])
        self.plot.setYRange(-0.6, n - 0.4, padding=0)
        self.plot.setXRange(0, max(0.05, max(view.top_probs) * 1.1), padding=0)


def before_after(appearance: Appearance) -> tuple[DistributionView, DistributionView, QGridLayout]:
    """The base model's view and the tuned model's, side by side."""
    before = DistributionView(tr("Before"), appearance, OKABE_ITO[7], BEFORE_WAITING)
    after = DistributionView(tr("After"), appearance, OKABE_ITO[4], AFTER_WAITING)
    grid = QGridLayout()
    grid.addWidget(before, 0, 0)
    grid.addWidget(after, 0, 1)
    return before, after, grid


def show_on_one_scale(view: DistributionView, result, views: tuple[DistributionView, ...]) -> None:
    """Show `result` in `view`, then give every view that shows something one x scale, so the bars compare."""
    view.show_view(result)
    shown = [v.view for v in views if v.view is not None]
    top = max(0.05, max(max(v.top_probs) for v in shown) * 1.1)
    for v in views:
        v.plot.setXRange(0, top, padding=0)
