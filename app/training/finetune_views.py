"""What the classification panel shows of a fine-tune: the loss and held-out accuracy curves (with
the chance line), the confusion matrix, and the try-a-sentence box with its before → after verdicts."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout

from app.i18n import QT_TR_NOOP, tr

from ..common.appearance import OKABE_ITO, Appearance
from ..common.plots import style_plot
from ..common.textutil import esc
from .confusion import ConfusionView
from .curves import span_steps, step_plot
from .run_list import status_text
from .runs import Run
from .series import Series

STATUS_WORDS = {"done": QT_TR_NOOP("finished"), "stopped": QT_TR_NOOP("stopped early")}


def describe_classify_run(run: Run) -> str:
    accuracy = run.info.get("accuracy")
    held_out = " · " + tr("{0} held-out").format(f"{accuracy:.0%}") if accuracy is not None else ""
    return tr("{0} · {1} · {2} steps{3} · {4}").format(run.name, status_text(run.status, STATUS_WORDS),
                                                      f"{run.step:,}", held_out, run.id[:15])


class ClassifyCurves:
    """Loss, held-out accuracy and the confusion matrix of one fine-tune, for labels `labels`."""

    def __init__(self, appearance: Appearance):
        self.appearance = appearance
        self.labels: list[str] = []
        self.confusion: np.ndarray | None = None
        self.loss_plot = step_plot(appearance, tr("Loss"))
        self.acc_plot = step_plot(appearance, tr("Held-out accuracy"))
        self.acc_plot.setYRange(0, 1)
        self.loss = Series(self.loss_plot.plot(), "train_loss")
        self.accuracy = Series(self.acc_plot.plot(symbol="o", symbolSize=6), "accuracy")
        self.chance_line = pg.InfiniteLine(pos=0.5, angle=0, movable=False)
        self.acc_plot.addItem(self.chance_line)
        self.chance_label = pg.TextItem(tr("chance"), anchor=(0, 1))
        self.acc_plot.addItem(self.chance_label)
        self.confusion_view = ConfusionView(appearance)
        appearance.changed.connect(self.restyle)
        self.restyle()

    def grid(self, corner) -> QGridLayout:
        """Loss and accuracy above, the confusion matrix and `corner` below."""
        plots = QGridLayout()
        for widget, row, col in ((self.loss_plot, 0, 0), (self.acc_plot, 0, 1), (self.confusion_view.plot, 1, 0),
                                 (corner, 1, 1)):
            plots.addWidget(widget, row, col)
        plots.setRowStretch(0, 3)
        plots.setRowStretch(1, 2)
        return plots

    def restyle(self) -> None:
        a = self.appearance
        for pw in (self.loss_plot, self.acc_plot):
            style_plot(pw, a)
        self.confusion_view.restyle()
        self.loss.curve.setPen(pg.mkPen(OKABE_ITO[4], width=a.line_width))
        self.accuracy.curve.setPen(pg.mkPen(OKABE_ITO[2], width=a.line_width))
        self.accuracy.curve.setSymbolBrush(OKABE_ITO[2])
        self.chance_line.setPen(pg.mkPen(a.color("muted"), width=1, style=Qt.DashLine))
        self.chance_label.setColor(a.color("muted"))

    def start(self, labels: list[str], total_steps: int) -> None:
        """A new run (or a past one being loaded) over `total_steps`: nothing drawn yet (0: keep the span)."""
        self.labels, self.confusion = list(labels), None
        self.loss.clear()
        self.accuracy.clear()
        self.confusion_view.set_labels(self.labels)
        if total_steps:
            span_steps((self.loss_plot, self.acc_plot), total_steps)
        self.redraw()

    def span_if_empty(self, total_steps: int) -> None:
        """The steps asked for changed: nothing drawn yet (no run shown), so the axes follow them."""
        if not self.loss.steps:
            span_steps((self.loss_plot, self.acc_plot), total_steps)

    def add(self, records: list) -> None:
        self.loss.add(records)
        for r in self.accuracy.add(records):
            self.confusion = r.confusion
        self.redraw()

    def load(self, run: Run, metrics: dict, confusion: np.ndarray | None) -> None:
        self.start(run.info.get("labels", []), run.total_steps)
        self.loss.load(metrics)
        self.accuracy.load(metrics)
        self.confusion = confusion
        self.redraw()

    def redraw(self) -> None:
        self.loss.draw()
        self.accuracy.draw()
        if self.loss.steps:
            chance = 1 / max(1, len(self.labels))
            self.chance_line.setPos(chance)
            self.chance_label.setPos(self.loss.steps[0], chance)
        self.confusion_view.show(self.confusion)


class TryBox(QGroupBox):
    """Type a sentence; 150 ms after the last key `requested` asks for the verdicts before and after."""

    requested = Signal()

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(tr("Try a sentence"), parent)
        self.last_prediction = None  # (text, before probabilities or None, after probabilities or None)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("Type a sentence, e.g. The film was a delight from start to finish."))
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.requested)
        self.edit.textChanged.connect(lambda: self.timer.start())
        self.result = QLabel(tr("Before fine-tuning the new head is untrained: it tends to give one label to "
                                     "almost every sentence, whatever it says."))
        self.result.setTextFormat(Qt.RichText)
        self.result.setWordWrap(True)
        self.result.setFont(appearance.font(1.1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def text(self) -> str:
        return self.edit.text().strip()

    def say(self, text: str) -> None:
        self.result.setText(esc(text))

    def show_prediction(self, result, labels: list[str], training: bool) -> None:
        text, before, after = result
        self.last_prediction = result

        def verdict(p):
            i = int(np.argmax(p))
            return f"<b>{esc(labels[i])}</b> {p[i]:.0%}"

        html = (tr("Before fine-tuning: {0}").format(verdict(before)) if before is not None
                else tr("Before fine-tuning: (base gone)"))
        if after is not None:
            html += " &nbsp;&nbsp;→&nbsp;&nbsp; " + tr("after: {0}").format(verdict(after))
        elif training:
            html += " &nbsp;&nbsp;→&nbsp;&nbsp; " + tr("after: (training…)")
        self.result.setText(html)
