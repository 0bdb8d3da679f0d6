"""The trainer under DistributedDataParallel: 2 CPU processes with gloo."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.multiprocessing as mp
from safetensors.torch import load_file

from _engine import TEXT, tiny_config, tokenizer
from model.train import Trainer, TrainConfig

STEPS = 12


def make_trainer(out, steps):
    tok = tokenizer("char")
    ids = np.asarray(tok.encode(TEXT * 40), dtype=np.uint16)
    cfg = TrainConfig(steps=steps, batch_size=8, learning_rate=3e-3, warmup_steps=2, log_interval=3,
                      eval_interval=1000, eval_batches=1, checkpoint_interval=1000, device="cpu", seed=3)
    return Trainer(tiny_config(tok.vocab_size), tok, ids, ids[:200], cfg, out)


@pytest.mark.slow
def test_two_processes_match_one_process_on_the_same_global_batch(tmp_path):
    import _ddp_worker

    mp.spawn(_ddp_worker.run, args=(2, str(tmp_path / "init"), str(tmp_path), STEPS), nprocs=2, join=True)
    ranks = [load_file(str(tmp_path / f"rank{r}.safetensors")) for r in range(2)]
    logs = [json.loads((tmp_path / f"rank{r}.json").read_text()) for r in range(2)]
    assert logs[0]["world"] == 2 and logs[0]["losses"] == logs[1]["losses"]
    for name in ranks[0]:
        assert torch.equal(ranks[0][name], ranks[1][name]), f"{name} differs between ranks"

    single = make_trainer(tmp_path / "single", STEPS)
    losses = [r.train_loss for r in single.run()]
    np.testing.assert_allclose(logs[0]["losses"], losses, rtol=0, atol=1e-5)
    for name, value in single.model.state_dict().items():
        torch.testing.assert_close(ranks[0][name], value, atol=1e-5, rtol=1e-4)
    assert losses[-1] < losses[0]  # it trained


@pytest.mark.slow
def test_cli_runs_under_torchrun(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"doc{i}.txt").write_text(TEXT * 30)
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", "2", "--master-port", "29517",
           "-m", "model.cli", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--tokenizer", "char",
           "--vocab-size", "300", "--preset", "tiny", "--context-length", "32", "--steps", "6", "--batch-size", "4",
           "--eval-interval", "3", "--threads", "1", "--quiet", "--val-docs", "doc2"]
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent.parent, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "2 processes" in done.stdout
    training = json.loads((tmp_path / "out" / "training.json").read_text())
    assert training["world_size"] == 2 and training["step"] == 6
