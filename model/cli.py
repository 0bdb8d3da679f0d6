"""Command-line tools: lm-anatomy-train (here) and lm-anatomy-eval (evaluate.py)."""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

import torch
from tqdm import tqdm

from .budget import estimate_training_bytes
from .cli_common import _fail, _gb, _Parser, check_device, memory_available
from .config import OBJECTIVES, POSITIONAL_ENCODINGS, PRESETS, ModelConfig, presets_table
from .data import CorpusError
from .decoding import generate
from .distributed import init_distributed, pick_device, run_distributed
from .evaluate import eval_main, evaluate_ids  # noqa: F401 (lm-anatomy-eval's entry point is model.cli:eval_main)
from .folders import CONFIG, TOKENIZER, CheckpointError, check_writable, clean_leftovers, foreign_entries
from .paths import default_corpus_dir
from .recipes import ConfigError, build_trainer
from .settings import DEFAULT_PRESET, DEFAULT_TOKENIZER, DEFAULT_VOCAB, TrainConfig
from .tokenizer import TextTokenizer
from .tokenizer_kinds import KINDS, TokenizerError

DEFAULT_POSITIONAL, DEFAULT_DROPOUT = "learned", 0.0
DEFAULTS = TrainConfig()
SIZE_FLAGS = {"context_length": "--context-length", "n_layer": "--layers", "n_head": "--heads", "d_model": "--d-model",
              "d_mlp": "--d-mlp"}


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
    p.add_argument("--objective", choices=OBJECTIVES, help="causal (default): predict the next token from the left, "
                   "like GPT; masked: predict hidden tokens from both sides, like BERT (model/masking.py)")
    p.add_argument("--steps", type=int, default=DEFAULTS.steps)
    p.add_argument("--batch-size", type=int, default=DEFAULTS.batch_size)
    p.add_argument("--lr", type=float, default=DEFAULTS.learning_rate, help="peak learning rate")
    p.add_argument("--min-lr", type=float, help="final learning rate (default: lr / 10)")
    p.add_argument("--warmup", type=int, default=DEFAULTS.warmup_steps, help="warmup steps")
    p.add_argument("--eval-interval", type=int, default=DEFAULTS.eval_interval)
    p.add_argument("--checkpoint-interval", type=int, default=DEFAULTS.checkpoint_interval)
    p.add_argument("--sample-interval", type=int, default=0, help="print a sample every N steps (0: only at the end)")
    p.add_argument("--val-docs", help="comma-separated document names to hold out (default: about 10%% of the text)")
    p.add_argument("--seed", type=int, default=DEFAULTS.seed)
    p.add_argument("--device", default=DEFAULTS.device, help="auto, cpu, cuda or mps")
    p.add_argument("--threads", type=int, help="CPU threads for torch")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--init-from", help="start from this model folder's weights, tokenizer and, unless --preset or a "
                   "size option says otherwise, its shape (added [MASK] allowed)")
    return p


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


