"""Every layer x head at once, as ONE image (a mosaic with thin separators): one paint, not L*H.

The image and what is drawn over it live in mosaic coordinates (one unit a cell) inside `canvas`,
which scales them so that one layer or head is one unit of the view: the view's range and its axes
stay the same when the prompt grows by a token, so a keystroke does not lay them out again.

Clicking the mosaic maps the point back to (layer, head): to look at that head, or, in the switching
mode, to switch it off or on. Switched-off heads are veiled and crossed out; after a scan ("Which heads
matter here?") each head's tile is coloured by how much the top token's probability falls without it.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QFontMetrics, QPen
from PySide6.QtWidgets import QGraphicsRectItem

from ...common.appearance import Appearance
from ...common.plots import image_item, make_plot, nan_masked, now_and_after_layout, set_ticks, style_plot
from .ablation_grid import ImportanceLabels, OffCells, importance_tiles
from .mosaic import build_mosaic, cell_at, normalise_rows, separator, separators
from .plot_keys import GridKeys


class AttentionMosaic(pg.QtWidgets.QWidget):
    head_clicked = Signal(int, int)  # look at this head
    head_toggled = Signal(int, int)  # switch this head off (or on again): clicks in the switching mode

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.plot = make_plot(appearance, invert_y=True)
        vb = self.plot.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.setAspectLocked(True)
        self.canvas = pg.ItemGroup()  # mosaic coordinates -> the view's layer and head units
        self.plot.addItem(self.canvas)
        self.image = image_item()
        self.image.setParentItem(self.canvas)
        self.selection = QGraphicsRectItem(self.canvas)
        self.selection.setZValue(10)
        self.off_cells = OffCells(self.canvas)
        self.off_cells.setZValue(9)
        self.importance_labels = ImportanceLabels(self.canvas)
        self._view = None  # (layers, heads) the view's range and layer ticks were set for
        self.switching = False  # clicks switch heads off and on instead of selecting them
        self.heads_off = frozenset()  # (layer, head) pairs switched off
        self.importance = None  # [L, H] percentage points of the last scan, and the half-width of its scale
        self.importance_range = 1.0
        self.mosaic = np.zeros((1, 1), np.float32)
        self.masked = np.zeros((1, 1), bool)
        self.shape = (0, 0, 0, 1)  # L, H, T, sep
        self.selected = (0, 0)
        self.signed = False  # scores: the diverging colour map, as in the large heatmap
        layout = pg.QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.image.mouseClickEvent = self._clicked
        appearance.changed.connect(self.apply_appearance)
        self.apply_appearance()
        self.keys = GridKeys(self)  # arrows move a cursor, Enter or Space clicks there

    def show_heads(self, heads: np.ndarray, normalise: bool = False) -> None:
        """heads [L, H, T, T]: probabilities (0..1), or scores when `normalise` (scaled per head)."""
        self.signed = bool(normalise)
        if normalise:
            heads = np.stack([[normalise_rows(h) for h in layer] for layer in heads])
        n_layer, n_head, t, _ = heads.shape
        sep = separator(t)
        self.shape = (n_layer, n_head, t, sep)
        self.mosaic = build_mosaic(nan_masked(heads), sep)
        self.masked = np.isnan(self.mosaic) & ~separators(self.mosaic.shape, t, sep)  # hidden by the causal mask
        self._paint()
        self.setMinimumWidth(self.minimum_width())
        self.image.setRect(0, 0, self.mosaic.shape[1], self.mosaic.shape[0])
        # A tile and the separator after it are one unit; half a separator of margin on each side
        # centres tile i on i + 0.5.
        self.canvas.setScale(1.0 / (t + sep))
        self.canvas.setPos(sep / 2 / (t + sep), sep / 2 / (t + sep))
        if self._view != (n_layer, n_head):
            self._view = (n_layer, n_head)
            item = self.plot.getPlotItem()
            item.getAxis("left").setTicks([[(l + 0.5, f"L{l + 1}") for l in range(n_layer)], []])
            item.showAxis("top")
            item.getAxis("bottom").setTicks([[], []])
            item.getAxis("bottom").setStyle(showValues=False)
            self.plot.getViewBox().setRange(xRange=(0, n_head), yRange=(0, n_layer), padding=0.01)
        self._head_ticks()
        self.select(*self.selected)
        if self.keys.item.isVisible():  # the keyboard's cursor, in mosaic units: onto its tile at the new size
            self.keys.draw()
        self.off_cells.show_heads(self.heads_off, t, sep)
        self.importance_labels.show(self.importance, t, sep, self.appearance, self._tile_colours())

    def show_ablation(self, heads) -> None:
        """Veil and cross out these (layer, head) cells."""
        self.heads_off = frozenset(heads)
        n_layer, n_head, t, sep = self.shape
        self.off_cells.show_heads([(l, h) for l, h in self.heads_off if l < n_layer and h < n_head], t, sep)

    def show_importance(self, points: np.ndarray | None, half_range: float = 1.0) -> None:
        """Colour each head by its drop in percentage points ([L, H]; None: back to the attention patterns)."""
        self.importance, self.importance_range = points, half_range
        if self.shape[1]:
            self._paint()
            n_layer, n_head, t, sep = self.shape
            self.importance_labels.show(points, t, sep, self.appearance, self._tile_colours())

    def _tile_colours(self):
        if self.importance is None:
            return None
        scaled = (np.clip(self.importance / self.importance_range, -1, 1) + 1) / 2
        return self.appearance.diverging().map(np.nan_to_num(scaled.ravel(), nan=0.5), mode="qcolor")

    def head_labels(self) -> list[str]:
        """The heads' labels on the top axis: "H1".."Hn" when they fit side by side, else "1".."n",
        else every other one; never run together."""
        n_layer, n_head, t, sep = self.shape
        if n_head == 0:
            return []
        fm = QFontMetrics(self.appearance.font(0.9))
        vb = self.plot.getViewBox()
        width = vb.sceneBoundingRect().width() or self.plot.width() * 0.8
        per_head = width / n_head
        for names in ([f"H{h + 1}" for h in range(n_head)], [str(h + 1) for h in range(n_head)]):
            if all(fm.horizontalAdvance(s) + 6 <= per_head for s in names):
                return names
        every = 2
        while every < n_head and fm.horizontalAdvance(str(n_head)) + 6 > per_head * every:
            every += 1
        return [str(h + 1) if h % every == 0 else "" for h in range(n_head)]

    def _head_ticks(self) -> None:
        heads = [(h + 0.5, s) for h, s in enumerate(self.head_labels()) if s]
        set_ticks(self.plot.getPlotItem().getAxis("top"), [heads, []])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.shape[1]:
            now_and_after_layout(self._head_ticks)
            if self.importance is not None:  # numbers that fit the tiles at their new size
                now_and_after_layout(lambda: self.show_importance(self.importance, self.importance_range))

    def minimum_width(self) -> int:
        """Wide enough for every head's "H<n>" label and the layer labels."""
        fm = QFontMetrics(self.appearance.font(0.9))
        n_head = max(1, self.shape[1])
        return n_head * (fm.horizontalAdvance(f"H{n_head}") + 8) + fm.horizontalAdvance("L00") + 24

    def colour(self) -> tuple[np.ndarray, np.ndarray]:
        """The mosaic as 8-bit colour indices and its lookup table (Qt paints those directly):
        0..253 the colour map for weights, 254 grey for masked cells, 255 the background between heads."""
        a = self.appearance
        n_layer, n_head, t, sep = self.shape
        scan = self.importance is not None
        values = importance_tiles(self.importance, self.importance_range, t, sep) if scan else self.mosaic
        missing = np.isnan(values)
        index = (np.clip(np.where(missing, 0.0, values), 0.0, 1.0) * 253 + 0.5).astype(np.uint8)
        index[missing] = 255
        index[(missing & ~separators(values.shape, t, sep)) if scan else self.masked] = 254
        grey, bg = a.color("grid"), a.color("bg")
        cmap = a.diverging() if (self.signed or scan) else a.sequential()
        lut = np.vstack([cmap.getLookupTable(nPts=254, alpha=False),
                         [[grey.red(), grey.green(), grey.blue()], [bg.red(), bg.green(), bg.blue()]]]).astype(np.uint8)
        return index, lut

    def _paint(self) -> None:
        index, lut = self.colour()
        self.image.setImage(index, levels=(0, 255), lut=lut, autoLevels=False)

    def select(self, layer: int, head: int) -> None:
        n_layer, n_head, t, sep = self.shape
        layer, head = min(layer, max(0, n_layer - 1)), min(head, max(0, n_head - 1))
        self.selected = (layer, head)
        pad = sep / 2
        self.selection.setRect(QRectF(head * (t + sep) - pad, layer * (t + sep) - pad, t + 2 * pad, t + 2 * pad))

    def _clicked(self, event) -> None:
        p = event.pos()
        n_layer, n_head, t, sep = self.shape
        cell = cell_at(p.x(), p.y(), t, sep, n_layer, n_head)
        if cell is not None:
            event.accept()
            if self.switching:
                self.head_toggled.emit(*cell)
                return
            self.select(*cell)
            self.head_clicked.emit(*cell)

    def apply_appearance(self) -> None:
        style_plot(self.plot, self.appearance)
        self.plot.getViewBox().setBackgroundColor(self.appearance.color("bg"))
        pen = QPen(self.appearance.color("generated"))
        pen.setWidthF(self.appearance.line_width * 1.5)
        pen.setCosmetic(True)
        self.selection.setPen(pen)
        self.off_cells.apply_appearance(self.appearance)
        if self.mosaic.size > 1:
            self._paint()
            self.setMinimumWidth(self.minimum_width())
            self._head_ticks()
