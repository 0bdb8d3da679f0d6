"""The pre-training panel: settings on the left (form.py); Start/Pause/Resume/Stop, live curves,
samples, checkpoints and past runs in the middle; the lesson on the right.

The run lifecycle is the RunController's (controller.py); the run trains in a TrainingWorker's child
process. Quick previews (corpus, tokenizer, step time) run on the controller's aux worker.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.i18n import QT_TR_NOOP, tr, translated
from model.settings import TrainingSettings

from ..common.appearance import Appearance
from . import previews
from .controller import RunController, RunPanel, ending_text
from .controls import duration
from .curves import TrainingCurves
from .form import PretrainForm
from .layout import lesson_columns, run_column, scrolled, splitter
from .pretrain_views import CheckpointList, ResumeBanner, SamplesView
from .run_list import describe_run, status_text
from .runs import Run, RunStore
from .worker import TrainingWorker


class PretrainPanel(RunPanel):
    records_shown = Signal(int)  # the step now on screen
    stop_note, delete_note = QT_TR_NOOP("Stopping: saving a checkpoint…"), QT_TR_NOOP(" and all its checkpoints")

    def __init__(self, appearance: Appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.appearance, self.store = appearance, store or RunStore()
        self.attach(RunController(appearance, self.store, ("pretrain",), describe_run, self.start,
                                  tr("Choose a text, a tokenizer and a model size, then press Start."), pause=True,
                                  list_hint=tr("Tick runs to overlay their loss curves on the plot above."),
                                  checkable=True, parent=self))
        self.last_step = self.snapshot_every = 0
        shown = lambda kind, result: {"corpus": self.form.show_corpus, "tokenizer": self.form.show_tokenizer,  # noqa: E731
                                      "estimate": self.form.show_estimate}[kind](result)
        self.aux = self.runner.aux_worker("train-aux", shown, shown)
        self._activated = False
        a, r = self.appearance, self.runner
        self.form = PretrainForm(a)
        self.form.corpus_changed.connect(lambda paths: self.aux.submit("corpus", lambda: previews.corpus_preview(paths)))
        self.form.tokenizer_preview_requested.connect(self._preview_tokenizer)
        self.form.estimate_requested.connect(self._estimate)
        self.pause_button = r.pause_button
        self.eta_label = QLabel("")
        r.controls.addWidget(self.eta_label)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.resume_banner = ResumeBanner()
        self.resume_banner.resume_requested.connect(self.resume_run)
        self.curves = TrainingCurves(a, steps=self.form.steps_spin)  # before a run: the steps asked for
        self.samples = SamplesView(a)
        self.checkpoints = CheckpointList()
        self.checkpoints.open_requested.connect(r.open_in_explorer)
        self.open_button = self.checkpoints.open_button
        self.run_list.checked_changed.connect(self._compare_changed)
        r.deleted.connect(self.refresh_runs)
        r.shown.connect(self._show_run)
        r.cleared.connect(self._clear_views)
        r.running_changed.connect(self.form.set_running)
        self.resume_run_button = self.run_list.add_button(tr("Resume"), self.resume_run, Run.can_resume)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.samples, tr("Samples"))
        self.tabs.addTab(self.checkpoints, tr("Checkpoints"))
        past = QWidget()
        QVBoxLayout(past).addWidget(self.run_list)
        self.tabs.addTab(past, tr("Past runs"))
        center = run_column([r.controls, self.status, self.resume_banner],
                            splitter(self.curves, self.tabs, stretch=(3, 2)))
        self.lesson = lesson_columns(self, scrolled(self.form, 300), center, a, "pretraining", [360, 760, 300])
        self.refresh_runs()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._activated:  # the corpus preview and step-time estimate wait until someone looks
            self._activated = True
            self.form.set_corpus(self.form.paths)
            self.form.estimate_timer.start()

    # ---- previews ------------------------------------------------------------------------
    def _preview_tokenizer(self, settings) -> None:
        self.form.tokenizer_info.setText(tr("Training the tokenizer on your text…"))
        self.aux.submit("tokenizer", lambda: previews.preview_tokenizer(settings))

    def _estimate(self, settings: TrainingSettings) -> None:
        if self.is_training():
            return  # measuring would slow the run and be wrong anyway
        self.form.estimate_label.setText(tr("Measuring a training step…"))
        model, train = settings.model, settings.train
        self.aux.submit("estimate", lambda: previews.estimate_step(model, train.batch_size, train.device))

    # ---- a run ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.is_training():
            return
        try:
            settings = self.form.settings()
        except ValueError as exc:
            self.status.setText(tr("These model sizes do not fit together: {0}").format(translated(exc)))
            return
        self.run = self.store.create(settings.name, settings.to_dict())
        self._launch(settings, resume=False)

    def resume_run(self, run: Run | None) -> None:
        if run is None or self.is_training():
            return
        if not run.can_resume():
            self.status.setText(tr("{0} cannot be resumed: it has no resumable checkpoint.").format(run.name))
            return
        self.resume_banner.hide()
        self.show_run(run)
        self.curves.truncate(run.checkpoint_step())  # steps after the checkpoint are trained again
        settings = TrainingSettings.from_dict(run.info.get("settings", {}))
        self.form.set_settings(settings)
        self._launch(settings, resume=True, keep_view=True)

    def _launch(self, settings: TrainingSettings, resume: bool, keep_view: bool = False) -> None:
        if not keep_view:
            self._clear_views()
        self.snapshot_every, self.last_step = settings.train.snapshot_interval, 0
        self.runner.total_steps = settings.train.steps
        self.progress.setRange(0, 0)  # busy until the corpus is read and the tokenizer trained
        self.eta_label.setText("")
        self.status.setText(tr("Preparing…"))
        worker = TrainingWorker(settings, self.run, resume=resume, parent=self)
        worker.prepared.connect(self._prepared)
        worker.records.connect(self._records)
        worker.paused_changed.connect(self.runner.paused_changed)
        self.runner.launch(worker, self._ended)

    def _prepared(self, info: dict) -> None:
        self.status.setText(tr("Training: {0}").format(info["summary"]) + (" · " + "; ".join(info["notices"][:3])
                                                                if info.get("notices") else ""))
        if info.get("tokenizer_preview") is not None:
            self.form.show_tokenizer(info["tokenizer_preview"])
        self.runner.set_progress(info["step"], info["total_steps"])
        self.curves.set_run_length(info["total_steps"])
        self.checkpoints.add_snapshots(self.run, up_to=info["step"])

    def _records(self, records: list) -> None:
        self.curves.add(records)
        last = records[-1]
        self.last_step = last.step
        self.progress.setValue(last.step)
        self.eta_label.setText(tr("{0} tokens/s · {1} left").format(f"{last.tokens_per_second:,.0f}", duration(last.eta)))
        for r in records:
            if r.sample:
                self.samples.add(r.step, r.sample)
            if r.message and r.event == "log":
                self.status.setText(translated(r.message))
            if self.snapshot_every and (r.step % self.snapshot_every == 0 or r.step == r.total_steps):
                self.checkpoints.add_snapshots(self.run, up_to=r.step)
        self.records_shown.emit(last.step)

    def _ended(self, event: str, message: str) -> None:
        self.status.setText(ending_text(event, message))
        # No time is left once the run has ended: the last speed stays, the countdown goes.
        self.eta_label.setText(self.eta_label.text().split(" · ")[0] if " · " in self.eta_label.text() else "")
        if self.run is not None and self.run.has_checkpoint():
            self.checkpoints.add_latest_checkpoint(self.run)
        self.runner.forget_untrained(event, trained=self.last_step > 0 or (self.run is not None and self.run.step > 0))
        if event in ("diverged", "failed"):
            self.runner.warn(tr("Training stopped"), message)
        self.refresh_runs()
        self.run_ended.emit(event, message)

    # ---- past runs -----------------------------------------------------------------------
    def refresh_runs(self) -> None:
        self.run_list.refresh()
        interrupted = [r for r in self.store.interrupted() if self.run is None or r.id != self.run.id]
        self.resume_banner.offer(interrupted[0] if interrupted and not self.is_training() else None)

    def _compare_changed(self) -> None:
        checked = self.run_list.checked_ids()
        self.curves.set_overlays({r.id: (f"{r.name} ({r.id[9:11]}:{r.id[11:13]})", r.metrics())
                                  for r in self.store.runs() if r.id in checked})

    def _show_run(self, run: Run) -> None:
        """Put a past run's curves, samples and checkpoints on screen."""
        self.curves.load(run.metrics())
        self._clear_views(curves=False)
        for step, text in run.samples():
            self.samples.add(step, text)
        self.checkpoints.add_snapshots(run, up_to=10**12)
        if run.has_checkpoint():
            self.checkpoints.add_latest_checkpoint(run)
        self.eta_label.setText("")
        self.runner.set_progress(run.step, run.total_steps)
        self.status.setText(tr("{0}: {1}, step {2} of {3}.").format(
            run.name, status_text(run.status), f"{run.step:,}", f"{run.total_steps:,}") + " " + translated(run.message()))

    def _clear_views(self, curves: bool = True) -> None:
        if curves:
            self.curves.clear()
        self.samples.clear()
        self.checkpoints.clear()
