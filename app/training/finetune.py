"""The fine-tuning panel (classification): a base model, labelled examples, a head on the
transformer, curves of loss and held-out accuracy, a confusion matrix, and a box to try a
sentence before and after fine-tuning.

The run lifecycle is the RunController's (controller.py); the fine-tune trains on a ClassifyWorker's
thread, which saves each finished or stopped fine-tune as a "classify" run (classify_runs.py). Past
runs can be shown again (curves, confusion matrix, and the saved classifier in the try-a-sentence
box) or deleted. Predictions and loading a saved classifier run on the controller's aux worker.
The settings are finetune_form.py's, the views finetune_views.py's.
"""
from __future__ import annotations

from PySide6.QtCore import Signal

from app.i18n import QT_TR_NOOP, tr, translated

from ..common.appearance import Appearance
from . import classify_runs
from .classify_worker import ClassifyWorker
from .controller import RunController, RunPanel
from .finetune_form import FinetuneForm
from .finetune_views import STATUS_WORDS, ClassifyCurves, TryBox, describe_classify_run
from .layout import lesson_columns, run_column
from .run_list import status_text
from .runs import Run, RunStore


def _predict(classifier, tokenizer, text: str):
    from model.classify import predict

    return predict(classifier, tokenizer, [text])[0]


