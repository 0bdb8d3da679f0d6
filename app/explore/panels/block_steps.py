"""The numbers of one block, for one token and one head, in the order the block computes them.

Numpy only (no Qt): everything is read from the `Trace` or derived from it in a line or two (the
normalised vector before the learned scale and shift, the raw scores q·k), so the Inside-a-block
stage draws exactly what the traced pass computed. tests/test_block_stage.py recomputes them from
the weights.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

TOP_NEURONS = 8  # the most active MLP neurons listed


def gelu(x: np.ndarray, approximation: str = "none") -> np.ndarray:
    """GELU as the model computes it: x·Φ(x) (exact, with erf) or GPT-2's tanh approximation."""
    x = np.asarray(x, np.float64)
    if approximation == "tanh":
        return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))
    erf = np.vectorize(math.erf, otypes=[np.float64])
    return 0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))


def normalised(x: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm before its learned scale and shift: (x − mean) / √(variance + ε)."""
    x = x.astype(np.float64)
    return ((x - x.mean()) / np.sqrt(x.var() + eps)).astype(np.float32)


@dataclass
class BlockNumbers:
    """Shapes: C = d_model, T = tokens, D = d_head, M = d_mlp, L = layers, H = heads."""

    layer: int
    token: int  # the token followed through the block (its index in the trace)
    head: int
    x_in: np.ndarray  # [C] the residual stream entering the block
    ln1_normalised: np.ndarray  # [C] (x − mean)/√(var + ε), before the learned scale γ and shift β
    ln1_out: np.ndarray  # [C] after γ and β: what the heads read
    query: np.ndarray  # [D] this token's query in the chosen head
    seen: np.ndarray  # [S] indices of the tokens it may see: itself and every earlier one (all, without a mask)
    keys: np.ndarray  # [S, D] their keys
    values: np.ndarray  # [S, D] their values
    raw_scores: np.ndarray  # [T] q·k for every token of the prompt (later ones too: the mask comes next)
    scaled_scores: np.ndarray  # [T] q·k / √D
    masked_scores: np.ndarray  # [T] the same with −∞ for the tokens after this one (from the trace)
    probs: np.ndarray  # [T] softmax of the masked scores: zero after this token, the rest sum to 1
    head_output: np.ndarray  # [D] Σ probs · values, this head's output before W_O
    heads_joined: np.ndarray  # [H·D] every head's output side by side: what W_O reads
    attn_out: np.ndarray  # [C] after W_O and its bias
    resid_mid: np.ndarray  # [C] x + attention
    ln2_normalised: np.ndarray  # [C]
    ln2_out: np.ndarray  # [C]
    mlp_pre: np.ndarray  # [M] the widened vector, before GELU
    mlp_hidden: np.ndarray  # [M] after GELU
    top_neurons: np.ndarray  # [K] indices of the largest activations after GELU, largest first
    mlp_out: np.ndarray  # [C] narrowed back to C
    resid_post: np.ndarray  # [C] the block's output
    stream_norms: np.ndarray  # [L+1] ‖residual‖ for this token entering layer 1, then after each block
    attn_norms: np.ndarray  # [L] ‖what each block's attention added‖ for this token
    mlp_norms: np.ndarray  # [L] ‖what each block's MLP added‖
    silent_heads: list[int]  # heads of this layer whose output is zero for every token (switched off)

    @property
    def x_stats(self) -> tuple[float, float]:
        return float(self.x_in.mean()), float(self.x_in.std())


def block_numbers(trace, layer: int, token: int, head: int, eps: float) -> BlockNumbers:
    """Everything the stage draws for `token` in block `layer`, head `head` (indices clamped into range)."""
    n_layer = len(trace.layers)
    layer = int(np.clip(layer, 0, n_layer - 1))
    token = int(np.clip(token, 0, trace.n_tokens - 1))
    lt = trace.layers[layer]
    head = int(np.clip(head, 0, lt.queries.shape[0] - 1))
    x_in = trace.block_input[token] if layer == 0 else trace.layers[layer - 1].resid_post[token]
    d_head = lt.queries.shape[-1]
    raw = (lt.keys[head] @ lt.queries[head, token]).astype(np.float32)
    seen = np.flatnonzero(np.isfinite(lt.attn_scores[head, token]))  # what the mask leaves
    streams = [trace.block_input[token]] + [lt_.resid_post[token] for lt_ in trace.layers]
    silent = [h for h in range(lt.head_outputs.shape[0]) if not np.any(lt.head_outputs[h])]
    return BlockNumbers(
        layer=layer, token=token, head=head, x_in=x_in,
        ln1_normalised=normalised(x_in, eps), ln1_out=lt.ln1_out[token],
        query=lt.queries[head, token], seen=seen, keys=lt.keys[head, seen], values=lt.values[head, seen],
        raw_scores=raw, scaled_scores=(raw / np.float32(math.sqrt(d_head))).astype(np.float32),
        masked_scores=lt.attn_scores[head, token], probs=lt.attn_probs[head, token],
        head_output=lt.head_outputs[head, token], heads_joined=lt.head_outputs[:, token].reshape(-1),
        attn_out=lt.attn_out[token], resid_mid=lt.resid_mid[token],
        ln2_normalised=normalised(lt.resid_mid[token], eps), ln2_out=lt.ln2_out[token],
        mlp_pre=lt.mlp_pre[token], mlp_hidden=lt.mlp_hidden[token],
        top_neurons=np.argsort(-lt.mlp_hidden[token], kind="stable")[:TOP_NEURONS],
        mlp_out=lt.mlp_out[token], resid_post=lt.resid_post[token],
        stream_norms=np.array([np.linalg.norm(s) for s in streams], np.float32),
        attn_norms=np.array([np.linalg.norm(lt_.attn_out[token]) for lt_ in trace.layers], np.float32),
        mlp_norms=np.array([np.linalg.norm(lt_.mlp_out[token]) for lt_ in trace.layers], np.float32),
        silent_heads=silent,
    )
