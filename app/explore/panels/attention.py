"""Attention: all heads as one mosaic, the selected head large (scores or probabilities),
the average over heads, a lines view, and the logit lens; heads and MLPs switched off, and before/after."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr

from .ablation import AblationComparison
from .ablation_controls import AblationControls
from .attention_grid import AttentionMosaic
from .base import Panel, heading, note
from .heatmap import TokenHeatmap, masked_probs  # noqa: F401  (masked_probs: tests import it from here)
from .lines import AttentionLines
from .logit_lens import LogitLensTable, labels_from_trace

BOTTOM_SHARE = 0.36  # the most of the panel's height the caption and logit lens may take


class AttentionPanel(Panel):
    name, title = "attention", QT_TR_NOOP("Attention")

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.layer, self.head = 0, 0
        self.mosaic = AttentionMosaic(self.appearance)
        self.mosaic.head_clicked.connect(self.select)
        self.mode = QComboBox()
        self.mode.addItems([tr("weights (after softmax)"), tr("scores (before softmax)")])
        self.average = QCheckBox(tr("average over heads"))
        self.mode.currentIndexChanged.connect(lambda _: self._refresh())
        self.average.toggled.connect(lambda _: self._refresh())
        self.heatmap = TokenHeatmap(self.appearance)
        self.lines = AttentionLines(self.appearance)
        lines_scroll = QScrollArea()
        lines_scroll.setWidgetResizable(True)
        lines_scroll.setWidget(self.lines)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.heatmap, tr("Heatmap"))
        self.tabs.addTab(lines_scroll, tr("Lines"))
        self.comparison = AblationComparison(self.appearance)
        self.tabs.addTab(self.comparison, tr("Before / after"))
        self.ablation = AblationControls(self.mosaic, self.appearance)
        self.session = None
        self.lens = LogitLensTable(self.appearance)
        self.caption = note("", self.appearance)

        controls = QHBoxLayout()
        controls.addWidget(self.mode)
        controls.addWidget(self.average)
        controls.addStretch(1)
        left = column(heading(tr("Every layer × head"), self.appearance), self.ablation.above, (self.mosaic, 1),
                      self.ablation.below)
        top = QSplitter(Qt.Horizontal)
        top.addWidget(left)
        top.addWidget(column(controls, (self.tabs, 1)))
        top.setStretchFactor(0, 2)  # the selected head's heatmap gets the larger share
        top.setStretchFactor(1, 3)
        top.setChildrenCollapsible(False)
        self.top = top
        self.lens_heading = heading(tr("Logit lens: what each layer would guess for the next token"), self.appearance)
        bottom = column(self.caption, self.lens_heading, self.lens)
        # The caption and the lens take what the charts leave, at most BOTTOM_SHARE of the panel,
        # and scroll inside it: on a small screen or with presentation fonts the charts keep their size.
        self.bottom = QScrollArea()
        self.bottom.setWidgetResizable(True)
        self.bottom.setFrameShape(QFrame.NoFrame)
        self.bottom.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.bottom.setWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(top, 1)
        layout.addWidget(self.bottom)
        self.mode.setSizeAdjustPolicy(QComboBox.AdjustToContents)

    def _fit_bottom(self) -> None:
        content = self.bottom.widget()
        # its height at the width it has, asked, not set: adjustSize() resized the content, which the scroll
        # area then resized back, and the pair laid the page out and painted the charts once more a keystroke
        width = self.bottom.viewport().width()
        want = (content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()) + 2
        self.bottom.setFixedHeight(max(60, min(want, int(self.height() * BOTTOM_SHARE))))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_bottom()

    def apply_appearance(self) -> None:
        super().apply_appearance()
        self._fit_bottom()

    def attach(self, session) -> None:
        """The explorer session: switching parts off goes to it; its result's baseline is the Before view."""
        self.session = session
        self.ablation.attach(session)

    # ---- state ---------------------------------------------------------------------------
    @property
    def showing_scores(self) -> bool:
        return self.mode.currentIndex() == 1

    def select(self, layer: int, head: int) -> None:
        self.layer, self.head = layer, head
        self.mosaic.select(layer, head)
        self._refresh_selected()

    def set_scores(self, scores: bool) -> None:
        self.mode.setCurrentIndex(1 if scores else 0)

    def selected_matrix(self) -> np.ndarray:
        """What the large view shows: [T, T] for the selected head (or the heads' mean)."""
        layer = self.trace.layers[self.layer]
        data = layer.attn_scores if self.showing_scores else masked_probs(layer)
        if self.average.isChecked():  # the mask is the same for every head
            visible_cells = np.isfinite(layer.attn_scores[0])
            mean = np.where(np.isfinite(data), data, 0.0).mean(axis=0)
            return np.where(visible_cells, mean, np.nan).astype(np.float32)
        return data[self.head]

    # ---- rendering -----------------------------------------------------------------------
    def render(self, trace) -> None:
        self.trace = trace
        n_layer, n_head = len(trace.layers), trace.layers[0].attn_probs.shape[0]
        self.layer, self.head = min(self.layer, n_layer - 1), min(self.head, n_head - 1)
        self._refresh()
        labels = (self.info.labels if self.info is not None else None) or labels_from_trace(trace)
        self.lens.show_lens(trace, labels)
        self.ablation.set_model(n_layer, labels)
        if self.comparison.show_trace(self.session, trace, labels):  # parts just switched off, or all back on
            self.tabs.setCurrentWidget(self.comparison if self.comparison.showing else self.heatmap)
        self._fit_bottom()

    def _refresh(self) -> None:
        if self.trace is None:
            return
        heads = np.stack([layer.attn_scores if self.showing_scores else masked_probs(layer)
                          for layer in self.trace.layers])  # [L, H, T, T]
        self.mosaic.show_heads(heads, normalise=self.showing_scores)
        self.mosaic.select(self.layer, self.head)
        self._refresh_selected()

    def _refresh_selected(self) -> None:
        if self.trace is None:
            return
        matrix = self.selected_matrix()
        heads = tr("mean of all heads") if self.average.isChecked() else tr("head {0}").format(self.head + 1)
        kind = tr("scores q·k/√d before softmax") if self.showing_scores else tr("attention weights (each row sums to 1)")
        self.heatmap.show_matrix(matrix, self.trace.token_strs,
                                 title=tr("layer {0}, {1}: {2}").format(self.layer + 1, heads, kind),
                                 signed=self.showing_scores, value_name=tr("score") if self.showing_scores else tr("weight"))
        probs = self.trace.layers[self.layer].attn_probs
        self.lines.show_weights(probs.mean(axis=0) if self.average.isChecked() else probs[self.head], self.trace.token_strs)
        causal = getattr(self.trace, "objective", "causal") == "causal"  # a masked-LM model sees both sides
        self.caption.setText(
            (tr("Each row is a token looking back at the tokens before it (itself included). "
                "Grey cells above the diagonal are hidden by the causal mask: a token never sees the future.") if causal
             else tr("Each row is a token looking at every token, before and after it: this model fills in blanks (a "
                     "masked language model), so it has no causal mask and the whole square is coloured."))
            + (" " + tr("Scores are shown per head on their own scale in the grid.") if self.showing_scores else "")
        )
        # A masked model's output at a position guesses the token there (hidden or not), not the next one.
        self.lens_heading.setText(tr("Logit lens: what each layer would guess for the next token") if causal else
                                  tr("Logit lens: what each layer would guess for the token at the last position (a "
                                     "masked model fills in its own position, not the next one)"))

    def tables(self):
        return {QT_TR_NOOP("logit lens"): self.lens}

    def plots(self):
        return {QT_TR_NOOP("attention grid"): self.mosaic, QT_TR_NOOP("attention heatmap"): self.heatmap,
                QT_TR_NOOP("attention lines"): self.lines, QT_TR_NOOP("before and after"): self.comparison}


def column(*parts) -> QWidget:
    """A widget stacking `parts` (widgets or layouts, or (part, stretch) pairs) without margins."""
    widget = QWidget()
    box = QVBoxLayout(widget)
    box.setContentsMargins(0, 0, 0, 0)
    for part in parts:
        part, stretch = part if isinstance(part, tuple) else (part, 0)
        box.addLayout(part, stretch) if isinstance(part, QHBoxLayout) else box.addWidget(part, stretch)
    return widget


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(AttentionPanel))
