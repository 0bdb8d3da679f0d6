"""Which heads matter here? Switch each attention head off in turn and measure what the prediction loses.

For a prompt, the model (with any parts already switched off, a base `Ablation`) ranks some token
first for the next position. For every head that is still on, `head_importance` switches that head off
as well and records how far the probability of that same token falls. A head whose removal costs the
token a lot is one the prediction leans on; a negative drop means the head was arguing against it.

The L x H ablated copies share everything below the layer of their head, so the scan runs the prompt
once, keeps each block's input, and then, layer by layer, pushes a batch of copies (one per head of that
layer) through the rest of the network: about half the work of L x H full passes, in L batched ones.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from .ablation import NO_ABLATION, Ablation
from .messages import QT_TR_NOOP, Message
from .transformer import Transformer, evaluating

ATTENTION_FLOATS_PER_CHUNK = 24_000_000  # copies per batch are capped so scores stay near 100 MB (GPT-2 at 1024)


@dataclass
class HeadScan:
    """The result of a scan, numbers only (it crosses from the worker to the GUI)."""

    drops: np.ndarray  # [L, H] float32, p(top) with the head on minus p(top) with it off; NaN: already off or not reached
    top_id: int  # the token ranked first with only the base ablation
    top_prob: float  # its probability then
    ablation: Ablation  # the base ablation the scan started from
    complete: bool  # False when it was stopped before the last layer

    def percentage_points(self) -> np.ndarray:
        return self.drops * 100.0

    def colour_range(self) -> float:
        """Half-width of a symmetric colour scale, in percentage points: the largest |drop|, at least 1."""
        points = self.percentage_points()
        finite = points[np.isfinite(points)]
        return max(1.0, float(np.abs(finite).max())) if finite.size else 1.0


def _keep_masks(n_head: int, heads: list[int], base_off: list[int]) -> torch.Tensor:
    """(B, H, 1, 1): row i keeps every head except the base ablation's and heads[i]."""
    keep = torch.ones(len(heads), n_head, 1, 1)
    if base_off:
        keep[:, base_off] = 0.0
    keep[torch.arange(len(heads)), torch.tensor(heads)] = 0.0
    return keep


def chunk_size(config, n_tokens: int) -> int:
    """How many ablated copies go through the network at once (attention scores dominate memory)."""
    per_copy = config.n_head * n_tokens * n_tokens * 3  # scores, masked scores, probabilities
    return max(1, ATTENTION_FLOATS_PER_CHUNK // per_copy)


@torch.no_grad()
def head_importance(
    model: Transformer,
    ids: list[int],
    ablation: Ablation = NO_ABLATION,
    should_stop: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> HeadScan:
    """Drop of the top token's probability when each head in turn is also switched off.

    `should_stop()` is asked between batches (a stopped scan returns what it has, complete=False);
    `progress(done, total)` counts heads."""
    config = model.config
    n_layer, n_head = config.n_layer, config.n_head
    ablation = ablation or NO_ABLATION
    ablation.check(n_layer, n_head)
    if not ids:
        raise ValueError(Message(QT_TR_NOOP("cannot scan an empty prompt: there is no token to start from")))
    if len(ids) > config.context_length:
        raise ValueError(Message(QT_TR_NOOP("{0} tokens exceed the context length {1}"), len(ids),
                                 config.context_length))
    with evaluating(model):
        return _scan(model, ids, ablation, should_stop, progress)


def _scan(model, ids, ablation, should_stop, progress) -> HeadScan:
    config, device = model.config, model.device
    n_layer, n_head = config.n_layer, config.n_head
    idx = torch.tensor([ids], dtype=torch.long, device=device)
    positions = torch.arange(len(ids), device=device)
    rope = model.rope(positions)

    def off(layer: int):
        return ablation.heads_in(layer), ablation.mlp_off(layer)

    # One pass with the base ablation, keeping each block's input and its heads' outputs.
    x = model.tok_emb(idx) + model.positional_vectors(positions)
    block_inputs, head_outputs = [], []
    for i, block in enumerate(model.blocks):
        block_inputs.append(x)
        x, record, _ = block.explicit(x, rope, None, *off(i))
        head_outputs.append(record["head_outputs"])  # (1, H, T, D), base heads already zero
    probs = torch.softmax(model.unembed(x[:, -1]).float(), dim=-1)[0]  # (V,)
    top_id = int(torch.argmax(probs))
    top_prob = float(probs[top_id])

    drops = np.full((n_layer, n_head), np.nan, np.float32)
    total, done = n_layer * n_head, 0
    per_chunk = chunk_size(config, len(ids))
    stopped = False
    for layer, block in enumerate(model.blocks):
        heads_on = [h for h in range(n_head) if (layer, h) not in ablation.heads]
        for start in range(0, len(heads_on), per_chunk):
            if should_stop():
                stopped = True
                break
            chunk = heads_on[start : start + per_chunk]
            keep = _keep_masks(n_head, chunk, ablation.heads_in(layer)).to(device)
            heads = head_outputs[layer].expand(len(chunk), -1, -1, -1) * keep  # (B, H, T, D)
            mid = block_inputs[layer] + block.attn.merge_heads(heads)  # (B, T, C)
            mlp_out = block.mlp(block.ln2(mid))
            xb = mid if ablation.mlp_off(layer) else mid + mlp_out
            for later in range(layer + 1, n_layer):
                xb, _, _ = model.blocks[later].explicit(xb, rope, None, *off(later))
            p = torch.softmax(model.unembed(xb[:, -1]).float(), dim=-1)[:, top_id]  # (B,)
            drops[layer, chunk] = (top_prob - p).cpu().numpy()
            done += len(chunk)
            progress(done, total)
        if stopped:
            break
        done += n_head - len(heads_on)  # heads already off count as done
        progress(done, total)
    return HeadScan(drops, top_id, top_prob, ablation, complete=not stopped)
