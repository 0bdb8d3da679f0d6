"""Embeddings: the whole vocabulary projected to 2D (PCA), the prompt's tokens highlighted,
nearest neighbours by cosine similarity, and the selected vector as a colour strip."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr

from ...common.plots import image_item, make_plot, set_title, style_plot
from ...common.textutil import visible
from .base import Panel, count, heading, note

N_LABELS = 40
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
        self.label_ids: list[int] = []
        self.label_rects: list = []
        self.unit = np.zeros((0, 0), np.float32)
        self.plot = make_plot(self.appearance)
        self.cloud = pg.ScatterPlotItem(size=5, pxMode=True)
        self.prompt_points = pg.ScatterPlotItem(size=12, pxMode=True, hoverable=True, tip=self._tip)
        self.selected_point = pg.ScatterPlotItem(size=22, pxMode=True, symbol="o")
        for item in (self.cloud, self.prompt_points, self.selected_point):
            self.plot.addItem(item)
        self.labels = [pg.TextItem(anchor=(0, 1)) for _ in range(N_LABELS)]
        for t in self.labels:
            self.plot.addItem(t)
        self.cloud.sigClicked.connect(self._point_clicked)
        self.prompt_points.sigClicked.connect(self._point_clicked)
        self.strip_plot = make_plot(self.appearance, invert_y=True)
        self.strip_plot.setMaximumHeight(130)
        self.strip_plot.getViewBox().setMouseEnabled(x=False, y=False)
        self.strip = image_item()
        self.strip_plot.addItem(self.strip)
        self.strip_plot.getPlotItem().getAxis("left").setTicks([[], []])
        self.strip_plot.getPlotItem().getAxis("bottom").setLabel(tr("dimension"))
        self.neighbours = QTableWidget(0, 3)
        self.neighbours.setHorizontalHeaderLabels([tr("neighbour"), tr("similarity"), tr("id")])
        self.neighbours.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.neighbours.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.neighbours.verticalHeader().hide()
        self.neighbours.cellClicked.connect(lambda r, _c: self.select_token(int(self.neighbours.item(r, 2).text())))
        # by keyboard: arrows to a neighbour, Enter walks to it (the map itself takes no keys)
        self.neighbours.activated.connect(
            lambda index: self.select_token(int(self.neighbours.item(index.row(), 2).text())))
        self.neighbours.setMinimumWidth(int(250 * self.appearance.scale))
        self.caption = note("", self.appearance)
        self.neighbour_title = heading(tr("Nearest neighbours"), self.appearance)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.neighbour_title)
        rv.addWidget(self.neighbours, 1)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.plot, 1)
        lv.addWidget(self.caption)
        lv.addWidget(heading(tr("The selected token's vector, one colour per dimension"), self.appearance))
        lv.addWidget(self.strip_plot)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        QVBoxLayout(self).addWidget(split)

    def set_model(self, info) -> None:
        super().set_model(info)
        emb = info.embeddings.astype(np.float32)
        self.unit = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-12)
        self.selected = -1
        muted = self.appearance.color("muted")
        muted.setAlpha(90)
        self.cloud.setData(pos=info.pca, data=np.arange(len(info.pca)), brush=pg.mkBrush(muted), pen=pg.mkPen(None))
        ex = info.pca_explained
        pi = self.plot.getPlotItem()
        pi.getAxis("bottom").setLabel(tr("principal component 1 ({0} of the variance)").format(f"{ex[0]:.0%}"))
        pi.getAxis("left").setLabel(tr("principal component 2 ({0})").format(f"{ex[1]:.0%}"))
        # The whole vocabulary in view, outliers included, whatever the plot's size or fonts.
        # float64: pyqtgraph compares ranges with its 1e307 limits, which overflow a float32 (a warning a launch)
        lo, hi = info.pca.min(axis=0).astype(np.float64), info.pca.max(axis=0).astype(np.float64)
        pad = np.maximum((hi - lo) * 0.04, 1e-6)
        self.plot.getViewBox().disableAutoRange()
        self.plot.getViewBox().setRange(xRange=(lo[0] - pad[0], hi[0] + pad[0]),
                                        yRange=(lo[1] - pad[1], hi[1] + pad[1] * 3), padding=0)  # room for labels

    def render(self, trace) -> None:
        self.trace = trace
        if self.info is None:
            return
        a = self.appearance
        ids = [int(i) for i in dict.fromkeys(trace.token_ids.tolist())]  # unique, in order
        pos = self.info.pca[ids]
        brushes = [pg.mkBrush(a.category(j, alpha=1.0)) for j in range(len(ids))]
        self.prompt_points.setData(pos=pos, data=np.array(ids), brush=brushes, pen=pg.mkPen(a.color("fg"), width=1))
        self.label_ids = ids
        self._place_labels()
        set_title(self.plot, tr("All {0} token vectors, flattened to 2D").format(f"{len(self.info.pca):,}"), a)
        self.caption.setText(tr("Grey dots: every token in the vocabulary. Coloured: the {0} of your text, "
                                     "labelled where the labels do not overlap (hover a dot for its token). "
                                     "Click any dot to see its nearest neighbours.").format(
            count(len(ids), tr("different token"), tr("different tokens"))))
        if self.selected < 0 or self.selected not in ids:
            self.select_token(int(trace.token_ids[-1]))
        else:
            self.select_token(self.selected)

    def _place_labels(self) -> None:
        """Label the prompt's tokens where a label overlaps no other: the selected token first, then in
        the order of the text. Near the right edge a label goes to the left of its dot."""
        if self.info is None or self.trace is None:
            return
        a = self.appearance
        ids = list(self.label_ids)
        order = sorted(range(len(ids)), key=lambda j: ids[j] != self.selected)  # the selected token first
        vb = self.plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        w_px, h_px = max(1.0, vb.width()), max(1.0, vb.height())
        fm = QFontMetrics(a.font(0.95, bold=True))
        placed: list[QRectF] = []
        shown: dict[int, QRectF] = {}
        for j in order[:N_LABELS]:
            text = visible(self.info.labels[ids[j]], 16)
            x, y = self.info.pca[ids[j]]
            px, py = (x - x0) / (x1 - x0) * w_px, (y1 - y) / (y1 - y0) * h_px  # pixels, y down
            tw, th = fm.horizontalAdvance(text) + 4, fm.height()
            left = px + 3 if px + 3 + tw <= w_px else px - 3 - tw
            rect = QRectF(left, py - th, tw, th)
            if left < 0 or rect.top() < 0 or any(rect.intersects(r) for r in placed):
                continue
            placed.append(rect)
            shown[j] = rect
        self.label_rects = list(shown.values())
        for k, item in enumerate(self.labels):
            j = order[k] if k < len(order) else -1
            if j in shown:
                rect = shown[j]
                item.setText(visible(self.info.labels[ids[j]], 16), color=a.hex("fg"))
                item.setFont(a.font(0.95, bold=True))
                x, y = self.info.pca[ids[j]]
                item.setAnchor((0, 1) if rect.left() >= (x - x0) / (x1 - x0) * w_px else (1, 1))
                item.setPos(float(x), float(y))
            else:
                item.setText("")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.trace is not None:
            QTimer.singleShot(0, self._place_labels_later)

    def _place_labels_later(self) -> None:
        try:
            self._place_labels()
        except RuntimeError:  # closed meanwhile
            pass

    def select_token(self, token: int) -> None:
        if self.info is None:
            return
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
            self._place_labels()  # the selected token's label comes first
        self.neighbour_title.setText(tr("Nearest neighbours of “{0}”").format(label))
        vec = self.info.embeddings[token][None, :]
        m = float(np.abs(vec).max()) or 1.0
        self.strip.setImage(vec, levels=(-m, m), lut=a.diverging().getLookupTable(nPts=256))
        self.strip.setRect(0, 0, vec.shape[1], 1)
        self.strip_plot.getViewBox().setRange(xRange=(0, vec.shape[1]), yRange=(0, 1), padding=0)
        set_title(self.strip_plot,
                  tr("“{0}” (id {1}): blue negative, gold positive, ±{2}").format(label, token, f"{m:.2f}"), a)

    def _tip(self, x, y, data) -> str:
        if self.info is None:
            return ""
        return tr("“{0}” (id {1})").format(visible(self.info.labels[int(data)], 24), int(data))

    def _point_clicked(self, _item, points, *_) -> None:
        if len(points):
            self.select_token(int(points[0].data()))

    def apply_appearance(self) -> None:
        self.neighbours.setMinimumWidth(int(250 * self.appearance.scale))
        style_plot(self.plot, self.appearance)
        style_plot(self.strip_plot, self.appearance)
        if self.info is not None:
            self.set_model(self.info)
        super().apply_appearance()

    def tables(self):
        return {"nearest neighbours": self.neighbours}

    def plots(self):
        return {QT_TR_NOOP("embedding map"): self.plot, QT_TR_NOOP("vector strip"): self.strip_plot}


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(EmbeddingsPanel))
