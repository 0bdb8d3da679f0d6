"""Model overview: this model's actual architecture, drawn from its config, with parameter counts
per part and the work per token. Clicking a part opens its stage; a block's self-attention opens
the Attention stage on that layer, its MLP the same layer's row of the logit lens (what the model
would predict from the residual stream after that block, MLP included)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QVBoxLayout

from app.i18n import QT_TR_NOOP, tr

from .base import Panel, note
from .plot_keys import DiagramKeys


def human(n: float) -> str:
    for unit, size in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if n >= size:
            return f"{n / size:.2f} {unit}"
    return f"{n:.0f}"


class Diagram(QGraphicsView):
    """The architecture, scaled to fit the view.

    Never scrolls: with scroll bars allowed, fitting the scene could make one appear, which shrank
    the viewport, which refitted, which hid it again, forever (the window froze at 100% CPU). The
    scene rectangle is set to the drawn items each time, so an old, larger drawing (before a zoom
    or a font change) does not leave room to scroll either.
    """

    MARGIN = 10

    def __init__(self, on_click, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.Antialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.on_click = on_click

    def fit(self) -> None:
        """Scale the drawing to the viewport; changes only the transform, never the viewport's size."""
        rect = self.scene().itemsBoundingRect().adjusted(-self.MARGIN, -self.MARGIN, self.MARGIN, self.MARGIN)
        self.scene().setSceneRect(rect)
        if not rect.isEmpty():
            self.fitInView(rect, Qt.KeepAspectRatio)

    def mousePressEvent(self, event) -> None:
        item = self.itemAt(event.position().toPoint())
        while item is not None and item.data(0) is None:
            item = item.parentItem()
        if item is not None:
            self.on_click(item.data(0), item.data(1))
        super().mousePressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()


