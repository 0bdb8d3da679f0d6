"""Inside a block: one layer, one token of the prompt, every step of the block drawn from the traced
pass's own numbers (layer norm, each head's query, keys, scores, mask, softmax and weighted values,
W_O, the residual adds, the MLP with GELU, and the residual stream's size layer by layer)."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout

from app.i18n import QT_TR_NOOP, tr

from ...common.textutil import visible
from .base import Panel
from .block_sections import build_steps
from .block_steps import BlockNumbers, block_numbers
from .block_text import InfoLine, Painted, TokenRow


class BlockPanel(Panel):
    name, title = "block", QT_TR_NOOP("Inside a block")

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.layer, self.head = 0, 0
        self.token = -1  # the token followed; -1: the last one, whatever the prompt's length
        self.numbers: BlockNumbers | None = None
        self.laid_out_for: list = []  # the pictures' heights and the captions at the last fit_height
        self.layer_box, self.head_box = QComboBox(), QComboBox()
        self.layer_box.setToolTip(tr("The block (layer) to look inside"))
        self.head_box.setToolTip(tr("The attention head shown in step 2"))
        self.layer_box.currentIndexChanged.connect(self.select_layer)
        self.head_box.currentIndexChanged.connect(self.select_head)
        self.tokens = TokenRow(self.appearance)
        self.tokens.setToolTip(tr("Click a token (or use ← →) to follow it through the block"))
        self.tokens.token_clicked.connect(self.select_token)
        self.token_note = InfoLine(self.appearance, muted=False)
        self.steps = build_steps(self.appearance)
        self.steps["layers"].chart.layer_clicked.connect(self.select_layer)

        controls = QHBoxLayout()
        for text, box in ((tr("Layer"), self.layer_box), (tr("Head"), self.head_box)):
            controls.addWidget(QLabel(text))
            controls.addWidget(box)
        controls.addSpacing(12)
        controls.addWidget(self.token_note, 1)
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        layout.addLayout(controls)
        layout.addWidget(self.tokens)
        for step in self.steps.values():
            layout.addWidget(step)
        layout.addStretch(1)
        # connected last, so it runs after every picture and heading has taken the new fonts
        self.appearance.changed.connect(self.fit_height)

    # ---- the model and the choices ----------------------------------------------------------
    def set_model(self, info) -> None:
        super().set_model(info)
        self._fill(self.layer_box, [tr("{0} of {1}").format(i + 1, info.config["n_layer"])
                                    for i in range(info.config["n_layer"])], self.layer)
        self._fill(self.head_box, [tr("{0} of {1}").format(i + 1, info.config["n_head"])
                                   for i in range(info.config["n_head"])], self.head)
        self.layer, self.head = self.layer_box.currentIndex(), self.head_box.currentIndex()

    @staticmethod
    def _fill(box: QComboBox, items: list[str], current: int) -> None:
        box.blockSignals(True)
        box.clear()
        box.addItems(items)
        box.setCurrentIndex(min(max(current, 0), len(items) - 1))
        box.blockSignals(False)

    def select_layer(self, layer: int) -> None:
        if layer < 0:
            return
        self.layer = int(layer)
        if self.layer_box.currentIndex() != self.layer:
            self.layer_box.blockSignals(True)
            self.layer_box.setCurrentIndex(self.layer)
            self.layer_box.blockSignals(False)
        self._refresh()

    def select_head(self, head: int) -> None:
        if head >= 0:
            self.head = int(head)
            self._refresh()

    def select_token(self, index: int) -> None:
        """Follow token `index`; choosing the last token follows the last one as the prompt grows."""
        if self.trace is None:
            return
        self.token = -1 if index >= self.trace.n_tokens - 1 else max(0, int(index))
        self._refresh()

    def token_index(self) -> int:
        if self.trace is None:
            return 0
        last = self.trace.n_tokens - 1
        return last if self.token < 0 else min(self.token, last)

    # ---- rendering -------------------------------------------------------------------------
    def render(self, trace) -> None:
        self.trace = trace
        self._refresh()

    def _refresh(self) -> None:
        trace = self.trace
        if trace is None or trace.n_tokens == 0:
            return
        config = self.info.config if self.info is not None else {}
        eps, approx = config.get("layer_norm_eps", 1e-5), config.get("gelu_approximation", "none")
        n = block_numbers(trace, self.layer, self.token_index(), self.head, eps)
        self.numbers = n
        labels = trace.token_strs
        n_head = trace.layers[0].queries.shape[0]
        self.tokens.set_tokens(labels, n.token)
        follows = tr(" · the last one, as you type") if self.token < 0 else ""
        self.token_note.set_text(tr("#{0} “{1}” through block {2} of {3}{4}").format(
            n.token, visible(labels[n.token], 16), n.layer + 1, len(trace.layers), follows), tr("Token"))
        s = self.steps
        s["norm1"].show(n.x_in, n.ln1_normalised, n.ln1_out)
        s["attention"].show(n, labels, n.head in n.silent_heads, config.get("objective", "causal") == "causal")
        s["join"].show(n, n_head)
        s["add1"].show(n.x_in, n.attn_out, n.resid_mid)
        s["norm2"].show(n.resid_mid, n.ln2_normalised, n.ln2_out)
        s["mlp"].show(n, approx)
        s["add2"].show(n.resid_mid, n.mlp_out, n.resid_post)
        s["layers"].chart.set_norms(n.stream_norms, n.attn_norms, n.mlp_norms, n.layer)
        shape = [w.height() for w in self.findChildren(Painted)] + [w.text() for w in self.findChildren(QLabel)]
        if shape != self.laid_out_for:  # a height or a caption changed: lay the steps out again
            self.fit_height()

    def fit_height(self) -> None:
        """As tall as the steps need at this width, wrapped captions included (the stage scrolls). Summed
        here: a layout's minimum counts a wrapped label at a guessed width, and its cached height-for-width
        outlived new caption text (captions overlapped the pictures)."""
        self.laid_out_for = [w.height() for w in self.findChildren(Painted)] + [
            w.text() for w in self.findChildren(QLabel)]
        layout = self.layout()
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        heights = []
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item.widget() in self.steps.values():
                item.widget().layout().invalidate()  # new caption text is counted only once the layout,
                item.widget().layout().activate()  # nested ones too, has been redone
                heights.append(item.widget().layout().totalHeightForWidth(width))
            elif not item.isEmpty():
                heights.append(max(item.minimumSize().height(), item.sizeHint().height()))
        # (+ 8: room for the box layout's rounding, which left a step 2 px short of its captions)
        wanted = margins.top() + margins.bottom() + sum(heights) + layout.spacing() * (len(heights) - 1) + 8
        if wanted != self.minimumHeight():
            self.setMinimumHeight(wanted)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()

    def drawn(self) -> dict[str, np.ndarray]:
        """The numbers on screen, read back from the pictures (what the tests compare with the weights)."""
        s = self.steps
        rows = lambda widget: [values for _, values, _ in widget.rows]  # noqa: E731
        att, mlp, chart = s["attention"], s["mlp"], s["layers"].chart
        out = dict(zip(("x_in", "ln1_normalised", "ln1_out"), rows(s["norm1"].rows)))
        out["query"], out["head_output"] = rows(att.query)[0], rows(att.output)[0]
        out["keys"], out["values"], out["weights"] = att.keys.matrix, att.values.matrix, att.values.weights
        out.update(zip(("raw_scores", "scaled_scores", "masked_scores", "probs"), att.ladder.matrix))
        out.update(zip(("heads_joined", "attn_out"), rows(s["join"].rows)))
        out.update(zip(("add1_x", "add1_added", "add1_sum"), rows(s["add1"].rows)))
        out.update(zip(("resid_mid", "ln2_normalised", "ln2_out"), rows(s["norm2"].rows)))
        out.update(zip(("mlp_in", "mlp_pre"), rows(mlp.widen)))
        out.update(zip(("mlp_hidden", "mlp_out"), rows(mlp.narrow)))
        out["gelu_x"], out["gelu_y"], out["top_neurons"] = mlp.gelu.dots_x, mlp.gelu.dots_y, mlp.gelu.top
        out["neurons"] = np.array(mlp.neurons.rows, np.float64)
        out.update(zip(("add2_x", "add2_added", "add2_sum"), rows(s["add2"].rows)))
        out["stream_norms"], out["attn_norms"], out["mlp_norms"] = chart.stream, chart.attn, chart.mlp
        return out


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(BlockPanel))
