"""Our trainer against nanoGPT's own training step, side by side on nanoGPT's CPU configuration.

    python benchmarks/bench_vs_nanogpt.py                      # 5 rounds of 300 steps each
    python benchmarks/bench_vs_nanogpt.py --rounds 3 --steps 200 --threads 2
    python benchmarks/bench_vs_nanogpt.py --profile            # where one step of each spends its time

The configuration is the one nanoGPT's README gives for a CPU: 4 layers, 4 heads, width 128 (MLP
512), context 64, batch 12, dropout 0, character tokens, AdamW (lr 1e-3, betas 0.9/0.99, weight
decay 0.1), gradient clipping 1.0, fp32, no torch.compile, the same text file for both.

Each round runs, in fresh processes and in a rotating order:
  * nanogpt: ../shared/anchors/nanogpt/bench_step.py, nanoGPT's own model and inner loop, unmodified;
    it prints the median time of a step after 20 warm-up steps;
  * ours:    our Trainer (model/train.py, what lm-anatomy-train runs, built by model.recipes exactly
    as the CLI builds it), timed from outside: the wall-clock time between one step's record and
    the next (log_interval 1), so it also counts what the loop does between steps (learning-rate
    schedule, batch sampling, the record itself), which nanoGPT's timer does not;
  * ours-1pass: the same with the step not split across threads (model.step.SHARDS_MAX = 1), the
    way the trainer worked before: what the split is worth.
Both time from step 20 to the end; ratios are taken within a round, then the median over rounds.
Our character tokenizer keeps 256 byte tokens beside the text's characters (vocabulary 340 on the
bundled Shakespeare, nanoGPT's 84), so our output layer is 4x wider: a little more work, counted.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NANOGPT = ROOT.parent / "shared" / "anchors" / "nanogpt" / "bench_step.py"
WARMUP = 20  # steps not counted, as in bench_step.py

OURS = textwrap.dedent("""
    import json, statistics, sys, time
    sys.path.insert(0, {root!r})
    import torch
    if {threads}:
        torch.set_num_threads({threads})
    import model.step
    if {one_pass}:
        model.step.SHARDS_MAX = 1
    from model.config import ModelConfig
    from model.recipes import build_trainer
    from model.settings import TrainConfig
    steps = {steps}
    cfg = TrainConfig(steps=steps, batch_size=12, learning_rate=1e-3, min_learning_rate=1e-4, warmup_steps=100,
                      weight_decay=0.1, beta1=0.9, beta2=0.99, grad_clip=1.0, log_interval=1,
                      eval_interval=10 ** 9, checkpoint_interval=10 ** 9, device="cpu")
    sizes = ModelConfig(vocab_size=512, context_length=64, n_layer=4, n_head=4, d_model=128, d_mlp=512, dropout=0.0)
    trainer = build_trainer([{text!r}], "char", sizes, cfg, {out!r}).trainer
    times, last = [], time.perf_counter()
    for m in trainer.run():
        now = time.perf_counter()
        if m.event == "log":
            times.append(now - last)
        last = now  # the last record (evaluation, checkpoint) is not a step's time
    ms = statistics.median(times[{warmup}:]) * 1000
    print(json.dumps({{"ms": ms, "tokens_per_second": 768 / (ms / 1000), "loss": m.train_loss,
                       "threads": torch.get_num_threads(), "shards": trainer.shards,
                       "vocab": trainer.model_config.vocab_size}}))
""")


def corpus_file(folder: Path) -> Path:
    """The bundled Shakespeare as one text file: what both sides read."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "resources" / "corpora" / "shakespeare").glob("*.txt")))
    path = folder / "shakespeare.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run_nanogpt(text: Path, steps: int, threads: int) -> dict:
    cmd = [sys.executable, str(NANOGPT), str(text), "--steps", str(steps)] + (["--threads", str(threads)] if threads else [])
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    found = re.search(r"nanoGPT step: ([\d.]+) ms median, ([\d,]+) tokens/s, final loss ([\d.]+)", out)
    return {"ms": float(found[1]), "tokens_per_second": float(found[2].replace(",", "")), "loss": float(found[3])}


