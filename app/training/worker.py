"""The training worker: a QThread that pulls the Trainer's generator and emits what it yields.

Pause = not pulling the next record (the trainer waits between steps, losing nothing).
Stop = ask the trainer to stop; it saves a checkpoint and yields a "stopped" record.
Records are emitted in batches at most every EMIT_SECONDS (and at once for events, samples and
checkpoints), so a fast run cannot flood the GUI's event loop. The worker writes the run's
metrics.csv, samples.txt and run.json itself: no file I/O on the GUI thread. It never touches widgets.
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread, Signal

from .jobs import PretrainSettings, out_of_memory_advice, prepare_pretraining
from .runs import Run

EMIT_SECONDS = 0.25  # at most four redraws a second: the GUI thread needs the GIL to paint


class TrainingWorker(QThread):
    status = Signal(str)  # what the preparation is doing
    prepared = Signal(object)  # dict: summary, notices, tokenizer_preview, parameters, step
    records = Signal(list)  # [model.train.Metrics], oldest first
    paused_changed = Signal(bool)  # the loop really is (no longer) waiting
    ended = Signal(str, str)  # event ("done", "stopped", "diverged", "failed"), message

    def __init__(self, settings: PretrainSettings, run: Run, resume: bool = False, parent=None, prepare=None):
        super().__init__(parent)
        self.setObjectName("training")
        self.settings, self.run_store_entry, self.resume = settings, run, resume
        self._prepare = prepare or prepare_pretraining
        self._go = threading.Event()
        self._go.set()
        self._stop = threading.Event()
        self.trainer = None
        self.step = 0
        self.paused = False

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
        trainer = self.trainer
        if trainer is not None:
            trainer.request_stop()
        self._go.set()

    def stop_and_wait(self, timeout_ms: int = 60000) -> bool:
        self.request_stop()
        return self.wait(timeout_ms) if self.isRunning() else True

    # ---- the thread ----------------------------------------------------------------------
    def run(self) -> None:
        run = self.run_store_entry
        try:
            prepared = self._prepare(self.settings, run.folder, self.resume, self.status.emit)
        except BaseException as exc:  # tokenizers' PanicException is a BaseException
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            self._finish("failed", _describe(exc, self.settings))
            return
        self.trainer = trainer = prepared.trainer
        if self._stop.is_set():
            trainer.request_stop()
        self.step = trainer.step
        self.prepared.emit({"summary": prepared.summary, "notices": prepared.notices, "parameters": prepared.parameters,
                            "tokenizer_preview": prepared.tokenizer_preview, "step": trainer.step,
                            "total_steps": trainer.cfg.steps})
        run.update(status="running", step=trainer.step)
        batch, last_emit = [], 0.0
        event, message = "done", ""
        try:
            for m in trainer.run():
                self.step = m.step
                batch.append(m)
                now = time.monotonic()
                if m.event != "log" or m.sample or m.checkpoint or now - last_emit >= EMIT_SECONDS:
                    self._flush(batch)
                    batch, last_emit = [], now
                if m.event != "log":
                    event, message = m.event, m.message
                    break
                if m.checkpoint:
                    run.update(step=m.step, status="running")
                if not self._go.is_set():  # pausing: show everything up to here first
                    self._flush(batch)
                    batch = []
                    self._wait_while_paused()
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            self._flush(batch)
            self._finish("failed", _describe(exc, self.settings))
            return
        self._flush(batch)
        self._finish(event, message)

    def _wait_while_paused(self) -> None:
        if self._go.is_set():
            return
        self.paused = True
        self.paused_changed.emit(True)
        self._go.wait()
        self.paused = False
        self.paused_changed.emit(False)

    def _flush(self, batch: list) -> None:
        if not batch:
            return
        try:
            self.run_store_entry.append_metrics(batch)
        except OSError as exc:  # a full disk must not end the run; the record says so
            batch[-1].message = (batch[-1].message + " " if batch[-1].message else "") + \
                f"(metrics.csv could not be written: {exc.strerror or exc})"
        self.records.emit(batch)

    def _finish(self, event: str, message: str) -> None:
        status = {"done": "done", "stopped": "stopped", "diverged": "diverged"}.get(event, "failed")
        try:
            self.run_store_entry.update(status=status, step=self.step, message=message)
        except OSError:
            pass
        self.ended.emit(event, message)


def _describe(exc: BaseException, settings: PretrainSettings) -> str:
    advice = out_of_memory_advice(exc, settings)
    if advice:
        return advice
    name = type(exc).__name__
    if name in ("CorpusError", "CheckpointError", "TokenizerError", "ValueError"):
        return str(exc)
    return f"{name}: {exc}"
