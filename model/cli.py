"""Command-line tools: lm-anatomy-train and lm-anatomy-eval."""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm

from .checkpoint import TOKENIZER, CheckpointError, load_model
from .config import PRESETS, POSITIONAL_ENCODINGS, ModelConfig, parameter_count
from .data import CorpusError, read_corpus, split_documents, tokenize_documents
from .decoding import generate
from .paths import default_corpus_dir, user_cache_dir
from .tokenizer import KINDS, TextTokenizer, TokenizerError
from .train import Trainer, TrainConfig, init_distributed, run_distributed

DEFAULT_VOCAB = {"char": 512, "word": 8000, "bpe": 2048}


def _fail(message: str) -> "NoReturn":  # noqa: F821
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


def build_train_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="lm-anatomy-train",
        description="Train a small GPT-style language model on text files. Runs on CUDA, Apple MPS or CPU; "
        "under torchrun it trains data-parallel.",
    )
    p.add_argument("--corpus", nargs="+", default=[str(default_corpus_dir())], help="text files or folders (default: the bundled Shakespeare)")
    p.add_argument("--out", required=False, help="output model folder (also where checkpoints go)")
    p.add_argument("--resume", action="store_true", help="continue the run saved in --out")
    p.add_argument("--tokenizer", choices=KINDS, default="bpe", help="character, word or byte-level BPE tokens")
    p.add_argument("--vocab-size", type=int, help="vocabulary size (default: char 512, word 8000, bpe 2048)")
    p.add_argument("--preset", choices=sorted(PRESETS), default="tiny", help="model size preset")
    p.add_argument("--list-presets", action="store_true", help="print the presets with parameter counts and exit")
    for flag, key in [("--context-length", "context_length"), ("--layers", "n_layer"), ("--heads", "n_head"),
                      ("--d-model", "d_model"), ("--d-mlp", "d_mlp")]:
        p.add_argument(flag, type=int, dest=key, help=f"override the preset's {key}")
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--positional", choices=POSITIONAL_ENCODINGS, default="learned")
    p.add_argument("--steps", type=int, default=2000)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--lr", type=float, default=1e-3, help="peak learning rate")
    p.add_argument("--min-lr", type=float, help="final learning rate (default: lr / 10)")
    p.add_argument("--warmup", type=int, default=100, help="warmup steps")
    p.add_argument("--eval-interval", type=int, default=200)
    p.add_argument("--checkpoint-interval", type=int, default=500)
    p.add_argument("--sample-interval", type=int, default=0, help="print a sample every N steps (0: only at the end)")
    p.add_argument("--val-docs", help="comma-separated document names to hold out (default: about 10%% of the text)")
    p.add_argument("--seed", type=int, default=1337)
    p.add_argument("--device", default="auto", help="auto, cpu, cuda or mps")
    p.add_argument("--threads", type=int, help="CPU threads for torch")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    return p


def list_presets(vocab_size: int) -> str:
    lines = [f"{'preset':8} {'layers':>6} {'heads':>5} {'d_model':>7} {'d_mlp':>5} {'context':>7} {'parameters':>11}"]
    for name, sizes in PRESETS.items():
        cfg = ModelConfig(vocab_size=vocab_size, **sizes)
        lines.append(f"{name:8} {cfg.n_layer:6} {cfg.n_head:5} {cfg.d_model:7} {cfg.d_mlp:5} {cfg.context_length:7} "
                     f"{parameter_count(cfg)['total']:11,}")
    return "\n".join(lines) + f"\n(with a vocabulary of {vocab_size} tokens)"


def train_main(argv: list[str] | None = None) -> int:
    args = build_train_parser().parse_args(argv)
    vocab_size = args.vocab_size or DEFAULT_VOCAB[args.tokenizer]
    if args.list_presets:
        print(list_presets(vocab_size))
        return 0
    if not args.out:
        _fail("--out is required: the folder the trained model is written to")
    if args.threads:
        torch.set_num_threads(args.threads)
    if not init_distributed():
        return _train(args, argv, vocab_size)
    run_distributed(lambda: _train(args, argv, vocab_size))  # ends each rank: see exit_distributed


