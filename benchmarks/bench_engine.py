"""Engine benchmark: prints a table for a model folder (default: the shipped model).

    python benchmarks/bench_engine.py [--model DIR] [--repeats N]

Quotes medians and p95 over repeats; these machines are shared, so compare ratios, not absolutes.
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _timing import timed  # noqa: E402  (beside this script)

from model.checkpoint import load_model  # noqa: E402
from model.config import parameter_count  # noqa: E402
from model.data import sample_batch  # noqa: E402
from model.decoding import Decoder  # noqa: E402
from model.paths import default_corpus_dir, default_model_dir  # noqa: E402
from model.tracing import trace_ids  # noqa: E402
from model.train import TrainConfig, Trainer  # noqa: E402
from model.transformer import Transformer  # noqa: E402


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def row(name: str, value: str, target: str = "") -> None:
    print(f"| {name:<44} | {value:>24} | {target:<16} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(default_model_dir()))
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--train-steps", type=int, default=15, help="steps per timing round")
    parser.add_argument("--train-rounds", type=int, default=4, help="paired timing rounds")
    parser.add_argument("--only-training", action="store_true", help="skip the forward and decode timings")
    args = parser.parse_args()

    loaded = load_model(args.model)
    model, tok, cfg = loaded.model, loaded.tokenizer, loaded.config
    text = "".join(p.read_text() for p in sorted(default_corpus_dir().glob("*.txt"))[:2])
    ids = tok.encode(text[:200_000])
    print(f"model: {args.model}  torch {torch.__version__}, {torch.get_num_threads()} threads, CPU")
    print(f"| {'measure':<44} | {'value':>24} | {'target':<16} |")
    print(f"|{'-' * 46}|{'-' * 26}|{'-' * 18}|")
    row("parameters", f"{parameter_count(cfg)['total']:,}")

    if not args.only_training:
        for t in (16, 64, 256):
            if t > cfg.context_length:
                continue
            idx = torch.tensor([ids[:t]])
            with torch.no_grad():
                fast = timed(lambda: model(idx), args.repeats)
            traced = timed(lambda: trace_ids(model, ids[:t]), args.repeats)
            row(f"forward {t} tokens, fast path (ms)", f"{statistics.median(fast):.2f} (p95 {p95(fast):.2f})")
            row(f"forward {t} tokens, traced (ms)", f"{statistics.median(traced):.2f} (p95 {p95(traced):.2f})",
                "median <= 15" if t == 64 else "")

        # Decoding: 64-token prompt, then 64 steps. With the KV cache vs re-tracing the whole text.
        prompt, n_steps = ids[:64], 64
        cached_ms, full_ms = [], []
        decoder = Decoder(model, prompt)
        for tok_id in ids[64 : 64 + n_steps]:
            start = time.perf_counter()
            decoder.step(tok_id)
            cached_ms.append((time.perf_counter() - start) * 1000)
        for i in range(n_steps // 4):
            start = time.perf_counter()
            trace_ids(model, ids[: 65 + i])
            full_ms.append((time.perf_counter() - start) * 1000)
        row("traced decode step, KV cache (ms)", f"{statistics.median(cached_ms):.2f} (p95 {p95(cached_ms):.2f})", "median <= 20")
        row("decode tokens/s, KV cache", f"{1000 / statistics.median(cached_ms):.0f}")
        row("decode tokens/s, full re-trace each step", f"{1000 / statistics.median(full_ms):.0f}")

    # Training: our Trainer vs a bare forward/backward/step loop, same model config and batches.
    train_ids = np.asarray(ids, dtype=np.uint16)
    batch, steps = 16, args.train_steps
    trainer_tps, bare_tps = [], []
    def run_trainer(tmp: str) -> float:
        tc = TrainConfig(steps=steps, batch_size=batch, log_interval=5, eval_interval=10**9, eval_batches=0,
                         checkpoint_interval=10**9, device="cpu", seed=0)
        trainer = Trainer(cfg, tok, train_ids, train_ids[:0], tc, Path(tmp) / "run")
        trainer.save_checkpoint = lambda: None  # time the loop, not the disk
        start = time.perf_counter()
        for _m in trainer.run():
            pass
        return steps * batch * cfg.context_length / (time.perf_counter() - start)

    def run_bare() -> float:
        torch.manual_seed(0)
        bare = Transformer(cfg)
        decay = [p for p in bare.parameters() if p.dim() >= 2]
        no_decay = [p for p in bare.parameters() if p.dim() < 2]
        opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                                lr=1e-3, betas=(0.9, 0.99))
        gen = torch.Generator().manual_seed(0)
        bare.train()
        start = time.perf_counter()
        for _ in range(steps):
            x, y = sample_batch(train_ids, batch, cfg.context_length, gen)
            _, loss = bare(x, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(bare.parameters(), 1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
        return steps * batch * cfg.context_length / (time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as tmp:
        run_bare()  # warm up the allocator and kernels before anything is timed
        for i in range(args.train_rounds):  # alternate which goes first, so neither gains from going second
            if i % 2:
                bare_tps.append(run_bare())
                trainer_tps.append(run_trainer(tmp))
            else:
                trainer_tps.append(run_trainer(tmp))
                bare_tps.append(run_bare())
    ratio = statistics.median(t / b for t, b in zip(trainer_tps, bare_tps))
    row("training tokens/s, our Trainer", f"{statistics.median(trainer_tps):,.0f}")
    row("training tokens/s, bare loop", f"{statistics.median(bare_tps):,.0f}")
    row(f"Trainer / bare loop (median, {args.train_rounds} pairs)", f"{ratio:.3f}", ">= 0.95")
    row("peak memory, RSS (MB)", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")


if __name__ == "__main__":
    main()
