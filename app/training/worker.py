"""The training worker: the run goes on in a child process; a QThread here relays what it reports.

The child (app/training/child.py, started with the spawn method, so it behaves the same on Linux,
Windows, macOS and in a PyInstaller bundle) prepares the run, trains, and writes the run's
metrics.csv, samples.txt and run.json. It sends messages through a pipe; this thread receives them
and emits them as signals, so the GUI process holds no torch work and no file I/O while training.
A child process rather than a thread because it measured better (docs/BENCHMARKS.md, training):
the training loop no longer competes with painting for the GIL.

Pause and Stop are multiprocessing Events the child checks between steps. Stop saves a checkpoint.
The child is the only holder of the pipe's write end, so a child that dies (killed, crashed, out of
memory) ends the run with a message at once; the thread never waits on a dead process. Records are
batched in the child (child.EMIT_SECONDS), so a fast run cannot flood the GUI's event loop.

It never touches widgets.
"""
from __future__ import annotations

import json
import multiprocessing
import pickle
import signal
import threading
from dataclasses import dataclass

from PySide6.QtCore import QThread, Signal

from app.i18n import tr, translated
from model.paths import user_cache_dir

from . import child
from .jobs import prepare_pretraining
from .runs import Run

SPAWN = multiprocessing.get_context("spawn")


@dataclass
class TrainerView:
    """What the GUI process knows of a trainer that lives in the child: its step, as last reported."""

    step: int = 0


def picklable(obj) -> bool:
    try:
        pickle.dumps(obj)
    except Exception:
        return False
    return True


