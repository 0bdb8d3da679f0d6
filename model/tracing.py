"""Turn one explicit forward pass into a `Trace` of detached CPU numpy arrays."""
from __future__ import annotations

import numpy as np
import torch

from .messages import QT_TR_NOOP, Message
from .tokenizer import TextTokenizer
from .trace import LayerTrace, Trace
from .transformer import Transformer, evaluating, rope_angles

LENS_TOP_K = 10
_CHARS_PER_TOKEN_BOUND = 32  # generous: longer texts are cut before tokenizing (a 100,000-character paste)


def to_numpy(t: torch.Tensor) -> np.ndarray:
    return t.detach().float().cpu().numpy()


def window_text(tokenizer: TextTokenizer, text: str, context: int):
    """Tokenize `text`, keeping only the last `context` tokens when it is longer.

    Returns (text of the window, ids, char spans, byte spans, number of characters dropped).
    """
    dropped = 0
    limit = context * _CHARS_PER_TOKEN_BOUND
    if len(text) > limit:  # no window of `context` tokens spans more characters than this
        dropped = len(text) - limit
        text = text[dropped:]
    ids, char_spans, byte_spans = tokenizer.encode_with_spans(text)
    if len(ids) > context:
        cut = len(ids) - context
        first_char, first_byte = int(char_spans[cut, 0]), int(byte_spans[cut, 0])
        ids = ids[cut:]
        char_spans = char_spans[cut:] - first_char
        byte_spans = byte_spans[cut:] - first_byte
        text = text[first_char:]
        dropped += first_char
    return text, ids, char_spans, byte_spans, dropped


LENS_CHUNK_FLOATS = 500_000  # logits per chunk (2 MB): cache-sized chunks measured fastest on CPU


