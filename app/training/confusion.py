"""The held-out confusion matrix: a cell a (true, predicted) pair, coloured by the share of the true
label's examples, with the count written in it. Items are built once per label set (`set_labels`),
then `show(matrix)` only sets the image and the texts."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from app.i18n import tr

from ..common.appearance import Appearance
from ..common.plots import image_item, make_plot, set_title, style_plot


class ConfusionView:
    def __init__(self, appearance: Appearance):
        self.appearance = appearance
        self.plot = make_plot(appearance, invert_y=True)
        set_title(self.plot, tr("Confusion matrix (held-out)"), appearance)
        self.plot.setMinimumSize(160, 130)
        self.plot.setLabel("left", tr("true label"))
        self.plot.setLabel("bottom", tr("predicted label"))
        self.image = image_item()
        self.plot.addItem(self.image)
        self.texts: list[pg.TextItem] = []
        self.matrix: np.ndarray | None = None
        self.restyle()

    def restyle(self) -> None:
        style_plot(self.plot, self.appearance)
        self.image.setLookupTable(self.appearance.sequential().getLookupTable(nPts=256))

    def set_labels(self, labels: list[str]) -> None:
        for t in self.texts:
            self.plot.removeItem(t)
        n = len(labels)
        self.texts = []
        for i in range(n):
            for j in range(n):
                t = pg.TextItem("", anchor=(0.5, 0.5))
                t.setPos(j + 0.5, i + 0.5)
                t.setFont(self.appearance.font(1.2, bold=True))
                self.plot.addItem(t)
                self.texts.append(t)
        ticks = [[(i + 0.5, name) for i, name in enumerate(labels)]]
        self.plot.getAxis("left").setTicks(ticks)
        self.plot.getAxis("bottom").setTicks(ticks)
        self.matrix = None
        if n == 0:  # nothing on screen (the run shown was deleted)
            self.image.clear()
            return
        self.image.setImage(np.zeros((n, n)), levels=(0, 1))
        self.plot.setRange(xRange=(0, n), yRange=(0, n), padding=0.05)

    def show(self, matrix: np.ndarray | None) -> None:
        """Counts (L, L): row = true label, column = predicted. None (or the wrong size) leaves it as it is."""
        if matrix is None or len(self.texts) != matrix.size:
            return
        self.matrix = matrix
        share = matrix / np.maximum(1, matrix.sum(1, keepdims=True))  # of each true label's examples
        self.image.setImage(share.astype(np.float32), levels=(0, 1))
        n = matrix.shape[0]
        for i in range(n):
            for j in range(n):
                t = self.texts[i * n + j]
                t.setText(str(int(matrix[i, j])))
                t.setColor("#000000" if share[i, j] > 0.6 else "#ffffff")
