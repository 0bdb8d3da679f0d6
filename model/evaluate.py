"""lm-anatomy-eval: loss per token and bits per byte of a model over text files; for a masked-LM model,
the loss and accuracy at hidden tokens."""
from __future__ import annotations

import argparse
import math
import sys

import torch

from .checkpoint import CheckpointError, load_model
from .cli_common import _fail, _Parser, check_device
from .data import CorpusError, read_corpus
from .masking import IGNORE, mask_tokens, step_generator


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


@torch.no_grad()
def evaluate_masked_ids(model, ids: list[int], mask_id: int, seed: int = 0) -> dict:
    """A masked-LM model over ids, in windows of the context length: BERT's choice of 15% of positions
    (model.masking, seeded by (seed, window)). Two readings of the same chosen positions:
    `blank_*` with every chosen token hidden behind [MASK] (what Fill the blank asks), and `recipe_nll`
    under training's 80/10/10 corruption (comparable with the validation loss in training.json).
    Returns sums: chosen, blank_nll, blank_correct, recipe_nll."""
    ctx = model.config.context_length
    out = {"chosen": 0, "blank_nll": 0.0, "blank_correct": 0, "recipe_nll": 0.0}
    for w, start in enumerate(range(0, len(ids) - 1, ctx)):
        window = torch.tensor([ids[start : start + ctx]])
        inputs, targets = mask_tokens(window, mask_id, mask_id + 1, step_generator(seed, w))
        chosen = targets[0] != IGNORE
        blanks = torch.where(chosen, torch.full_like(window[0], mask_id), window[0])[None]
        answer = window[0][chosen].to(model.device)
        for name, x in (("recipe", inputs), ("blank", blanks)):
            logits = model(x.to(model.device))[0][0][chosen.to(model.device)].float()  # (chosen, V)
            out[name + "_nll"] += torch.nn.functional.cross_entropy(logits, answer, reduction="sum").item()
            if name == "blank":
                out["blank_correct"] += int((logits.argmax(-1) == answer).sum())
        out["chosen"] += int(chosen.sum())
    return out


def _eval_masked(loaded, corpus) -> int:
    """lm-anatomy-eval for a masked-LM model: per file, how well it fills hidden tokens."""
    tokenizer, total = loaded.tokenizer, {"chosen": 0, "blank_nll": 0.0, "blank_correct": 0, "recipe_nll": 0.0}
    print("masked-LM model: 15% of positions chosen (seed 0); blank = every chosen token replaced by [MASK]; "
          "recipe = training's 80/10/10 corruption")
    print(f"{'file':32} {'tokens':>9} {'chosen':>7} {'blank loss':>10} {'blank acc':>9} {'recipe loss':>11}")
    for doc in corpus.documents:
        ids = tokenizer.encode(doc.text)
        if len(ids) < 2:
            print(f"{doc.name[:32]:32} too short to score")
            continue
        r = evaluate_masked_ids(loaded.model, ids, tokenizer.mask_id)
        print(f"{doc.name[:32]:32} {len(ids):9,} {r['chosen']:7,} {r['blank_nll'] / r['chosen']:10.4f} "
              f"{r['blank_correct'] / r['chosen']:9.2%} {r['recipe_nll'] / r['chosen']:11.4f}")
        total = {k: total[k] + r[k] for k in total}
    if not total["chosen"]:
        _fail("no text long enough to evaluate")
    print(f"masked_token_loss: {total['blank_nll'] / total['chosen']:.4f}\n"
          f"masked_token_accuracy: {total['blank_correct'] / total['chosen']:.4f}\n"
          f"recipe_loss: {total['recipe_nll'] / total['chosen']:.4f}")
    return 0


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
    if loaded.config.objective == "masked":
        return _eval_masked(loaded, corpus)
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
