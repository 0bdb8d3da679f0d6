"""Output / Decoding: the next-token distribution, reshaped live by temperature, top-k and top-p;
Step, Play, Undo, click a bar to force a token; and the history of steps."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr

from ...common.plots import TICK_SCALE, SteadyLabelColumn, make_plot, no_si_prefix, set_title, steady_limit, style_plot
from ...common.textutil import esc, visible
from ..decoding import generates
from .bar_labels import BarLabel, BarLabels
from .base import Panel, heading, note
from .output_history import DecodingHistory, pct
from .output_masked import show_no_next_token
from .plot_keys import BarKeys
from .sampling import SamplingControls

N_BARS = 15


def shape(logits: np.ndarray, temperature: float, top_k: int, top_p: float):
    from model.decoding import shape_distribution  # numpy only; the model is already loaded

    return shape_distribution(logits, temperature, top_k, top_p)


class OutputPanel(Panel):
    name, title = "output", QT_TR_NOOP("Output / Decoding")
    step_requested = Signal()
    force_requested = Signal(int)
    undo_requested = Signal()
    play_toggled = Signal(bool)
    speed_changed = Signal(float)

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.candidates = np.zeros(0, np.int64)  # token ids of the bars, most likely first
        self.raw = np.zeros(0)
        self.shaped = np.zeros(0)
        self.kept = np.zeros(0, bool)
        self.label_texts: list[str] = []
        self.labels_inside: list[bool] = []
        self.plot = make_plot(self.appearance, invert_y=True)
        self.plot.getViewBox().setMouseEnabled(x=False, y=False)
        bottom = self.plot.getPlotItem().getAxis("bottom")
        bottom.setScale(100)  # bars are probabilities (0..1); the axis reads them in percent, like their labels
        bottom.setLabel(tr("probability (%)"))
        bottom.setStyle(hideOverlappingLabels=False)  # the "0" at the axis's start is drawn too
        no_si_prefix(bottom)
        self.raw_bars = pg.BarGraphItem(x0=[], y=[], height=0.8, width=[])
        self.cut_bars = pg.BarGraphItem(x0=[], y=[], height=0.8, width=[])
        self.kept_bars = pg.BarGraphItem(x0=[], y=[], height=0.8, width=[])
        for item in (self.cut_bars, self.kept_bars, self.raw_bars):  # the model's outline on top
            self.plot.addItem(item)
        self.bar_labels = BarLabels()
        self.plot.addItem(self.bar_labels, ignoreBounds=True)  # its bounds are the view's own
        self.label_column = SteadyLabelColumn([self.plot.getPlotItem().getAxis("left")], self.appearance)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.scene().sigMouseMoved.connect(self._hovered)
        self.bar_keys = BarKeys(self)  # Up/Down choose a bar, Enter forces its token

        self.controls = c = SamplingControls(self.appearance, self)
        c.changed.connect(self._controls_changed)
        for name in ("step_requested", "undo_requested", "play_toggled", "speed_changed"):
            getattr(c, name).connect(getattr(self, name))
        # the controls' parts, as the panel's (tests and the random-input run use them)
        self.temperature, self.top_k, self.top_p, self.play_button = c.temperature, c.top_k, c.top_p, c.play_button
        self.temperature_label, self.greedy_note = c.temperature_label, c.greedy_note
        self.settings, self.set_settings, self.set_playing = c.settings, c.set_settings, c.set_playing

        self.history = DecodingHistory(self.appearance)
        self.summary = note("", self.appearance)
        self.so_far = QLabel()
        self.so_far.setWordWrap(True)
        self.so_far.setTextFormat(Qt.RichText)
        self.so_far.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.so_far_scroll = QScrollArea()  # a few lines high, scrolled to the newest text
        self.so_far_scroll.setWidgetResizable(True)
        self.so_far_scroll.setFrameShape(QFrame.NoFrame)
        self.so_far_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.so_far_scroll.setWidget(self.so_far)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.plot, 1)
        lv.addWidget(self.summary)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(c.layout)
        rv.addWidget(heading(tr("The text so far"), self.appearance))
        rv.addWidget(self.so_far_scroll)
        rv.addWidget(heading(tr("History"), self.appearance))
        rv.addWidget(self.history, 1)
        split = self.split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(split)
        self._fit_controls()

    # ---- controls ------------------------------------------------------------------------
    def _controls_changed(self) -> None:
        if self.trace is not None:
            if self.isVisible():
                self.render(self.trace)
            else:  # drawn when next shown, with the trace and generated tokens current then
                self.trace = None

    def _fit_controls(self) -> None:
        """The value labels keep the width of their widest text, so the sliders keep theirs."""
        self.controls.fit()
        self.plot.setMinimumWidth(int(280 * self.appearance.scale))
        self.split.widget(1).setMinimumWidth(int(300 * self.appearance.scale ** 0.8))
        line = self.appearance.point_size * 1.15 * 96 / 72 * 1.25  # one line of the text's font, in pixels
        self.so_far_scroll.setFixedHeight(int(line * 3 + 8))

    def set_model(self, info) -> None:
        super().set_model(info)
        self.top_k.setMaximum(int(info.config["vocab_size"]))

    # ---- rendering -----------------------------------------------------------------------
    def render(self, trace) -> None:
        self.trace = trace
        for button in (self.controls.step_button, self.play_button):
            button.setEnabled(generates(trace))
        if not generates(trace):
            return show_no_next_token(self)
        raw = np.asarray(trace.next_token_probs, np.float64)
        shaped, kept = shape(trace.final_logits, *self.settings())
        order = np.argsort(-raw, kind="stable")[:N_BARS]
        self.candidates, self.raw, self.shaped, self.kept = order, raw[order], shaped[order], kept[order]
        rows = np.arange(len(order))
        a = self.appearance
        self.raw_bars.setOpts(x0=np.zeros(len(rows)), y=rows, width=self.raw, height=0.8,
                              brush=QBrush(Qt.NoBrush), pen=pg.mkPen(a.color("fg"), width=max(1.0, a.line_width * 0.8), style=Qt.DashLine))
        self.cut_bars.setOpts(x0=np.zeros(len(rows)), y=rows, width=np.where(self.kept, 0.0, self.raw), height=0.8,
                              brush=QBrush(a.color("cut"), Qt.BDiagPattern), pen=pg.mkPen(a.color("cut")))
        self.kept_bars.setOpts(x0=np.zeros(len(rows)), y=rows, width=np.where(self.kept, self.shaped, 0.0), height=0.8,
                               brush=a.sequential().map(0.35, mode="qcolor"), pen=pg.mkPen(None))
        labels = self.info.labels if self.info is not None else None
        names = [labels[int(i)] if labels else str(int(i)) for i in order]
        ticks = [(r, visible(n, 16)) for r, n in zip(rows, names)]
        self.label_column.fit([t for _, t in ticks])
        self.plot.getPlotItem().getAxis("left").setTicks([ticks, []])
        self.label_texts = []
        for r in rows:
            text = pct(self.shaped[r]) if self.kept[r] else tr("cut (model {0})").format(pct(self.raw[r]))
            if abs(self.shaped[r] - self.raw[r]) > 5e-4 and self.kept[r]:
                text += "  " + tr("(model {0})").format(pct(self.raw[r]))
            self.label_texts.append(text)
        self._place_labels()
        self._show_text_so_far(trace)
        set_title(self.plot, tr("Next token: the top candidates"), a)
        n_kept = int(kept.sum())
        self.summary.setText(
            tr("After “{0}” the model spreads its bet over {1} tokens; the {2} most likely are shown.").format(
                visible(trace.token_strs[-1], 20), f"{len(raw):,}", len(rows)) + " "
            + (tr("With these settings 1 token can be chosen; hatched bars are cut.") if n_kept == 1 else
               tr("With these settings {0} tokens can be chosen; hatched bars are cut.").format(f"{n_kept:,}"))
            + " " + tr("Dashed outlines show the model's own probabilities."))

    def bar_ends(self) -> np.ndarray:
        """Where each candidate's drawing ends (its kept bar or the model's dashed outline), 0..1."""
        return np.maximum(np.where(self.kept, self.shaped, 0.0), self.raw)

    def _place_labels(self) -> None:
        """Scale the axis to the bars and their labels, never past 100%; a label that does not fit
        after its bar is written inside it."""
        a = self.appearance
        n = len(self.label_texts) if self.trace is not None else 0
        if n == 0:
            return
        ends = self.bar_ends()[:n]
        width_px = max(50.0, float(self.plot.getViewBox().width()))
        fm = QFontMetrics(a.font(0.9))
        # the text, the 4 px gap before it and the text item's own margins (4 px a side), with room to spare
        need = np.array([fm.horizontalAdvance(t) + 20 for t in self.label_texts], np.float64)
        # a label of w pixels fits after a bar ending at e when e + w * x_hi / width_px <= x_hi
        share = np.clip(need / width_px, 0.0, 0.7)
        x_hi = steady_limit(float((ends / (1.0 - share)).max()))
        self.plot.getViewBox().setRange(xRange=(0, x_hi), yRange=(-0.6, n - 0.4), padding=0)
        self.labels_inside = [bool(end + need[r] * x_hi / width_px > x_hi * 1.0001) for r, end in enumerate(ends)]
        white, fg, muted = QColor("#ffffff"), a.color("fg"), a.color("muted")
        # inside a kept bar's colour: white text; inside a hatched one: the theme's text
        self.bar_labels.set_labels(
            [BarLabel(float(end), r, self.label_texts[r], inside,
                      (white if self.kept[r] else fg) if inside else (fg if self.kept[r] else muted))
             for r, (end, inside) in enumerate(zip(ends, self.labels_inside))], a.font(0.9))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.trace is not None:
            self._place_labels()

    def _show_text_so_far(self, trace) -> None:
        a = self.appearance
        first = self.first_generated if 0 <= self.first_generated < trace.n_tokens else -1
        split = int(trace.char_spans[first, 0]) if first >= 0 else len(trace.text)
        prompt, generated = trace.text[:split][-160:], trace.text[split:]
        lines = lambda t: esc(t).replace("\n", "↵<br>")  # noqa: E731 - line breaks stay visible
        self.so_far.setText(f"<span style='font-size:{a.point_size * 1.15:.0f}pt'>{'…' if split > 160 else ''}"
                            f"{lines(prompt)}<b style='color:{a.hex('generated')}'>{lines(generated)}</b></span>")
        QTimer.singleShot(0, self._scroll_to_end)

    def _scroll_to_end(self) -> None:
        bar = self.so_far_scroll.verticalScrollBar()
        bar.setValue(bar.maximum())

    def bar_widths(self) -> np.ndarray:
        """The drawn length of each candidate's bar (kept: shaped probability; cut: 0)."""
        return np.asarray(self.kept_bars.opts["width"], np.float64)

    def _clicked(self, event) -> None:
        vb = self.plot.getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()) or len(self.candidates) == 0:
            return
        row = int(round(vb.mapSceneToView(event.scenePos()).y()))
        if 0 <= row < len(self.candidates):
            self.force_requested.emit(int(self.candidates[row]))

    def _hovered(self, pos) -> None:
        vb = self.plot.getViewBox()
        row = int(round(vb.mapSceneToView(pos).y())) if vb.sceneBoundingRect().contains(pos) else -1
        if 0 <= row < len(self.candidates):
            tid = int(self.candidates[row])
            label = self.info.labels[tid] if self.info is not None else str(tid)
            state = (tr("after shaping {0}").format(f"{self.shaped[row]:.4f}") if self.kept[row]
                     else tr("cut by top-k / top-p"))
            self.plot.setToolTip(tr("“{0}” (id {1}, rank {2})\nmodel probability {3}; {4}\nclick to force it as the "
                                    "next token").format(visible(label, 24), tid, row + 1, f"{self.raw[row]:.4f}", state))
        else:
            self.plot.setToolTip("")

    def show_history(self, entries: list) -> None:
        """entries: (token label, probability under the model, rank, how)."""
        self.history.show_entries(entries)
        self.controls.undo_button.setEnabled(bool(entries))

    def apply_appearance(self) -> None:
        self.label_column.reset()  # measured again in the new font
        style_plot(self.plot, self.appearance)
        # The axis often ends on a tick (steady_limit rounds its end up to one): room for half that
        # tick's number past the end, or "15" is clipped to "1".
        half_number = QFontMetrics(self.appearance.font(TICK_SCALE)).horizontalAdvance("100") // 2 + 2
        layout = self.plot.getPlotItem().layout
        left, top, _, bottom = layout.getContentsMargins()
        layout.setContentsMargins(left, top, half_number, bottom)
        self._fit_controls()
        super().apply_appearance()

    def tables(self):
        return {QT_TR_NOOP("decoding history"): self.history}

    def plots(self):
        return {QT_TR_NOOP("next-token distribution"): self.plot}


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(OutputPanel))
