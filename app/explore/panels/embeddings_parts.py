"""The embeddings stage's parts beside the map, built once: the vector strip, the neighbours table, the layout."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableWidget, QVBoxLayout, QWidget

from app.i18n import tr

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