def run_ours(text: Path, steps: int, threads: int, one_pass: bool, folder: Path) -> dict:
    code = OURS.format(root=str(ROOT), threads=threads, one_pass=one_pass, steps=steps, text=str(text),
                       out=str(folder / ("one-pass" if one_pass else "ours")), warmup=WARMUP)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=5)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--threads", type=int, default=0, help="torch threads for both (default: torch's own choice)")
    p.add_argument("--modes", default="nanogpt,ours,ours-1pass")
    p.add_argument("--profile", action="store_true", help="print a torch.profiler table of one step of each, and stop")
    args = p.parse_args(argv)
    if not NANOGPT.exists():
        print(f"nanoGPT's bench_step.py is not at {NANOGPT}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="bench-nanogpt-") as tmp:
        folder = Path(tmp)
        text = corpus_file(folder)
        if args.profile:
            return profile_both(text, args.threads, folder)
        modes = args.modes.split(",")
        rows = []
        print(f"{args.rounds} rounds of {args.steps} steps; load average (1/5/15 min) at the start {load()}", flush=True)
        for r in range(args.rounds):
            order = modes[r % len(modes):] + modes[:r % len(modes)]
            row = {"load": load()}
            for mode in order:
                if mode == "nanogpt":
                    row[mode] = run_nanogpt(text, args.steps, args.threads)
                else:
                    row[mode] = run_ours(text, args.steps, args.threads, mode == "ours-1pass", folder)
            row["load_after"] = load()
            rows.append(row)
            print(f"round {r + 1} ({', '.join(order)}): " + ", ".join(
                f"{m} {row[m]['ms']:.1f} ms" for m in modes) + f"; load {row['load']} → {row['load_after']}", flush=True)
        report(rows, modes)
    return 0


def profile_both(text: Path, threads: int, folder: Path, steps: int = 10) -> int:
    """torch.profiler over `steps` steps of each, after 20 warm-up steps: the operators by own time."""
    import contextlib
    import importlib.util
    import io

    import numpy as np
    import torch
    from torch.profiler import ProfilerActivity, profile

    sys.path.insert(0, str(ROOT))
    from model.config import ModelConfig
    from model.recipes import build_trainer
    from model.settings import TrainConfig

    if threads:
        torch.set_num_threads(threads)
    cfg = TrainConfig(steps=10 ** 6, batch_size=12, weight_decay=0.1, beta1=0.9, beta2=0.99, log_interval=1,
                      eval_interval=10 ** 9, checkpoint_interval=10 ** 9, device="cpu")
    sizes = ModelConfig(vocab_size=512, context_length=64, n_layer=4, n_head=4, d_model=128, d_mlp=512)
    records = build_trainer([str(text)], "char", sizes, cfg, folder / "profile").trainer.run()
    spec = importlib.util.spec_from_file_location("nanogpt_model", NANOGPT.parent / "model.py")
    nano = importlib.util.module_from_spec(spec)
    with contextlib.redirect_stdout(io.StringIO()):
        spec.loader.exec_module(nano)
        gpt = nano.GPT(nano.GPTConfig(block_size=64, vocab_size=84, n_layer=4, n_head=4, n_embd=128, dropout=0.0,
                                      bias=False))
        opt = gpt.configure_optimizers(0.1, 1e-3, (0.9, 0.99), "cpu")
    data = torch.from_numpy(np.random.default_rng(0).integers(0, 84, 200_000))

    def nano_step():  # bench_step.py's loop body
        ix = torch.randint(len(data) - 64, (12,))
        x = torch.stack([data[i:i + 64] for i in ix.tolist()])
        y = torch.stack([data[i + 1:i + 65] for i in ix.tolist()])
        _, loss = gpt(x, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(gpt.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        loss.item()

    for name, step in (("ours", lambda: next(records)), ("nanogpt", nano_step)):
        for _ in range(WARMUP):
            step()
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            for _ in range(steps):
                step()
        events = prof.key_averages()
        calls = sum(e.count for e in events if e.key.startswith("aten::")) / steps
        print(f"\n{name}: {calls:.0f} aten operator calls a step; own CPU time per step, all threads:\n")
        print("| operator | calls a step | ms a step |\n|---|---|---|")
        for e in sorted(events, key=lambda e: -e.self_cpu_time_total)[:16]:
            print(f"| {e.key} | {e.count / steps:.0f} | {e.self_cpu_time_total / 1000 / steps:.2f} |")
    return 0


def report(rows: list[dict], modes: list[str]) -> None:
    print("\n| round | load before → after | " + " | ".join(f"{m} ms/step (tokens/s)" for m in modes)
          + " | " + " | ".join(f"{m} ÷ nanogpt" for m in modes if m != "nanogpt") + " |")
    print("|---" * (2 + len(modes) + len(modes) - 1) + "|")
    ratios: dict[str, list[float]] = {m: [] for m in modes if m != "nanogpt"}
    for i, row in enumerate(rows, 1):
        cells = [f"{row[m]['ms']:.1f} ({row[m]['tokens_per_second']:,.0f})" for m in modes]
        for m in ratios:
            ratios[m].append(row[m]["tokens_per_second"] / row["nanogpt"]["tokens_per_second"])
        print(f"| {i} | {row['load']} → {row['load_after']} | " + " | ".join(cells) + " | "
              + " | ".join(f"{ratios[m][-1]:.2f}" for m in ratios) + " |")
    for m, values in ratios.items():
        print(f"\n{m} ÷ nanogpt tokens/s, median of {len(values)} rounds: **{statistics.median(values):.2f}**")
    ours = next((rows[0][m] for m in modes if m != "nanogpt"), None)
    if ours:
        print(f"(ours: {ours['threads']} torch threads, step split in {ours['shards']}; vocabulary {ours['vocab']})")


if __name__ == "__main__":
    sys.exit(main())
