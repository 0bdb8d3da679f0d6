"""Faults: a full disk at a checkpoint, a killed process, NaN, bad corpora, out of memory."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_config, tokenizer
from _training import flat_settings, saves_fail_after

from app.training.jobs import out_of_memory_advice, prepare_pretraining
from app.training.previews import corpus_preview
from app.training.runs import RunStore
from app.training.worker import TrainingWorker
from model.checkpoint import load_model
from model.data import CorpusError
from model.settings import TrainingSettings
from model.train import TrainConfig, Trainer

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60000


def settings_for(corpus: Path, **changes) -> TrainingSettings:
    return flat_settings(**{**dict(name="fault", corpus=[str(corpus)], vocab_size=300, preset="custom", n_layer=1,
                                   n_head=2, d_model=16, d_mlp=32, context_length=32, batch_size=4, steps=2000,
                                   checkpoint_interval=10, sample_interval=0, snapshots=0), **changes})


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT * 100)
    (folder / "b.txt").write_text(TEXT.upper() * 20)
    return folder


def test_a_full_disk_keeps_the_previous_checkpoint_and_says_so(tmp_path, monkeypatch):
    tok = tokenizer("char")
    ids = np.asarray(tok.encode(TEXT * 40), dtype=np.uint16)
    cfg = TrainConfig(steps=30, batch_size=4, warmup_steps=2, log_interval=5, eval_interval=100, eval_batches=1,
                      checkpoint_interval=10, device="cpu")
    trainer = Trainer(tiny_config(tok.vocab_size), tok, ids, ids, cfg, tmp_path / "run")
    saves_fail_after(monkeypatch, trainer, 10, errno.ENOSPC, "No space left on device")
    records = list(trainer.run())
    at20 = next(r for r in records if r.step == 20)
    assert at20.checkpoint is None
    assert "No space left on device" in at20.message and "disk full" in at20.message
    assert "previous checkpoint (step 10) is intact" in at20.message
    assert records[-1].event == "done" and records[-1].step == 30  # training went on
    saved = load_model(tmp_path / "run")
    assert saved.training["step"] == 10 and torch.isfinite(saved.model.tok_emb.weight).all()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".run.")]  # no half-written folder left


KILLED_RUN = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from app.training.jobs import prepare_pretraining
    from app.training.runs import RunStore
    from model.settings import TrainingSettings
    settings = TrainingSettings.from_dict({settings!r})
    run = RunStore(Path({store!r})).create("killed", settings.to_dict())
    prepared = prepare_pretraining(settings, run.folder, False)
    run.update(status="running")
    for m in prepared.trainer.run():  # what the TrainingWorker does, without Qt
        run.append_metrics([m])
        if m.checkpoint:
            run.update(step=m.step)
""")


def test_a_killed_process_loses_at_most_one_checkpoint_interval(tmp_path, corpus):
    s = settings_for(corpus)
    script = KILLED_RUN.format(root=str(ROOT), settings=s.to_dict(), store=str(tmp_path / "runs"))
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE)
    store = RunStore(tmp_path / "runs")
    try:
        deadline = time.monotonic() + 50
        while time.monotonic() < deadline:
            runs = store.runs()
            if runs and len(runs[0].metrics()["step"]) and runs[0].metrics()["step"][-1] >= 37:
                break
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
        else:
            pytest.fail("the run did not get going")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    run = store.runs()[0]
    last_logged = int(run.metrics()["step"][-1])
    assert run.status == "running" and run.can_resume()
    # The metric log is written in batches, so a kill can leave it a few steps behind a checkpoint just
    # written (CI once saw checkpoint 50 with the log at 45): either way no more than one interval is lost.
    assert last_logged - s.train.checkpoint_interval <= run.checkpoint_step() <= last_logged + s.train.checkpoint_interval
    assert [r.id for r in store.interrupted()] == [run.id]  # the next start offers to resume it
    resumed = prepare_pretraining(s, run.folder, resume=True).trainer
    assert resumed.step == run.checkpoint_step()


def test_nan_stops_the_run_with_an_explanation(qtbot, tmp_path, corpus):
    def poisoned(settings, folder, resume, say):
        prepared = prepare_pretraining(settings, folder, resume, say)
        model = prepared.trainer.model
        calls = []

        def hook(module, inputs, output):
            if not threading.current_thread().name.startswith("train-shard"):  # one count a step (model/step.py)
                calls.append(1)
            return output * float("nan") if len(calls) > 12 else output

        model.tok_emb.register_forward_hook(hook)
        return prepared

    run = RunStore(tmp_path / "runs").create("nan", {})
    worker = TrainingWorker(settings_for(corpus, steps=40), run, prepare=poisoned)
    with qtbot.waitSignal(worker.ended, timeout=TIMEOUT) as ended:
        worker.start()
    worker.wait()
    event, message = ended.args
    assert event == "diverged" and "learning rate" in message and "step 10" in message
    assert json.loads((run.folder / "run.json").read_text())["status"] == "diverged"
    assert load_model(run.checkpoint).training["step"] == 10  # the last good checkpoint is kept


def test_bad_corpora_are_reported_never_raised(tmp_path, monkeypatch):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("To be or not to be\n" * 10)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "latin1.txt").write_bytes("caf\xe9 au lait\n".encode("latin-1"))
    import model.data

    monkeypatch.setattr(model.data, "MAX_FILE_BYTES", 100)
    preview = corpus_preview([str(folder)])
    notes = " | ".join(preview.notices)
    assert preview.names == ["good", "latin1"] and preview.documents == 2
    assert "empty.txt: empty" in notes and "binary.txt: looks like a binary" in notes
    assert "not valid UTF-8" in notes and "good.txt: larger than" in notes and "only the first part" in notes
    with pytest.raises(CorpusError, match="no usable text"):
        corpus_preview([str(folder / "empty.txt"), str(folder / "binary.txt")])


def test_a_run_on_unusable_text_fails_with_a_message(qtbot, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    run = RunStore(tmp_path / "runs").create("empty", {})
    worker = TrainingWorker(settings_for(tmp_path / "empty.txt"), run)
    with qtbot.waitSignal(worker.ended, timeout=TIMEOUT) as ended:
        worker.start()
    worker.wait()
    assert ended.args[0] == "failed" and "no usable text" in ended.args[1]


def test_out_of_memory_says_what_to_change(qtbot, tmp_path, corpus):
    s = settings_for(corpus, batch_size=64, context_length=512)
    advice = out_of_memory_advice(torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB"), s)
    assert "batch size (now 64)" in advice and "context (now 512" in advice and "smaller model" in advice
    assert out_of_memory_advice(ValueError("something else"), s) is None

    def oom(*args):
        raise RuntimeError("CUDA out of memory. Tried to allocate 20.00 MiB")

    run = RunStore(tmp_path / "runs").create("oom", {})
    worker = TrainingWorker(s, run, prepare=oom)
    with qtbot.waitSignal(worker.ended, timeout=TIMEOUT) as ended:
        worker.start()
    worker.wait()
    assert ended.args[0] == "failed" and "halve the batch size (now 64)" in ended.args[1]
