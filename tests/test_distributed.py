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
from _engine import TEXT, tiny_config, tokenizer
from safetensors.torch import load_file

from model.train import TrainConfig, Trainer

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


def _worker_errors(stderr: str) -> str:
    """What the ranks printed, without torchrun's own report (which is long and says only 'failed')."""
    return stderr.split("Traceback (most recent call last):\n  File \"<frozen runpy>\"")[0][-4000:]


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
    assert done.returncode == 0, _worker_errors(done.stderr)
    assert "2 processes" in done.stdout
    training = json.loads((tmp_path / "out" / "training.json").read_text())
    assert training["world_size"] == 2 and training["step"] == 6


@pytest.mark.slow
def test_cli_under_torchrun_reports_bad_input_without_a_traceback(tmp_path):
    cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", "2", "--master-port", "29518",
           "-m", "model.cli", "--corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "out"),
           "--tokenizer", "char", "--preset", "tiny", "--steps", "2", "--threads", "1", "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parent.parent,
                          env=dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache")))
    assert done.returncode != 0
    ranks_said = _worker_errors(done.stderr)
    assert ranks_said.count("error: ") == 2 and "missing" in ranks_said, ranks_said
    assert "Traceback" not in ranks_said and "exitcode  : 2" in done.stderr


EXIT_SCRIPT = """
import atexit, sys
import torch.distributed as dist
from model.train import exit_distributed
dist.init_process_group("gloo", init_method="file://{init}", rank=0, world_size=1)
import torch.distributed.nn.functional  # as DDP does: binds the WORLD group as a default argument
atexit.register(lambda: print("interpreter shut down"))
print("trained", end="")
exit_distributed(3)
"""


def test_exit_distributed_skips_interpreter_shutdown_and_keeps_output_and_status(tmp_path):
    # Interpreter shutdown is where a gloo worker thread, still releasing its last all-reduce, aborts the
    # process (once in about 60 torchrun runs). exit_distributed must end the process before it: an atexit
    # handler never runs, while the status and everything printed survive.
    script = EXIT_SCRIPT.format(init=tmp_path / "init")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).parent.parent)
    assert (done.returncode, done.stdout) == (3, "trained"), done.stderr[-2000:]


@pytest.mark.parametrize(
    "body, status, stderr_has",
    [("sys.exit()", 0, ""), ("sys.exit(2)", 2, ""), ("sys.exit('error: no corpus')", 1, "error: no corpus"),
     ("1 / 0", 1, "ZeroDivisionError"), ("7", 7, "")],
)
def test_run_distributed_ends_the_process_with_the_status_python_would_give(body, status, stderr_has):
    script = f"import sys\nfrom model.train import run_distributed\nrun_distributed(lambda: {body})\nprint('returned')"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).parent.parent)
    assert done.returncode == status and done.stdout == "" and stderr_has in done.stderr, done.stderr[-2000:]