class FinetunePanel(RunPanel):
    records_shown = Signal(int)
    prediction_shown = Signal()
    classifier_loaded = Signal()  # a past run's saved classifier is ready for the try-a-sentence box
    delete_note = QT_TR_NOOP(" and its fine-tuned model")

    def __init__(self, appearance: Appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.appearance, self.store = appearance, store or RunStore()
        self.attach(RunController(appearance, self.store, (classify_runs.KIND,), describe_classify_run, self.start,
                                  tr("Pick a base model and some labelled examples, then press Start."), parent=self))
        self.before = self.after = self.tokenizer = None  # the classifiers compared, and their tokenizer
        self.aux = self.runner.aux_worker("finetune-aux", self._aux_done, self._aux_failed)
        r = self.runner
        self.form = FinetuneForm(appearance, self.store, self.run_list)
        self.base_picker, self.table = self.form.base_picker, self.form.table
        self.curves = ClassifyCurves(appearance)
        self.curves.start([], self.form.steps_spin.value())  # before a run: step axes over the steps asked for
        self.form.steps_spin.valueChanged.connect(lambda n: self.curves.span_if_empty(n))
        self.try_box = TryBox(appearance)
        self.try_box.requested.connect(self.predict_now)
        r.running_changed.connect(self.form.set_running)
        r.shown.connect(self._show_run)
        r.cleared.connect(self._clear)
        center = run_column([r.controls, self.status], self.curves.grid(self.try_box))
        self.lesson = lesson_columns(self, self.form, center, appearance, "finetuning", [470, 700, 280])
        self._activated = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._activated:  # the example set is read when someone first looks (model/ imports torch)
            self._activated = True
            self.form.load_examples()

    def fill_bases(self) -> None:
        self.base_picker.fill()

    def set_base(self, folder: str) -> None:
        self.base_picker.set_base(folder)

    # ---- a run ---------------------------------------------------------------------------
    def start(self) -> None:
        if self.is_training():
            return
        base = self.base_picker.folder()
        if not base:
            self.status.setText(tr("Choose a base model first: the shipped one, a run you trained, or a model folder."))
            return
        from model.labelled import LabelledDataError

        try:
            data = self.table.labelled_set()
        except LabelledDataError as exc:
            self.status.setText(translated(exc))
            return
        self.table.show_summary(tr("the table"), data.problems)
        cfg = self.form.config()
        self.run = self.after = None
        self.curves.start(self.curves.labels, cfg.steps)
        self.runner.set_progress(0, cfg.steps)
        name = f"{self.base_picker.base_name()} → {' / '.join(data.label_names())}"
        worker = ClassifyWorker(base, data, cfg, store=self.store, name=name, parent=self)
        worker.prepared.connect(self._prepared)
        worker.records.connect(self._records)
        self.runner.launch(worker, self._ended)

    def _prepared(self, info: dict) -> None:
        self.before, self.tokenizer = info["before"], info["tokenizer"]
        self.form.blocks_spin.setMaximum(info["n_blocks"])
        self.status.setText(tr("Fine-tuning {0} of {1} parameters to tell {2} apart.").format(
            f"{info['trainable']:,}", f"{info['total']:,}", " / ".join(info["labels"])))
        self.curves.start(info["labels"], 0)
        self.predict_now()

    def _records(self, records: list) -> None:
        self.curves.add(records)
        self.progress.setValue(records[-1].step)
        self.records_shown.emit(records[-1].step)

    def _ended(self, event: str, message: str, classifier) -> None:
        self.after = classifier
        accs, chance = self.curves.accuracy.values, 1 / max(1, len(self.curves.labels))
        acc = " " + tr("Held-out accuracy: {0} (chance: {1}).").format(f"{accs[-1]:.0%}", f"{chance:.0%}") if accs else ""
        problem = getattr(self.worker, "save_problem", "")
        saved = (" " + tr("Saved as the run “{0}” (listed under Past classification runs).").format(self.run.name)
                 if self.run is not None else f" {problem}" if problem else "")
        self.status.setText(f"{message}{acc}{saved}" if event != "failed"
                            else tr("Could not fine-tune: {0}").format(message))
        self.runner.list_runs()
        self.predict_now()
        self.run_ended.emit(event, message)

    # ---- past runs -----------------------------------------------------------------------
    def _show_run(self, run: Run) -> None:
        """Put a saved fine-tune back on screen: its settings, curves and confusion matrix, and (loaded
        on the worker) its classifier for the try-a-sentence box."""
        self.form.show_settings(run.info.get("settings", {}))
        self.curves.load(run, run.metrics(classify_runs.COLUMNS), classify_runs.read_confusion(run))
        self.runner.set_progress(run.step, run.total_steps)
        accs = self.curves.accuracy.values
        acc = " " + tr("Held-out accuracy: {0}.").format(f"{accs[-1]:.0%}") if accs else ""
        self.status.setText(tr("{0}: {1} at step {2} of {3}.").format(
            run.name, status_text(run.status, STATUS_WORDS), f"{run.step:,}", f"{run.total_steps:,}") + acc)
        self.before = self.after = self.tokenizer = None
        self.try_box.say(tr("Loading the saved classifier…"))
        self.aux.submit("load", lambda: classify_runs.load_classifier(run))

    def _clear(self) -> None:
        """The run on screen was deleted."""
        self.aux.cancel("load")
        self.before = self.after = self.tokenizer = None
        self.curves.start([], 0)
        self.try_box.say(tr("Fine-tune a model (or show a past run) to try a sentence."))

    # ---- try a sentence ------------------------------------------------------------------
    def predict_now(self) -> None:
        text = self.try_box.text()
        after = None if self.is_training() else self.after
        if not text or (self.before is None and after is None):
            return
        before, tok = self.before, self.tokenizer
        self.aux.submit("predict", lambda: (text, _predict(before, tok, text) if before is not None else None,
                                            _predict(after, tok, text) if after is not None else None))

    def _aux_done(self, kind: str, result) -> None:
        if kind == "load":
            self.curves.labels, self.tokenizer = result.labels, result.tokenizer
            self.before, self.after = result.untrained, result.tuned
            self.try_box.say(tr("The saved classifier is loaded: type a sentence above.") if result.untrained
                             else tr("The saved classifier is loaded (its base model is gone, so there is "
                                     "no “before” to compare): type a sentence above."))
            self.classifier_loaded.emit()
            self.predict_now()
        else:
            self.try_box.show_prediction(result, self.curves.labels, self.is_training())
            self.prediction_shown.emit()

    def _aux_failed(self, kind: str, message: str) -> None:
        self.try_box.say(tr("Could not load the saved classifier: {0}").format(message) if kind == "load" else message)
