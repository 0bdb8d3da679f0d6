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

from .checkpoint import CONFIG, TOKENIZER, CheckpointError, check_writable, clean_leftovers, foreign_entries, load_model
from .config import PRESETS, POSITIONAL_ENCODINGS, ModelConfig, parameter_count
from .data import CorpusError, read_corpus, split_documents, tokenize_documents, utf8_length
from .decoding import generate
from .paths import default_corpus_dir, user_cache_dir
from .tokenizer import KINDS, TextTokenizer, TokenizerError
from .train import Trainer, TrainConfig, estimate_training_bytes, init_distributed, pick_device, run_distributed

DEFAULT_VOCAB = {"char": 512, "word": 8000, "bpe": 2048}
DEFAULT_PRESET, DEFAULT_TOKENIZER, DEFAULT_POSITIONAL, DEFAULT_DROPOUT = "tiny", "bpe", "learned", 0.0
SIZE_FLAGS = {"context_length": "--context-length", "n_layer": "--layers", "n_head": "--heads", "d_model": "--d-model",
              "d_mlp": "--d-mlp"}


def _fail(message: str) -> "NoReturn":  # noqa: F821
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors as one line like ours (not the usage block): 'error: ...', status 2."""

    def error(self, message: str) -> "NoReturn":  # noqa: F821
        _fail(f"{message} (see {self.prog} --help)")


def build_train_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="lm-anatomy-train",
        description="Train a small GPT-style language model on text files. Runs on CUDA, Apple MPS or CPU; "
        "under torchrun it trains data-parallel.",
    )
    p.add_argument("--corpus", nargs="+", default=[str(default_corpus_dir())], help="text files or folders (default: the bundled Shakespeare)")
    p.add_argument("--out", required=False, help="output model folder (also where checkpoints go)")
    p.add_argument("--resume", action="store_true", help="continue the run saved in --out")
    p.add_argument("--tokenizer", choices=KINDS, help="character, word or byte-level BPE tokens (default: bpe)")
    p.add_argument("--vocab-size", type=int, help="vocabulary size (default: char 512, word 8000, bpe 2048)")
    p.add_argument("--preset", choices=sorted(PRESETS), help="model size preset (default: tiny)")
    p.add_argument("--list-presets", action="store_true", help="print the presets with parameter counts and exit")
    for flag, key in [("--context-length", "context_length"), ("--layers", "n_layer"), ("--heads", "n_head"),
                      ("--d-model", "d_model"), ("--d-mlp", "d_mlp")]:
        p.add_argument(flag, type=int, dest=key, help=f"override the preset's {key}")
    p.add_argument("--dropout", type=float, help="dropout probability (default: 0)")
    p.add_argument("--positional", choices=POSITIONAL_ENCODINGS, help="positional encoding (default: learned)")
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


def check_device(name: str) -> None:
    """Refuse a device that is not there, with what to use instead (instead of torch's assertion later)."""
    if name == "auto":
        return
    try:
        device = torch.device(name)
    except (RuntimeError, ValueError):
        _fail(f"--device {name}: not a device; use auto, cpu, cuda (or cuda:N) or mps")
    if device.type == "cuda":
        if not torch.cuda.is_available():
            why = "this torch was built without CUDA" if torch.version.cuda is None else "no CUDA GPU was found"
            _fail(f"--device {name}: CUDA is not available here ({why}); use --device cpu, or auto to use what there is")
        if device.index is not None and device.index >= torch.cuda.device_count():
            _fail(f"--device {name}: there are only {torch.cuda.device_count()} CUDA devices (cuda:0 to "
                  f"cuda:{torch.cuda.device_count() - 1})")
    elif device.type == "mps":
        if getattr(torch.backends, "mps", None) is None or not torch.backends.mps.is_available():
            _fail(f"--device {name}: Apple MPS is not available here; use --device cpu, or auto to use what there is")
    elif device.type != "cpu":
        _fail(f"--device {name}: LM Anatomy trains on auto, cpu, cuda or mps")


def check_numbers(args: argparse.Namespace) -> None:
    """Every numeric option in its range, each refused in one line that says what is allowed."""
    at_least = [("--steps", args.steps, 1), ("--batch-size", args.batch_size, 1), ("--warmup", args.warmup, 0),
                ("--eval-interval", args.eval_interval, 1), ("--checkpoint-interval", args.checkpoint_interval, 1),
                ("--sample-interval", args.sample_interval, 0), ("--threads", args.threads, 1),
                ("--vocab-size", args.vocab_size, 1)]
    at_least += [(flag, getattr(args, key), 1) for key, flag in SIZE_FLAGS.items()]
    for flag, value, low in at_least:
        if value is not None and value < low:
            _fail(f"{flag} must be at least {low}, not {value}")
    if not (math.isfinite(args.lr) and args.lr > 0):
        _fail(f"--lr must be a positive number, not {args.lr}")
    if args.min_lr is not None and not (math.isfinite(args.min_lr) and args.min_lr >= 0):
        _fail(f"--min-lr must be zero or a positive number, not {args.min_lr}")
    if args.dropout is not None and not (0 <= args.dropout < 1):
        _fail(f"--dropout must be at least 0 and below 1, not {args.dropout}")


def memory_available(device: torch.device) -> int | None:
    """Total memory of the device training will use, in bytes (None when unknown)."""
    try:
        if device.type == "cuda":
            return int(torch.cuda.get_device_properties(device).total_memory)
        if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
            return int(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (OSError, ValueError, RuntimeError, AssertionError):
        pass
    return None


def _gb(n: float) -> str:
    return f"{n / 2**30:,.1f} GB"


def resume_differences(args: argparse.Namespace, checkpoint: ModelConfig, tokenizer: TextTokenizer,
                       requested_vocab: int | None = None) -> list[str]:
    """Options given with --resume that disagree with the model being resumed."""
    wanted: dict[str, tuple[object, str]] = {}
    if args.preset is not None:
        for key, value in PRESETS[args.preset].items():
            wanted[key] = (value, f"--preset {args.preset}")
    for key, flag in SIZE_FLAGS.items():
        if getattr(args, key) is not None:
            wanted[key] = (getattr(args, key), flag)
    if args.positional is not None:
        wanted["positional"] = (args.positional, "--positional")
    if args.dropout is not None:
        wanted["dropout"] = (args.dropout, "--dropout")
    found = [f"{flag} asks for {key} {value}, the checkpoint has {getattr(checkpoint, key)}"
             for key, (value, flag) in wanted.items() if getattr(checkpoint, key) != value]
    if args.vocab_size is not None:
        # --vocab-size is what the tokenizer was asked for; a small text may have given it fewer tokens
        asked = requested_vocab
        if (asked is not None and asked != args.vocab_size) or (asked is None and checkpoint.vocab_size > args.vocab_size):
            found.append(f"--vocab-size {args.vocab_size}, the checkpoint's tokenizer was trained for "
                         f"{asked if asked is not None else checkpoint.vocab_size} tokens")
    if args.tokenizer is not None and args.tokenizer != tokenizer.kind:
        found.append(f"--tokenizer {args.tokenizer}, the checkpoint's tokenizer is {tokenizer.kind}")
    return found


def train_main(argv: list[str] | None = None) -> int:
    args = build_train_parser().parse_args(argv)
    vocab_size = args.vocab_size or DEFAULT_VOCAB[args.tokenizer or DEFAULT_TOKENIZER]
    if args.list_presets:
        print(list_presets(vocab_size))
        return 0
    if not args.out:
        _fail("--out is required: the folder the trained model is written to")
    check_numbers(args)
    check_device(args.device)
    if args.threads:
        torch.set_num_threads(args.threads)
    if not init_distributed():
        return _train(args, argv, vocab_size)
    run_distributed(lambda: _train(args, argv, vocab_size))  # ends each rank: see exit_distributed


def _check_out(args: argparse.Namespace, out: Path, say) -> None:
    """Before reading the corpus: the output folder is ours to write, and --resume has something to resume."""
    if args.resume:
        clean_leftovers(out)  # a save killed between its two renames leaves the checkpoint at .NAME.old
        if not (out / CONFIG).is_file():
            _fail(f"--resume: {out} holds no saved model to continue (no {CONFIG}); "
                  "leave out --resume to start a new run there")
    elif out.is_dir() and any(out.iterdir()) and not foreign_entries(out):
        say(f"note: {out} holds a model, which this run replaces (use --resume to continue it instead)")
    try:
        check_writable(out)
    except CheckpointError as exc:
        _fail(str(exc) + " with --out")


def _requested_vocab(out: Path) -> int | None:
    """The --vocab-size the run in `out` was started with (recorded since #18), else None."""
    try:
        value = json.loads((out / "training.json").read_text(encoding="utf-8"))["run"]["vocab_size_requested"]
        return int(value)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _train(args: argparse.Namespace, argv: list[str] | None, vocab_size: int) -> int:
    rank = int(os.environ.get("RANK", "0"))
    out = Path(args.out)
    say = (lambda *a: None) if rank else print
    if rank == 0:
        _check_out(args, out, say)
    try:
        corpus = read_corpus(args.corpus)
        val_names = [n.strip() for n in args.val_docs.split(",")] if args.val_docs else None
        train_docs, val_docs = split_documents(corpus, val_names, seed=args.seed)
    except CorpusError as exc:
        _fail(str(exc))
    for notice in corpus.notices:
        say(f"note: {notice}")
    say(f"corpus: {len(corpus.documents)} documents, {corpus.n_chars:,} characters; "
        f"validation: {', '.join(d.name for d in val_docs)}")
    del corpus  # a single document was split into copies: keep one copy of a large text, not two
    try:
        if args.resume:
            tokenizer = TextTokenizer.load(out / TOKENIZER)
        else:
            kind = args.tokenizer or DEFAULT_TOKENIZER
            started = time.perf_counter()
            tokenizer = TextTokenizer.train(kind, (d.text for d in train_docs), vocab_size)
            say(f"tokenizer: {kind}, {tokenizer.vocab_size} tokens, trained in {time.perf_counter() - started:.1f} s")
    except TokenizerError as exc:
        _fail(str(exc))

    sizes = dict(PRESETS[args.preset or DEFAULT_PRESET])
    for key in SIZE_FLAGS:
        if getattr(args, key) is not None:
            sizes[key] = getattr(args, key)
    try:
        if args.resume:
            model_config = ModelConfig.from_dict(json.loads((out / CONFIG).read_text(encoding="utf-8")))
            differ = resume_differences(args, model_config, tokenizer, _requested_vocab(out))
            if differ:
                _fail(f"--resume continues the model in {out} as it was saved, but {'; '.join(differ)}. "
                      "Leave out those options to resume, or start a new model in another --out")
        else:
            model_config = ModelConfig(vocab_size=tokenizer.vocab_size, dropout=args.dropout or DEFAULT_DROPOUT,
                                       positional=args.positional or DEFAULT_POSITIONAL, **sizes)
    except (ValueError, TypeError, OSError) as exc:
        _fail(f"model configuration: {exc}")

    device = pick_device(args.device)
    need = estimate_training_bytes(model_config, args.batch_size)
    have = memory_available(device)
    if have is not None and need > have:
        _fail(f"one training step would need about {_gb(need)} of memory (batch {args.batch_size} x context "
              f"{model_config.context_length}, {model_config.n_layer} layers, {model_config.vocab_size} tokens), "
              f"more than the {_gb(have)} this {device.type.upper() if device.type != 'cpu' else 'computer'} has; "
              "lower --context-length or --batch-size")

    cache = user_cache_dir() / "tokens"
    train_ids = tokenize_documents(tokenizer, train_docs, cache)
    val_ids = tokenize_documents(tokenizer, val_docs, cache)
    train_bytes = sum(utf8_length(d.text) for d in train_docs)
    say(f"tokens: {len(train_ids):,} train, {len(val_ids):,} validation "
        f"({train_bytes / max(1, len(train_ids)):.2f} bytes per token)")
    ctx = model_config.context_length
    if len(train_ids) < ctx + 1:
        shorter = (f"or a context of at most {len(train_ids) - 1} tokens (--context-length {len(train_ids) - 1})"
                   if len(train_ids) > 8 else "")
        _fail(f"the training text has {len(train_ids):,} tokens, fewer than one training window of {ctx + 1} "
              f"(context {ctx} + 1); give more text {shorter}".rstrip())
    train_names, val_doc_names = [d.name for d in train_docs], [d.name for d in val_docs]
    del train_docs, val_docs  # the ids are all training needs

    cfg = TrainConfig(
        steps=args.steps, batch_size=args.batch_size, learning_rate=args.lr,
        min_learning_rate=args.min_lr if args.min_lr is not None else args.lr / 10, warmup_steps=args.warmup,
        eval_interval=args.eval_interval, checkpoint_interval=args.checkpoint_interval, seed=args.seed,
        sample_interval=args.sample_interval, device=args.device,
    )
    run_info = {
        "command": "lm-anatomy-train " + " ".join(sys.argv[1:] if argv is None else argv),
        "corpus": [str(c) for c in args.corpus],
        "train_documents": train_names,
        "validation_documents": val_doc_names,
        "tokenizer": tokenizer.kind,
        "vocab_size_requested": (_requested_vocab(out) if args.resume else None) or vocab_size,
        "train_tokens": int(len(train_ids)),
        "validation_tokens": int(len(val_ids)),
    }
    try:
        trainer = Trainer(model_config, tokenizer, train_ids, val_ids, cfg, out, resume=args.resume, run_info=run_info)
    except (CheckpointError, ValueError, CorpusError) as exc:
        _fail(str(exc))
    for warning in trainer.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    say(f"model: {parameter_count(model_config)['total']:,} parameters, {model_config.n_layer} layers, "
        f"{model_config.n_head} heads, d_model {model_config.d_model}, {model_config.positional} positions; "
        f"device {trainer.device}" + (f", {trainer.world} processes" if trainer.world > 1 else ""))
    if args.resume:
        say(f"resuming: step {trainer.step:,} of {cfg.steps:,}, from the checkpoint in {out}")
    if trainer.step >= cfg.steps:
        say(f"nothing to train: the model in {out} is already at step {trainer.step:,} of --steps {cfg.steps:,}; "
            "give a larger --steps to train further")
        return 0
    bar = tqdm(total=cfg.steps, initial=trainer.step, disable=args.quiet or rank != 0, unit="step", dynamic_ncols=True)
    status, saved = 0, False
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
            if m.save_error:  # never go on (or say "saved") when nothing can be written
                bar.close()
                print(f"error: {m.save_error} Training stopped; resume with --resume once the folder can be written.",
                      file=sys.stderr)
                status = 1
                break
            saved = saved or m.checkpoint is not None
            if m.event == "diverged":
                bar.write(m.message)
                status = 1
    except KeyboardInterrupt:
        trainer.request_stop()
        m = None
        for m in trainer.run():
            if m.event == "stopped":
                break
        if m is not None and m.save_error:
            print(f"error: interrupted, and {m.save_error}", file=sys.stderr)
            status = 1
        else:
            bar.write(f"interrupted: checkpoint saved at step {trainer.step} in {out} (resume with --resume)")
            status = 130
    finally:
        bar.close()
    if status == 0 and rank == 0 and saved:
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
