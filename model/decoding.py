"""Autoregressive decoding: shaping the next-token distribution, sampling, and a KV-cached stepper."""
from __future__ import annotations

import numpy as np
import torch

from .masking import refuse_masked
from .messages import QT_TR_NOOP, Message
from .trace import StepTrace
from .tracing import logit_lens, to_numpy
from .transformer import Transformer

GREEDY_BELOW = 1e-4  # temperatures below this are treated as 0: always the most likely token


def shape_distribution(logits, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0):
    """Apply temperature, then top-k, then top-p to logits [V].

    Returns (probs [V] float64 summing to 1 over the kept tokens, kept [V] bool).
    Temperature 0 is greedy: all probability on the argmax (the lowest id among ties).
    top_k <= 0 or >= V keeps every token; top_p >= 1 keeps every token.
    """
    z = np.asarray(logits, dtype=np.float64)
    v = z.shape[-1]
    kept = np.zeros(v, dtype=bool)
    if temperature < GREEDY_BELOW:
        kept[int(np.argmax(z))] = True
        return kept.astype(np.float64), kept
    z = (z - z.max()) / temperature  # subtract the max first so exp never overflows
    probs = np.exp(z)
    probs /= probs.sum()
    order = np.argsort(-probs, kind="stable")  # most likely first; ties by lower id
    n_keep = v
    if 0 < top_k < v:
        n_keep = top_k
    if top_p < 1.0:
        cumulative = np.cumsum(probs[order])
        # the smallest set of top tokens whose total probability reaches top_p (at least one)
        n_keep = min(n_keep, int(np.searchsorted(cumulative, top_p, side="left")) + 1)
    kept[order[:n_keep]] = True
    shaped = np.where(kept, probs, 0.0)
    return shaped / shaped.sum(), kept


def sample_from(probs: np.ndarray, rng: np.random.Generator) -> int:
    return int(rng.choice(probs.shape[0], p=probs))


