"""The explorer's session: the open model, the prompt's current trace, the workers and decoding.

No widgets here. The window (the view) tells the session what the user did (`edit`, `open_model`,
`step`, ...) and draws what the session reports through its signals. Everything that touches the
model runs on the engine worker; results that a newer request has superseded are dropped.
"""
from __future__ import annotations

import gc
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from app.i18n import tr
from model.ablation import NO_ABLATION

from ..common.worker import Worker
from .decoding import DecodingSession
from .engine import Engine, comparison_tokenizers
from .panels.ablation_text import ablation_parts

DEBOUNCE_MS = 30  # keystrokes closer together than this are traced once, when they pause


class ExplorerSession(QObject):
    loading = Signal(str)  # a model folder is being opened
    model_loaded = Signal(object)  # ModelInfo
    model_failed = Signal(str, bool)  # why, and whether the model open before is kept
    trace_ready = Signal(object)  # TraceResult: render it, then call trace_painted()
    trace_requested = Signal(str)  # a trace of this prompt (no generated tokens) was just asked for
    trace_cleared = Signal()  # the prompt is empty: nothing to show
    trace_failed = Signal(str)
    tokenizers_ready = Signal(object)  # the prompt's text under every kind of tokenizer
    note = Signal(str)  # something to say in the status line
    ablation_changed = Signal(object)  # model.ablation.Ablation: the parts switched off now
    scan_running = Signal(bool)  # "Which heads matter here?" started or ended
    scan_progress = Signal(int, int)  # heads done, heads in all (emitted from the worker thread: queued)
    scan_ready = Signal(object)  # model.interventions.HeadScan, or None: the last one no longer applies

    def __init__(self, sampling, parent=None):
        """`sampling()` gives the view's (temperature, top_k, top_p) for a step the session starts."""
        super().__init__(parent)
        self.sampling = sampling
        self.engine = Engine()
        self.engine_worker = Worker("engine", self)
        self.aux_worker = Worker("aux", self)
        for w in (self.engine_worker, self.aux_worker):
            w.done.connect(self._job_done)
            w.failed.connect(self._job_failed)
        self.info = None
        self.result = None  # the TraceResult on screen
        self.model_path: str | None = None
        self.model_error: str | None = None
        self.dropped = 0  # stale results thrown away (for tests and the curious)
        self.text = ""  # the prompt
        self.step_pending = False  # Step was pressed while a trace computed: step when it shows
        self.decoding = DecodingSession(parent=self)
        self.decoding.changed.connect(self.request_trace)
        # A Step pressed while a trace computed waits for it; Play switched on or off cancels the wait.
        self.decoding.playing_changed.connect(lambda _on: setattr(self, "step_pending", False))
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self._debounce_elapsed)
        self._edit_pending = False
        self.ablation = NO_ABLATION  # heads and MLPs switched off: every trace is made with them off
        self.scan = None  # the HeadScan on screen, for the current trace and ablation
        self.scanning = False
        self._scan_stop = threading.Event()

    @property
    def trace(self):
        return self.result.trace if self.result is not None else None

    # ---- models --------------------------------------------------------------------------
    def open_model(self, folder: str, device: str = "cpu") -> None:
        folder = str(Path(folder).expanduser())
        self.model_path, self.model_error = folder, None
        self.decoding.play(False)
        self.step_pending = False
        self.engine_worker.cancel("load")  # a folder asked for earlier and still loading is not wanted now
        if not Path(folder).exists():
            self.model_error = tr("{0}: no such folder").format(folder)
            self._failed(tr("There is no model folder at {0}.").format(folder))
            return
        self.loading.emit(folder)
        self.engine_worker.cancel("trace")
        self.engine_worker.submit("load", lambda: self.engine.load(folder, device))

    def set_device(self, device: str) -> None:
        if self.info is not None and device != self.info.device:
            self.engine_worker.submit("device", lambda: self.engine.set_device(device))

    def _failed(self, message: str) -> None:
        kept = self.info is not None  # keep the model already open; nothing the user had is lost
        if kept:
            self.model_path = self.info.path
        self.model_failed.emit(message, kept)

    def _model_loaded(self, info) -> None:
        if self.ablation and (self.info is None or self.info.path != info.path):
            self.ablation = NO_ABLATION  # the parts of another model (a device switch keeps them)
            self.ablation_changed.emit(self.ablation)
        if self.info is not None and self.info.labels != info.labels:
            # Generated token ids are ids of the old model's vocabulary: they mean nothing (or are out of
            # range) in this one. Same vocabulary (a snapshot of the same run): keep the continuation.
            self.decoding.extra_ids.clear()
            self.decoding.history.clear()
        self.info, self.model_error, self.result = info, None, None
        self.model_path, self.step_pending = info.path, False
        self.aux_worker.submit("tokenizers", lambda tok=info.tokenizer: comparison_tokenizers(tok))
        self.model_loaded.emit(info)
        self.request_trace()
        if gc.get_freeze_count() == 0:  # once a process
            # Start-up made a few hundred thousand long-lived objects (torch, Qt, the model). Left in
            # the collector's oldest generation, full collections walked them all and stalled the
            # window now and then while training (docs/BENCHMARKS.md). Frozen, they are never scanned.
            gc.freeze()

    # ---- the prompt and its trace --------------------------------------------------------
    def edit(self, text: str) -> None:
        """The prompt changed: generated tokens belong to the old prompt; trace the new one."""
        self.text = text
        self.step_pending = False
        self.decoding.play(False)
        self.decoding.extra_ids.clear()
        self.decoding.history.clear()
        if self.debounce.isActive():  # part of a burst: trace once it pauses
            self._edit_pending = True
            self.debounce.start()
        else:  # a lone keystroke: trace at once (no added latency), then hold a burst's next ones
            self.request_trace()
            self.debounce.start()

    def _debounce_elapsed(self) -> None:
        if self._edit_pending:
            self.request_trace()

    def request_trace(self) -> None:
        self.debounce.stop()
        self._edit_pending = False
        if self.info is None:
            return
        self._drop_scan()  # it was for the tokens or the ablation on screen until now
        prompt, extra, ablation = self.text, tuple(self.decoding.extra_ids), self.ablation
        if not prompt and not extra:
            self.engine_worker.cancel("trace")
            self.result = None
            self.trace_cleared.emit()
            return
        engine = self.engine
        if not extra:  # said before the job starts: once the worker runs, this thread waits for the GIL
            self.trace_requested.emit(prompt)
        self.engine_worker.submit("trace", lambda: engine.trace(prompt, extra, ablation))

    def _job_done(self, kind: str, gen: int, result) -> None:
        if not self.sender().is_current(kind, gen):
            self.dropped += 1
            return
        if kind in ("load", "device"):
            self._model_loaded(result)
        elif kind == "trace":
            self.result = result
            self.trace_ready.emit(result)
        elif kind == "tokenizers":
            self.tokenizers_ready.emit(result)
        elif kind == "scan":
            self.scan, self.scanning = result, False
            self.scan_running.emit(False)
            self.scan_ready.emit(result)

    def _job_failed(self, kind: str, gen: int, message: str) -> None:
        if not self.sender().is_current(kind, gen):
            self.dropped += 1
            return
        if kind in ("load", "device"):
            self.model_error = message
            self._failed(message)
        elif kind == "trace":  # e.g. a text with no tokens (only spaces, for a word tokenizer)
            self.result = None
            self.trace_failed.emit(message)
        elif kind == "scan":
            self.scanning = False
            self.scan_running.emit(False)
            self.note.emit(message)
        else:
            self.note.emit(message)

    def trace_painted(self) -> None:
        """The view has drawn the trace: a Step pressed while it computed runs now."""
        if self.step_pending and not self.decoding.playing:
            QTimer.singleShot(0, self.pending_step)

    def pending_step(self) -> None:
        if self.step_pending:
            self.step_pending = False
            self.step(*self.sampling())

    # ---- switching parts off (model.ablation) ---------------------------------------------
    def set_ablation(self, ablation) -> None:
        """Trace from now on with these parts switched off (NO_ABLATION: the whole model)."""
        if ablation == self.ablation:
            return
        self.ablation = ablation
        self.ablation_changed.emit(ablation)
        self.request_trace()

    def toggle_head(self, layer: int, head: int) -> None:
        self.set_ablation(self.ablation.toggled_head(layer, head))

    def toggle_mlp(self, layer: int) -> None:
        self.set_ablation(self.ablation.toggled_mlp(layer))

    def clear_ablation(self) -> None:
        self.set_ablation(NO_ABLATION)

    def ablation_note(self) -> str:
        """For exports: the parts off in the trace on screen, so its figures are never taken for the whole
        model's ('' if none)."""
        return ablation_parts(self.result.ablation if self.result is not None else None)

    def scan_heads(self) -> None:
        """Which heads matter here? Switch each head off in turn on the worker (stoppable, with progress)."""
        if self.info is None or self.result is None:
            return
        self._drop_scan()
        stop = self._scan_stop = threading.Event()
        ids, ablation, engine = tuple(int(i) for i in self.trace.token_ids), self.ablation, self.engine

        def progress(done: int, total: int) -> None:
            if not stop.is_set():  # a dropped scan says nothing more
                self.scan_progress.emit(done, total)

        self.scanning = True
        self.scan_running.emit(True)
        self.engine_worker.submit("scan", lambda: engine.scan_heads(ids, ablation, stop.is_set, progress))

    def stop_scan(self) -> None:
        """Stop button: the scan ends after its current batch and shows the layers it finished."""
        self._scan_stop.set()

    def _drop_scan(self) -> None:
        """The tokens or the ablation changed: a scan running or shown no longer applies."""
        self._scan_stop.set()
        self.engine_worker.cancel("scan")
        if self.scanning:
            self.scanning = False
            self.scan_running.emit(False)
        if self.scan is not None:
            self.scan = None
            self.scan_ready.emit(None)

    # ---- decoding ------------------------------------------------------------------------
    def ready_to_decode(self) -> bool:
        return self.info is not None and self.result is not None and self.engine_worker.is_idle()

    def step(self, temperature: float, top_k: int, top_p: float) -> None:
        """Append one token; asked while a trace is computing, it runs as soon as that trace shows."""
        if self.ready_to_decode():
            self.step_pending = False
            self.decoding.step(self.trace, self.info.labels, temperature, top_k, top_p)
        elif self.info is not None and self.result is not None:
            self.step_pending = True

    def force(self, token_id: int) -> None:
        if self.info is not None and self.result is not None:
            self.decoding.append(self.trace, self.info.labels, int(token_id), "forced")

    def play_tick(self) -> bool:
        """Play's timer fired: step if ready. False when there is nothing to play on (stop playing)."""
        if self.result is None:
            return False
        if self.ready_to_decode():
            self.step(*self.sampling())
        return True

    def is_idle(self) -> bool:
        return self.engine_worker.is_idle() and self.aux_worker.is_idle() and not self.debounce.isActive()

    def shutdown(self) -> None:
        """Stop the worker threads (a QThread destroyed while running aborts the process)."""
        self.decoding.play(False)
        for w in (self.engine_worker, self.aux_worker):
            w.stop()
