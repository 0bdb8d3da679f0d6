"""GPT-2 124M on CPU: load time, traced forward latency and memory for a Hugging Face GPT-2 folder.

    python benchmarks/bench_gpt2.py [--model DIR] [--repeats N] [--threads N] [--shape tiny]

Without --model it writes a GPT-2 124M-shaped folder (12 layers, 12 heads, n_embd 768, 1024
positions, 50,257 tokens) to a temporary folder with export_gpt2 and opens that. There is no
network here, so its weights are random, not OpenAI's: timings and memory are those of the real
model (same shapes, same work), its predictions are not. Pass --model to time a real download.
Quotes medians and p95; these machines are shared, so compare ratios, not absolutes.
"""
from __future__ import annotations

import argparse
import ctypes
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _timing import timed  # noqa: E402  (beside this script)

from model.checkpoint import load_model  # noqa: E402
from model.config import ModelConfig, parameter_count  # noqa: E402
from model.decoding import Decoder  # noqa: E402
from model.gpt2 import export_gpt2  # noqa: E402
from model.gpt2_format import END_OF_TEXT  # noqa: E402
from model.paths import default_corpus_dir  # noqa: E402
from model.tokenizer import TextTokenizer  # noqa: E402
from model.tracing import LENS_TOP_K, logit_lens, trace_ids  # noqa: E402
from model.transformer import Transformer  # noqa: E402

SHAPES = {
    "124M": dict(vocab_size=50257, context_length=1024, n_layer=12, n_head=12, d_model=768, d_mlp=3072),
    "tiny": dict(vocab_size=2000, context_length=256, n_layer=2, n_head=2, d_model=64, d_mlp=256),  # smoke test
}


# ---- memory: peak resident set size, per phase (Linux) ----------------------------------------
def reset_peak_rss() -> bool:
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # hand freed memory back first, so peaks start from what is in use
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS
        return True
    except OSError:  # not Linux: peaks then cover the whole run
        return False


