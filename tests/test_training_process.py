"""Training in a child process: a real run end to end through the panel, a killed child, messages
(NaN, out of memory, full disk) crossing the process boundary, a child that will not stop."""
from __future__ import annotations

import functools
import os
import pickle
import re
import signal

import _child_jobs
import numpy as np
import pytest
from test_training_pretrain import corpus, small_settings  # noqa: F401  (corpus is a fixture)

from app.common.appearance import Appearance
from app.training import child, jobs
from app.training.pretrain import PretrainPanel
from app.training.runs import RunStore
from app.training.worker import TrainerView, TrainingWorker
from model.checkpoint import load_model

TIMEOUT = 180000  # generous: the training child runs at lower priority, so a busy machine slows it


@pytest.fixture
def panel(qtbot, tmp_path, monkeypatch, corpus):  # noqa: F811
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    p = PretrainPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(p)
    p.form.set_settings(small_settings(corpus, steps=4000))
    yield p
    p.shutdown()


def run_worker(qtbot, worker: TrainingWorker) -> tuple[str, str]:
    with qtbot.waitSignal(worker.ended, timeout=TIMEOUT) as ended:
        worker.start()
    worker.wait()
    return tuple(ended.args)


def test_the_apps_preparers_go_to_a_child_and_closures_stay_on_a_thread(tmp_path, corpus):  # noqa: F811
    run = RunStore(tmp_path / "runs").create("x", {})
    s = small_settings(corpus)
    continued = jobs.continued_preparer(str(tmp_path / "base"))
    assert pickle.loads(pickle.dumps(continued)).args == (str(tmp_path / "base"),)
    assert TrainingWorker(s, run).mode == "child"
    assert TrainingWorker(s, run, prepare=continued).mode == "child"
    assert TrainingWorker(s, run, prepare=lambda *a: None).mode == "thread"


def test_a_run_in_the_child_end_to_end(qtbot, panel):
    panel.start()
    qtbot.waitUntil(lambda: panel.last_step >= 20, timeout=TIMEOUT)
    worker = panel.worker
    assert worker.mode == "child" and worker.process.pid != os.getpid() and isinstance(worker.trainer, TrainerView)

    # Pause: the child stops stepping, and has written every step it showed
    with qtbot.waitSignal(worker.paused_changed, timeout=TIMEOUT):
        panel.toggle_pause()
    paused_at, points = worker.step, panel.curves.point_count()
    qtbot.wait(500)
    assert worker.step == paused_at and panel.curves.point_count() == points and worker.paused
    assert panel.run.metrics()["step"][-1] == paused_at

    # Resume: the next record is the next log step after the pause
    panel.toggle_pause()
    qtbot.waitUntil(lambda: panel.curves.point_count() > points, timeout=TIMEOUT)
    assert panel.curves.data["step"][points] == paused_at + worker.settings.train.log_interval

    # Stop: a loadable checkpoint at the step it stopped, and this process's copy of run.json agrees
    qtbot.waitUntil(lambda: panel.last_step >= paused_at + 10, timeout=TIMEOUT)
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.stop()
    assert ended.args[0] == "stopped" and not panel.is_training() and panel.start_button.isEnabled()
    assert not worker.process.is_alive() and worker.process.exitcode == 0
    run = panel.run
    assert load_model(run.checkpoint).training["step"] == run.checkpoint_step() >= paused_at + 10
    assert run.status == "stopped" and run.can_resume() and RunStore(run.folder.parent).get(run.id).status == "stopped"
    loss = np.array(panel.curves.data["train_loss"])
    assert loss[-3:].mean() < loss[:3].mean() - 0.5
    np.testing.assert_allclose(run.metrics()["train_loss"], loss, rtol=1e-4)


