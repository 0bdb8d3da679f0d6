"""What one traced forward pass (or one decoding step) hands to the GUI.

Every array is a detached CPU numpy array. Shapes use T = tokens in the window, C = d_model,
H = heads, D = d_head, M = d_mlp, L = layers, V = vocabulary, K = top-k of the logit lens.
tests/test_trace.py pins these names and shapes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class LayerTrace:
    """One pre-LayerNorm block, in the order it computes: x -> LN1 -> attention (per head, then W_O) -> +x
    -> LN2 -> MLP (widen, GELU, narrow) -> +."""

    ln1_out: np.ndarray  # [T, C] float32, layer norm 1 of the residual stream entering the block
    attn_scores: np.ndarray  # [H, T, T] float32, q.k/sqrt(D) before softmax; -inf where the causal mask hides a key
    attn_probs: np.ndarray  # [H, T, T] float32, softmax of the scores; rows sum to 1, zero above the diagonal
    queries: np.ndarray  # [H, T, D] float32 (after RoPE, when the model uses it)
    keys: np.ndarray  # [H, T, D] float32 (after RoPE, when the model uses it)
    values: np.ndarray  # [H, T, D] float32
    head_outputs: np.ndarray  # [H, T, D] float32, attn_probs @ values per head, before W_O (zero when ablated)
    attn_out: np.ndarray  # [T, C] float32, the attention sub-layer's output (heads joined, then W_O and its bias)
    resid_mid: np.ndarray  # [T, C] float32, residual stream after the attention sub-layer
    ln2_out: np.ndarray  # [T, C] float32, layer norm 2 of resid_mid (the MLP's input)
    mlp_pre: np.ndarray  # [T, M] float32, the widened vector before GELU (ln2_out @ W_in + b_in)
    mlp_hidden: np.ndarray  # [T, M] float32, MLP activations after GELU
    mlp_out: np.ndarray  # [T, C] float32, the MLP's output (narrowed; zero when ablated), added to resid_mid
    resid_post: np.ndarray  # [T, C] float32, residual stream after the MLP sub-layer (the block's output)


@dataclass
class Trace:
    text: str  # the text that was traced (the window, when the prompt was longer than the context)
    token_ids: np.ndarray  # [T] int64
    token_strs: list[str]  # T readable token labels (see model.tokenizer.display_token)
    char_spans: np.ndarray  # [T, 2] int64, [start, end) character offsets of each token in `text`
    byte_spans: np.ndarray  # [T, 2] int64, [start, end) byte offsets of each token in text's UTF-8
    positions: np.ndarray  # [T] int64, the position index each token was given
    token_embeddings: np.ndarray  # [T, C] float32
    positional_vectors: np.ndarray  # [T, C] float32, added to the token vectors (zeros for RoPE)
    block_input: np.ndarray  # [T, C] float32, token_embeddings + positional_vectors
    layers: list[LayerTrace]  # L entries
    # Logit lens: top-K tokens from each layer's residual, at every position ([L, T, K]), or at
    # the last position only ([L, 1, K], the explorer's live trace): index [:, -1] works for both.
    lens_top_ids: np.ndarray  # [L, T or 1, K] int64
    lens_top_probs: np.ndarray  # [L, T or 1, K] float32, their probabilities
    final_logits: np.ndarray  # [V] float32, logits for the token after the last one
    next_token_probs: np.ndarray  # [V] float32, softmax(final_logits)
    rope_angles: np.ndarray | None = None  # [T, D/2] float32, rotation angle (radians) per position and pair
    truncated_chars: int = 0  # characters dropped from the front of the prompt to fit the context
    # "causal": each position saw only itself and those before it (attn -inf above the diagonal) and
    # final_logits predict the next token; "masked": every position saw every other (a full square) and
    # the logits at a [MASK] position guess the hidden token (model.masking)
    objective: str = "causal"

    @property
    def n_tokens(self) -> int:
        return int(self.token_ids.shape[0])

    def to_npz_dict(self) -> dict[str, np.ndarray]:
        """Flat arrays for numpy.savez (the GUI's 'export trace')."""
        out = {
            "token_ids": self.token_ids,
            "token_strs": np.array(self.token_strs, dtype=str),
            "char_spans": self.char_spans,
            "byte_spans": self.byte_spans,
            "positions": self.positions,
            "token_embeddings": self.token_embeddings,
            "positional_vectors": self.positional_vectors,
            "block_input": self.block_input,
            "lens_top_ids": self.lens_top_ids,
            "lens_top_probs": self.lens_top_probs,
            "final_logits": self.final_logits,
            "next_token_probs": self.next_token_probs,
        }
        if self.rope_angles is not None:
            out["rope_angles"] = self.rope_angles
        for i, layer in enumerate(self.layers):
            for name, value in vars(layer).items():
                out[f"layer{i}.{name}"] = value
        return out


@dataclass
class StepTrace:
    """One decoding step: the newest token looked at the context and proposed the next one."""

    token_id: int  # the token fed in at this step
    position: int  # its position index
    attention: np.ndarray  # [L, H, T] float32, the new token's attention over all T tokens so far (itself last)
    final_logits: np.ndarray  # [V] float32
    next_token_probs: np.ndarray  # [V] float32
    lens_top_ids: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.int64))  # [L, K]
    lens_top_probs: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), np.float32))  # [L, K]
