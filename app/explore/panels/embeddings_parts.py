"""The embeddings stage's parts beside the map, built once: the vector strip, the neighbours table, the layout."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableWidget, QVBoxLayout, QWidget

from app.i18n import tr

from ...common.focus import RING_WIDTH
from ...common.plots import image_item, make_plot


def vector_strip(appearance):
    """A one-row image plot for a vector, one cell per dimension: (plot, image item)."""
    plot = make_plot(appearance, invert_y=True)
    plot.setMaximumHeight(130)
    plot.getViewBox().setMouseEnabled(x=False, y=False)
    image = image_item()
    plot.addItem(image)
    plot.getPlotItem().getAxis("left").setTicks([[], []])
    plot.getPlotItem().getAxis("bottom").setLabel(tr("dimension"))
    return plot, image


class LeftTitle:
    """The map's vertical axis title, never cut: the first of its wordings that fits the axis's height (presentation
    fonts at 1024x640 cut "principal component 2 (5%)" at both ends), and the plot's contents kept clear of the
    keyboard's focus ring, which covered the title's first 3 pixels."""

    def __init__(self, plot):
        self.axis, self.wordings = plot.getPlotItem().getAxis("left"), [""]
        plot.getPlotItem().setContentsMargins(RING_WIDTH + 1, 0, 0, 0)  # the side the title is on
        plot.getPlotItem().getViewBox().sigResized.connect(self.fit)

    def set(self, share: str) -> None:
        """`share`: the component's share of the variance, as shown ("5%")."""
        self.wordings = [tr("principal component 2 ({0})").format(share), tr("component 2 ({0})").format(share),
                         tr("PC 2 ({0})").format(share), tr("PC 2")]
        self.fit()

    def fit(self, *_) -> None:
        metrics, room = QFontMetrics(self.axis.label.font()), self.axis.height() - 4
        text = next((t for t in self.wordings if metrics.horizontalAdvance(t) <= room), self.wordings[-1])
        if self.axis.labelText != text:
            self.axis.setLabel(text)


def neighbour_table() -> QTableWidget:
    table = QTableWidget(0, 3)
    table.setHorizontalHeaderLabels([tr("neighbour"), tr("similarity"), tr("id")])
    table.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def side_by_side(owner: QWidget, left: list, right: list) -> None:
    """Two columns of (widget, stretch) under `owner`, the left three times as wide, a splitter between."""
    split = QSplitter(Qt.Horizontal)
    for stretch, parts in ((3, left), (1, right)):
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, grow in parts:
            layout.addWidget(widget, grow)
        split.addWidget(column)
        split.setStretchFactor(split.count() - 1, stretch)
    QVBoxLayout(owner).addWidget(split)