class OverviewPanel(Panel):
    name, title = "overview", QT_TR_NOOP("Model overview")
    # A block's box: (stage, layer index, lens) — the window opens the Attention stage on that layer,
    # with the logit lens row of that layer picked out when lens is True (the MLP boxes).
    layer_requested = Signal(str, int, bool)

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.diagram = Diagram(self.clicked)
        self.diagram_keys = DiagramKeys(self.diagram, self.appearance)  # arrows choose a box, Enter opens it
        self.summary = note("", self.appearance)
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.diagram, 1)
        layout.addWidget(self.summary)
        self.boxes: dict[str, object] = {}

    def set_model(self, info) -> None:
        super().set_model(info)
        self.draw()

    def render(self, trace) -> None:
        self.trace = trace

    def clicked(self, stage: str | None, part=None) -> None:
        """A box was clicked: `part` is (layer, lens) for a block's boxes, None for the others."""
        if not stage:
            return
        if part is not None:
            layer, lens = part
            self.layer_requested.emit(stage, int(layer), bool(lens))
        else:
            self.stage_requested.emit(stage)

    def _box(self, scene, x, y, w, h, title, detail, stage, color_name="panel", tag=None, part=None, tip=None):
        a = self.appearance
        rect = scene.addRect(QRectF(x, y, w, h), QPen(a.color("accent" if stage else "muted"), a.line_width),
                             QBrush(a.color(color_name)))
        rect.setData(0, stage)
        rect.setData(1, part)
        if stage:
            rect.setCursor(Qt.PointingHandCursor)
            rect.setToolTip(tip or tr("Click to open this stage"))
        text = scene.addText("")
        text.setHtml(f"<div style='color:{a.hex('fg')}'><b>{title}</b><br>"
                     f"<span style='color:{a.hex('muted')}'>{detail}</span></div>")
        text.setFont(a.font(1.0))
        text.setParentItem(rect)
        text.setTextWidth(w - 12)
        text.setPos(x + 6, y + 4)
        self.boxes[tag or title] = rect
        return rect

    def _arrow(self, scene, x, y0, y1):
        pen = QPen(self.appearance.color("muted"), self.appearance.line_width)
        scene.addLine(x, y0, x, y1, pen)
        scene.addLine(x - 6, y1 - 8, x, y1, pen)
        scene.addLine(x + 6, y1 - 8, x, y1, pen)

    def draw(self) -> None:
        info = self.info
        scene = self.diagram.scene()
        scene.clear()
        self.boxes.clear()
        if info is None:
            return
        c = info.config
        p = info.params
        n = c["n_layer"]
        fm = QFontMetrics(self.appearance.font(1.0))
        line = fm.height()  # boxes sized to their two lines of text, so fitting the view enlarges the text
        w, h, gap = fm.horizontalAdvance("x") * 92, 2 * line + 16, line
        s = line / 16
        y = 0.0
        self._box(scene, 0, y, w, h, tr("Text → tokens"),
                  tr("{0} tokenizer, vocabulary of {1} tokens; context {2} tokens").format(
                      info.kind, f"{c['vocab_size']:,}", c["context_length"]),
                  "tokens", tag="tokens")
        y += h + gap
        half = (w - gap) / 2
        self._box(scene, 0, y, half, h, tr("Token embedding"),
                  tr("{0} × {1} = {2} parameters").format(f"{c['vocab_size']:,}", c["d_model"],
                                                          f"{p['token_embedding']:,}"), "embeddings", tag="embedding")
        pos_detail = {"learned": tr("learned, {0} × {1} = {2} parameters").format(
                          c["context_length"], c["d_model"], f"{p.get('position_embedding', 0):,}"),
                      "sinusoidal": tr("fixed sine waves, no parameters"),
                      "rope": tr("rotary (RoPE) inside attention, no parameters")}[c["positional"]]
        self._box(scene, half + gap, y, half, h, tr("+ Position"), pos_detail, "positions", tag="position")
        for i in range(n):
            y += h + gap
            self._arrow(scene, w / 2, y - gap, y)
            block = scene.addRect(QRectF(-8 * s, y - 6 * s, w + 16 * s, h + 12 * s),
                                  QPen(self.appearance.color("grid"), 1), QBrush(Qt.NoBrush))
            block.setData(0, None)
            self._box(scene, 0, y, half, h, tr("Block {0} · self-attention").format(i + 1),
                      tr("{0} heads × {1} wide · {2} parameters").format(
                          c["n_head"], c["d_head"], f"{p['attention'] // n:,}"), "attention",
                      tag=f"attention{i}", part=(i, False),
                      tip=tr("Open the Attention stage on layer %n", "", i + 1))
            self._box(scene, half + gap, y, half, h, tr("Block {0} · MLP").format(i + 1),
                      tr("{0} → {1} → {2} · {3} parameters").format(
                          c["d_model"], c["d_mlp"], c["d_model"], f"{p['mlp'] // n:,}"), "attention",
                      tag=f"mlp{i}", part=(i, True),
                      tip=tr("Open the logit lens at layer %n: what the model would predict after this "
                                  "block, its MLP included (Attention stage)", "", i + 1))
        y += h + gap
        self._arrow(scene, w / 2, y - gap, y)
        self._box(scene, 0, y, w, h, tr("Final norm → unembedding → next-token probabilities"),
                  tr("reuses the token embedding (tied): {0} scores, softmax to probabilities · {1} parameters")
                  .format(f"{c['vocab_size']:,}", f"{p['final_norm']:,}"), "output", tag="output")
        self.diagram.fit()
        trained = info.training
        steps = trained.get("steps") or trained.get("step")
        loss = trained.get("val_loss") or trained.get("loss")
        extra = " · " + tr("trained {0} steps").format(steps) if steps else ""
        extra += ", " + tr("loss {0}").format(f"{loss:.3f}") if isinstance(loss, (int, float)) else ""
        self.summary.setText(
            tr("<b>{0}</b>: {1} parameters ({2}) · {3} layers × {4} heads · d_model {5} · about {6}FLOPs per token "
               "at full context · running on {7}{8}.").format(
                info.name, f"{p['total']:,}", human(p["total"]), n, c["n_head"], c["d_model"],
                human(info.flops_per_token), info.device.upper(), extra) + " "
            + tr("Click a box to open its stage: a block's self-attention opens the Attention stage on that "
                      "layer, its MLP the logit lens row for that layer (what the model would predict after the "
                      "block)."))

    def apply_appearance(self) -> None:
        self.diagram.setBackgroundBrush(QBrush(self.appearance.color("bg")))
        self.draw()


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(OverviewPanel))
