"""Embeddings: the whole vocabulary projected to 2D (PCA), the prompt's tokens highlighted,
nearest neighbours by cosine similarity, and the selected vector as a colour strip."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QTableWidgetItem

from app.i18n import QT_TR_NOOP, tr

from ...common.appearance import CATEGORY_COUNT
from ...common.plots import make_plot, set_title, style_plot
from ...common.textutil import esc, visible
from .base import Panel, count, heading, note
from .embeddings_keys import MapKeys
from .embeddings_labels import TokenLabels
from .embeddings_parts import LeftTitle, neighbour_table, side_by_side, vector_strip

N_NEIGHBOURS = 12


def nearest(unit: np.ndarray, token: int, k: int = N_NEIGHBOURS) -> tuple[np.ndarray, np.ndarray]:
    """The k tokens most similar to `token` by cosine similarity (itself excluded): (ids, similarities)."""
    sims = unit @ unit[token]
    sims[token] = -np.inf
    order = np.argsort(-sims, kind="stable")[:k]
    return order, sims[order]


class EmbeddingsPanel(Panel):
    name, title = "embeddings", QT_TR_NOOP("Embeddings")

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.selected = -1
        self._drawn_token = None  # the token whose neighbours, strip and title are drawn (None: draw again)
        self.caption_text = ""
        self.label_ids: list[int] = []  # the prompt's tokens, each once, in the order of the text
        self.unit = np.zeros((0, 0), np.float32)
        self.plot = make_plot(self.appearance)
        self.cloud = pg.ScatterPlotItem(size=5, pxMode=True)
        self.prompt_points = pg.ScatterPlotItem(size=12, pxMode=True, hoverable=True, tip=self._tip)
        self.selected_point = pg.ScatterPlotItem(size=22, pxMode=True, symbol="o")
        for item in (self.cloud, self.prompt_points, self.selected_point):
            self.plot.addItem(item)
        self.token_labels = TokenLabels(self.plot)
        self.labels = self.token_labels.items
        self.cloud.sigClicked.connect(self._point_clicked)
        self.prompt_points.sigClicked.connect(self._point_clicked)
        self.strip_plot, self.strip = vector_strip(self.appearance)
        self.neighbours = neighbour_table()
        self.neighbours.cellClicked.connect(lambda r, _c: self.select_token(int(self.neighbours.item(r, 2).text())))
        # by keyboard: arrows to a neighbour, Enter walks the map to it (a grey dot the map's own keys skip)
        self.neighbours.activated.connect(
            lambda index: self.select_token(int(self.neighbours.item(index.row(), 2).text())))
        self.neighbours.setMinimumWidth(int(250 * self.appearance.scale))
        self.left_title = LeftTitle(self.plot)  # whole at any height, clear of the focus ring
        self.map_keys = MapKeys(self)  # arrows highlight a token of the prompt, Enter chooses it, + - 0 zoom
        self.caption = note("", self.appearance)
        self.neighbour_title = heading(tr("Nearest neighbours"), self.appearance)
        side_by_side(self, [(self.plot, 1), (self.caption, 0), (heading(
            tr("The selected token's vector, one colour per dimension"), self.appearance), 0), (self.strip_plot, 0)],
                     [(self.neighbour_title, 0), (self.neighbours, 1)])

    def set_model(self, info) -> None:
        super().set_model(info)
        emb = info.embeddings.astype(np.float32)
        self.unit = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
        self.selected, self._drawn_token, self.label_ids = -1, None, []
        a = self.appearance
        self._brushes = [pg.mkBrush(a.category(j, alpha=1.0)) for j in range(CATEGORY_COUNT)]
        self._pen = pg.mkPen(a.color("fg"), width=1)
        muted = self.appearance.color("muted")
        muted.setAlpha(90)
        self.cloud.setData(pos=info.pca, data=np.arange(len(info.pca)), brush=pg.mkBrush(muted), pen=pg.mkPen(None))
        ex = info.pca_explained
        pi = self.plot.getPlotItem()
        pi.getAxis("bottom").setLabel(tr("principal component 1 ({0} of the variance)").format(f"{ex[0]:.0%}"))
        self.left_title.set(f"{ex[1]:.0%}")
        self.show_whole_map()

    def show_whole_map(self) -> None:
        """The whole vocabulary in view, outliers included, whatever the plot's size or fonts."""
        if self.info is None:
            return
        # float64: pyqtgraph compares ranges with its 1e307 limits, which overflow a float32 (a warning a launch)
        lo, hi = self.info.pca.min(axis=0).astype(np.float64), self.info.pca.max(axis=0).astype(np.float64)
        pad = np.maximum((hi - lo) * 0.04, 1e-6)
        self.plot.getViewBox().disableAutoRange()
        self.plot.getViewBox().setRange(xRange=(lo[0] - pad[0], hi[0] + pad[0]),
                                        yRange=(lo[1] - pad[1], hi[1] + pad[1] * 3), padding=0)  # room for labels
        self.place_labels()

    def render(self, trace) -> None:
        self.trace = trace
        if self.info is None:
            return
        a = self.appearance
        ids = [int(i) for i in dict.fromkeys(trace.token_ids.tolist())]  # unique, in order
        if ids != self.label_ids:  # most keystrokes add or change only the last token, or none
            # The same brush and pen objects every time: pyqtgraph keeps a drawn symbol per pen and brush
            # *object*, so new ones on each keystroke drew 50 symbols again and grew its atlas without end.
            brushes = [self._brushes[j % CATEGORY_COUNT] for j in range(len(ids))]
            self.prompt_points.setData(pos=self.info.pca[ids], data=np.array(ids), brush=brushes, pen=self._pen)
            self.label_ids = ids
        set_title(self.plot, tr("All {0} token vectors, flattened to 2D").format(f"{len(self.info.pca):,}"), a)
        self.caption_text = tr("Grey dots: every token in the vocabulary. Coloured: the {0} of your text, "
                               "labelled where the labels do not overlap (hover a dot for its token). "
                               "Click any dot to see its nearest neighbours.").format(
            count(len(ids), tr("different token"), tr("different tokens")))
        self.caption.setText(self.caption_text)
        token = int(trace.token_ids[-1]) if self.selected < 0 or self.selected not in ids else self.selected
        if token != self._drawn_token:
            self.select_token(token)  # places the labels too
        else:  # its neighbours, strip and title are on screen already
            self.place_labels()

    def place_labels(self) -> None:
        if self.info is not None and self.trace is not None:
            self.token_labels.place(self.info, self.label_ids, self.selected, self.appearance)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.trace is not None:
            QTimer.singleShot(0, self._place_labels_later)

    def _place_labels_later(self) -> None:
        try:
            self.place_labels()
        except RuntimeError:  # closed meanwhile
            pass

    def select_token(self, token: int) -> None:
        if self.info is None:
            return
        # a click or the table moves the keyboard's highlight there too; a redraw (F5, a theme) leaves it where
        # the keys put it, drawn again in the new style
        highlight = int(token) if int(token) != self.selected else self.map_keys.token
        self.selected = int(token)
        a = self.appearance
        self.selected_point.setData(pos=self.info.pca[[token]], brush=pg.mkBrush(None),
                                    pen=pg.mkPen(a.color("generated"), width=a.line_width * 2))
        ids, sims = nearest(self.unit, token)
        self.neighbours.setRowCount(len(ids))
        for r, (tid, sim) in enumerate(zip(ids, sims)):
            for c, text in enumerate((visible(self.info.labels[int(tid)], 24), f"{sim:+.3f}", str(int(tid)))):
                self.neighbours.setItem(r, c, QTableWidgetItem(text))
        label = visible(self.info.labels[token], 24)
        if self.trace is not None:
            self.place_labels()  # the selected token's label comes first
        self.neighbour_title.setText(tr("Nearest neighbours of “{0}”").format(label))
        vec = self.info.embeddings[token][None, :]
        m = float(np.abs(vec).max()) or 1.0
        self.strip.setImage(vec, levels=(-m, m), lut=a.diverging().getLookupTable(nPts=256))
        self.strip.setRect(0, 0, vec.shape[1], 1)
        self.strip_plot.getViewBox().setRange(xRange=(0, vec.shape[1]), yRange=(0, 1), padding=0)
        set_title(self.strip_plot,
                  tr("“{0}” (id {1}): blue negative, gold positive, ±{2}").format(label, token, f"{m:.2f}"), a)
        self.map_keys.follow(highlight)
        self._drawn_token = self.selected

    def say_highlight(self, said: str, more: str = "") -> None:
        """The line under the map: the keyboard's highlight (`said` in bold) while the map has the focus, else
        how to read the map."""
        self.caption.setText(f"<b>{esc(said)}</b> {esc(more)}" if said else self.caption_text)

    def _tip(self, x, y, data) -> str:
        return self.token_text(int(data))

    def token_text(self, token: int) -> str:
        """“ king” (id 301): a token as the map's tool tips and its keyboard highlight name it."""
        if self.info is None:
            return ""
        return tr("“{0}” (id {1})").format(visible(self.info.labels[token], 24), token)

    def _point_clicked(self, _item, points, *_) -> None:
        if len(points):
            self.select_token(int(points[0].data()))

    def apply_appearance(self) -> None:
        self.neighbours.setMinimumWidth(int(250 * self.appearance.scale))
        style_plot(self.plot, self.appearance)
        style_plot(self.strip_plot, self.appearance)
        if self.info is not None:
            chosen = self.selected
            self.set_model(self.info)  # the cloud in the new colours
            self.selected = chosen  # F5 or a theme keeps the chosen token (render chooses it again)
        super().apply_appearance()

    def tables(self):
        return {"nearest neighbours": self.neighbours}

    def plots(self):
        return {QT_TR_NOOP("embedding map"): self.plot, QT_TR_NOOP("vector strip"): self.strip_plot}


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(EmbeddingsPanel))
