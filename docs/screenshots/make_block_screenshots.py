"""The Inside-a-block stage whole (every step, top to bottom, as it scrolls in the window), offscreen:

    python docs/screenshots/make_block_screenshots.py [MODEL_DIR]

block.png: the shipped model (or MODEL_DIR), layer 2, head 1, the last token.
block-gpt2.png: a randomly initialised GPT-2 124M-shaped folder (12 layers x 12 heads, d_model 768, MLP 3,072;
see benchmarks/bench_gpt2.py), written to a temporary folder: real shapes, random weights.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
PROMPT = "ROMEO: But soft, what light through yonder window breaks? It is the east, and Juliet is the"
WIDTH = 1100  # about the stage's width in a 1440-pixel window with the lesson pane open


def shoot(folder: str, out: Path, layer: int) -> None:
    from PySide6.QtWidgets import QApplication

    from app.common.appearance import Appearance
    from app.common.sample import sample_engine
    from app.explore.panels.block import BlockPanel

    app = QApplication.instance() or QApplication([])
    appearance = Appearance()
    appearance.apply_to_app()
    engine = sample_engine(folder)
    panel = BlockPanel(appearance)
    panel.set_model(engine.info())
    panel.resize(WIDTH, 800)
    panel.show()
    panel.select_layer(layer)
    panel.render(engine.trace(PROMPT).trace)
    for _ in range(3):  # the panel takes the height its wrapped captions need at this width
        app.processEvents()
        panel.resize(WIDTH, panel.minimumHeight())
    panel.grab().save(str(out))
    panel.close()
    print(f"wrote {out} ({WIDTH}x{panel.height()})")


def main() -> None:
    model = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "resources" / "models" / "shakespeare-bpe")
    shoot(model, HERE / "block.png", layer=1)
    from bench_gpt2 import SHAPES, write_random_gpt2

    with tempfile.TemporaryDirectory(prefix="block-gpt2-") as tmp:
        folder = Path(tmp) / "gpt2-124M-random"
        write_random_gpt2(folder, SHAPES["124M"])
        shoot(str(folder), HERE / "block-gpt2.png", layer=5)


if __name__ == "__main__":
    main()