def test_a_killed_child_ends_the_run_with_a_message_and_the_panel_works_again(qtbot, panel, corpus,  # noqa: F811
                                                                             monkeypatch):
    # a checkpoint every 10 steps (the form would pick 400 for 4000 steps)
    monkeypatch.setattr(panel.form, "settings", lambda: small_settings(corpus, steps=4000, checkpoint_interval=10))
    panel.start()
    qtbot.waitUntil(lambda: panel.last_step >= 15 and panel.run.has_checkpoint(), timeout=TIMEOUT)
    with qtbot.waitSignal(panel.run_ended, timeout=15000) as ended:
        os.kill(panel.worker.process.pid, getattr(signal, "SIGKILL", signal.SIGTERM))
    event, message = ended.args
    assert event == "failed" and "training process was killed" in message
    run = panel.run
    assert f"last checkpoint (step {run.checkpoint_step():,}) is kept" in message and run.checkpoint_step() >= 10
    assert message in panel.status.text()
    assert not panel.is_training() and panel.start_button.isEnabled() and not panel.stop_button.isEnabled()
    assert RunStore(run.folder.parent).get(run.id).can_resume()  # killed, not lost: Past runs can resume it

    monkeypatch.setattr(panel.form, "settings", lambda: small_settings(corpus, steps=10, sample_interval=0))
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as again:
        panel.start()
    assert again.args[0] == "done" and panel.run.id != run.id and panel.run.checkpoint_step() == 10


def test_the_child_loads_no_qt_and_uses_the_training_threads(qtbot, tmp_path, corpus):  # noqa: F811
    run = RunStore(tmp_path / "runs").create("child", {})
    worker = TrainingWorker(small_settings(corpus, steps=5), run, prepare=_child_jobs.report_process)
    said = []
    worker.status.connect(said.append)
    assert run_worker(qtbot, worker)[0] == "done"
    report = next(s for s in said if s.startswith("pid="))
    pid, threads, qt = re.fullmatch(r"pid=(\d+) threads=(\d+) qt=(.*)", report).groups()
    assert int(pid) == worker.process.pid != os.getpid()
    assert int(threads) == child.training_threads() and qt == "[]"


@pytest.mark.parametrize("fault", ["nan", "out of memory", "full disk"])
def test_fault_messages_cross_the_process_boundary(qtbot, tmp_path, corpus, fault):  # noqa: F811
    s = small_settings(corpus, steps=30, log_interval=5, checkpoint_interval=10, sample_interval=0, snapshots=0)
    prepare = {"nan": functools.partial(_child_jobs.nan_after, 12), "out of memory": _child_jobs.out_of_memory,
               "full disk": functools.partial(_child_jobs.full_disk_after, 10)}[fault]
    run = RunStore(tmp_path / "runs").create(fault, {})
    worker = TrainingWorker(s, run, prepare=prepare)
    assert worker.mode == "child"
    messages = []
    worker.records.connect(lambda records: messages.extend(r.message for r in records if r.message))
    event, message = run_worker(qtbot, worker)
    if fault == "nan":
        assert event == "diverged" and "learning rate" in message and "step 10" in message
        assert run.status == "diverged" and load_model(run.checkpoint).training["step"] == 10
    elif fault == "out of memory":
        assert event == "failed" and "halve the batch size (now 8)" in message and run.status == "failed"
    else:  # the last save failed too: never reported as a finished run, and resumable from step 10
        assert event == "failed" and "Could not save a checkpoint at step 30" in message
        assert any("disk full" in m and "previous checkpoint (step 10) is intact" in m for m in messages)
        assert run.status == "stopped" and load_model(run.checkpoint).training["step"] == 10


def test_a_child_that_will_not_stop_is_ended(qtbot, tmp_path, corpus):  # noqa: F811
    run = RunStore(tmp_path / "runs").create("hang", {})
    worker = TrainingWorker(small_settings(corpus), run, prepare=_child_jobs.hang)
    with qtbot.waitSignal(worker.status, timeout=TIMEOUT):
        worker.start()
    with qtbot.waitSignal(worker.ended, timeout=TIMEOUT) as ended:
        assert worker.stop_and_wait(timeout_ms=300) is False
    assert ended.args[0] == "failed" and "did not stop in time" in ended.args[1]
    assert not worker.isRunning() and not worker.process.is_alive() and run.status == "failed"