def logit_lens(model: Transformer, residuals: torch.Tensor, k: int):
    """Each layer's residual (L, T, C) through the final norm and unembedding: top-k (ids, probs).

    Probabilities are exp(logit - logsumexp) of the top-k only, and the rows go through in chunks
    of at most LENS_CHUNK_FLOATS logits, so memory stays small even for GPT-2's
    50,257-token vocabulary (a full softmax for every layer would take hundreds of MB)."""
    n_layers, t, c = residuals.shape
    rows = residuals.reshape(n_layers * t, c)
    chunk = max(1, LENS_CHUNK_FLOATS // model.config.vocab_size)
    k = min(k, model.config.vocab_size)
    ids, probs = [], []
    for start in range(0, rows.shape[0], chunk):
        logits = model.unembed(rows[start : start + chunk]).float()  # (rows, V)
        top = logits.topk(k, dim=-1)
        ids.append(top.indices)
        probs.append(torch.exp(top.values - torch.logsumexp(logits, dim=-1, keepdim=True)))
    ids_np = torch.cat(ids).reshape(n_layers, t, k).cpu().numpy().astype(np.int64)
    return ids_np, to_numpy(torch.cat(probs).reshape(n_layers, t, k))


class PrefixReuse:
    """The last traced window, kept so that the next trace of tokens that start the same way computes
    only the tokens after the shared part (typing at the end of a prompt changes the last token or two).

    Exact for a causal model: a position's every record (its attention row, its residual stream, its
    keys and values) depends only on the tokens up to it, so the shared prefix's records are the ones
    a full pass would compute again; the new tokens attend to its cached keys and values. The rows
    differ from a full pass only by float rounding (a matrix product of 1 row is summed in another
    order than one of 64): 1.5e-5 at most on the shipped model's attention scores, whose size is about
    10. A masked-LM model sees both sides, so it is traced whole. Kept on the CPU only: on a GPU the
    trace is fast without it, and GPT-2's records at 1,024 tokens would hold over a GB there.
    The arrays of a Trace made with it are read-only: they are the kept records themselves, which the
    next trace reads. One instance per thread that traces (the explorer's engine worker)."""

    def __init__(self):
        self.clear()

    def clear(self) -> None:
        self.key, self.ids, self.run = None, [], None

    @staticmethod
    def _key(model: Transformer, ablation) -> tuple:
        """What the kept records were made with: this model object, on this device, with these parts off."""
        return id(model), str(model.device), ablation or None

    def shared(self, model: Transformer, ids: list[int], ablation) -> int:
        """How many leading tokens of `ids` can be taken from the kept run (0: trace them all)."""
        if self.run is None or self._key(model, ablation) != self.key or model.config.objective != "causal":
            return 0
        n = 0
        for old, new in zip(self.ids, ids):
            if old != new:
                break
            n += 1
        return min(n, len(ids) - 1)  # at least the last token is computed: the lens and logits read it

    def keep(self, model: Transformer, ids: list[int], ablation, run: dict) -> None:
        self.key, self.ids, self.run = self._key(model, ablation), list(ids), run


def _joined(old: dict, new: dict, p: int) -> dict:
    """run_explicit's records for tokens [0, p) from `old` and [p, T) from `new` (computed after them)."""
    def rows(a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:  # (B, T, ...) along T
        return torch.cat((a[:, :p], b), dim=1)

    t = p + new["residual"].shape[1]
    layers = []
    for before, after in zip(old["layers"], new["layers"]):
        record = {}
        for name, value in after.items():
            kept = before[name]
            if name in ("attn_scores", "attn_probs"):  # (B, H, Tq, Tk): the prefix's rows never see the new keys
                hidden = float("-inf") if name == "attn_scores" else 0.0
                top = torch.nn.functional.pad(kept[:, :, :p, :p], (0, t - p), value=hidden)
                record[name] = torch.cat((top, value), dim=2)
            elif value.dim() == 4:  # (B, H, T, D) per head
                record[name] = torch.cat((kept[:, :, :p], value), dim=2)
            else:  # (B, T, C)
                record[name] = rows(kept, value)
        layers.append(record)
    return {
        "positions": torch.arange(t, device=new["positions"].device),
        "token_embeddings": rows(old["token_embeddings"], new["token_embeddings"]),
        "positional_vectors": rows(old["positional_vectors"], new["positional_vectors"]),
        "block_input": rows(old["block_input"], new["block_input"]),
        "layers": layers,
        "present": new["present"],
        "residual": rows(old["residual"], new["residual"]),
    }


def _run(model: Transformer, ids: list[int], ablation, reuse: PrefixReuse | None) -> dict:
    p = reuse.shared(model, ids, ablation) if reuse is not None else 0
    if p:
        kept = reuse.run
        past = [(k[:, :, :p], v[:, :, :p]) for k, v in kept["present"]]
        tail = torch.tensor([ids[p:]], dtype=torch.long, device=model.device)
        run = _joined(kept, model.run_explicit(tail, start=p, past=past, ablation=ablation), p)
    else:
        run = model.run_explicit(torch.tensor([ids], dtype=torch.long, device=model.device), ablation=ablation)
    if reuse is not None:
        if model.device.type == "cpu":
            reuse.keep(model, ids, ablation, run)
        else:
            reuse.clear()
    return run


@torch.inference_mode()  # a little cheaper than no_grad (no version counters); nothing here is trained
def trace_ids(model: Transformer, ids: list[int], lens_k: int = LENS_TOP_K, lens_all_positions: bool = True,
              ablation=None, reuse: PrefixReuse | None = None) -> dict:
    """The numeric part of a trace for token ids (at most the context length).

    lens_all_positions=False reads the logit lens at the last position only ([L, 1, K] instead of
    [L, T, K]): the explorer shows only that one, and the lens at every position costs as much
    as the forward pass itself (T x V logits per layer). `ablation` (model.ablation) switches heads or
    MLPs off for this pass. `reuse` (PrefixReuse) takes the tokens shared with the last trace from it."""
    if not ids:
        raise ValueError(Message(QT_TR_NOOP("cannot trace an empty prompt: there is no token to start from")))
    with evaluating(model):
        run = _run(model, ids, ablation, reuse)
    residuals = torch.stack([rec["resid_post"][0] for rec in run["layers"]])  # (L, T, C)
    if not lens_all_positions:
        residuals = residuals[:, -1:]
    lens_ids, lens_probs = logit_lens(model, residuals, lens_k)
    final_logits = model.unembed(run["residual"][0, -1:])[0].float()  # (V,)
    records = to_numpy
    if reuse is not None and reuse.run is run:  # the arrays are the kept records: a write would reach the next trace
        def records(t: torch.Tensor) -> np.ndarray:
            a = to_numpy(t)
            a.flags.writeable = False
            return a
    layers = [
        LayerTrace(**{name: records(rec[name][0]) for name in LayerTrace.__dataclass_fields__})
        for rec in run["layers"]
    ]
    positions = run["positions"].cpu()
    return dict(
        token_ids=np.asarray(ids, dtype=np.int64),
        positions=positions.numpy().astype(np.int64),
        token_embeddings=records(run["token_embeddings"][0]),
        positional_vectors=records(run["positional_vectors"][0]),
        block_input=records(run["block_input"][0]),
        layers=layers,
        lens_top_ids=lens_ids,
        lens_top_probs=lens_probs,
        final_logits=to_numpy(final_logits),
        next_token_probs=to_numpy(torch.softmax(final_logits, dim=-1)),
        objective=model.config.objective,
        rope_angles=(
            rope_angles(positions, model.config.d_head, model.config.rope_base).numpy()
            if model.config.positional == "rope"
            else None
        ),
    )


def trace_text(model: Transformer, tokenizer: TextTokenizer, text: str, lens_k: int = LENS_TOP_K,
               lens_all_positions: bool = True, ablation=None, reuse: PrefixReuse | None = None) -> Trace:
    """Tokenize `text` (its last context-length tokens) and trace the model on it."""
    window, ids, char_spans, byte_spans, dropped = window_text(tokenizer, text, model.config.context_length)
    numeric = trace_ids(model, ids, lens_k, lens_all_positions, ablation, reuse)
    return Trace(
        text=window,
        token_strs=[tokenizer.label(i) for i in ids],
        char_spans=char_spans,
        byte_spans=byte_spans,
        truncated_chars=dropped,
        **numeric,
    )
