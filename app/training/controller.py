"""The run controller beneath every training panel: Start / Pause / Stop and their state, the
worker that trains (a TrainingWorker's child process, or a ClassifyWorker's thread) and what it
reports, the status line and progress bar, past runs (show, delete), open in explorer, and the
panel's aux worker for quick previews. A panel keeps only what differs: its form and its views.

`RunPanel` is the panel's side: the signals and methods the window and the tests use
(is_training, stop, shutdown, run_ended, open_model_requested), answered by its `runner`.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from app.i18n import QT_TR_NOOP, tr

from ..common.appearance import Appearance
from ..common.pages import warn
from ..common.worker import Worker
from .controls import dim_when_disabled, job_controls
from .run_list import RunList
from .runs import Run, RunStore


class RunController(QObject):
    shown = Signal(object)  # a past run to put on screen (not while training)
    cleared = Signal()  # the run on screen was deleted
    deleted = Signal()  # a run was deleted
    running_changed = Signal(bool)
    open_model_requested = Signal(str)

    def __init__(self, appearance: Appearance, store: RunStore, list_kinds: tuple[str, ...],
                 describe: Callable[[Run], str], start: Callable[[], None], status: str, pause: bool = False,
                 list_hint: str = "", checkable: bool = False, parent=None):
        super().__init__(parent)
        self.store = store
        self.worker = None
        self.run: Run | None = None
        self.start_allowed = True  # the panel's own condition for Start (e.g. a text long enough)
        self.total_steps = 0  # of the run being launched (the progress bar's range if it fails early)
        self.start_button, self.stop_button, self.progress, self.controls = job_controls(start, self.stop, appearance)
        self.pause_button: QPushButton | None = None
        if pause:
            self.pause_button = QPushButton(tr("Pause ❚❚"))
            dim_when_disabled(appearance, self.pause_button)
            self.pause_button.clicked.connect(self.toggle_pause)
            self.controls.insertWidget(1, self.pause_button)
        self.status = QLabel(status)
        self.status.setWordWrap(True)
        self.run_list = RunList(store, list_kinds, describe, hint=list_hint, checkable=checkable)
        self.run_list.show_requested.connect(self.show)
        self.aux: Worker | None = None
        self.set_running(False)

    # ---- the aux worker: quick previews, newest first -------------------------------------------
    def aux_worker(self, name: str, done: Callable[[str, object], None],
                   failed: Callable[[str, str], None]) -> Worker:
        """The panel's preview worker; `done(kind, result)` and `failed(kind, message)` hear only current jobs."""
        self.aux = Worker(name, self.parent())
        self.aux.done.connect(lambda kind, gen, result: self.aux.is_current(kind, gen) and done(kind, result))
        self.aux.failed.connect(lambda kind, gen, text: self.aux.is_current(kind, gen) and failed(kind, text))
        return self.aux

    # ---- a run -----------------------------------------------------------------------------------
    def is_training(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def launch(self, worker, ended: Callable) -> None:
        """Start `worker`; `ended(*its ended signal's arguments)` once it has finished."""
        worker.status.connect(self.status.setText)
        worker.ended.connect(lambda *args: self._ended(worker, ended, args))
        self.worker = worker
        self.set_running(True)
        worker.start()

    def _ended(self, worker, ended: Callable, args: tuple) -> None:
        worker.wait()
        saved = getattr(worker, "saved_run", None)  # a worker that saves its run as it ends (ClassifyWorker)
        if saved is not None:
            self.run = saved
        self.set_running(False)
        if self.progress.maximum() == 0:  # failed before training began
            self.progress.setRange(0, max(1, self.total_steps))
            self.progress.setValue(0)
        ended(*args)

    def set_progress(self, step: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(step)

    def forget_untrained(self, event: str, trained: bool) -> None:
        """A run that failed before its first step (a text too short, a folder unreadable) is not a past run."""
        run = self.run
        if run is not None and event == "failed" and not trained and not run.has_checkpoint():
            try:
                self.store.delete(run)
            except (OSError, ValueError):
                pass
            self.run = None

    def allow_start(self, allowed: bool) -> None:
        """The panel's own condition for Start (e.g. a text long enough), beside not training."""
        self.start_allowed = allowed
        self.start_button.setEnabled(allowed and not self.is_training())

    def list_runs(self) -> None:
        """Read the past runs again, selecting the run on screen."""
        self.run_list.refresh(select=self.run.id if self.run is not None else None)

    def toggle_pause(self) -> None:
        if not self.is_training():
            return
        if not self.worker.pause_requested():
            self.worker.pause()
            self.pause_button.setText(tr("Resume ▶"))
            self.status.setText(tr("Pausing after this step…"))
        else:
            self.worker.resume_training()
            self.pause_button.setText(tr("Pause ❚❚"))

    def paused_changed(self, paused: bool) -> None:
        if paused:
            self.status.setText(tr("Paused at step {0}. Press Resume to go on from here.").format(self.worker.step))
        elif self.is_training():
            self.status.setText(tr("Training…"))

    def stop(self, saying: str = "") -> None:
        if self.is_training():
            if saying:
                self.status.setText(saying)
            self.worker.request_stop()

    def shutdown(self) -> None:
        """Stop the run (what each kind keeps is in area.CLOSE_NOTES) and the aux worker; wait for both."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop_and_wait()
        if self.aux is not None:
            self.aux.stop()

    def set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running and self.start_allowed)
        self.stop_button.setEnabled(running)
        if self.pause_button is not None:
            self.pause_button.setEnabled(running)
            self.pause_button.setText(tr("Pause ❚❚"))
        self.run_list.set_busy(running)
        self.running_changed.emit(running)

    # ---- past runs -------------------------------------------------------------------------------
    def show(self, run: Run | None) -> None:
        if run is not None and not self.is_training():
            self.run = run
            self.shown.emit(run)

    def delete(self, run: Run | None, what: str = "") -> None:
        if run is None or (self.is_training() and self.run is not None and run.id == self.run.id):
            return
        if not self.run_list.confirm_and_delete(run, what):
            return
        if self.run is not None and self.run.id == run.id:
            self.run = None
            self.cleared.emit()
        self.deleted.emit()

    def warn(self, title: str, message: str) -> None:
        """A run that diverged or failed: a box that does not block the window."""
        warn(self.parent(), title, message)

    def open_in_explorer(self, path: str | None) -> None:
        """Show a model folder in the explorer; not the checkpoint a run is rewriting (open a snapshot instead)."""
        if path and not (self.is_training() and self.run is not None and Path(path) == self.run.checkpoint):
            self.open_model_requested.emit(str(path))


class RunPanel(QWidget):
    """A training panel over a RunController (`self.runner`, made by the panel in its __init__)."""

    run_ended = Signal(str, str)  # event, message (for tests and the window)
    open_model_requested = Signal(str)  # a model folder to show in the explorer
    runner: RunController
    stop_note = ""  # the status line while a run stops
    delete_note = ""  # what deleting a run also deletes, for the question

    def attach(self, runner: RunController) -> None:
        self.runner = runner
        self.start_button, self.stop_button, self.progress = runner.start_button, runner.stop_button, runner.progress
        self.status, self.run_list = runner.status, runner.run_list
        runner.open_model_requested.connect(self.open_model_requested)
        runner.run_list.delete_requested.connect(self.delete_run)

    @property
    def worker(self):
        return self.runner.worker

    @property
    def run(self) -> Run | None:
        return self.runner.run

    @run.setter
    def run(self, run: Run | None) -> None:
        self.runner.run = run

    def is_training(self) -> bool:
        return self.runner.is_training()

    def stop(self) -> None:
        self.runner.stop(tr(self.stop_note) if self.stop_note else "")

    def toggle_pause(self) -> None:
        self.runner.toggle_pause()

    def selected_run(self) -> Run | None:
        return self.run_list.selected_run()

    def delete_run(self, run: Run | None) -> None:
        self.runner.delete(run, tr(self.delete_note) if self.delete_note else "")

    def shutdown(self, save: bool = True) -> None:
        self.runner.shutdown()

    def show_run(self, run: Run | None) -> None:
        self.runner.show(run)


ENDINGS = {"done": QT_TR_NOOP("Finished."), "stopped": QT_TR_NOOP("Stopped."), "diverged": QT_TR_NOOP("The run diverged."),
           "failed": QT_TR_NOOP("The run could not go on.")}


def ending_text(event: str, message: str) -> str:
    """The status line when a run ends. The trainer's own message often says it already ("Stopped
    at step 169; …"): no "Stopped. Stopped"."""
    head = ENDINGS.get(event, event)  # the message arrives translated (worker.py): compare in both languages
    said = bool(message) and message.lower().startswith((head.rstrip(".").lower(), tr(head).rstrip(".").lower()))
    return message if said else f"{tr(head)} {message}".strip()
