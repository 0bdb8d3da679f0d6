"""Challenges ▸ Interpretability: a worked example on the prompt on screen. It finds the head that looks
most at the previous token and the one that rests most on the first token, with buttons that open the
Attention stage on them, and says how to test the guess by switching heads off."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr

from ...common.textutil import esc
from .base import heading, note
from .challenges_parts import fill, fit_rows, table

PATTERNS = ("previous", "punctuation", "first")  # what a head's attention may rest on, the table's columns


def is_punctuation(token: str) -> bool:
    text = token.strip()
    return bool(text) and not any(ch.isalnum() for ch in text)


def head_patterns(trace) -> dict[str, tuple[np.ndarray, float]]:
    """For each pattern: [layers, heads] the mean attention weight a token (from the second on) puts on the
    token just before it, on punctuation marks, on the first token; and the same mean if every head spread
    its weight evenly over the tokens it may see (the level to compare with). Needs two tokens or more.
    Layer by layer: all layers' weights at once would be gigabytes for GPT-2 at its full context."""
    t = trace.n_tokens
    rows = np.arange(1, t)
    even = 1.0 / (rows + 1)  # the weight of one key when a row spreads evenly over its rows + 1 keys
    marks = np.array([is_punctuation(s) for s in trace.token_strs[:t]], dtype=np.float32)
    marks_seen = np.cumsum(marks)[rows] * even  # the share of each row's keys that are punctuation
    previous, punctuation, first = (np.zeros((len(trace.layers), trace.layers[0].attn_probs.shape[0]))
                                    for _ in range(3))
    for i, layer in enumerate(trace.layers):
        probs = layer.attn_probs  # [H, T, T]
        previous[i] = probs[:, rows, rows - 1].mean(axis=-1)
        punctuation[i] = (probs[:, 1:, :] @ marks).mean(axis=-1)
        first[i] = probs[:, rows, 0].mean(axis=-1)
    return {"previous": (previous, float(even.mean())), "punctuation": (punctuation, float(marks_seen.mean())),
            "first": (first, float(even.mean()))}


def strongest(share: np.ndarray) -> tuple[int, int]:
    layer, head = np.unravel_index(int(np.argmax(share)), share.shape)
    return int(layer), int(head)


