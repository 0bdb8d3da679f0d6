"""LM Anatomy's engine: a traceable small transformer, tokenizers, checkpoints and a trainer.

Plain torch, tokenizers and numpy. This package never imports Qt (tests/test_no_qt.py).

Importing the package is cheap: it imports none of its modules. `model.config`, `model.paths` and
`model.labelled` import without torch; the rest load torch when they are first imported.
`from model import load_model` still works: the names below are looked up on first use (PEP 562).

Threads: a program that imports the engine from more than one thread calls `import_engine()` on
each of them first. Python locks each module while it runs, so two threads importing torch-using
modules at the same time can each hold a lock the other needs (torch's own package imports its
submodules, which import the package); Python then raises `_DeadlockError` in one of them. That
made the window fail to load its model on most launches while the Pre-train tab measured a step.
`import_engine` imports every torch-using module once, under one lock, so the first import of the
engine happens on one thread at a time.
"""
from __future__ import annotations

import importlib
import threading

# Where each public name lives, for `from model import NAME`.
_EXPORTS = {
    "CheckpointError": "folders", "LoadedModel": "checkpoint", "load_model": "checkpoint",
    "save_model": "checkpoint",
    "PRESETS": "config", "ModelConfig": "config", "parameter_count": "config",
    "Decoder": "decoding", "generate": "decoding", "shape_distribution": "decoding",
    "TextTokenizer": "tokenizer", "TokenizerError": "tokenizer_kinds",
    "LayerTrace": "trace", "StepTrace": "trace", "Trace": "trace",
    "trace_text": "tracing",
    "Transformer": "transformer",
}
__all__ = sorted(_EXPORTS) + ["import_engine"]

# Every module that imports torch (directly or through another), in an order that needs no cycle.
ENGINE_MODULES = ("transformer", "masking", "tokenizer_kinds", "tokenizer", "trace", "tracing", "decoding",
                  "interventions", "folders", "gpt2_format", "checkpoint", "data", "budget", "distributed",
                  "trainer_state", "step", "train", "warm_start", "recipes", "classify", "gpt2", "evaluate",
                  "fill_blank")

_engine_lock = threading.Lock()
_engine_imported = False


def import_engine() -> None:
    """Import torch and every engine module, one thread at a time (see the module's docstring).
    Cheap once done; safe to call from any thread, any number of times."""
    global _engine_imported
    if _engine_imported:
        return
    with _engine_lock:
        if not _engine_imported:
            for name in ENGINE_MODULES:
                importlib.import_module(f"{__name__}.{name}")
            _engine_imported = True


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