def rss_mb(field: str = "VmHWM") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---- a GPT-2-shaped folder without the network ------------------------------------------------
def gpt2_sized_tokenizer(vocab_size: int) -> TextTokenizer:
    """Byte-level BPE trained on the shipped corpus, padded with unreachable tokens to `vocab_size`,
    with <|endoftext|> last, as in GPT-2. Only its size matters to the timings."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(vocab_size=min(8000, vocab_size - 1), show_progress=False,
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet())
    texts = [p.read_text(encoding="utf-8") for p in sorted(default_corpus_dir().glob("*.txt"))]
    tok.train_from_iterator(texts, trainer)
    vocab = tok.get_vocab()
    merges = [tuple(m) for m in json.loads(tok.to_str())["model"]["merges"]]
    for i in range(len(vocab), vocab_size - 1):
        vocab[f"unused{i}"] = i
    vocab[END_OF_TEXT] = vocab_size - 1
    built = Tokenizer(models.BPE(vocab=vocab, merges=merges))
    built.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    built.decoder = decoders.ByteLevel()
    built.add_special_tokens([AddedToken(END_OF_TEXT, special=True, normalized=False)])
    return TextTokenizer(built)


def write_random_gpt2(folder: Path, shape: dict) -> TextTokenizer:
    config = ModelConfig(positional="learned", gelu_approximation="tanh", **shape)
    tokenizer = gpt2_sized_tokenizer(config.vocab_size)
    torch.manual_seed(0)
    export_gpt2(Transformer(config).eval(), folder, tokenizer)
    return tokenizer


# ---- timing ----------------------------------------------------------------------------------
def summary(ms: list[float]) -> str:
    return f"{statistics.median(ms):.0f} (p95 {np.percentile(ms, 95):.0f})"


def row(name: str, value: str, note: str = "") -> None:
    print(f"| {name:<50} | {value:>20} | {note:<30} |")


def trace_bytes(numeric: dict) -> int:
    arrays = [v for v in numeric.values() if isinstance(v, np.ndarray)]
    arrays += [a for layer in numeric["layers"] for a in vars(layer).values()]
    return sum(a.nbytes for a in arrays)


def bench_tokens(model: Transformer, ids: list[int], repeats: int) -> None:
    t = len(ids)
    traced = timed(lambda: trace_ids(model, ids), repeats)
    with torch.no_grad():
        run = model.run_explicit(torch.tensor([ids]))
        residuals = torch.stack([rec["resid_post"][0] for rec in run["layers"]])
        body = timed(lambda: model.run_explicit(torch.tensor([ids])), repeats)
        lens = timed(lambda: logit_lens(model, residuals, LENS_TOP_K), repeats)
    reset_peak_rss()
    before = rss_mb("VmRSS")
    numeric = trace_ids(model, ids)
    peak = rss_mb() - before
    lens_mb = 2 * model.config.n_layer * t * model.config.vocab_size * 4 / 2**20  # logits + softmax, fp32
    row(f"traced forward, {t} tokens (ms)", summary(traced), "trace_ids: everything")
    row(f"  explicit forward only, {t} tokens (ms)", summary(body), "run_explicit")
    row(f"  logit lens only, {t} tokens (ms)", summary(lens), f"{model.config.n_layer} layers x {t} x vocab")
    row(f"  peak extra RSS during one trace, {t} tokens (MB)", f"{peak:.0f}",
        f"lens temporaries ~{lens_mb:.0f} MB")
    row(f"  trace handed to the GUI, {t} tokens (MB)", f"{trace_bytes(numeric) / 2**20:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", help="a Hugging Face GPT-2 folder (default: write a random 124M-shaped one)")
    parser.add_argument("--shape", choices=sorted(SHAPES), default="124M")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--threads", type=int, default=0,
                        help="torch threads (0: torch's default). On a busy machine 1 avoids stalls of many ms per op")
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.model) if args.model else Path(tmp) / "gpt2-random"
        if not args.model:
            start = time.perf_counter()
            write_random_gpt2(folder, SHAPES[args.shape])
            print(f"wrote a randomly initialised GPT-2 {args.shape}-shaped folder in "
                  f"{time.perf_counter() - start:.1f} s: RANDOM WEIGHTS (no network here), real shapes and cost")
        size_mb = sum(p.stat().st_size for p in folder.iterdir()) / 2**20
        print(f"folder: {folder} ({size_mb:.0f} MB)  torch {torch.__version__}, {torch.get_num_threads()} threads, CPU")
        print(f"| {'measure':<50} | {'value':>20} | {'note':<30} |")
        print(f"|{'-' * 52}|{'-' * 22}|{'-' * 32}|")

        rss_start = rss_mb("VmRSS")
        reset_peak_rss()
        load_ms = timed(lambda: load_model(folder), 3, warmup=0)
        loaded = load_model(folder)
        model, tok = loaded.model, loaded.tokenizer
        row("load_model, median of 3 (ms)", f"{statistics.median(load_ms):.0f}",
            f"min {min(load_ms):.0f}, max {max(load_ms):.0f}")
        row("parameters", f"{parameter_count(loaded.config)['total']:,}")
        row("RSS with the model loaded (MB)", f"{rss_mb('VmRSS'):.0f}", f"process start {rss_start:.0f}")
        row("peak RSS while loading (MB)", f"{rss_mb():.0f}")
        start = time.perf_counter()
        _ = tok.labels  # the explorer builds every token's label once per model
        row("token labels for the whole vocabulary (ms)", f"{(time.perf_counter() - start) * 1000:.0f}")

        text = "".join(p.read_text(encoding="utf-8") for p in sorted(default_corpus_dir().glob("*.txt"))[:1])
        ids = tok.encode(text[:20_000])
        for t in (32, 128):
            bench_tokens(model, ids[:t], args.repeats)

        decoder = Decoder(model, ids[:128])
        steps = timed(lambda: decoder.step(decoder.choose(0.0, 0, 1.0, np.random.default_rng(0))), args.repeats)
        row("decode step after a 128-token prompt (ms)", summary(steps), "KV cache, lens for 1 position")
        row("peak RSS, whole run (MB)", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}",
            "includes writing the folder")


if __name__ == "__main__":
    main()
