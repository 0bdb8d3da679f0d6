"""The classification fine-tuning worker: loads the base model, builds the ClassifierTrainer and
pulls its generator on a QThread (loop.pull, as the training child does), emitting records in
batches and, at the end, the classifier.

A fine-tune that finishes or is stopped after at least one step is saved as a "classify" run
(classify_runs.py) here, on the worker thread, before `ended` is emitted; `saved_run` is then the
Run (None when nothing was saved) and `save_problem` says why a save failed."""
from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from app.i18n import tr, translated

from .loop import pull

EMIT_SECONDS = 0.1


class ClassifyWorker(QThread):
    status = Signal(str)
    prepared = Signal(object)  # dict: labels, trainable, total, before (a frozen copy), tokenizer
    records = Signal(list)  # [model.classify.ClassifyMetrics]
    ended = Signal(str, str, object)  # event, message, the trained classifier (None on failure)

    def __init__(self, base_folder: str, data, cfg, store=None, name: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("classify")
        self.base_folder, self.data, self.cfg = base_folder, data, cfg
        self.store, self.name = store, name or tr("{0} classifier").format(base_folder)
        self.trainer = None
        self.saved_run = None
        self.save_problem = ""
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
            import model

            model.import_engine()  # one thread at a time (see model/__init__.py)
            from model.checkpoint import load_model
            from model.classify import ClassifierTrainer

            self.status.emit(tr("Loading the base model…"))
            loaded = load_model(self.base_folder)
            self.status.emit(tr("Adding a classification head…"))
            trainer = ClassifierTrainer(loaded.model, loaded.tokenizer, self.data, self.cfg)
            self.trainer = trainer
            if self._stop.is_set():
                trainer.request_stop()
            self.prepared.emit({"labels": trainer.labels, "trainable": trainer.trainable,
                                "total": sum(p.numel() for p in trainer.classifier.parameters()),
                                "before": trainer.before, "tokenizer": loaded.tokenizer,
                                "n_blocks": len(loaded.model.blocks)})
            history: list = []

            def flush(batch: list) -> None:
                history.extend(batch)
                self.records.emit(batch)

            last = pull(trainer.run(), flush, EMIT_SECONDS, urgent=lambda m: m.accuracy is not None)
            event, message = (last.event, last.message) if last is not None and last.event != "log" else ("done", "")
            trainer.classifier.eval()
            if self.store is not None and event in ("done", "stopped") and trainer.step > 0:
                self._save(trainer, loaded.tokenizer, history, event, message)
            self.ended.emit(event, translated(message), trainer.classifier)
        except BaseException as exc:  # tokenizers' PanicException is a BaseException
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            from model.settings import TrainingSettings

            from .jobs import out_of_memory_advice

            advice = out_of_memory_advice(exc, TrainingSettings.of(batch_size=self.cfg.batch_size))
            name = type(exc).__name__
            text = translated(advice) if advice else (
                translated(exc) if name in ("CheckpointError", "LabelledDataError", "ValueError")
                else f"{name}: {translated(exc)}")
            self.ended.emit("failed", text, None)

    def _save(self, trainer, tokenizer, history: list, event: str, message: str) -> None:
        from .classify_runs import save_classify_run

        cfg = self.cfg
        settings = {"base_model": self.base_folder, "steps": cfg.steps, "learning_rate": cfg.learning_rate,
                    "train_last_blocks": cfg.train_last_blocks, "batch_size": cfg.batch_size, "seed": cfg.seed,
                    "train_rows": len(trainer.train_texts), "test_rows": len(trainer.test_texts)}
        try:
            self.saved_run = save_classify_run(self.store, self.name, settings, trainer.labels, history,
                                               trainer.classifier, trainer.before.head.state_dict(), tokenizer,
                                               self.data, event, message)
        except Exception as exc:  # a full disk must not lose the classifier on screen; the panel says so
            self.save_problem = tr("It could not be saved as a run ({0}).").format(getattr(exc, "strerror", None) or exc)
