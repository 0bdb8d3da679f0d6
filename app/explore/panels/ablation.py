"""Before and after switching parts off: the next-token probabilities and the logit lens of the whole
model beside those of the changed one (TraceResult.baseline and TraceResult.trace)."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from app.i18n import tr

from ...common.plots import make_plot, no_si_prefix, style_plot
from ...common.textutil import visible
from .ablation_text import ablation_parts
from .base import heading, note
from .logit_lens import LogitLensTable

N_TOKENS = 6  # tokens compared: the whole model's top ones, then any new top ones of the changed model
BAR = 0.38  # each bar's height; a token's pair of bars fills 0.76 of its row


def compared_tokens(before: np.ndarray, after: np.ndarray, n: int = N_TOKENS) -> list[int]:
    """The whole model's top tokens, and the changed model's top ones it lacks (those first), n in all."""
    top_before = [int(i) for i in np.argsort(-before, kind="stable")[:n]]
    new = [int(i) for i in np.argsort(-after, kind="stable")[: n // 2] if int(i) not in top_before]
    return (top_before[: n - len(new)] + new) if new else top_before


class AblationComparison(QWidget):
    """Shows a TraceResult made with parts switched off: the whole model (before) beside the changed one."""

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.tokens: list[int] = []
        self.before = self.after = np.zeros(0)
        self.pages = QStackedWidget()
        self.empty = note(tr("Nothing is switched off. Choose <b>switch it off</b> above the grid and click "
                                  "a head, or untick a layer's MLP, to see what the model predicts without it."),
                          appearance)
        self.empty.setAlignment(Qt.AlignTop)
        self.pages.addWidget(self.empty)

        self.title = heading("", appearance)
        self.plot = make_plot(appearance, invert_y=True)
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        bottom = self.plot.getPlotItem().getAxis("bottom")
        bottom.setScale(100)
        bottom.setLabel(tr("probability of the next token (%)"))
        no_si_prefix(bottom)
        self.before_bars = pg.BarGraphItem(x0=[], y=[], height=BAR, width=[])
        self.after_bars = pg.BarGraphItem(x0=[], y=[], height=BAR, width=[])
        self.plot.addItem(self.before_bars)
        self.plot.addItem(self.after_bars)
        self.legend = QLabel()  # above the chart, never over a bar
        self.lens_before, self.lens_after = (LogitLensTable(appearance, fewest=1) for _ in range(2))
        lenses = QGridLayout()
        lenses.addWidget(heading(tr("Logit lens, whole model"), appearance), 0, 0)
        lenses.addWidget(heading(tr("Logit lens, parts switched off"), appearance), 0, 1)
        lenses.addWidget(self.lens_before, 1, 0)
        lenses.addWidget(self.lens_after, 1, 1)
        shown = QWidget()
        sv = QVBoxLayout(shown)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(self.title)
        sv.addWidget(self.legend)
        sv.addWidget(self.plot)
        sv.addLayout(lenses)
        sv.addStretch(1)
        self.scroll = QScrollArea()  # many layers (GPT-2) make the lenses long: they scroll, the bars keep their size
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(shown)
        self.pages.addWidget(self.scroll)
        QVBoxLayout(self).addWidget(self.pages)
        self.layout().setContentsMargins(0, 0, 0, 0)
        appearance.changed.connect(self.apply_appearance)
        self.apply_appearance()

    @property
    def showing(self) -> bool:
        return self.pages.currentIndex() == 1

    def show_result(self, result, labels) -> None:
        """`result`: a TraceResult; with a baseline (parts were off) both are drawn, else the empty page."""
        if result is None or result.baseline is None:
            self.pages.setCurrentIndex(0)
            return
        self.pages.setCurrentIndex(1)
        before, after = result.baseline.next_token_probs, result.trace.next_token_probs
        self.before, self.after = before, after
        self.tokens = compared_tokens(before, after)
        top = self.tokens[0]
        parts = ablation_parts(result.ablation)
        self.title.setText(tr("{0}. Top token “{1}”: {2:.1f}% → {3:.1f}%").format(
            parts[:1].upper() + parts[1:], visible(labels[top], 16), before[top] * 100,
            after[top] * 100))
        rows = np.arange(len(self.tokens), dtype=float)
        self.before_bars.setOpts(x0=np.zeros(len(rows)), y=rows - BAR / 2, width=before[self.tokens])
        self.after_bars.setOpts(x0=np.zeros(len(rows)), y=rows + BAR / 2, width=after[self.tokens])
        ticks = [(i, visible(labels[t], 14)) for i, t in enumerate(self.tokens)]
        self.plot.getPlotItem().getAxis("left").setTicks([ticks, []])
        high = float(max(before[self.tokens].max(), after[self.tokens].max()))
        self.plot.getViewBox().setRange(xRange=(0, min(1.0, high * 1.08) or 1.0), yRange=(-0.6, len(rows) - 0.4),
                                        padding=0)
        self.lens_before.show_lens(result.baseline, labels)
        self.lens_after.show_lens(result.trace, labels)

    def show_trace(self, session, trace, labels) -> bool:
        """Show the session's result if it is `trace`'s (with its baseline, if any). True when the page changed."""
        result, was = getattr(session, "result", None), self.showing
        self.show_result(result if result is not None and result.trace is trace else None, labels)
        return self.showing != was

    def bar_values(self) -> tuple[np.ndarray, np.ndarray]:
        """(before, after) probabilities of the compared tokens, as drawn (tests read them)."""
        return self.before[self.tokens], self.after[self.tokens]

    def apply_appearance(self) -> None:
        a = self.appearance
        style_plot(self.plot, a)
        self.before_bars.setOpts(brush=pg.mkBrush(a.color("cut")), pen=pg.mkPen(a.color("muted")))
        self.after_bars.setOpts(brush=pg.mkBrush(a.color("generated")), pen=pg.mkPen(a.color("generated")))
        keys = (("cut", tr("whole model")), ("generated", tr("parts switched off")))
        self.legend.setText("&nbsp;&nbsp;&nbsp;".join(f'<span style="color:{a.hex(c)}">■</span> {name}' for c, name in keys))
        self.plot.setFixedHeight(int(190 * a.scale ** 0.6))  # six pairs of bars; the lenses below get the rest
