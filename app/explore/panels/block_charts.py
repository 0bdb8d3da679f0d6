"""The Inside-a-block stage's small charts: the GELU curve with this token's pre-activations on it,
the most active neurons, and the residual stream's size layer by layer."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QToolTip

from app.i18n import tr

from ...common.appearance import OKABE_ITO
from ...common.plots import rgba
from .block_steps import gelu
from .block_text import Painted


class GeluPlot(Painted):
    """GELU's curve, and this token's M pre-activations as dots on it (x: before, y: after GELU).
    The most active neurons' dots are larger and orange."""

    def __init__(self, appearance, parent=None):
        super().__init__(appearance, parent)
        self.approximation = "none"
        self.dots_x = self.dots_y = np.zeros(0, np.float32)
        self.top: np.ndarray = np.zeros(0, np.int64)
        self.refit()

    def wanted_height(self) -> int:
        return int(210 * self.appearance.scale ** 0.8)

    def set_dots(self, pre: np.ndarray, post: np.ndarray, top: np.ndarray, approximation: str) -> None:
        self.dots_x, self.dots_y, self.top, self.approximation = pre, post, top, approximation
        self.update()

    def x_range(self) -> tuple[float, float]:
        lo, hi = (float(self.dots_x.min()), float(self.dots_x.max())) if self.dots_x.size else (0.0, 0.0)
        return min(-4.0, lo - 0.3), max(3.0, hi + 0.3)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        a, fm = self.appearance, self.font_metrics(0.85)
        p.setFont(a.font(0.85))
        x_lo, x_hi = self.x_range()
        xs = np.linspace(x_lo, x_hi, 300)
        ys = gelu(xs, self.approximation)
        y_lo, y_hi = min(-0.5, float(ys.min())), float(ys.max()) * 1.05
        box = QRectF(fm.horizontalAdvance("−0.0") + 10, 6, self.width() - fm.horizontalAdvance("−0.0") - 18,
                     self.height() - fm.height() - 14)
        to_px = lambda x, y: QPointF(box.left() + (x - x_lo) / (x_hi - x_lo) * box.width(),  # noqa: E731
                                     box.bottom() - (y - y_lo) / (y_hi - y_lo) * box.height())
        p.fillRect(box, a.color("bg"))
        p.setPen(QPen(a.color("grid"), 1))
        p.drawLine(to_px(x_lo, 0), to_px(x_hi, 0))
        p.drawLine(to_px(0, y_lo), to_px(0, y_hi))
        p.setPen(a.color("muted"))
        for t in range(int(np.ceil(x_lo)), int(np.floor(x_hi)) + 1, max(1, int((x_hi - x_lo) // 8) or 1)):
            pt = to_px(t, y_lo)
            p.drawText(QRectF(pt.x() - 20, box.bottom() + 2, 40, fm.height()), Qt.AlignCenter, f"{t:g}")
        for t in range(0, int(np.floor(y_hi)) + 1, max(1, int(y_hi // 4) or 1)):
            pt = to_px(x_lo, t)
            p.drawText(QRectF(0, pt.y() - fm.height() / 2, box.left() - 4, fm.height()), Qt.AlignRight, f"{t:g}")
        path = QPainterPath(to_px(xs[0], ys[0]))
        for x, y in zip(xs[1:], ys[1:]):
            path.lineTo(to_px(x, y))
        p.setPen(QPen(a.color("fg"), a.line_width))
        p.drawPath(path)
        dot = QColor(a.color("accent"))
        dot.setAlpha(150)
        p.setPen(Qt.NoPen)
        p.setBrush(dot)
        r = 2.5 * a.scale ** 0.7
        for x, y in zip(self.dots_x, self.dots_y):
            p.drawEllipse(to_px(float(x), float(y)), r, r)
        p.setBrush(QColor(a.hex("generated")))
        for i in self.top:
            p.drawEllipse(to_px(float(self.dots_x[i]), float(self.dots_y[i])), 2 * r, 2 * r)
        p.end()


class NeuronList(Painted):
    """The most active neurons after GELU: their number, the value going in and coming out."""

    def __init__(self, appearance, parent=None):
        super().__init__(appearance, parent)
        self.setMinimumWidth(120)
        self.rows: list[tuple[int, float, float]] = []  # (neuron, before GELU, after GELU)
        self.refit()

    def wanted_height(self) -> int:
        return int(210 * self.appearance.scale ** 0.8)

    def set_neurons(self, top: np.ndarray, pre: np.ndarray, post: np.ndarray) -> None:
        self.rows = [(int(i), float(pre[i]), float(post[i])) for i in top]
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        a, fm = self.appearance, self.font_metrics(0.9)
        line = fm.height() + 3
        p.setFont(a.font(0.9, bold=True))
        p.setPen(a.color("fg"))
        p.drawText(QRectF(4, 2, self.width() - 8, line), Qt.AlignLeft, tr("neuron: in → out"))
        p.setFont(a.font(0.9, mono=True))
        top = max((post for _, _, post in self.rows), default=1.0) or 1.0
        for k, (i, pre, post) in enumerate(self.rows):
            y = 2 + (k + 1) * line
            if y + line > self.height():
                break
            dot = line / 2 - 3  # the orange of the dots on the curve
            p.fillRect(QRectF(4, y + 2, (self.width() - 8) * max(post, 0) / top, line - 4), a.color("bg"))
            p.setRenderHint(QPainter.Antialiasing)
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(a.hex("generated")))
            p.drawEllipse(QPointF(6 + dot, y + line / 2), dot, dot)
            p.setPen(a.color("fg"))
            p.drawText(QRectF(10 + 2 * dot, y, self.width() - 8, line), Qt.AlignLeft | Qt.AlignVCenter,
                       f"#{i:<5d}{pre:6.2f} → {post:5.2f}")
        p.end()


class LayerChart(Painted):
    """For the chosen token: the residual stream's size entering layer 1 and after each block (the
    line), and the size of what each block's attention and MLP added (the bars). Click a layer to pick it."""

    layer_clicked = Signal(int)

    def __init__(self, appearance, parent=None):
        super().__init__(appearance, parent)
        self.stream = np.zeros(0, np.float32)
        self.attn = self.mlp = np.zeros(0, np.float32)
        self.layer = 0
        self.setCursor(Qt.PointingHandCursor)
        self.refit()

    def wanted_height(self) -> int:
        return int(200 * self.appearance.scale ** 0.8)

    def set_norms(self, stream: np.ndarray, attn: np.ndarray, mlp: np.ndarray, layer: int) -> None:
        self.stream, self.attn, self.mlp, self.layer = stream, attn, mlp, layer
        self.update()

    def plot_rect(self) -> QRectF:
        fm = self.font_metrics(0.85)
        left = fm.horizontalAdvance("000.0") + 10
        return QRectF(left, 8 + fm.height(), self.width() - left - 10, self.height() - 2 * fm.height() - 18)

    def paintEvent(self, event) -> None:
        n = self.attn.size
        if n == 0:
            return
        p = QPainter(self)
        a, fm, box = self.appearance, self.font_metrics(0.85), self.plot_rect()
        p.setFont(a.font(0.85))
        top = float(max(self.stream.max(), self.attn.max(), self.mlp.max())) * 1.1 or 1.0
        slot = box.width() / (n + 1)  # the input, then one slot a layer
        y_of = lambda v: box.bottom() - v / top * box.height()  # noqa: E731
        p.fillRect(box, a.color("bg"))
        p.fillRect(QRectF(box.left() + (self.layer + 1) * slot, box.top(), slot, box.height()), rgba(a.color("grid"), 130))
        attn_c, mlp_c = QColor(OKABE_ITO[4]), QColor(OKABE_ITO[0])
        for i in range(n):
            x = box.left() + (i + 1) * slot
            p.fillRect(QRectF(x + slot * 0.2, y_of(self.attn[i]), slot * 0.28, box.bottom() - y_of(self.attn[i])), attn_c)
            p.fillRect(QRectF(x + slot * 0.52, y_of(self.mlp[i]), slot * 0.28, box.bottom() - y_of(self.mlp[i])), mlp_c)
        p.setPen(a.color("muted"))
        for v in (0.0, top / 2.2, top / 1.1):
            p.drawText(QRectF(0, y_of(v) - fm.height() / 2, box.left() - 4, fm.height()), Qt.AlignRight, f"{v:.1f}")
        labels = [tr("in")] + [tr("L{0}").format(i + 1) for i in range(n)]
        p.setPen(a.color("fg"))
        for i, label in enumerate(labels):
            p.drawText(QRectF(box.left() + i * slot, box.bottom() + 2, slot, fm.height()), Qt.AlignCenter, label)
        p.setRenderHint(QPainter.Antialiasing)
        points = [QPointF(box.left() + (i + 0.5) * slot if i == 0 else box.left() + (i + 1) * slot - 1, y_of(v))
                  for i, v in enumerate(self.stream)]
        p.setPen(QPen(a.color("fg"), a.line_width))
        p.drawPolyline(points)
        p.setBrush(a.color("fg"))
        for pt in points:
            p.drawEllipse(pt, 3, 3)
        legend = [(a.color("fg"), tr("‖residual stream‖ after the block")),
                  (attn_c, tr("‖attention added‖")), (mlp_c, tr("‖MLP added‖"))]
        x = box.left()
        for colour, text in legend:
            p.fillRect(QRectF(x, 4, 12, fm.height() - 4), colour)
            p.setPen(a.color("fg"))
            p.drawText(QRectF(x + 16, 1, fm.horizontalAdvance(text) + 4, fm.height()), Qt.AlignLeft, text)
            x += fm.horizontalAdvance(text) + 34
        p.end()

    def mousePressEvent(self, event) -> None:
        box, n = self.plot_rect(), self.attn.size
        if n:
            slot = int((event.position().x() - box.left()) / (box.width() / (n + 1))) - 1
            if 0 <= slot < n:
                self.layer_clicked.emit(slot)

    def mouseMoveEvent(self, event) -> None:
        box, n = self.plot_rect(), self.attn.size
        slot = int((event.position().x() - box.left()) / (box.width() / (n + 1))) - 1 if n else -2
        if 0 <= slot < n:
            QToolTip.showText(event.globalPosition().toPoint(), tr(
                "layer {0}: attention added {1:.2f}, MLP added {2:.2f}; residual stream {3:.2f} → {4:.2f}").format(
                slot + 1, self.attn[slot], self.mlp[slot], self.stream[slot], self.stream[slot + 1]), self)