class Decoder:
    """Generate one token at a time, keeping keys and values of the context (a KV cache).

    `step(token)` appends one token and returns its StepTrace. When the context is full the
    oldest token is dropped and the cache is rebuilt for the shorter window (positions restart).
    `ablation` (model.ablation) switches heads or MLPs off in every step, the prefill included.
    """

    def __init__(self, model: Transformer, ids: list[int], lens_k: int = 5, ablation=None):
        if not ids:
            raise ValueError(Message(QT_TR_NOOP("decoding needs at least one token of prompt")))
        refuse_masked(model.config)  # NotCausalError: a masked-LM model cannot continue text
        if ablation:
            ablation.check(model.config.n_layer, model.config.n_head)
        self.model, self.lens_k, self.ablation = model, lens_k, ablation or None
        self.ids: list[int] = []
        self.window_start = 0  # index into ids of the first token inside the cache
        self.cache = None
        self.logits: torch.Tensor | None = None
        self._prefill(list(ids))

    @torch.no_grad()
    def _prefill(self, ids: list[int]) -> None:
        context = self.model.config.context_length
        self.ids = ids
        self.window_start = max(0, len(ids) - context)
        if self.model.training:  # eval() walks every submodule; the explorer's model is already in eval mode
            self.model.eval()
        window = torch.tensor([ids[self.window_start :]], dtype=torch.long, device=self.model.device)
        run = self.model.run_explicit(window, ablation=self.ablation)
        self.cache = run["present"]
        self.logits = self.model.unembed(run["residual"][0, -1:])[0].float()

    @property
    def next_token_probs(self) -> np.ndarray:
        return to_numpy(torch.softmax(self.logits, dim=-1))

    def choose(self, temperature: float, top_k: int, top_p: float, rng: np.random.Generator) -> int:
        """Pick the next token from the current distribution (greedy at temperature 0)."""
        probs, _ = shape_distribution(to_numpy(self.logits), temperature, top_k, top_p)
        return sample_from(probs, rng)

    @torch.no_grad()
    def step(self, token_id: int) -> StepTrace:
        """Append `token_id` (sampled by `choose`, or forced: any token the user picks)."""
        context = self.model.config.context_length
        cached = self.cache[0][0].shape[2]
        if cached >= context:  # full: slide the window by rebuilding the cache without the oldest token
            self._prefill(self.ids + [int(token_id)])
            # attention for the new token comes from re-running only it on the rebuilt prefix
            return self._step_from_prefill()
        idx = torch.tensor([[int(token_id)]], dtype=torch.long, device=self.model.device)
        run = self.model.run_explicit(idx, start=cached, past=self.cache, ablation=self.ablation)
        self.cache = run["present"]
        self.ids.append(int(token_id))
        return self._finish(run, int(token_id), cached)

    @torch.no_grad()
    def _step_from_prefill(self) -> StepTrace:
        # Re-run the last token against the cache of the tokens before it in the new window.
        last = self.ids[-1]
        prefix = [(k[:, :, :-1], v[:, :, :-1]) for k, v in self.cache]
        position = prefix[0][0].shape[2]
        idx = torch.tensor([[last]], dtype=torch.long, device=self.model.device)
        run = self.model.run_explicit(idx, start=position, past=prefix, ablation=self.ablation)
        return self._finish(run, last, position)

    def _finish(self, run: dict, token_id: int, position: int) -> StepTrace:
        self.logits = self.model.unembed(run["residual"][0, -1:])[0].float()
        attention = torch.stack([rec["attn_probs"][0, :, -1, :] for rec in run["layers"]])  # (L, H, T)
        residuals = torch.stack([rec["resid_post"][0, -1:] for rec in run["layers"]])  # (L, 1, C)
        lens_ids, lens_probs = logit_lens(self.model, residuals, self.lens_k)
        return StepTrace(
            token_id=token_id,
            position=position,
            attention=to_numpy(attention),
            final_logits=to_numpy(self.logits),
            next_token_probs=self.next_token_probs,
            lens_top_ids=lens_ids[:, 0],
            lens_top_probs=lens_probs[:, 0],
        )

    def undo(self) -> None:
        """Remove the last token (the prompt's own tokens can be removed too, down to one)."""
        if len(self.ids) <= 1:
            raise ValueError(Message(QT_TR_NOOP("nothing to undo: one token must remain")))
        ids = self.ids[:-1]
        if self.window_start == 0 and len(ids) < self.model.config.context_length:
            with torch.no_grad():
                self.cache = [(k[:, :, :-1], v[:, :, :-1]) for k, v in self.cache]
                # the logits after the new last token: recompute that one position on the shorter cache
                prefix = [(k[:, :, :-1], v[:, :, :-1]) for k, v in self.cache]
                idx = torch.tensor([[ids[-1]]], dtype=torch.long, device=self.model.device)
                run = self.model.run_explicit(idx, start=len(ids) - 1, past=prefix, ablation=self.ablation)
                self.logits = self.model.unembed(run["residual"][0, -1:])[0].float()
            self.ids = ids
        else:
            self._prefill(ids)


def generate(
    model: Transformer,
    tokenizer,
    prompt: str,
    max_new_tokens: int = 200,
    temperature: float = 0.8,
    top_k: int = 0,
    top_p: float = 0.95,
    seed: int = 0,
    ablation=None,
) -> str:
    """Continue `prompt` and return only the new text (with `ablation`'s parts switched off, if given)."""
    ids = tokenizer.encode(prompt) or tokenizer.encode("\n")
    ids = ids[-model.config.context_length :]
    rng = np.random.default_rng(seed)
    decoder = Decoder(model, ids, lens_k=1, ablation=ablation)
    new: list[int] = []
    for _ in range(max_new_tokens):
        token = decoder.choose(temperature, top_k, top_p, rng)
        new.append(token)
        decoder.step(token)
    return tokenizer.decode(new)
