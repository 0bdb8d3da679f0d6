"""The classification fine-tuning worker: loads the base model, builds the ClassifierTrainer and
pulls its generator on a QThread, emitting records (throttled) and, at the end, the classifier."""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread, Signal

EMIT_SECONDS = 0.1


class ClassifyWorker(QThread):
    status = Signal(str)
    prepared = Signal(object)  # dict: labels, trainable, total, before (a frozen copy), tokenizer
    records = Signal(list)  # [model.classify.ClassifyMetrics]
    ended = Signal(str, str, object)  # event, message, the trained classifier (None on failure)

    def __init__(self, base_folder: str, data, cfg, parent=None):
        super().__init__(parent)
        self.setObjectName("classify")
        self.base_folder, self.data, self.cfg = base_folder, data, cfg
        self.trainer = None
        self._stop = threading.Event()

    def request_stop(self) -> None:
        self._stop.set()
        if self.trainer is not None:
            self.trainer.request_stop()

    def stop_and_wait(self) -> None:
        self.request_stop()
        if self.isRunning():
            self.wait()

    def run(self) -> None:
        try:
            from model.checkpoint import load_model
            from model.classify import ClassifierTrainer

            self.status.emit("Loading the base model…")
            loaded = load_model(self.base_folder)
            self.status.emit("Adding a classification head…")
            trainer = ClassifierTrainer(loaded.model, loaded.tokenizer, self.data, self.cfg)
            self.trainer = trainer
            if self._stop.is_set():
                trainer.request_stop()
            self.prepared.emit({"labels": trainer.labels, "trainable": trainer.trainable,
                                "total": sum(p.numel() for p in trainer.classifier.parameters()),
                                "before": trainer.before, "tokenizer": loaded.tokenizer,
                                "n_blocks": len(loaded.model.blocks)})
            batch, last = [], 0.0
            event, message = "done", ""
            for m in trainer.run():
                batch.append(m)
                now = time.monotonic()
                if m.event != "log" or m.accuracy is not None or now - last >= EMIT_SECONDS:
                    self.records.emit(batch)
                    batch, last = [], now
                if m.event != "log":
                    event, message = m.event, m.message
            if batch:
                self.records.emit(batch)
            trainer.classifier.eval()
            self.ended.emit(event, message, trainer.classifier)
        except BaseException as exc:  # tokenizers' PanicException is a BaseException
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            from .jobs import PretrainSettings, out_of_memory_advice

            advice = out_of_memory_advice(exc, PretrainSettings(batch_size=self.cfg.batch_size))
            name = type(exc).__name__
            text = advice or (str(exc) if name in ("CheckpointError", "LabelledDataError", "ValueError")
                              else f"{name}: {exc}")
            self.ended.emit("failed", text, None)
