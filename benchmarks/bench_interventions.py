"""Interventions benchmark: the "Which heads matter here?" scan (model.interventions.head_importance).

    python benchmarks/bench_interventions.py [--model DIR] [--repeats N]

Prints a table of medians over repeats: the scan at 64 and 128 tokens (target: under 1 s at 64 on the
shipped model), the L x H single-head ablations it replaces, each as one full traced pass (the
naive way), and their ratio. These machines are shared, so compare ratios, not absolutes.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _timing import timed  # noqa: E402  (beside this script)

from model.ablation import Ablation  # noqa: E402
from model.checkpoint import load_model  # noqa: E402
from model.interventions import head_importance  # noqa: E402
from model.paths import default_corpus_dir, default_model_dir  # noqa: E402


def row(name: str, value: str, target: str = "") -> None:
    print(f"| {name:<46} | {value:>22} | {target:<14} |")


def naive_scan(model, ids) -> None:
    """Every single-head ablation as its own explicit pass (what the batched scan replaces)."""
    with torch.no_grad():
        idx = torch.tensor([ids])
        for layer in range(model.config.n_layer):
            for head in range(model.config.n_head):
                run = model.run_explicit(idx, ablation=Ablation(frozenset({(layer, head)})))
                torch.softmax(model.unembed(run["residual"][0, -1]), dim=-1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(default_model_dir()))
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    # as the explorer's engine worker runs it (app.explore.engine.inference_threads): one core left to the GUI
    torch.set_num_threads(max(1, (os.cpu_count() or 2) - 1))

    loaded = load_model(args.model)
    model, cfg = loaded.model.eval(), loaded.config
    text = "".join(p.read_text() for p in sorted(default_corpus_dir().glob("*.txt"))[:1])
    ids = loaded.tokenizer.encode(text[:20_000])
    print(f"model: {args.model} ({cfg.n_layer} layers x {cfg.n_head} heads, d_model {cfg.d_model})  "
          f"torch {torch.__version__}, {torch.get_num_threads()} threads, CPU")
    print(f"| {'measure':<46} | {'median (ms)':>22} | {'target':<14} |")
    print(f"|{'-' * 48}|{'-' * 24}|{'-' * 16}|")
    for t in (64, 128):
        if t > cfg.context_length:
            continue
        window = ids[:t]
        scan = timed(lambda: head_importance(model, window), args.repeats)
        naive = timed(lambda: naive_scan(model, window), max(3, args.repeats // 3))
        scan_ms, naive_ms = statistics.median(scan), statistics.median(naive)
        row(f"head scan, {t} tokens, batched", f"{scan_ms:.1f} (p95 {np.percentile(scan, 95):.1f})",
            "< 1000" if t == 64 else "")
        row(f"head scan, {t} tokens, {cfg.n_layer * cfg.n_head} separate passes", f"{naive_ms:.1f}")
        row("  ratio separate / batched", f"{naive_ms / scan_ms:.1f}x")


if __name__ == "__main__":
    main()
