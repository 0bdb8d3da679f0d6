"""lm-anatomy-eval: loss per token and bits per byte of a model over text files."""
from __future__ import annotations

import argparse
import math
import sys

import torch

from .checkpoint import CheckpointError, load_model
from .cli_common import _fail, _Parser, check_device
from .data import CorpusError, read_corpus


@torch.no_grad()
def evaluate_ids(model, ids: list[int]) -> tuple[float, int]:
    """Total negative log-likelihood (nats) of ids[1:] and how many tokens that is.

    Windows of the context length overlap by half, so every scored token (after the first
    window) sees at least half a context of text before it.
    """
    ctx = model.config.context_length
    stride = max(1, ctx // 2)
    total, count, scored_until = 0.0, 0, 1  # ids[0] has nothing before it and is never scored
    start = 0
    while scored_until < len(ids):
        window = ids[start : start + ctx + 1]
        x = torch.tensor([window[:-1]], device=model.device)
        y = torch.tensor(window[1:], device=model.device)
        logits, _ = model(x)
        nll = torch.nn.functional.cross_entropy(logits[0].float(), y, reduction="none")
        first = scored_until - (start + 1)  # index in y of the first not-yet-scored target
        total += nll[first:].sum().item()
        count += len(y) - first
        scored_until = start + len(window)
        start += stride
    return total, count


def build_eval_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="lm-anatomy-eval",
        description="Loss per token and bits per byte of a model over text files. Bits per byte compares "
        "models with different tokenizers: it measures how well the model predicts the text itself.",
    )
    p.add_argument("--model", required=True, help="model folder")
    p.add_argument("files", nargs="+", help="text files or folders")
    p.add_argument("--device", default="cpu")
    return p


def eval_main(argv: list[str] | None = None) -> int:
    args = build_eval_parser().parse_args(argv)
    check_device(args.device)
    try:
        loaded = load_model(args.model, device=args.device)
        corpus = read_corpus(args.files)
    except (CheckpointError, CorpusError) as exc:
        _fail(str(exc))
    for notice in corpus.notices:
        print(f"note: {notice}")
    for warning in loaded.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    model, tokenizer = loaded.model, loaded.tokenizer
    if tokenizer.kind == "word":
        print("note: a word-level tokenizer drops spaces and maps rare words to [UNK], so its bits per byte "
              "are not comparable with character or BPE models")
    grand_nll, grand_tokens, grand_bytes = 0.0, 0, 0
    print(f"{'file':32} {'tokens':>9} {'bytes':>10} {'loss/token':>10} {'bits/byte':>9}")
    for doc in corpus.documents:
        ids = tokenizer.encode(doc.text)
        if len(ids) < 2:
            print(f"{doc.name[:32]:32} too short to score")
            continue
        nll, n = evaluate_ids(model, ids)
        n_bytes = len(doc.text.encode("utf-8")) - len(tokenizer.token_bytes(ids[0]))
        print(f"{doc.name[:32]:32} {n:9,} {n_bytes:10,} {nll / n:10.4f} {nll / math.log(2) / n_bytes:9.4f}")
        grand_nll, grand_tokens, grand_bytes = grand_nll + nll, grand_tokens + n, grand_bytes + n_bytes
    if not grand_tokens:
        _fail("no text long enough to evaluate")
    print(f"loss_per_token: {grand_nll / grand_tokens:.4f}\nbits_per_byte: {grand_nll / math.log(2) / grand_bytes:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(eval_main())
