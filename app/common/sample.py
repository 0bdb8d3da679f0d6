"""A model and a trace to look at panels alone (`python -m app.panels.attention`) and in tests."""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path

from model.paths import default_model_dir

SAMPLE_TEXT = (
    "To be, or not to be, that is the question: Whether 'tis nobler in the mind to suffer "
    "the slings and arrows of outrageous fortune, or to take arms against a sea of troubles."
)


@lru_cache(maxsize=1)
def tiny_model_dir() -> str:
    """A tiny random model (2 layers, 2 heads, d_model 16) saved to a temporary folder."""
    import torch

    from model import ModelConfig, TextTokenizer, Transformer, save_model

    torch.manual_seed(0)
    tok = TextTokenizer.train("bpe", [SAMPLE_TEXT * 4, "hello world, the cat sat on the mat."], 300)
    cfg = ModelConfig(vocab_size=tok.vocab_size, context_length=32, n_layer=2, n_head=2, d_model=16, d_mlp=32)
    folder = Path(tempfile.mkdtemp(prefix="lm-anatomy-tiny-")) / "tiny"
    save_model(folder, Transformer(cfg), tok, {})
    return str(folder)


def sample_engine(folder: str | None = None):
    """An Engine with a model loaded: LM_ANATOMY_MODEL, the shipped model, or a tiny random one."""
    from ..explore.engine import Engine

    folder = folder or os.environ.get("LM_ANATOMY_MODEL")
    if folder is None:
        folder = str(default_model_dir()) if default_model_dir().exists() else tiny_model_dir()
    engine = Engine()
    engine.load(folder)
    return engine


def preview(panel_factory, text: str = SAMPLE_TEXT) -> int:
    """Open one panel on a sample trace (the `python -m app.panels.<name>` entry)."""
    import sys

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    engine = sample_engine()
    info = engine.info()
    result = engine.trace(text)
    panel = panel_factory()
    panel.set_model(info)
    panel.render(result.trace)
    panel.resize(1100, 750)
    panel.show()
    return app.exec()
