"""Fill the blank: what a masked-LM model and a causal model guess for the same hidden tokens.

The masked model reads the whole window with each blank replaced by [MASK], so it sees both sides.
The causal model has no [MASK]: its guess for position p is its next-token distribution after the
tokens before p (its logits at p - 1), so it reads the left side only, as it does when generating.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from .masking import blank_out

TOP_K = 8


@dataclass
class BlankGuess:
    position: int  # index of the hidden token in the window
    answer: int  # the hidden token's id
    top_ids: np.ndarray  # [K] int64, the most likely tokens, best first
    top_probs: np.ndarray  # [K] float32, their probabilities
    answer_prob: float  # the probability given to the hidden token
    answer_rank: int  # 1 = the model's first guess was right


def _guess(probs: torch.Tensor, position: int, answer: int, k: int) -> BlankGuess:
    top = probs.topk(min(k, probs.numel()))
    return BlankGuess(position, int(answer), top.indices.cpu().numpy().astype(np.int64),
                      top.values.float().cpu().numpy(), float(probs[answer]),
                      int((probs > probs[answer]).sum()) + 1)


@torch.inference_mode()
def masked_guesses(model, ids: list[int], blanks: list[int], mask_id: int, k: int = TOP_K) -> list[BlankGuess]:
    """One forward pass of a masked-LM model over `ids` with every blank hidden: a guess per blank."""
    if model.config.objective != "masked":
        raise ValueError("masked_guesses needs a masked-LM model")
    blanks = sorted(set(int(b) for b in blanks))
    if not blanks:
        return []
    idx = torch.tensor([blank_out(ids, blanks, mask_id)], dtype=torch.long, device=model.device)
    logits, _ = model(idx)  # (1, T, V); no causal mask: every position reads both sides
    probs = torch.softmax(logits[0].float(), dim=-1)
    return [_guess(probs[b], b, ids[b], k) for b in blanks]


@torch.inference_mode()
def causal_guesses(model, ids: list[int], blanks: list[int], k: int = TOP_K) -> list[BlankGuess | None]:
    """A causal model's guess for each blank from the tokens to its left (None for position 0, which
    has nothing to its left). One forward pass: the causal mask keeps every position from the right."""
    if model.config.objective != "causal":
        raise ValueError("causal_guesses needs a causal model")
    blanks = sorted(set(int(b) for b in blanks))
    if not blanks:
        return []
    if blanks[-1] == 0:
        return [None]
    # only the text up to the last blank: under the causal mask what comes after changes nothing before it
    idx = torch.tensor([ids[: blanks[-1]]], dtype=torch.long, device=model.device)
    logits, _ = model(idx)
    probs = {b: torch.softmax(logits[0, b - 1].float(), dim=-1) for b in blanks if b > 0}
    return [_guess(probs[b], b, ids[b], k) if b > 0 else None for b in blanks]
