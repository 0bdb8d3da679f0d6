"""A prompt followed by generated token ids, traced as one window (the explorer after decoding steps).

The generated ids are kept exactly (never re-tokenized); their text and character and byte spans are
rebuilt from the tokenizer, so every stage can mark where the model's own tokens begin.
"""
from __future__ import annotations

import numpy as np

PUNCTUATION_NO_SPACE = set(".,;:!?)]}'\n")


def trace_with_extra(loaded, prompt: str, extra_ids: list[int], ablation=None, reuse=None):
    """Trace `prompt` followed by generated token ids (kept exactly, never re-tokenized).

    `ablation` (model.ablation) switches heads or MLPs off; `reuse` (model.tracing.PrefixReuse) computes
    only the tokens after those shared with the last trace. Returns (trace, index of the first generated
    token in the window, or -1).
    """
    from model.trace import Trace
    from model.tracing import trace_ids, trace_text, window_text

    model, tok = loaded.model, loaded.tokenizer
    if not extra_ids:
        return trace_text(model, tok, prompt, lens_all_positions=False, ablation=ablation, reuse=reuse), -1
    context = loaded.config.context_length
    window, ids, char_spans, byte_spans, dropped = window_text(tok, prompt, context)
    gen_text, gen_chars, gen_bytes = _generated_spans(tok, extra_ids, window)
    text = window + gen_text
    ids = list(ids) + list(extra_ids)
    offset_bytes = len(window.encode("utf-8"))
    char_spans = np.concatenate([char_spans.reshape(-1, 2), gen_chars + len(window)])
    byte_spans = np.concatenate([byte_spans.reshape(-1, 2), gen_bytes + offset_bytes])
    first_generated = len(ids) - len(extra_ids)
    if len(ids) > context:
        cut = len(ids) - context
        first_char, first_byte = int(char_spans[cut, 0]), int(byte_spans[cut, 0])
        ids, char_spans, byte_spans = ids[cut:], char_spans[cut:] - first_char, byte_spans[cut:] - first_byte
        text = text[first_char:]
        dropped += first_char
        first_generated = max(0, first_generated - cut)
    numeric = trace_ids(model, ids, lens_all_positions=False, ablation=ablation, reuse=reuse)
    trace = Trace(
        text=text,
        token_strs=[tok.label(i) for i in ids],
        char_spans=char_spans.astype(np.int64),
        byte_spans=byte_spans.astype(np.int64),
        truncated_chars=dropped,
        **numeric,
    )
    return trace, first_generated


def _generated_spans(tok, extra_ids: list[int], window: str):
    """Text of the generated tokens and each one's character and byte span within it."""
    pieces_bytes = [tok.token_bytes(i) for i in extra_ids]
    if tok.kind == "word":  # words are joined with spaces, as the word tokenizer's decoder does
        texts = []
        previous = window[-1:] if window else "\n"
        for i in extra_ids:
            word = tok.label(i)
            sep = "" if (previous in "\n([{'" or word in PUNCTUATION_NO_SPACE) else " "
            texts.append(sep + word)
            previous = word[-1:] or previous
        pieces_bytes = [t.encode("utf-8") for t in texts]
    byte_ends = np.cumsum([len(b) for b in pieces_bytes])
    byte_spans = np.stack([byte_ends - [len(b) for b in pieces_bytes], byte_ends], axis=1)
    whole = b"".join(pieces_bytes)
    # character offsets: decode each prefix (a split multi-byte character counts once it completes)
    char_ends = [len(whole[:e].decode("utf-8", errors="ignore")) for e in byte_ends]
    char_starts = [0] + char_ends[:-1]
    text = whole.decode("utf-8", errors="replace")
    return text, np.stack([char_starts, char_ends], axis=1).astype(np.int64), byte_spans.astype(np.int64)
