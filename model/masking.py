"""The masked-language-model objective (BERT, Devlin et al. 2018): hide some tokens, predict them from
both sides.

Of every position, MASK_FRACTION are chosen. A chosen token is replaced by [MASK] 80% of the time,
by a random ordinary token 10% of the time, and kept as it is 10% of the time (so the model cannot
learn that only [MASK] positions matter). The loss is computed at the chosen positions only: every
other target is IGNORE, which `F.cross_entropy` skips.

Every draw comes from a generator seeded by (seed, step), so a resumed run masks exactly as an
unbroken one would, without any generator state to save.
"""
from __future__ import annotations

import torch

from .messages import QT_TR_NOOP, Message

MASK_FRACTION = 0.15
REPLACE_WITH_MASK, REPLACE_WITH_RANDOM = 0.8, 0.1  # the rest (0.1) keep their token
IGNORE = -100  # F.cross_entropy's default ignore_index
GENERATION_NEEDS_CAUSAL = Message(QT_TR_NOOP(
    "This model was trained to fill in hidden tokens (a masked language model, like BERT): it reads both "
    "sides of a blank, so it never learned to continue text from the left. Generating text needs a causal "
    "model (like GPT); open one such as shakespeare-bpe to generate."))


class NotCausalError(ValueError):
    """Something that only a causal model can do (generate, export as GPT-2) was asked of a masked one."""


def refuse_masked(config, what: str = "") -> None:
    """Raise NotCausalError when `config` (a ModelConfig) is a masked-LM model."""
    if config.objective == "masked":
        raise NotCausalError(Message("{0}: {1}", what, GENERATION_NEEDS_CAUSAL) if what else GENERATION_NEEDS_CAUSAL)


def step_generator(seed: int, step: int) -> torch.Generator:
    """The generator for one step's masking draws: the same (seed, step) always draws the same."""
    return torch.Generator().manual_seed(seed * 1_000_003 + step)


def mask_tokens(ids: torch.Tensor, mask_id: int, vocab_size: int, generator: torch.Generator,
                fraction: float = MASK_FRACTION) -> tuple[torch.Tensor, torch.Tensor]:
    """BERT's corruption of a batch of token ids (B, T): (inputs (B, T), targets (B, T)).

    targets hold the original token at chosen positions and IGNORE elsewhere. Every row gets at least
    one chosen position (a short row could draw none, and a loss over no tokens is undefined).
    Random replacements are ordinary tokens, never [MASK] itself."""
    ids = ids.cpu()
    b, t = ids.shape
    chosen = torch.rand((b, t), generator=generator) < fraction
    fallback = torch.randint(0, t, (b,), generator=generator)  # drawn always, so the stream stays aligned
    empty = ~chosen.any(dim=1)
    chosen[empty, fallback[empty]] = True
    action = torch.rand((b, t), generator=generator)
    random_ids = torch.randint(0, vocab_size - 1, (b, t), generator=generator)
    random_ids = random_ids + (random_ids >= mask_id).long()  # skip the [MASK] id
    inputs = ids.clone()
    to_mask = chosen & (action < REPLACE_WITH_MASK)
    to_random = chosen & (action >= REPLACE_WITH_MASK) & (action < REPLACE_WITH_MASK + REPLACE_WITH_RANDOM)
    inputs[to_mask] = mask_id
    inputs[to_random] = random_ids[to_random]
    targets = torch.where(chosen, ids, torch.full_like(ids, IGNORE))
    return inputs, targets


def training_mask_id(config, tokenizer) -> int | None:
    """The [MASK] id a Trainer corrupts with: None for a causal model; refused when a masked model's
    tokenizer has none."""
    if config.objective != "masked":
        return None
    if tokenizer.mask_id is None:
        raise ValueError("a masked-LM model needs a tokenizer with a [MASK] token (TextTokenizer.with_mask)")
    return tokenizer.mask_id


def objective_batch(x: torch.Tensor, y: torch.Tensor, mask_id: int | None, seed: int, step: int):
    """One step's (inputs, targets). Causal (mask_id None): x and y (x shifted by one) as they are.
    Masked: BERT's corruption of the window x, targets at the chosen positions only, drawn from
    (seed, step). The vocabulary is taken to end at [MASK] (TextTokenizer.with_mask adds it last)."""
    if mask_id is None:
        return x, y
    return mask_tokens(x, mask_id, mask_id + 1, step_generator(seed, step))


def blank_out(ids: list[int], blanks: list[int], mask_id: int) -> list[int]:
    """`ids` with the positions in `blanks` replaced by [MASK] (the explorer's Fill the blank)."""
    hidden = set(int(i) for i in blanks)
    return [mask_id if i in hidden else int(token) for i, token in enumerate(ids)]
