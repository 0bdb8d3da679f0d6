"""Positions: the vectors added per position, how similar positions are, the sinusoidal pattern
(or RoPE's rotation angles), and token + position = block input for one token of the prompt."""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.i18n import QT_TR_NOOP, tr

from ...common.plots import image_item, make_plot, set_title, style_plot
from ...common.textutil import visible
from .base import Panel, note
from .heatmap import TokenHeatmap

STRIP_ROWS = (QT_TR_NOOP("token vector"), QT_TR_NOOP("+ position vector"), QT_TR_NOOP("= block input"))


def cosine_matrix(table: np.ndarray) -> np.ndarray:
    unit = table / np.maximum(np.linalg.norm(table, axis=1, keepdims=True), 1e-12)
    return (unit @ unit.T).astype(np.float32)


def strips(trace, index: int) -> np.ndarray:
    """[3, C]: the token's embedding, its position's vector, and their sum (the block input)."""
    return np.stack([trace.token_embeddings[index], trace.positional_vectors[index], trace.block_input[index]])


class PositionsPanel(Panel):
    name, title = "positions", QT_TR_NOOP("Positions")

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        a = self.appearance
        position, dimension = tr("position"), tr("dimension")
        self.table_map = TokenHeatmap(a, position, dimension, position, dimension)
        self.compare_map = TokenHeatmap(a, position, dimension, position, dimension)
        self.similarity = TokenHeatmap(a, position, position, position, position)
        self.token_combo = QComboBox()
        self.token_combo.currentIndexChanged.connect(self._show_strips)
        self.strip_plot = make_plot(a, invert_y=True)
        self.strip_plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.strip = image_item()
        self.strip_plot.addItem(self.strip)
        self.strip_plot.getPlotItem().getAxis("bottom").setLabel(tr("dimension"))
        self.caption = note("", a)
        strip_box = QWidget()
        sv = QVBoxLayout(strip_box)
        sv.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Token:")))
        row.addWidget(self.token_combo, 1)
        sv.addLayout(row)
        sv.addWidget(self.strip_plot, 1)
        grid = QGridLayout(self)
        grid.addWidget(self.table_map, 0, 0)
        grid.addWidget(self.compare_map, 0, 1)
        grid.addWidget(self.similarity, 1, 0)
        grid.addWidget(strip_box, 1, 1)
        grid.addWidget(self.caption, 2, 0, 1, 2)

    def set_model(self, info) -> None:
        super().set_model(info)
        ctx = info.config["context_length"]
        positions = [str(i) for i in range(ctx)]
        dims = [str(i) for i in range(info.config["d_model"])]
        kind = info.config["positional"]
        if info.position_table is not None:
            title = tr("Learned position vectors") if kind == "learned" else tr("Sinusoidal position vectors (fixed)")
            self.table_map.show_matrix(info.position_table, positions, dims, title=title, signed=True,
                                       value_name=tr("value"))
            self.similarity.show_matrix(cosine_matrix(info.position_table), positions,
                                        title=tr("Cosine similarity between positions"),
                                        signed=True, value_name=tr("cosine similarity"))
        self.compare_map.show_matrix(info.sinusoid_table, positions, dims[: info.sinusoid_table.shape[1]],
                                     title=tr("The sinusoidal pattern, for comparison"), signed=True,
                                     value_name=tr("value"))
        self.table_map.setVisible(info.position_table is not None)
        self.similarity.setVisible(info.position_table is not None)

    def render(self, trace) -> None:
        self.trace = trace
        kind = self.info.config["positional"] if self.info else "learned"
        if kind == "rope" and trace.rope_angles is not None:
            angles = np.mod(trace.rope_angles, 2 * np.pi)
            self.compare_map.show_matrix(angles, [visible(s, 10) for s in trace.token_strs],
                                         [str(i) for i in range(angles.shape[1])],
                                         title=tr("RoPE: rotation angle (mod 2π) per position and dimension pair"),
                                         value_name=tr("angle (radians)"))
        self.token_combo.blockSignals(True)
        current = self.token_combo.currentIndex()
        self.token_combo.clear()
        self.token_combo.addItems([f"#{i}  {visible(s, 20)}" for i, s in enumerate(trace.token_strs)])
        self.token_combo.setCurrentIndex(current if 0 <= current < trace.n_tokens else trace.n_tokens - 1)
        self.token_combo.blockSignals(False)
        self._show_strips()
        self.caption.setText({
            "learned": tr("This model learned one vector per position during training. If it learned a smooth sense "
                          "of order, neighbouring positions look alike: a wide gold band along the diagonal of the "
                          "similarity map."),
            "sinusoidal": tr("This model uses fixed sine and cosine waves: fast waves in the first dimensions, slow "
                             "ones later."),
            "rope": tr("This model adds nothing to the token vectors: it rotates queries and keys by an angle "
                       "that grows with position (RoPE), so attention depends on how far apart two tokens are."),
        }.get(kind, ""))

    def _show_strips(self, *_):
        if self.trace is None or self.trace.n_tokens == 0:
            return
        i = max(0, self.token_combo.currentIndex())
        data = strips(self.trace, i)
        c = data.shape[1]
        image = np.full((3 * 5 - 1, c), np.nan, np.float32)  # rows of height 4 with 1-row gaps
        for r in range(3):
            image[r * 5 : r * 5 + 4] = data[r]
        m = float(np.abs(data).max()) or 1.0
        self.strip.setImage(image, levels=(-m, m), lut=self.appearance.diverging().getLookupTable(nPts=256))
        self.strip.setRect(0, 0, c, 3 * 1.25 - 0.25)
        h = 3.75 / image.shape[0]
        self.strip_plot.getPlotItem().getAxis("left").setTicks([[((r * 5 + 2) * h, s) for r, s in enumerate(map(tr, STRIP_ROWS))], []])
        self.strip_plot.getViewBox().setRange(xRange=(0, c), yRange=(0, 3.75), padding=0)
        set_title(self.strip_plot, tr("“{0}” at position {1} (colour scale ±{2})").format(
            visible(self.trace.token_strs[i], 16), int(self.trace.positions[i]), f"{m:.2f}"), self.appearance)

    def apply_appearance(self) -> None:
        style_plot(self.strip_plot, self.appearance)
        if self.info is not None:
            self.set_model(self.info)
        super().apply_appearance()

    def plots(self):
        return {QT_TR_NOOP("position vectors"): self.table_map, QT_TR_NOOP("comparison"): self.compare_map,
                QT_TR_NOOP("position similarity"): self.similarity, QT_TR_NOOP("token + position"): self.strip_plot}


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(PositionsPanel))
