"""Draw LM Anatomy's icon with QPainter and write it in every format the installers need.

    python packaging/make_icons.py      # writes resources/icons/lm-anatomy.{png,ico,icns} and sizes

The icon: three layers of a small network (tokens in, attention, a prediction out) on a deep blue
rounded square; the lines' weights vary, like an attention pattern. Drawn in code so it can be
changed and rebuilt without an image editor.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPen  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.Antialiasing)
    s = size / 512.0
    back = QLinearGradient(0, 0, 0, size)
    back.setColorAt(0, QColor("#1f4e9c"))
    back.setColorAt(1, QColor("#0b2450"))
    p.setBrush(back)
    p.setPen(Qt.NoPen)
    p.drawRoundedRect(QRectF(16 * s, 16 * s, 480 * s, 480 * s), 96 * s, 96 * s)
    layers = [[(112, y) for y in (136, 216, 296, 376)], [(256, y) for y in (176, 256, 336)], [(400, 256)]]
    weights = [[0.9, 0.2, 0.5], [0.3, 1.0, 0.3], [0.6, 0.4, 0.8], [0.2, 0.5, 1.0]]
    for i, (x0, y0) in enumerate(layers[0]):
        for j, (x1, y1) in enumerate(layers[1]):
            w = weights[i][j]
            p.setPen(QPen(QColor(255, 196, 61, int(80 + 175 * w)), max(1.0, (4 + 14 * w) * s), Qt.SolidLine, Qt.RoundCap))
            p.drawLine(QPointF(x0 * s, y0 * s), QPointF(x1 * s, y1 * s))
    for (x0, y0) in layers[1]:
        p.setPen(QPen(QColor(120, 220, 255, 220), max(1.0, 12 * s), Qt.SolidLine, Qt.RoundCap))
        p.drawLine(QPointF(x0 * s, y0 * s), QPointF(400 * s, 256 * s))
    for layer, colour, radius in ((layers[0], "#ffffff", 30), (layers[1], "#ffc43d", 36), (layers[2], "#78dcff", 48)):
        for (x, y) in layer:
            p.setBrush(QColor(colour))
            p.setPen(QPen(QColor("#0b2450"), max(1.0, 6 * s)))
            p.drawEllipse(QPointF(x * s, y * s), radius * s, radius * s)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs it)
    OUT.mkdir(parents=True, exist_ok=True)
    for size in SIZES:
        if not draw(size).save(str(OUT / f"lm-anatomy-{size}.png"), "PNG"):
            raise SystemExit(f"could not write the {size}px icon")
    big = draw(512)
    ok = big.save(str(OUT / "lm-anatomy.png"), "PNG")
    ok &= draw(256).save(str(OUT / "lm-anatomy.ico"), "ICO")
    ok &= big.save(str(OUT / "lm-anatomy.icns"), "ICNS")
    if not ok:
        raise SystemExit("could not write an icon format (Qt's imageformats plugins missing?)")
    print(f"icons written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