class TrainingWorker(QThread):
    status = Signal(str)  # what the preparation is doing
    prepared = Signal(object)  # dict: summary, notices, tokenizer_preview, parameters, step, total_steps
    records = Signal(list)  # [model.train.Metrics], oldest first
    paused_changed = Signal(bool)  # the loop really is (no longer) waiting
    ended = Signal(str, str)  # event ("done", "stopped", "diverged", "failed"), message

    def __init__(self, settings, run: Run, resume: bool = False, parent=None, prepare=None,
                 mode: str | None = None):
        super().__init__(parent)
        self.setObjectName("training")
        self.settings, self.run_store_entry, self.resume = settings, run, resume
        self._prepare = prepare or prepare_pretraining
        # mode "child": the run trains in a child process; "thread": on this QThread. None: a child
        # whenever the preparer can be pickled, which the app's preparers can (prepare_pretraining;
        # jobs.continued_preparer's partial). The thread mode stays for the fault tests, whose
        # preparers are closures that poison a Trainer in place (a forward hook that turns
        # activations into NaN) or raise: those cannot cross a process boundary. The benchmark also
        # uses it to compare the two (mode="thread").
        if mode not in (None, "child", "thread"):
            raise ValueError(f"mode must be 'child' or 'thread', not {mode!r}")
        self.mode = mode or ("child" if picklable(self._prepare) else "thread")
        if self.mode == "child":
            self._go, self._stop = SPAWN.Event(), SPAWN.Event()
        else:
            self._go, self._stop = threading.Event(), threading.Event()
        self._go.set()
        self.trainer = None  # thread: the Trainer; child process: a TrainerView
        self.process = None  # the child process, once started
        self.step = 0
        self.paused = False
        self._gave_up = False  # stop_and_wait killed the child
        self._end = ("failed", tr("The training worker ended without saying why."))

    # ---- called from the GUI thread ------------------------------------------------------
    def pause(self) -> None:
        self._go.clear()

    def resume_training(self) -> None:
        self._go.set()

    def pause_requested(self) -> bool:
        return not self._go.is_set()

    def request_stop(self) -> None:
        """Stop at the next step boundary, saving a checkpoint (also when paused)."""
        self._stop.set()
        self._go.set()

    def stop_and_wait(self, timeout_ms: int = 60000) -> bool:
        """Stop (saving a checkpoint) and wait. A child that has not ended after timeout_ms is killed
        (its last checkpoint is kept) so that closing the window cannot hang; returns False then."""
        self.request_stop()
        if not self.isRunning() or self.wait(timeout_ms):
            return True
        process = self.process
        if process is not None and process.is_alive():
            self._gave_up = True
            process.kill()
        self.wait(10000)
        return False

    # ---- the thread ----------------------------------------------------------------------
    def run(self) -> None:
        try:
            if self.mode == "child":
                self._run_child()
            else:
                import model

                model.import_engine()  # the preparer imports torch here (see model/__init__.py)
                child.drive(self._prepare, self.settings, self.run_store_entry, self.resume, self._go, self._stop,
                            self._relay, on_trainer=self._set_trainer)
        except Exception as exc:  # not the run failing (that is a message): the worker itself
            self._end = ("failed", tr("The training could not run: {0}: {1}").format(type(exc).__name__, exc))
        self.ended.emit(*self._end)

    def _set_trainer(self, trainer) -> None:
        self.trainer = trainer

    def _run_child(self) -> None:
        run = self.run_store_entry
        self.status.emit(tr("Starting the training process…"))
        reader, writer = SPAWN.Pipe(duplex=False)
        process = SPAWN.Process(
            target=child.main, name="lm-anatomy-training", daemon=True,
            args=(writer, self._prepare, self.settings, run, self.resume, self._go, self._stop,
                  child.ChildOptions(child.training_threads(), child.NICENESS, child.EMIT_SECONDS,
                                     user_cache_dir() / "tokens")))
        process.start()
        writer.close()  # the child holds the only write end now: when it dies, recv() raises EOFError
        self.process = process
        ended = False
        try:
            while not ended:
                try:
                    message = reader.recv()
                except (EOFError, OSError):
                    break
                self._relay(*message)
                ended = message[0] == "ended"
        finally:
            reader.close()
        process.join(30)  # after "ended" it only has to exit
        if process.is_alive():
            process.kill()
            process.join()
        if not ended:
            self._end = ("failed", self._child_died(process.exitcode))

    def _relay(self, *message) -> None:
        """One message of child.drive's, as a signal: `send` on the thread, each piped message in a child."""
        kind = message[0]
        if kind == "records":
            batch = message[1]
            self._at(batch[-1].step)
            self.records.emit(batch)
        elif kind == "status":
            self.status.emit(tr(message[1]))  # the child's fixed texts are marked in jobs.py
        elif kind == "prepared":
            info = dict(message[1], summary=translated(message[1]["summary"]),
                        notices=[translated(n) for n in message[1]["notices"]])
            if self.trainer is None:
                self.trainer = TrainerView(info["step"])
            self._at(info["step"])
            self.prepared.emit(info)
        elif kind == "paused":
            _, paused, step = message
            self._at(step)
            self.paused = paused
            self.paused_changed.emit(paused)
        elif kind == "ended":
            _, event, text, info = message
            if self.mode == "child":
                self.run_store_entry.info = info  # the child wrote run.json; keep this copy in step
            self._end = (event, translated(text))  # model/ and jobs.py build their messages in English

    def _at(self, step: int) -> None:
        self.step = step
        if isinstance(self.trainer, TrainerView):
            self.trainer.step = step

    def _child_died(self, exitcode: int | None) -> str:
        """The child ended without a last message: say how, keep its checkpoint resumable."""
        run = self.run_store_entry
        try:
            run.info = json.loads((run.folder / "run.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        if self._gave_up:
            how = tr("did not stop in time and was ended")
        elif exitcode is not None and exitcode < 0:
            try:
                name = signal.Signals(-exitcode).name
            except ValueError:
                name = tr("signal {0}").format(-exitcode)
            how = tr("was killed ({0})").format(name)
            if -exitcode == getattr(signal, "SIGKILL", None):
                how += tr("; if nobody ended it, the computer may have run out of memory")
        else:
            how = tr("ended unexpectedly (exit status {0})").format(exitcode)
        if run.has_checkpoint():
            kept = tr("Its last checkpoint (step {0}) is kept: resume the run from Past runs.").format(
                f"{run.checkpoint_step():,}")
        else:
            kept = tr("No checkpoint had been saved yet.")
        message = tr("The training process {0}. {1}").format(how, kept)
        try:
            run.update(status="stopped" if run.has_checkpoint() else "failed", step=self.step, message=message)
        except OSError:
            pass
        return message
