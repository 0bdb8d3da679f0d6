"""Small models and texts built inline for the engine tests (no shipped files needed)."""
from __future__ import annotations

import functools

import torch

from model.config import ModelConfig
from model.tokenizer import TextTokenizer
from model.transformer import Transformer

TEXT = (
    "When shall we three meet again\nIn thunder, lightning, or in rain?\n"
    "When the hurlyburly's done,\nWhen the battle's lost and won.\n"
    "That will be ere the set of sun.\nWhere the place?\nUpon the heath.\n"
)


@functools.lru_cache(maxsize=None)
def tokenizer(kind: str = "bpe") -> TextTokenizer:
    vocab = {"bpe": 300, "char": 300, "word": 60}[kind]
    return TextTokenizer.train(kind, [TEXT * 3], vocab)


def tiny_config(vocab_size: int, positional: str = "learned", **overrides) -> ModelConfig:
    sizes = dict(context_length=32, n_layer=2, n_head=2, d_model=16, d_mlp=32)
    sizes.update(overrides)
    return ModelConfig(vocab_size=vocab_size, positional=positional, **sizes)


def tiny_model(positional: str = "learned", seed: int = 0, vocab_size: int | None = None, **overrides) -> Transformer:
    torch.manual_seed(seed)
    vocab = vocab_size or tokenizer("bpe").vocab_size
    model = Transformer(tiny_config(vocab, positional, **overrides))
    # Random init gives near-uniform attention; larger weights make the tests see real structure.
    with torch.no_grad():
        for p in model.parameters():
            if p.dim() >= 2:
                p.normal_(0, 0.3)
    return model.eval()