def _train(args: argparse.Namespace, argv: list[str] | None, vocab_size: int) -> int:
    rank = int(os.environ.get("RANK", "0"))
    out = Path(args.out)
    try:
        corpus = read_corpus(args.corpus)
        val_names = [n.strip() for n in args.val_docs.split(",")] if args.val_docs else None
        train_docs, val_docs = split_documents(corpus, val_names, seed=args.seed)
    except CorpusError as exc:
        _fail(str(exc))
    say = (lambda *a: None) if rank else print
    for notice in corpus.notices:
        say(f"note: {notice}")
    say(f"corpus: {len(corpus.documents)} documents, {corpus.n_chars:,} characters; "
        f"validation: {', '.join(d.name for d in val_docs)}")
    try:
        if args.resume:
            tokenizer = TextTokenizer.load(out / TOKENIZER)
        else:
            started = time.perf_counter()
            tokenizer = TextTokenizer.train(args.tokenizer, (d.text for d in train_docs), vocab_size)
            say(f"tokenizer: {args.tokenizer}, {tokenizer.vocab_size} tokens, trained in {time.perf_counter() - started:.1f} s")
    except TokenizerError as exc:
        _fail(str(exc))
    cache = user_cache_dir() / "tokens"
    train_ids = tokenize_documents(tokenizer, train_docs, cache)
    val_ids = tokenize_documents(tokenizer, val_docs, cache)
    say(f"tokens: {len(train_ids):,} train, {len(val_ids):,} validation "
        f"({sum(len(d.text.encode()) for d in train_docs) / max(1, len(train_ids)):.2f} bytes per token)")

    sizes = dict(PRESETS[args.preset])
    for key in ("context_length", "n_layer", "n_head", "d_model", "d_mlp"):
        if getattr(args, key) is not None:
            sizes[key] = getattr(args, key)
    try:
        if args.resume:
            model_config = ModelConfig.from_dict(json.loads((out / "config.json").read_text()))
        else:
            model_config = ModelConfig(vocab_size=tokenizer.vocab_size, dropout=args.dropout,
                                       positional=args.positional, **sizes)
    except (ValueError, OSError) as exc:
        _fail(f"model configuration: {exc}")
    cfg = TrainConfig(
        steps=args.steps, batch_size=args.batch_size, learning_rate=args.lr,
        min_learning_rate=args.min_lr if args.min_lr is not None else args.lr / 10, warmup_steps=args.warmup,
        eval_interval=args.eval_interval, checkpoint_interval=args.checkpoint_interval, seed=args.seed,
        sample_interval=args.sample_interval, device=args.device,
    )
    run_info = {
        "command": "lm-anatomy-train " + " ".join(sys.argv[1:] if argv is None else argv),
        "corpus": [str(c) for c in args.corpus],
        "train_documents": [d.name for d in train_docs],
        "validation_documents": [d.name for d in val_docs],
        "tokenizer": args.tokenizer,
        "train_tokens": int(len(train_ids)),
        "validation_tokens": int(len(val_ids)),
    }
    try:
        trainer = Trainer(model_config, tokenizer, train_ids, val_ids, cfg, out, resume=args.resume, run_info=run_info)
    except (CheckpointError, ValueError, CorpusError) as exc:
        _fail(str(exc))
    say(f"model: {parameter_count(model_config)['total']:,} parameters, {model_config.n_layer} layers, "
        f"{model_config.n_head} heads, d_model {model_config.d_model}, {model_config.positional} positions; "
        f"device {trainer.device}" + (f", {trainer.world} processes" if trainer.world > 1 else ""))
    bar = tqdm(total=cfg.steps, initial=trainer.step, disable=args.quiet or rank != 0, unit="step", dynamic_ncols=True)
    status = 0
    try:
        for m in trainer.run():
            bar.update(m.step - bar.n)
            bar.set_postfix_str(f"loss {m.train_loss:.3f}" + (f" val {m.val_loss:.3f}" if m.val_loss is not None else "")
                                + f" {m.tokens_per_second:,.0f} tok/s")
            if m.val_loss is not None or m.event != "log":
                bar.write(f"step {m.step:6d}  train {m.train_loss:.4f}  val {m.val_loss if m.val_loss is not None else float('nan'):.4f}  "
                          f"lr {m.learning_rate:.2e}  |g| {m.grad_norm:.2f}  {m.tokens_per_second:,.0f} tok/s  "
                          f"{m.elapsed / 60:.1f} min" if rank == 0 else "")
            if m.sample and rank == 0:
                bar.write("sample: " + m.sample.replace("\n", "\n        "))
            if m.event == "diverged":
                bar.write(m.message)
                status = 1
    except KeyboardInterrupt:
        trainer.request_stop()
        for m in trainer.run():
            if m.event == "stopped":
                break
        bar.write(f"interrupted: checkpoint saved at step {trainer.step} in {out} (resume with --resume)")
        status = 130
    finally:
        bar.close()
    if status == 0 and rank == 0:
        print(f"saved: {out}")
        print("sample:\n" + generate(trainer.model, tokenizer, "\n", 120, temperature=0.8, seed=0))
    return status


# ---- evaluation ------------------------------------------------------------------------
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
    p = argparse.ArgumentParser(
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
    try:
        loaded = load_model(args.model, device=args.device)
        corpus = read_corpus(args.files)
    except (CheckpointError, CorpusError) as exc:
        _fail(str(exc))
    for notice in corpus.notices:
        print(f"note: {notice}")
    model, tokenizer = loaded.model, loaded.tokenizer
    if tokenizer.kind == "word":
        print("note: a word-level tokenizer drops spaces and maps rare words to [UNK], so its bits per byte "
              "are not comparable with character or BPE models")
    grand_nll, grand_tokens, grand_bytes = 0.0, 0, 0
    print(f"{'file':32} {'tokens':>9} {'bytes':>10} {'loss/token':>10} {'bits/byte':>9}")
    for doc in tqdm(corpus.documents, disable=True):
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
    print(f"loss_per_token: {grand_nll / grand_tokens:.4f}")
    print(f"bits_per_byte: {grand_nll / math.log(2) / grand_bytes:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(train_main())
