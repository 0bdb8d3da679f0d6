"""LM Anatomy's engine: a traceable small transformer, tokenizers, checkpoints and a trainer.

Plain torch, tokenizers and numpy. This package never imports Qt (tests/test_no_qt.py).
"""
from .checkpoint import CheckpointError, LoadedModel, load_model, save_model
from .config import PRESETS, ModelConfig, parameter_count
from .decoding import Decoder, generate, shape_distribution
from .tokenizer import TextTokenizer, TokenizerError
from .trace import LayerTrace, StepTrace, Trace
from .tracing import trace_text
from .transformer import Transformer

__all__ = [
    "CheckpointError", "Decoder", "LayerTrace", "LoadedModel", "ModelConfig", "PRESETS", "StepTrace",
    "TextTokenizer", "TokenizerError", "Trace", "Transformer", "generate", "load_model",
    "parameter_count", "save_model", "shape_distribution", "trace_text",
]
