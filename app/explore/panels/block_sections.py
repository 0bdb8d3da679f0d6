"""The steps of the Inside-a-block stage, top to bottom in the order the block computes: each a
numbered heading, a caption naming what to look at, and its pictures (block_draw, block_charts)."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.i18n import tr

from ...common.textutil import visible
from .base import heading, note
from .block_charts import GeluPlot, LayerChart, NeuronList
from .block_draw import CellGrid, VectorRows
from .block_steps import BlockNumbers
from .block_text import InfoLine


def stats(v: np.ndarray) -> str:
    return tr("mean {0:+.2f} · spread {1:.2f}\nlength {2:.2f}").format(float(v.mean()), float(v.std()),
                                                                     float(np.linalg.norm(v)))


class Step(QWidget):
    """One step of the block: a heading, a caption and the pictures under them."""

    def __init__(self, appearance, title: str, parent=None):
        super().__init__(parent)
        self.heading = heading(title, appearance)
        self.caption = note("", appearance)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 6, 0, 6)
        self.body.setSpacing(3)
        self.body.addWidget(self.heading)
        self.body.addWidget(self.caption)


class NormStep(Step):
    """A layer norm: the vector going in, normalised (mean 0, spread 1), then scaled and shifted."""

    def __init__(self, appearance, title: str, caption: str, input_name: str):
        super().__init__(appearance, title)
        self.caption.setText(caption)
        self.input_name = input_name
        self.rows = VectorRows(appearance, shared=False)
        self.body.addWidget(self.rows)

    def show(self, x: np.ndarray, normalised: np.ndarray, out: np.ndarray) -> None:
        self.rows.set_rows([(self.input_name, x, stats(x)), (tr("(x − mean) / spread"), normalised, stats(normalised)),
                            (tr("× γ + β"), out, stats(out))])


class AttentionStep(Step):
    """One head, for one token: the query, the keys and values it may see, the scores, the mask,
    softmax and the weighted sum of the values. Words that change with every keystroke are painted lines."""

    def __init__(self, appearance):
        super().__init__(appearance, "")
        self.query = VectorRows(appearance, shared=False)
        self.keys, self.values = CellGrid(appearance), CellGrid(appearance)
        self.ladder = CellGrid(appearance, max_height=200)
        self.output = VectorRows(appearance, shared=False)
        self.keys_title, self.values_title = note("", appearance), note("", appearance)
        self.ladder_title, self.output_title = note("", appearance), note("", appearance)
        self.mask_line, self.focus_line = InfoLine(appearance), InfoLine(appearance, muted=False)
        self.off = note("", appearance)
        pair = QHBoxLayout()  # every token's key and value come from the same layer-normed vector
        for title, grid in ((self.keys_title, self.keys), (self.values_title, self.values)):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(grid)
            column.addStretch(1)
            pair.addLayout(column, 1)
        self.body.addWidget(self.query)
        self.body.addLayout(pair)
        for w in (self.ladder_title, self.mask_line, self.ladder, self.output_title, self.focus_line, self.output,
                  self.off):
            self.body.addWidget(w)
        self.off.hide()

    def show(self, n: BlockNumbers, labels: list[str], silent: bool, causal: bool = True) -> None:
        d, me = n.query.size, visible(labels[n.token], 14)
        self.heading.setText(tr("2 · Attention, head {0}: the token looks back").format(n.head + 1))
        mask = tr("tokens after this one get −∞ (the causal mask), so softmax gives them weight 0") if causal else tr(
            "this model has no causal mask (it fills in hidden tokens), so every token is seen, later ones too")
        self.caption.setText(tr(
            "The head makes a query from this token's layer-normed vector, and a key and a value from every "
            "token's ({0} numbers each). The query meets each key in a dot product (q·k), divided by √{0} so the "
            "scores do not grow with the head's width; {1}. Softmax makes the weights positive and add up to 1; "
            "the head's output is the values summed with those weights.").format(d, mask))
        self.query.set_rows([(tr("query q of “{0}”").format(me), n.query, stats(n.query))])
        names = [f"#{i} {visible(labels[i], 10)}" for i in n.seen]
        which = tr("itself and every earlier token") if causal else tr("every token")
        self.keys_title.setText(tr("<b>Keys</b> k of the tokens it may see ({0}), one row each").format(which))
        self.keys.set_matrix(n.keys, names)
        self.ladder_title.setText(tr(
            "<b>Scores</b> for every token of the prompt (columns): q·k, then ÷ √{0}, then the mask, then softmax. "
            "The first three rows share one colour scale (see the division fade them); softmax has its own, 0 to "
            "the largest weight. Hover a cell for its value.").format(d))
        masked = n.raw_scores.size - n.seen.size
        self.mask_line.set_text(
            tr("“{0}” sees {1} of {2} tokens; the {3} after it are set to −∞.").format(me, n.seen.size,
                                                                                      n.raw_scores.size, masked)
            if masked else tr("“{0}” sees all {1} tokens: nothing is masked (click an earlier token to see −∞ cells).")
            .format(me, n.raw_scores.size) if causal else tr("No causal mask: every token is seen."))
        self.ladder.set_matrix(np.stack([n.raw_scores, n.scaled_scores, n.masked_scores, n.probs]),
                               [tr("q·k"), tr("÷ √{0}").format(d), tr("causal mask"), tr("softmax")],
                               [visible(s, 10) for s in labels], sequential_rows=(3,))
        self.values_title.setText(tr("<b>Values</b> v; the bars on the left are their softmax weights (the last "
                                     "row of the scores below)."))
        self.values.set_matrix(n.values, names, weights=n.probs[n.seen])
        best = np.argsort(-n.probs, kind="stable")[:4]
        self.output_title.setText(tr("<b>Σ weight × value</b>: the head's output for this token, the values added "
                                     "up with the softmax weights."))
        self.focus_line.set_text(", ".join(f"“{visible(labels[i], 10)}” {n.probs[i]:.2f}" for i in best if n.probs[i] > 0),
                                 tr("Most weight on"))
        self.output.set_rows([(tr("head {0} output").format(n.head + 1), n.head_output, stats(n.head_output))])
        self.off.setText(tr("<b>Head {0} is switched off</b>: its output is zero for every token.").format(n.head + 1))
        self.off.setVisible(silent)


class JoinStep(Step):
    def __init__(self, appearance):
        super().__init__(appearance, tr("3 · The heads joined, then W_O"))
        self.rows = VectorRows(appearance, shared=False)
        self.body.addWidget(self.rows)

    def show(self, n: BlockNumbers, n_head: int) -> None:
        d = n.head_output.size
        names = ", ".join(str(h + 1) for h in n.silent_heads)
        off = "" if not n.silent_heads else (tr(" Head {0} is switched off: its part is all zeros.").format(names)
                                             if len(n.silent_heads) == 1 else
                                             tr(" Heads {0} are switched off: their parts are all zeros.").format(names))
        self.caption.setText(tr(
            "The {0} heads' outputs side by side ({0} × {1} = {2} numbers; dashed lines separate the heads). "
            "The output matrix W_O ({2} × {3}) and its bias mix them into one vector: attention's contribution to "
            "this token.").format(n_head, d, f"{n_head * d:,}", f"{n.attn_out.size:,}") + off)
        self.rows.set_rows([(tr("heads 1…{0} joined").format(n_head), n.heads_joined, stats(n.heads_joined)),
                            (tr("× W_O + b"), n.attn_out, stats(n.attn_out))], dividers=d)


class AddStep(Step):
    """x + what a sub-layer computed = the residual stream after it: three rows on one scale."""

    def __init__(self, appearance, title: str, caption: str, names: tuple[str, str, str]):
        super().__init__(appearance, title)
        self.names = names
        self.caption.setText(caption)
        self.rows = VectorRows(appearance, shared=True)
        self.body.addWidget(self.rows)

    def show(self, x: np.ndarray, added: np.ndarray, total: np.ndarray) -> None:
        self.rows.set_rows([(name, v, stats(v)) for name, v in zip(self.names, (x, added, total))])


class MlpStep(Step):
    def __init__(self, appearance):
        super().__init__(appearance, tr("6 · MLP: widen, GELU, narrow"))
        self.widen = VectorRows(appearance, shared=False)
        self.gelu, self.neurons = GeluPlot(appearance), NeuronList(appearance)
        self.narrow = VectorRows(appearance, shared=False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.gelu, 3)
        row.addWidget(self.neurons, 1)
        self.body.addWidget(self.widen)
        self.body.addLayout(row)
        self.body.addWidget(self.narrow)

    def show(self, n: BlockNumbers, approximation: str) -> None:
        c, m = n.ln2_out.size, n.mlp_pre.size
        self.caption.setText(tr(
            "A linear layer widens the vector from {0} to {1} numbers. GELU then acts on each number alone: on "
            "the curve, each dot is one of this token's {1} neurons (across: its value before GELU; up: after). "
            "Negative inputs are squashed towards 0, positive ones pass almost unchanged. The orange dots are the "
            "most active neurons, listed on the right and marked under the bars. A second linear layer narrows "
            "the {1} numbers back to {0}.").format(f"{c:,}", f"{m:,}"))
        self.widen.set_rows([(tr("layer-normed input"), n.ln2_out, stats(n.ln2_out)),
                             (tr("widened: before GELU"), n.mlp_pre, stats(n.mlp_pre))], marks={1: n.top_neurons})
        self.gelu.set_dots(n.mlp_pre, n.mlp_hidden, n.top_neurons, approximation)
        self.neurons.set_neurons(n.top_neurons, n.mlp_pre, n.mlp_hidden)
        self.narrow.set_rows([(tr("after GELU"), n.mlp_hidden, stats(n.mlp_hidden)),
                              (tr("narrowed: MLP output"), n.mlp_out, stats(n.mlp_out))], marks={0: n.top_neurons})


class LayersStep(Step):
    def __init__(self, appearance):
        super().__init__(appearance, tr("8 · This token through every layer"))
        self.caption.setText(tr(
            "The line is the length ‖x‖ of this token's residual stream entering the first block (“in”) and after "
            "each block; the bars are the lengths of what each block's attention and MLP added to it. The shaded "
            "layer is the one shown above; click another to open it."))
        self.chart = LayerChart(appearance)
        self.body.addWidget(self.chart)


def build_steps(appearance) -> dict[str, QWidget]:
    """Every step, by name, in the order the block computes."""
    return {
        "norm1": NormStep(appearance, tr("1 · The residual stream enters; layer norm 1"), tr(
            "The top row is this token's residual stream as it enters the block. Layer norm subtracts its mean and "
            "divides by its spread √(variance + ε): the middle row has mean 0 and spread 1, whatever the size of "
            "the top row. Then a learned scale γ and shift β, one pair per dimension, reshape it (bottom row): "
            "compare the middle and bottom rows to see which dimensions γ stretches, shrinks or flips. Each row "
            "has its own scale (± at its right)."), tr("x: residual in")),
        "attention": AttentionStep(appearance),
        "join": JoinStep(appearance),
        "add1": AddStep(appearance, tr("4 · Residual add: x + attention"), tr(
            "Attention's output is added to the residual stream number by number: the third row is the sum of the "
            "first two. All three rows share one scale, so their sizes compare. The block never overwrites the "
            "stream; it only adds to it."), (tr("x: residual in"), tr("+ attention"), tr("= x + attention"))),
        "norm2": NormStep(appearance, tr("5 · Layer norm 2"), tr(
            "The same normalisation, with its own learned γ and β, prepares the stream for the MLP."),
            tr("x + attention")),
        "mlp": MlpStep(appearance),
        "add2": AddStep(appearance, tr("7 · Residual add: + MLP = the block's output"), tr(
            "The MLP's output is added in the same way. The sum is the block's output: what the next block reads "
            "(after the last block, the final layer norm and the output layer read it)."),
            (tr("x + attention"), tr("+ MLP"), tr("= block output"))),
        "layers": LayersStep(appearance),
    }
