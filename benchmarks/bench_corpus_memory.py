"""Peak memory of lm-anatomy-train on a large text file (issue #18, item 3: a 300 MB file passed
20.6 GB and a 50 MB file peaked at 10.0 GB; the target is at most 2 GB for 300 MB).

Writes a synthetic English-like corpus of each size (words drawn from the bundled Shakespeare with
their frequencies, plus 400,000 rarer made-up words so the BPE trainer sees a realistic number of
distinct words), then runs the real CLI on it in a child process with a cold token cache: read,
split, train the tokenizer, tokenize, a few training steps, checkpoints. The child's peak resident
memory (ru_maxrss) and wall time are printed as a table row.

    python benchmarks/bench_corpus_memory.py [--sizes 50 300] [--tokenizer bpe] [--steps 20]
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def word_table(rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    from model.paths import default_corpus_dir

    counts = collections.Counter()
    for f in sorted(Path(default_corpus_dir()).rglob("*.txt")):
        counts.update(re.findall(r"[A-Za-z']+|[.,;:!?]", f.read_text(encoding="utf-8")))
    words = list(counts)
    weights = np.array([counts[w] for w in words], dtype=np.float64)
    weights = 0.9 * weights / weights.sum()
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    made_up = ["".join(rng.choice(letters, size=rng.integers(4, 11))) for _ in range(400_000)]
    rare = 1.0 / np.arange(1, len(made_up) + 1)  # Zipf among the made-up words: 10% of the text
    words += made_up
    weights = np.concatenate([weights, 0.1 * rare / rare.sum()])
    return words, weights / weights.sum()


def write_corpus(path: Path, megabytes: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    words, p = word_table(rng)
    vocab = np.array(words, dtype=object)
    target = megabytes * 2**20
    written = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < target:
            ids = rng.choice(len(words), size=500_000, p=p)
            chosen = vocab[ids]
            lines = [" ".join(chosen[i : i + 12]) for i in range(0, len(chosen), 12)]
            block = "\n".join(lines) + "\n"
            block = block[: target - written] if written + len(block) > target else block
            fh.write(block)
            written += len(block)


def measure(corpus: Path, tokenizer: str, steps: int) -> dict:
    """Run the CLI on `corpus` in a child; its peak RSS (this process only waits)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, XDG_CACHE_HOME=str(Path(tmp) / "cache"))
        cmd = [sys.executable, "-m", "model.cli", "--corpus", str(corpus), "--out", str(Path(tmp) / "model"),
               "--tokenizer", tokenizer, "--steps", str(steps), "--eval-interval", str(steps),
               "--checkpoint-interval", str(steps), "--warmup", "2", "--quiet"]
        started = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kB on Linux
    tokens = re.search(r"tokens: ([\d,]+) train, ([\d,]+) validation", done.stdout)
    return {"status": done.returncode, "peak_mb": peak_kb / 1024, "seconds": seconds,
            "train_tokens": tokens.group(1) if tokens else "?", "stdout": done.stdout[-2000:],
            "stderr": done.stderr[-2000:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 300], help="corpus sizes in MB")
    parser.add_argument("--tokenizer", default="bpe", choices=["char", "word", "bpe"])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--measure", nargs=2, metavar=("FILE", "TOKENIZER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:  # one measurement per process, so that RUSAGE_CHILDREN is this corpus's run alone
        print(json.dumps(measure(Path(args.measure[0]), args.measure[1], args.steps)))
        return
    print("| corpus | tokenizer | train tokens | peak memory | wall time | status |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus-{size}mb.txt"
            write_corpus(corpus, size)
            out = subprocess.run([sys.executable, __file__, "--measure", str(corpus), args.tokenizer,
                                  "--steps", str(args.steps)], capture_output=True, text=True, check=True)
            result = json.loads(out.stdout)
            corpus.unlink()
            print(f"| {size} MB | {args.tokenizer} | {result['train_tokens']} | {result['peak_mb'] / 1024:.2f} GB | "
                  f"{result['seconds']:.0f} s | {result['status']} |", flush=True)
            if result["status"]:
                print(result["stderr"], file=sys.stderr)


if __name__ == "__main__":
    main()
