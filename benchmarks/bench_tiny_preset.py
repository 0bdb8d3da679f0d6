"""The classroom claim for the `tiny` preset: on 2 CPU cores its loss visibly falls within 30 s,
and its samples show real words within 3 minutes. Prints the loss over wall time and samples.

    python benchmarks/bench_tiny_preset.py [--minutes 3]
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.config import PRESETS, ModelConfig, parameter_count  # noqa: E402
from model.data import read_corpus, split_documents, tokenize_documents  # noqa: E402
from model.decoding import generate  # noqa: E402
from model.paths import default_corpus_dir  # noqa: E402
from model.tokenizer import TextTokenizer  # noqa: E402
from model.train import TrainConfig, Trainer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=3.0)
    args = parser.parse_args()
    started = time.perf_counter()
    corpus = read_corpus([default_corpus_dir()])
    train_docs, val_docs = split_documents(corpus, ["julius_caesar", "twelfth_night", "lovers_complaint"])
    tok = TextTokenizer.train("bpe", (d.text for d in train_docs), 2048)
    with tempfile.TemporaryDirectory() as tmp:
        train_ids = tokenize_documents(tok, train_docs, Path(tmp))
        val_ids = tokenize_documents(tok, val_docs, Path(tmp))
        cfg = ModelConfig(vocab_size=tok.vocab_size, **PRESETS["tiny"])
        tc = TrainConfig(steps=100_000, batch_size=16, log_interval=10, eval_interval=10**9, eval_batches=4,
                         checkpoint_interval=10**9, warmup_steps=50, device="cpu")
        trainer = Trainer(cfg, tok, train_ids, val_ids, tc, Path(tmp) / "run")
        print(f"tiny preset: {parameter_count(cfg)['total']:,} parameters; setup {time.perf_counter() - started:.1f} s")
        print(f"{'wall s':>7} {'step':>6} {'train loss':>10}")
        t0 = time.perf_counter()
        next_report = 0.0
        for m in trainer.run():
            wall = time.perf_counter() - t0
            if wall >= next_report:
                print(f"{wall:7.1f} {m.step:6d} {m.train_loss:10.3f}")
                next_report += 15
            if wall > args.minutes * 60:
                break
        trainer.model.eval()
        sample = generate(trainer.model, tok, "\n", 120, temperature=0.8, seed=0)
        words = re.findall(r"[A-Za-z']+", sample)
        known = set(re.findall(r"[A-Za-z']+", " ".join(d.text for d in train_docs)))
        real = sum(w in known for w in words)
        print(f"after {wall / 60:.1f} min, step {m.step}: {real}/{len(words)} of the sampled words appear in the corpus")
        print("sample:\n" + sample)


if __name__ == "__main__":
    main()