def _folder_config(folder: str) -> dict:
    """The config.json of a model folder, or {} when it has none that reads (the load says why later)."""
    try:
        data = json.loads((Path(folder) / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def resume_differences(args: argparse.Namespace, checkpoint: ModelConfig, tokenizer: TextTokenizer,
                       requested_vocab: int | None = None) -> list[str]:
    """Options given with --resume that disagree with the model being resumed."""
    wanted: dict[str, tuple[object, str]] = {}
    if args.preset is not None:
        for key, value in PRESETS[args.preset].items():
            wanted[key] = (value, f"--preset {args.preset}")
    wanted.update({key: (getattr(args, key), flag) for key, flag in SIZE_FLAGS.items() if getattr(args, key) is not None})
    for key in ("positional", "dropout", "objective"):
        if getattr(args, key) is not None:
            wanted[key] = (getattr(args, key), f"--{key}")
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
        print(presets_table(vocab_size))
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
    if args.resume:
        model: ModelConfig | Path = out
    else:
        # --init-from without --preset starts from the folder's own shape (a preset's would not fit its weights)
        base = _folder_config(args.init_from) if args.init_from and args.preset is None else {}
        sizes = {key: base[key] for key in SIZE_FLAGS if key in base} or dict(PRESETS[args.preset or DEFAULT_PRESET])
        sizes.update({key: getattr(args, key) for key in SIZE_FLAGS if getattr(args, key) is not None})
        try:
            model = ModelConfig(vocab_size=vocab_size, dropout=args.dropout or DEFAULT_DROPOUT,
                                positional=args.positional or base.get("positional", DEFAULT_POSITIONAL),
                                objective=args.objective or "causal", **sizes)
        except (ValueError, TypeError) as exc:
            _fail(f"model configuration: {exc}")
    cfg = TrainConfig(
        steps=args.steps, batch_size=args.batch_size, learning_rate=args.lr,
        min_learning_rate=args.min_lr if args.min_lr is not None else args.lr / 10, warmup_steps=args.warmup,
        eval_interval=args.eval_interval, checkpoint_interval=args.checkpoint_interval, seed=args.seed,
        sample_interval=args.sample_interval, device=args.device,
    )
    run_info = {"command": "lm-anatomy-train " + " ".join(sys.argv[1:] if argv is None else argv),
                "corpus": [str(c) for c in args.corpus],
                "vocab_size_requested": (_requested_vocab(out) if args.resume else None) or vocab_size}
    try:
        init = None if args.resume or not args.init_from else Path(args.init_from)  # resuming restores the weights
        tokenizer = out / TOKENIZER if args.resume else init / TOKENIZER if init else (args.tokenizer or DEFAULT_TOKENIZER)
        prepared = build_trainer(args.corpus, tokenizer, model, cfg, out, resume=args.resume, run_info=run_info,
                                 tell=_Narrator(args, out, say), init_from=init,
                                 val_names=[n.strip() for n in args.val_docs.split(",")] if args.val_docs else None)
    except ConfigError as exc:
        _fail(f"model configuration: {exc}")
    except (CorpusError, TokenizerError, CheckpointError, ValueError) as exc:
        _fail(str(exc))
    trainer, model_config = prepared.trainer, prepared.trainer.model_config
    for warning in trainer.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    say(f"model: {prepared.parameters:,} parameters, {model_config.n_layer} layers, "
        f"{model_config.n_head} heads, d_model {model_config.d_model}, {model_config.positional} positions, "
        f"{model_config.objective} objective; "
        f"device {trainer.device}" + (f", {trainer.world} processes" if trainer.world > 1 else ""))
    if args.resume:
        say(f"resuming: step {trainer.step:,} of {cfg.steps:,}, from the checkpoint in {out}")
    if trainer.step >= cfg.steps:
        say(f"nothing to train: the model in {out} is already at step {trainer.step:,} of --steps {cfg.steps:,}; "
            "give a larger --steps to train further")
        return 0
    return _run(trainer, args, out, rank)


class _Narrator:
    """The CLI's side of build_trainer's stages: its lines, and the checks only options can fail."""

    def __init__(self, args: argparse.Namespace, out: Path, say):
        self.args, self.out, self.say = args, out, say

    def __call__(self, stage: str, facts: dict) -> None:
        say = self.say
        if stage == "corpus":
            for notice in facts["corpus"].notices:
                say(f"note: {notice}")
            say(f"corpus: {len(facts['corpus'].documents)} documents, {facts['corpus'].n_chars:,} characters; "
                f"validation: {', '.join(d.name for d in facts['val_docs'])}")
        elif stage == "tokenizer" and facts["seconds"] is not None:
            tok = facts["tokenizer"]
            say(f"tokenizer: {tok.kind}, {tok.vocab_size} tokens, trained in {facts['seconds']:.1f} s")
        elif stage == "config":
            self._check_config(facts["config"], facts["tokenizer"])
        elif stage == "tokens":
            train_ids, ctx = facts["train_ids"], self.context
            say(f"tokens: {len(train_ids):,} train, {len(facts['val_ids']):,} validation "
                f"({facts['train_bytes'] / max(1, len(train_ids)):.2f} bytes per token)")
            if len(train_ids) < ctx + 1:
                shorter = (f"or a context of at most {len(train_ids) - 1} tokens (--context-length {len(train_ids) - 1})"
                           if len(train_ids) > 8 else "")
                _fail(f"the training text has {len(train_ids):,} tokens, fewer than one training window of {ctx + 1} "
                      f"(context {ctx} + 1); give more text {shorter}".rstrip())

    def _check_config(self, config: ModelConfig, tokenizer) -> None:
        args, out = self.args, self.out
        self.context = config.context_length
        if args.resume:
            differ = resume_differences(args, config, tokenizer, _requested_vocab(out))
            if differ:
                _fail(f"--resume continues the model in {out} as it was saved, but {'; '.join(differ)}. "
                      "Leave out those options to resume, or start a new model in another --out")
        device = pick_device(args.device)
        need = estimate_training_bytes(config, args.batch_size)
        have = memory_available(device)
        if have is not None and need > have:
            _fail(f"one training step would need about {_gb(need)} of memory (batch {args.batch_size} x context "
                  f"{config.context_length}, {config.n_layer} layers, {config.vocab_size} tokens), "
                  f"more than the {_gb(have)} this {device.type.upper() if device.type != 'cpu' else 'computer'} has; "
                  "lower --context-length or --batch-size")


def _run(trainer, args: argparse.Namespace, out: Path, rank: int) -> int:
    """Pull the trainer's records under a progress bar; Ctrl+C stops at a checkpoint. The exit status."""
    cfg = trainer.cfg
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
        if trainer.model_config.causal:  # a masked model fills in blanks and cannot generate; see lm-anatomy-eval
            print("sample:\n" + generate(trainer.model, trainer.tokenizer, "\n", 120, temperature=0.8, seed=0))
    return status


if __name__ == "__main__":
    sys.exit(train_main())
