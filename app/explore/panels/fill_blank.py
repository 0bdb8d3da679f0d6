"""Fill the blank: click tokens of the prompt to hide them; a masked model (reads both sides of each
blank) and a causal model (reads only the left side) guess what was there, side by side.
The work runs on the session's aux worker (app.explore.fill_blank); this panel only draws."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout

from app.i18n import QT_TR_NOOP, tr

from ...common.plots import (
    SteadyLabelColumn,
    make_plot,
    no_si_prefix,
    set_title,
    settle_plots,
    steady_limit,
    style_plot,
)
from ...common.textutil import esc, visible
from .base import Panel, heading, note
from .fill_blank_chips import BlankChips
from .output_history import pct

KIND = "fill_blank"  # the worker job kind


class FillBlankPanel(Panel):
    name, title = "fill_blank", QT_TR_NOOP("Fill the blank")

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.worker, self.blanks = None, set()  # blanks: the hidden positions asked for
        # Until the user clicks a chip, the worker hides an example word (app.explore.fill_blank.example_blank)
        # so the stage opens with two charts to compare rather than two empty ones.
        self.user_chose = False
        self.result, self.chosen = None, None  # the FillResult on screen; the blank clicked last (its bars show)
        self._asked = None  # (text, open model's folder) of the last guesses asked for
        # "Guessing…" only when the guesses are slow to come: said on every keystroke, it flickered and
        # laid the panel out again twice a keystroke
        self._slow = QTimer(self, singleShot=True, interval=250)
        self._slow.timeout.connect(lambda: self.status.setText(tr("Guessing…")))
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Fill the blank: click tokens to hide them"), self.appearance))
        self.chip_row = BlankChips(self.appearance)
        self.chip_row.toggled.connect(self.toggle)
        self.chips = self.chip_row.chips  # the same list: one chip per token
        layout.addWidget(self.chip_row)
        row = QHBoxLayout()
        self.which = QComboBox()  # which blank the bars show
        self.which.currentIndexChanged.connect(self._draw_bars)
        row.addWidget(self.which)
        self.status = note("", self.appearance)
        row.addWidget(self.status, 1)
        layout.addLayout(row)
        plots = QHBoxLayout()
        self.charts, self.bars = [], []
        for _ in range(2):
            plot = make_plot(self.appearance, invert_y=True)
            plot.getViewBox().setMouseEnabled(x=False, y=False)
            axis = plot.getPlotItem().getAxis("bottom")
            axis.setScale(100)
            axis.setLabel(tr("probability (%)"))
            no_si_prefix(axis)
            bars = pg.BarGraphItem(x0=[], y=[], height=0.75, width=[])
            plot.addItem(bars)
            self.charts.append(plot)
            self.bars.append(bars)
            plots.addWidget(plot)
        layout.addLayout(plots, 1)
        # one width for both charts' labels, so that the two compare bar by bar
        self.label_column = SteadyLabelColumn([plot.getPlotItem().getAxis("left") for plot in self.charts],
                                              self.appearance)
        self.caption = note("", self.appearance)
        layout.addWidget(self.caption)
        self.which.setVisible(False)  # shown when there are two blanks or more
        self._draw_bars()  # the charts say what to do before the first guess comes

    def attach(self, worker) -> None:
        """Run the guesses on `worker` (an app.common.worker.Worker; the window gives the session's aux one)."""
        self.worker = worker
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)

    # ---- what the user did -----------------------------------------------------------------
    def render(self, trace) -> None:
        self.trace = trace
        if self._asked != (trace.text, self._open_path()):  # not already asked for by guess_early
            self._request(trace.text)

    def guess_early(self, text: str) -> None:
        """The prompt changed and its trace is on the way: ask for the guesses now, beside the trace, instead
        of after it (they need only the text); render() then finds them asked for. Keystroke to guesses on
        screen was the trace plus the guesses; now it is the longer of the two."""
        self._request(text)

    def _open_path(self):
        return self.info.path if self.info is not None else None

    def toggle(self, position: int) -> None:
        """Hide the token at `position`, or show it again. The first click replaces the example blank."""
        if not self.user_chose and self.result is not None and self.result.suggested:
            self.blanks = set() if position in self.blanks else {position}
        else:
            self.blanks.symmetric_difference_update({position})
        self.user_chose = True
        self.chosen = position if position in self.blanks else None
        if self.trace is not None:
            self._request(self.trace.text)

    def _request(self, text: str) -> None:
        if self.worker is None:
            return
        from ..fill_blank import fill_blanks

        info = self.info
        blanks = sorted(self.blanks) if self.user_chose else []  # the example is chosen again for a new prompt
        self._asked = (text, self._open_path())
        args = (text, blanks, list(self.result.ids) if self.result else [], self._open_path(),
                info.config.get("objective", "causal") if info else None, not self.user_chose)
        self._slow.start()
        self.worker.submit(KIND, lambda: fill_blanks(*args))

    def _failed(self, kind: str, gen: int, message: str) -> None:
        if kind == KIND and self.worker.is_current(kind, gen):
            self._slow.stop()
            self.status.setText(esc(message))

    # ---- drawing -----------------------------------------------------------------------------
    def _done(self, kind: str, gen: int, result) -> None:
        if kind != KIND or not self.worker.is_current(kind, gen):
            return
        self._slow.stop()
        self.result, self.blanks = result, set(result.blanks)
        self.chip_row.show_result(result)
        chosen = self.chosen
        self.which.blockSignals(True)
        self.which.clear()
        for b in result.blanks:
            self.which.addItem(tr("Blank at token {0}: “{1}”").format(b + 1, visible(result.labels[b], 16)), b)
        self.which.setCurrentIndex(max(0, self.which.findData(chosen)) if chosen in result.blanks else
                                   self.which.count() - 1)
        self.which.setVisible(len(result.blanks) > 1)
        self.which.blockSignals(False)
        self.status.setText(esc(result.message) if result.message else tr(
            "Masked model: <b>{0}</b> (reads both sides of each blank) · causal model: <b>{1}</b> (reads the left "
            "side only)").format(esc(result.masked_name), esc(result.causal_name)))
        self._draw_bars()
        settle_plots(self)  # drawn outside render(), so not settled by the stage view

    def _draw_bars(self) -> None:
        r, a = self.result, self.appearance
        b = self.which.currentData()
        if r is None or b is None:
            for plot, bars in zip(self.charts, self.bars):
                bars.setOpts(x0=[], y=[], width=[])
                plot.getPlotItem().getAxis("left").setTicks([[], []])
                set_title(plot, tr("Click a token above to hide it"), a)
            self.caption.setText(tr("Click one or more tokens above: each becomes [MASK]. The masked model "
                                         "reads the words on both sides of it; the causal model only those before it."))
            return
        answer = r.labels[b]
        titles = (tr("Masked model (both sides): guesses for the blank"),
                  tr("Causal model (left side only): guesses for the blank"))
        shown = [g for g in (r.masked.get(b), r.causal.get(b)) if g is not None]
        # one scale: the two charts compare by eye; a step's end, so the next guesses often keep it
        needed = max(0.05, max(max(g.probs) for g in shown) * 1.05)
        x_hi = max(steady_limit(needed), needed)  # past 100% when a bar is near it: room after its end
        for plot, bars, guesses, title in zip(self.charts, self.bars, (r.masked.get(b), r.causal.get(b)), titles):
            set_title(plot, title, a)
            if guesses is None:
                bars.setOpts(x0=[], y=[], width=[])
                plot.getPlotItem().getAxis("left").setTicks([[], []])
                continue
            rows = np.arange(len(guesses.labels))
            ticks = [(i, f"{visible(label, 14)}  {pct(p)}") for i, (label, p) in enumerate(zip(guesses.labels,
                                                                                              guesses.probs))]
            self.label_column.fit([text for _, text in ticks])
            brushes = [QBrush(a.color("generated")) if label == answer else a.sequential().map(0.35, mode="qcolor")
                       for label in guesses.labels]
            bars.setOpts(x0=np.zeros(len(rows)), y=rows, width=guesses.probs, height=0.75, brushes=brushes,
                         pen=pg.mkPen(None))
            plot.getPlotItem().getAxis("left").setTicks([ticks, []])
            plot.getViewBox().setRange(xRange=(0, x_hi),
                                       yRange=(-0.6, len(rows) - 0.4), padding=0)
        example = tr("An example blank, chosen for you; click any token to choose your own. ") if r.suggested else ""
        self.caption.setText(example + self._summary(r, b, answer))

    def _summary(self, r, b: int, answer: str) -> str:
        m, c = r.masked.get(b), r.causal.get(b)
        said = tr("The hidden token is “{0}” (its bars are coloured). The masked model gives it {1} "
                       "(rank {2})").format(esc(visible(answer, 20)), pct(m.answer_prob), m.answer_rank)
        if c is None:
            return said + tr("; the causal model has nothing to its left to read, so it cannot guess.")
        return said + tr("; the causal model, which cannot see what comes after, gives it {0} (rank {1}).").format(
            pct(c.answer_prob), c.answer_rank)

    def apply_appearance(self) -> None:
        self.label_column.reset()  # measured again in the new font
        for plot in self.charts:
            style_plot(plot, self.appearance)
        if self.result is not None:
            self.chip_row.show_result(self.result)
            self._draw_bars()

    def plots(self):
        return {QT_TR_NOOP("masked model guesses"): self.charts[0], QT_TR_NOOP("causal model guesses"): self.charts[1]}
