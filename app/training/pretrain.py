"""The pre-training panel: settings on the left; Start/Pause/Resume/Stop, live curves, samples,
checkpoints and past runs in the middle; the lesson on the right.

The run itself lives on a TrainingWorker; quick previews (corpus, tokenizer, step time) on an
app.worker.Worker. Stale previews are dropped by the worker's generation counter.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit,
                               QProgressBar, QPushButton, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget)

from ..appearance import Appearance
from ..worker import Worker
from . import jobs
from .jobs import snapshot_interval
from .curves import TrainingCurves
from .form import PretrainForm, dim_when_disabled, duration
from .layout import lesson_columns
from .run_list import RunList
from .runs import Run, RunStore
from .worker import TrainingWorker


def describe_run(run: Run) -> str:
    return f"{run.name} · {run.status} · {run.step:,}/{run.total_steps:,} steps · {run.id[:15]}"


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class PretrainPanel(QWidget):
    open_model_requested = Signal(str)  # a model folder to show in the explorer
    run_ended = Signal(str, str)  # event, message (for tests and the window)
    records_shown = Signal(int)  # the step now on screen

    def __init__(self, appearance: Appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.store = store or RunStore()
        self.worker: TrainingWorker | None = None
        self.run: Run | None = None
        self.last_step = 0
        self.total_steps = 0
        self.snapshot_every = 0
        self.aux = Worker("train-aux", self)
        self.aux.done.connect(self._aux_done)
        self.aux.failed.connect(self._aux_failed)
        self._activated = False
        self._build()
        self.refresh_runs()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._activated:  # the corpus preview and step-time estimate wait until someone looks
            self._activated = True
            self.form.set_corpus(self.form.paths)
            self.form.estimate_timer.start()

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        a = self.appearance
        self.form = PretrainForm(a)
        self.form.corpus_changed.connect(lambda paths: self.aux.submit("corpus", lambda: jobs.corpus_preview(paths)))
        self.form.tokenizer_preview_requested.connect(self._preview_tokenizer)
        self.form.estimate_requested.connect(self._estimate)
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(300)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

        self.start_button = QPushButton("Start ▶")
        self.pause_button = QPushButton("Pause ❚❚")
        self.stop_button = QPushButton("Stop ■")
        dim_when_disabled(a, self.start_button, self.pause_button, self.stop_button)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self.toggle_pause)
        self.stop_button.clicked.connect(self.stop)
        self.progress = QProgressBar()
        self.progress.setFormat("step %v of %m")
        self.eta_label = QLabel("")
        controls = QHBoxLayout()
        for w in (self.start_button, self.pause_button, self.stop_button):
            controls.addWidget(w)
        controls.addWidget(self.progress, 1)
        controls.addWidget(self.eta_label)
        self.status = QLabel("Choose a text, a tokenizer and a model size, then press Start.")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.resume_banner = QWidget()
        banner = QHBoxLayout(self.resume_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        self.resume_label = QLabel()
        self.resume_label.setWordWrap(True)
        self.resume_button = QPushButton("Resume it")
        self.resume_button.clicked.connect(lambda: self.resume_run(self.resume_candidate))
        dismiss = QPushButton("Not now")
        dismiss.clicked.connect(self.resume_banner.hide)
        banner.addWidget(self.resume_label, 1)
        banner.addWidget(self.resume_button)
        banner.addWidget(dismiss)
        self.resume_banner.hide()
        self.resume_candidate: Run | None = None

        self.curves = TrainingCurves(a)
        self.samples = QPlainTextEdit()
        self.samples.setReadOnly(True)
        self.samples.setFont(a.font(0.95, mono=True))
        self.samples.setPlaceholderText("Every few steps the model continues the sample prompt. "
                                        "Watch noise turn into letters, then words.")
        self.checkpoints = QListWidget()
        self.checkpoints.itemDoubleClicked.connect(lambda item: self.open_in_explorer(item))
        self.open_button = QPushButton("Open in explorer")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_in_explorer(self.checkpoints.currentItem()))
        self.checkpoints.currentItemChanged.connect(lambda item, _=None: self.open_button.setEnabled(item is not None))
        cp = QWidget()
        cpl = QVBoxLayout(cp)
        cpl.addWidget(_wrapped("Snapshots are kept about ten times a run; the latest checkpoint is what Resume uses."))
        cpl.addWidget(self.checkpoints, 1)
        cpl.addWidget(self.open_button, 0, Qt.AlignLeft)
        self.run_list = RunList(self.store, ("pretrain",), describe_run, checkable=True,
                                hint="Tick runs to overlay their loss curves on the plot above.")
        self.run_list.checked_changed.connect(self._compare_changed)
        self.run_list.show_requested.connect(self.show_run)
        self.run_list.delete_requested.connect(self.delete_run)
        self.resume_run_button = self.run_list.add_button("Resume", self.resume_run, Run.can_resume)
        self.runs_list = self.run_list.list
        rp = QWidget()
        QVBoxLayout(rp).addWidget(self.run_list)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.samples, "Samples")
        self.tabs.addTab(cp, "Checkpoints")
        self.tabs.addTab(rp, "Past runs")

        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(4, 0, 4, 0)
        cl.addLayout(controls)
        cl.addWidget(self.status)
        cl.addWidget(self.resume_banner)
        vsplit = QSplitter(Qt.Vertical)
        vsplit.addWidget(self.curves)
        vsplit.addWidget(self.tabs)
        vsplit.setStretchFactor(0, 3)
        vsplit.setStretchFactor(1, 2)
        cl.addWidget(vsplit, 1)

        self.lesson = lesson_columns(self, scroll, center, a, "pretraining", [360, 760, 300])
        self._set_running(False)

    # ---- previews ------------------------------------------------------------------------
    def _preview_tokenizer(self, settings) -> None:
        self.form.tokenizer_info.setText("Training the tokenizer on your text…")
        self.aux.submit("tokenizer", lambda: jobs.preview_tokenizer(settings))

    def _estimate(self, settings) -> None:
        if self.is_training():
            return  # measuring would slow the run and be wrong anyway
        self.form.estimate_label.setText("Measuring a training step…")
        self.aux.submit("estimate", lambda: jobs.estimate_step(settings))

    def _aux_done(self, kind: str, gen: int, result) -> None:
        if not self.aux.is_current(kind, gen):
            return
        {"corpus": self.form.show_corpus, "tokenizer": self.form.show_tokenizer,
         "estimate": self.form.show_estimate}[kind](result)

    def _aux_failed(self, kind: str, gen: int, message: str) -> None:
        if self.aux.is_current(kind, gen):
            {"corpus": self.form.show_corpus, "tokenizer": self.form.show_tokenizer,
             "estimate": self.form.show_estimate}[kind](message)

    # ---- a run ---------------------------------------------------------------------------
    def is_training(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> None:
        if self.is_training():
            return
        settings = self.form.settings()
        try:
            settings.model_config(settings.vocab_size)
        except ValueError as exc:
            self.status.setText(f"These model sizes do not fit together: {exc}")
            return
        self.run = self.store.create(settings.name, settings.to_dict())
        self._launch(settings, resume=False)

    def resume_run(self, run: Run | None) -> None:
        if run is None or self.is_training():
            return
        if not run.can_resume():
            self.status.setText(f"{run.name} cannot be resumed: it has no resumable checkpoint.")
            return
        self.resume_banner.hide()
        self.show_run(run)
        self.curves.truncate(run.checkpoint_step())  # steps after the checkpoint are trained again
        settings = jobs.PretrainSettings.from_dict(run.info.get("settings", {}))
        self.form.set_settings(settings)
        self.run = run
        self._launch(settings, resume=True, keep_view=True)

    def _launch(self, settings, resume: bool, keep_view: bool = False) -> None:
        if not keep_view:
            self.curves.clear()
            self.samples.clear()
            self.checkpoints.clear()
        self.snapshot_every = snapshot_interval(settings.steps, settings.snapshots, settings.log_interval)
        self.total_steps = settings.steps
        self.last_step = 0
        self.progress.setRange(0, 0)  # busy until the corpus is read and the tokenizer trained
        self.eta_label.setText("")
        self.status.setText("Preparing…")
        worker = TrainingWorker(settings, self.run, resume=resume, parent=self)
        worker.status.connect(self.status.setText)
        worker.prepared.connect(self._prepared)
        worker.records.connect(self._records)
        worker.paused_changed.connect(self._paused_changed)
        worker.ended.connect(self._ended)
        self.worker = worker
        self._set_running(True)
        worker.start()

    def toggle_pause(self) -> None:
        if not self.is_training():
            return
        if not self.worker.pause_requested():
            self.worker.pause()
            self.pause_button.setText("Resume ▶")
            self.status.setText("Pausing after this step…")
        else:
            self.worker.resume_training()
            self.pause_button.setText("Pause ❚❚")

    def stop(self) -> None:
        if self.is_training():
            self.status.setText("Stopping: saving a checkpoint…")
            self.worker.request_stop()

    def shutdown(self, save: bool = True) -> None:
        """Stop the run (saving a checkpoint) and the preview worker; wait for both threads."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop_and_wait()
        self.aux.stop()

    # ---- what the worker reports -----------------------------------------------------------
    def _prepared(self, info: dict) -> None:
        self.status.setText(f"Training: {info['summary']}")
        if info.get("notices"):
            self.status.setText(self.status.text() + " · " + "; ".join(info["notices"][:3]))
        if info.get("tokenizer_preview") is not None:
            self.form.show_tokenizer(info["tokenizer_preview"])
        self.progress.setRange(0, info["total_steps"])
        self.progress.setValue(info["step"])
        self.curves.set_run_length(info["total_steps"])
        self._add_snapshot_items(up_to=info["step"])

    def _records(self, records: list) -> None:
        self.curves.add(records)
        last = records[-1]
        self.last_step = last.step
        self.progress.setValue(last.step)
        self.eta_label.setText(f"{last.tokens_per_second:,.0f} tokens/s · {duration(last.eta)} left")
        for r in records:
            if r.sample:
                self._add_sample(r.step, r.sample)
            if r.message and r.event == "log":
                self.status.setText(r.message)
            if self.snapshot_every and (r.step % self.snapshot_every == 0 or r.step == r.total_steps):
                self._add_snapshot_items(up_to=r.step)
        self.records_shown.emit(last.step)

    def _add_sample(self, step: int, text: str) -> None:
        """Newest first: the latest sample is always in view."""
        cursor = self.samples.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        cursor.insertText(f"— step {step} —\n{text}\n\n")
        self.samples.moveCursor(cursor.MoveOperation.Start)

    def _add_snapshot_items(self, up_to: int) -> None:
        if self.run is None:
            return
        have = {self.checkpoints.item(i).data(Qt.UserRole) for i in range(self.checkpoints.count())}
        for step, path in self.run.snapshots():
            if step <= up_to and str(path) not in have:
                self._insert_checkpoint_item(step, str(path), self.tr("snapshot"))

    def _add_latest_checkpoint(self, run: Run) -> None:
        """The run's checkpoint, in step order among the snapshots, selected."""
        item = self._insert_checkpoint_item(run.checkpoint_step(), str(run.checkpoint), self.tr("latest checkpoint"))
        self.checkpoints.setCurrentItem(item)

    def _insert_checkpoint_item(self, step: int, path: str, what: str) -> QListWidgetItem:
        """Oldest step first, by number (it listed 169, 0, 100); the latest checkpoint after a snapshot of its step."""
        item = QListWidgetItem(f"step {step:,} · {what}")
        item.setData(Qt.UserRole, path)
        key = (step, path == str(self.run.checkpoint) if self.run is not None else False)
        item.setData(Qt.UserRole + 1, key)
        row = 0
        while row < self.checkpoints.count() and tuple(self.checkpoints.item(row).data(Qt.UserRole + 1)) <= key:
            row += 1
        self.checkpoints.insertItem(row, item)
        return item

    def _paused_changed(self, paused: bool) -> None:
        if paused:
            self.status.setText(f"Paused at step {self.worker.step}. Press Resume to go on from here.")
        elif self.is_training():
            self.status.setText("Training…")

    def _ended(self, event: str, message: str) -> None:
        worker = self.worker
        if worker is not None:
            worker.wait()
        self._set_running(False)
        if self.progress.maximum() == 0:  # failed before training began
            self.progress.setRange(0, max(1, self.total_steps))
            self.progress.setValue(0)
        texts = {"done": "Finished.", "stopped": "Stopped.", "diverged": "The run diverged.",
                 "failed": "The run could not go on."}
        head = texts.get(event, event)
        # The trainer's own message often says it already ("Stopped at step 169; …"): no "Stopped. Stopped".
        said = bool(message) and message.lower().startswith(head.rstrip(".").lower())
        self.status.setText(message if said else f"{head} {message}".strip())
        # No time is left once the run has ended: the last speed stays, the countdown goes.
        speed = self.eta_label.text().split(" · ")[0] if "tokens/s" in self.eta_label.text() else ""
        self.eta_label.setText(speed)
        if self.run is not None and self.run.has_checkpoint():
            self._add_latest_checkpoint(self.run)
        elif self.run is not None and event == "failed" and self.last_step == 0 and self.run.step == 0:
            # Failed before its first step (a text too short, a folder unreadable): nothing to list as a past run.
            try:
                self.store.delete(self.run)
            except (OSError, ValueError):
                pass
            self.run = None
        if event in ("diverged", "failed"):
            box = QMessageBox(QMessageBox.Warning, "Training stopped", message, QMessageBox.Ok, self)
            box.setModal(False)
            box.show()
        self.refresh_runs()
        self.run_ended.emit(event, message)

    def _set_running(self, running: bool) -> None:
        self.form.set_running(running)
        self.start_button.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.pause_button.setText("Pause ❚❚")
        self.run_list.set_busy(running)

    # ---- checkpoints and runs ------------------------------------------------------------
    def open_in_explorer(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        path = item.data(Qt.UserRole)
        if self.is_training() and Path(path) == self.run.checkpoint:
            return  # rewritten while training; open a snapshot instead
        self.open_model_requested.emit(path)

    def refresh_runs(self) -> None:
        self.run_list.refresh()
        interrupted = [r for r in self.store.interrupted() if self.run is None or r.id != self.run.id]
        if interrupted and not self.is_training():
            self.resume_candidate = interrupted[0]
            r = interrupted[0]
            self.resume_label.setText(f"The run “{r.name}” stopped at step {r.checkpoint_step():,} of "
                                      f"{r.total_steps:,}. Its checkpoint is saved.")
            self.resume_banner.show()
        else:
            self.resume_banner.hide()

    def selected_run(self) -> Run | None:
        return self.run_list.selected_run()

    def _compare_changed(self) -> None:
        checked = self.run_list.checked_ids()
        runs = {r.id: (f"{r.name} ({r.id[9:11]}:{r.id[11:13]})", r.metrics()) for r in self.store.runs() if r.id in checked}
        self.curves.set_overlays(runs)

    def show_run(self, run: Run | None) -> None:
        """Put a past run's curves, samples and checkpoints on screen."""
        if run is None or self.is_training():
            return
        self.run = run
        metrics = run.metrics()
        self.curves.load(metrics)
        self.samples.clear()
        for step, text in run.samples():
            self._add_sample(step, text)
        self.checkpoints.clear()
        self._add_snapshot_items(up_to=10**12)
        if run.has_checkpoint():
            self._add_latest_checkpoint(run)
        self.eta_label.setText("")
        self.progress.setRange(0, max(1, run.total_steps))
        self.progress.setValue(run.step)
        self.status.setText(f"{run.name}: {run.status}, step {run.step:,} of {run.total_steps:,}. "
                            f"{run.info.get('message', '')}")

    def delete_run(self, run: Run | None) -> None:
        if run is None or (self.is_training() and self.run is not None and run.id == self.run.id):
            return
        if not self.run_list.confirm_and_delete(run, " and all its checkpoints"):
            return
        if self.run is not None and self.run.id == run.id:
            self.run = None
            self.curves.clear()
            self.samples.clear()
            self.checkpoints.clear()
        self.refresh_runs()