class InterpretView(QWidget):
    head_requested = Signal(int, int)  # open the Attention stage on (layer, head)
    stage_requested = Signal(str)

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance, self.info, self.trace, self.pending = appearance, None, None, False
        self.found: dict[str, tuple[int, int]] = {}  # "previous" / "punctuation" -> (layer, head)
        self.steps = [QLabel() for _ in range(4)]  # the prompt, then three steps, each with its button below
        for label in self.steps:
            label.setWordWrap(True)
            label.setTextFormat(Qt.RichText)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.buttons = {"previous": QPushButton(), "punctuation": QPushButton()}
        for key, button in self.buttons.items():
            button.clicked.connect(lambda _=False, k=key: self.open_head(k))
        self.attention_button = QPushButton(tr("Open the Attention stage"))
        self.attention_button.clicked.connect(lambda: self.stage_requested.emit("attention"))
        self.caveat = note(tr(
            "What this cannot show: an attention pattern says where a head reads from, not what it does with "
            "what it reads; switching a head off shows what this one prediction loses, on this one prompt. A "
            "claim about what a head is <i>for</i> needs many prompts and a test that could have failed."),
            appearance)
        self.table = table([tr("layer"), tr("head"), tr("previous"), tr("punctuation"), tr("first")])
        for c, tip in ((2, tr("mean weight on the token just before")), (3, tr("mean weight on punctuation marks")),
                       (4, tr("mean weight on the first token"))):
            self.table.horizontalHeaderItem(c).setToolTip(tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.cellDoubleClicked.connect(lambda r, _c: self.head_requested.emit(r // self.n_head, r % self.n_head))
        self.table.setToolTip(tr("Mean attention weights of every head on this prompt; double-click a row to open it"))
        self.n_head = 1

        self.example = QWidget()  # scrolls on its own when a small screen cannot hold the wrapped text
        left = QVBoxLayout(self.example)
        left.setContentsMargins(0, 0, 4, 0)
        left.addWidget(heading(tr("A worked example: what is this head doing?"), appearance))
        for label, button in zip(self.steps, (None, *self.buttons.values(), self.attention_button)):
            left.addWidget(label)
            if button is not None:
                left.addWidget(button, 0, Qt.AlignLeft)
        left.addWidget(self.caveat)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(heading(tr("Every head on this prompt"), appearance))
        right.addWidget(self.table, 1)
        layout = QHBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidget(self.example)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 3)
        layout.addLayout(right, 2)
        self.set_trace(None)

    def set_model(self, info) -> None:
        self.info = info

    def set_trace(self, trace) -> None:
        """Follow the prompt; the example is worked out when it is on screen (now, or when next shown)."""
        self.trace, self.pending = trace, True
        if self.isVisible():
            self.work_out()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.pending:
            self.work_out()

    def work_out(self) -> None:
        self.pending = False
        trace = self.trace
        usable = trace is not None and trace.n_tokens >= 2
        for b in self.buttons.values():
            b.setEnabled(usable)
        if not usable:
            self.found = {}
            self.table.setRowCount(0)
            self.buttons["previous"].setText(tr("Open the previous-token head"))
            self.buttons["punctuation"].setText(tr("Open the punctuation head"))
            for label in self.steps[1:]:
                label.setText("")
            self.steps[0].setText(tr("Type a prompt of at least two tokens above (a few lines of a play work well): "
                                  "the worked example is computed from this model's attention on it."))
            return
        patterns = head_patterns(trace)
        self.found = {key: strongest(patterns[key][0]) for key in self.buttons}
        self._fill_table(patterns)
        (pl, ph), (ql, qh) = self.found["previous"], self.found["punctuation"]
        (previous, previous_even), (marks, marks_even) = patterns["previous"], patterns["punctuation"]
        self.buttons["previous"].setText(tr("Open layer {0}, head {1}").format(pl + 1, ph + 1))
        self.buttons["punctuation"].setText(tr("Open layer {0}, head {1}").format(ql + 1, qh + 1))
        shown = trace.text if len(trace.text) <= 60 else trace.text[:60] + "…"
        self.steps[0].setText(tr("On your prompt (<i>{0}</i>, {1} tokens):").format(
            esc(shown).replace("\n", " ⏎ "), trace.n_tokens))
        self.steps[1].setText(tr(
            "<b>1. A head that looks one token back.</b> Layer {0}, head {1} puts on average <b>{2:.0%}</b> of a "
            "token's attention on the token just before it; spread evenly, it would be {3:.0%}. In its heatmap that "
            "is the bright line just below the diagonal. Such a head can tell later layers which token came "
            "before.").format(
            pl + 1, ph + 1, float(previous[pl, ph]), previous_even))
        self.steps[2].setText(tr(
            "<b>2. A head that looks back to punctuation.</b> Layer {0}, head {1} puts <b>{2:.0%}</b> on "
            "punctuation marks, which would get {3:.0%} if it spread its weight evenly: its bright cells sit in the "
            "columns of commas and full stops.").format(ql + 1, qh + 1, float(marks[ql, qh]), marks_even))
        self.steps[3].setText(tr(
            "<b>3. Test the guess.</b> In the Attention stage, set <i>Click a head to:</i> to <b>switch it off or "
            "on</b> and click the head: the <b>Before / after</b> tab shows what the prediction loses without it. "
            "<b>Which heads matter here?</b> switches off every head in turn and colours the grid by the change. A "
            "head with a clear pattern may matter little for this prediction, and a blurry one a lot."))

    def _fill_table(self, patterns: dict) -> None:
        n_layer, self.n_head = patterns["previous"][0].shape
        fill(self.table, [[str(layer + 1), str(head + 1)] + [f"{patterns[k][0][layer, head]:.1%}" for k in PATTERNS]
                          for layer in range(n_layer) for head in range(self.n_head)])

    def open_head(self, which: str) -> None:
        if which in self.found:
            self.head_requested.emit(*self.found[which])

    def tables(self) -> dict:
        return {"heads": self.table}

    def apply_appearance(self) -> None:
        for label in self.steps:
            label.setFont(self.appearance.font(1.05))
        fit_rows(self.table, self.appearance)
