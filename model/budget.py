"""What a training run needs: memory for a step, disk for a checkpoint. Floors for refusing what
cannot fit, not budgets."""
from __future__ import annotations

import torch

from .config import ModelConfig, parameter_count
from .tokenizer import TextTokenizer


def estimate_training_bytes(config: ModelConfig, batch_size: int) -> int:
    """About how much memory one training step takes, in float32: weights, gradients and AdamW's two
    moments (16 bytes a parameter), plus the activations kept for the backward pass (each block's
    inputs, attention projections and MLP, and the logits over the vocabulary). Attention itself is
    fused, so it adds no context x context term. A floor for refusing what cannot fit, not a budget."""
    parameters = parameter_count(config)["total"]
    tokens = batch_size * config.context_length
    per_token = config.n_layer * (10 * config.d_model + 2 * config.d_mlp) + 3 * config.vocab_size + 4 * config.d_model
    return 16 * parameters + 4 * tokens * per_token


def checkpoint_bytes(model: torch.nn.Module, tokenizer: TextTokenizer) -> int:
    """About how much disk a checkpoint takes: float32 weights, AdamW's two moments, the tokenizer.
    A save builds the new folder beside the old one, so this much must be free each time."""
    parameters = sum(p.numel() for p in model.parameters())
    return parameters * 4 * 3 + len(tokenizer.to_str().encode()) + 64 * 1024
