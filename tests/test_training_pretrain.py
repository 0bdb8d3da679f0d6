"""A real short pre-training run driven through the panel: loss falls, plots fill, Pause stops
the steps, Resume continues from the same step, Stop leaves a loadable checkpoint."""
from __future__ import annotations

import numpy as np
import pytest
from _training import flat_settings, write_corpus

from app.common.appearance import Appearance
from app.training.pretrain import PretrainPanel
from app.training.runs import RunStore
from model.settings import TrainingSettings

TIMEOUT = 180000  # generous: the training child runs at lower priority, so a busy machine slows it


@pytest.fixture
def corpus(tmp_path):
    return write_corpus(tmp_path / "corpus", 4)


@pytest.fixture
def panel(qtbot, tmp_path, monkeypatch, corpus):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    p = PretrainPanel(Appearance(), RunStore(tmp_path / "runs"))
    qtbot.addWidget(p)
    p.form.set_settings(small_settings(corpus))
    yield p
    p.shutdown()


def small_settings(corpus, **changes) -> TrainingSettings:
    """Settings as the app's run.json held them before #13 (flat), read as it reads them now."""
    return flat_settings(**{**dict(name="test run", corpus=[str(corpus)], vocab_size=300, preset="custom", n_layer=2,
                                   n_head=2, d_model=32, d_mlp=64, context_length=32, batch_size=8, steps=80,
                                   sample_interval=20, sample_prompt="When"), **changes})


def test_settings_round_trip_and_old_run_json_loads(corpus):
    s = small_settings(corpus, steps=500)
    assert TrainingSettings.from_dict(s.to_dict()) == s
    # the flat layout the app wrote before #13: the same run, the TrainConfig the app derived from it
    assert (s.model.n_layer, s.model.vocab_size, s.train.steps, s.train.log_interval) == (2, 300, 500, 5)
    assert s.train.min_learning_rate == pytest.approx(3e-4) and s.train.warmup_steps == 50
    assert s.train.snapshot_interval == 50 and s.train.eval_batches == 4 and s.train.sample_prompt == "When"


def test_form_round_trips_settings(panel, corpus):
    s = panel.form.settings()
    m, t = s.model, s.train
    assert (m.n_layer, m.n_head, m.d_model, m.context_length, t.steps, s.tokenizer) == (2, 2, 32, 32, 80, "char")
    assert s.corpus == [str(corpus)] and s.preset == "custom"
    assert t.sample_interval % t.log_interval == 0 and t.checkpoint_interval % t.log_interval == 0
    panel.form.preset_combo.setCurrentIndex(panel.form.preset_combo.findData("tiny"))
    assert panel.form.settings().model.d_model == 128 and not panel.form.d_model_spin.isEnabled()


def test_a_short_run_end_to_end(qtbot, panel):
    steps_seen = []
    panel.records_shown.connect(steps_seen.append)
    panel.start()
    assert panel.is_training() and not panel.start_button.isEnabled()
    qtbot.waitUntil(lambda: panel.last_step >= 20, timeout=TIMEOUT)
    worker = panel.worker

    # Pause stops the steps
    with qtbot.waitSignal(worker.paused_changed, timeout=TIMEOUT):
        panel.toggle_pause()
    paused_at = worker.step
    points = panel.curves.point_count()
    qtbot.wait(400)
    assert worker.step == paused_at and worker.trainer.step == paused_at
    assert panel.curves.point_count() == points and "Paused at step" in panel.status.text()

    # Resume continues from the same step
    n_before = len(steps_seen)
    panel.toggle_pause()
    qtbot.waitUntil(lambda: len(steps_seen) > n_before, timeout=TIMEOUT)
    log = worker.settings.train.log_interval
    first_after = panel.curves.data["step"][points]
    assert first_after == paused_at + log

    # Stop leaves a loadable checkpoint
    qtbot.waitUntil(lambda: panel.last_step >= 40, timeout=TIMEOUT)
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT) as ended:
        panel.stop()
    assert ended.args[0] == "stopped"
    assert not panel.is_training() and panel.start_button.isEnabled()
    from model.checkpoint import load_model

    run = panel.run
    loaded = load_model(run.checkpoint)
    assert loaded.training["step"] == run.checkpoint_step() >= 40
    assert run.status == "stopped" and run.can_resume()

    # the plots received every record, and the loss fell
    loss = np.array(panel.curves.data["train_loss"])
    assert len(loss) == len(panel.curves.data["step"]) >= 40 // log
    assert loss[-3:].mean() < loss[:3].mean() - 0.5
    xs, ys = panel.curves.train_curve.getData()
    np.testing.assert_allclose(ys, loss)
    assert len(panel.curves.val_curve.getData()[0]) >= 1

    # the run folder: metrics.csv mirrors the records, samples were written, snapshots kept
    metrics = run.metrics()
    np.testing.assert_allclose(metrics["train_loss"], loss, rtol=1e-4)
    assert [s for s, _ in run.samples()] == [20, 40]
    assert "— step 40 —" in panel.samples.toPlainText().splitlines()[0]
    snaps = [s for s, _ in run.snapshots()]
    assert snaps[0] == 0 and len(snaps) >= 4
    assert panel.checkpoints.count() == len(snaps) + 1  # and the latest checkpoint on top

    # "Open in explorer" hands the checkpoint folder to the window
    with qtbot.waitSignal(panel.open_model_requested) as opened:
        panel.open_button.click()
    assert opened.args[0] == str(run.checkpoint)


def test_resume_continues_a_stopped_run(qtbot, panel, tmp_path):
    panel.start()
    qtbot.waitUntil(lambda: panel.last_step >= 16, timeout=TIMEOUT)
    with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT):
        panel.stop()
    run = panel.run
    stopped_at = run.checkpoint_step()

    fresh = PretrainPanel(Appearance(), RunStore(tmp_path / "runs"))  # the next start of the app
    qtbot.addWidget(fresh)
    try:
        assert not fresh.resume_banner.isHidden() and fresh.resume_banner.candidate.id == run.id
        steps = []
        fresh.records_shown.connect(steps.append)
        with qtbot.waitSignal(fresh.run_ended, timeout=TIMEOUT) as ended:
            fresh.resume_banner.button.click()
        assert ended.args[0] == "done"
        assert fresh.curves.data["step"][0] < stopped_at < steps[0] <= stopped_at + fresh.worker.settings.train.log_interval
        assert fresh.run.checkpoint_step() == 80 and fresh.progress.value() == 80
        assert not fresh.run.can_resume() and fresh.resume_banner.isHidden()
    finally:
        fresh.shutdown()


def test_past_runs_compare_and_delete(qtbot, panel, monkeypatch):
    for _ in range(2):
        with qtbot.waitSignal(panel.run_ended, timeout=TIMEOUT):
            panel.start()
            qtbot.waitUntil(lambda: panel.last_step >= 6, timeout=TIMEOUT)
            panel.stop()
    assert panel.run_list.list.count() == 2
    from PySide6.QtCore import Qt

    for i in range(2):
        panel.run_list.list.item(i).setCheckState(Qt.Checked)
    assert len(panel.curves.overlays) == 2
    panel.run_list.list.setCurrentRow(1)
    older = panel.selected_run()
    panel.show_run(older)
    assert panel.curves.point_count() == len(older.metrics()["step"]) > 0
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    panel.delete_run(older)
    assert panel.run_list.list.count() == 1 and not older.folder.exists() and len(panel.curves.overlays) == 1
