"""Continued language-model training on the user's own text, with before / after side by side.

The base model keeps its tokenizer and sizes; only its weights move. Before the run and when it
ends, both models continue the same prompt and show their next-token distributions. Each run is a
"continue" run in the store: listed under the settings (Show, Open in explorer, Delete…) and, once
finished or stopped, offered as a base model by both fine-tune panels.

The run lifecycle is the RunController's (controller.py); the run trains in a TrainingWorker's child
process. The text check, the corpus preview and both models' continuations run on the controller's
aux worker. The settings are continued_form.py's, the views continued_views.py's.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer, Signal

from app.i18n import QT_TR_NOOP, tr

from ..common.appearance import Appearance
from ..common.textutil import esc
from . import jobs, previews
from .continued_form import ContinuedForm
from .continued_views import AFTER_WAITING, LossCurves, before_after, show_on_one_scale
from .controller import RunController, RunPanel
from .controls import PathDrops
from .layout import lesson_columns, run_column
from .run_list import describe_run, status_text
from .runs import Run, RunStore
from .worker import TrainingWorker


class ContinuedPanel(RunPanel):
    views_shown = Signal()
    delete_note = QT_TR_NOOP(" and its tuned model")

    def __init__(self, appearance: Appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.appearance, self.store = appearance, store or RunStore()
        self.attach(RunController(
            appearance, self.store, ("continue",), describe_run, self.start,
            tr("Pick a base model and your text, then press Start."), parent=self,
            list_hint=tr("Finished and stopped runs are offered as base models in both fine-tune panels.")))
        r = self.runner
        self.paths: list[str] = []
        self.check = None  # the last previews.ContinuedCheck of this base and text (None: not known yet)
        self.check_timer = QTimer(self, singleShot=True, interval=300)
        self.check_timer.timeout.connect(self.check_text)
        self.aux = r.aux_worker("continued-aux", self._aux_done, self._aux_failed)
        self.open_button = self.run_list.add_button(
            tr("Open in explorer"), lambda run: r.open_in_explorer(str(run.checkpoint) if run else None), Run.usable_as_base)
        self.form = ContinuedForm(appearance, self.store, self.run_list)
        self.base_picker = self.form.base_picker
        self.form.corpus_chosen.connect(self.set_corpus)
        self.form.prompt_edit.editingFinished.connect(self.compare_now)
        self.form.steps_spin.valueChanged.connect(self._show_check)
        self.form.batch_spin.valueChanged.connect(lambda: self.check_timer.start())
        self.base_picker.base_chosen.connect(lambda _folder: self.compare_now(after=False))
        self.base_picker.base_chosen.connect(lambda _folder: self._base_changed())
        self.curves = LossCurves(appearance)
        self.curves.start(self.form.steps_spin.value())  # before a run: the step axis over the steps asked for
        self.form.steps_spin.valueChanged.connect(lambda n: self.curves.loss.steps or self.curves.start(n))
        self.before_view, self.after_view, views = before_after(appearance)
        r.running_changed.connect(self.form.set_running)
        r.shown.connect(self._show_run)
        r.cleared.connect(self.curves.clear)
        center = run_column([r.controls, self.status, (self.curves.plot, 1)], views, stretch=2)
        self.lesson = lesson_columns(self, self.form, center, appearance, "finetuning", [340, 800, 280],
                                     anchor="continuing")  # the lesson's section on this panel
        PathDrops(self, self.set_corpus, lambda: not self.is_training())
        self._base_changed()
        self._shown_once = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # Before: the base model's continuation, as soon as someone looks
            self._shown_once = True
            self.compare_now(after=False)

    # ---- base and text -------------------------------------------------------------------
    def fill_bases(self) -> None:
        self.base_picker.fill()

    def set_base(self, folder: str) -> None:
        self.base_picker.set_base(folder)

    def set_corpus(self, paths: list[str]) -> None:
        self.paths = [str(p) for p in paths]
        self.form.corpus_label.setText(tr("Reading…"))
        self.aux.submit("corpus", lambda: previews.corpus_preview(self.paths))
        self.check_text()

    def _base_changed(self) -> None:
        """Say the minimum for this base up front, and check the chosen text against it."""
        self.form.show_need()
        self.check_text()

    def check_text(self) -> None:
        """Tokenize the chosen text with the base's tokenizer and time a step (aux worker), before Start."""
        base, paths = self.base_picker.folder(), list(self.paths)
        self.check = None
        self.check_timer.stop()
        if not base or not paths:
            self.aux.cancel("check")
            self._show_check()
            return
        self.form.check_label.setText(tr("Checking your text against the base model…"))
        self.form.estimate_label.setText("")
        batch = self.form.batch_spin.value()
        self.aux.submit("check", lambda: previews.continued_check(base, paths, batch))

    def _show_check(self) -> None:
        self.runner.allow_start(not self.form.show_check(self.check))

    # ---- before / after ------------------------------------------------------------------
    def compare_now(self, after: bool = True, before: bool = True) -> None:
        base, prompt = self.base_picker.folder(), self.form.prompt_edit.text()
        if base and before:
            self.aux.submit("before", lambda: previews.model_view(base, prompt))
        if after and self.run is not None and self.run.has_checkpoint() and not self.is_training():
            tuned = str(self.run.checkpoint)
            self.aux.submit("after", lambda: previews.model_view(tuned, prompt))

    def _aux_done(self, kind: str, result) -> None:
        if kind == "check":
            self.check = result
            self._show_check()
        elif kind == "corpus":
            self.form.show_corpus(result)
        else:
            views = (self.before_view, self.after_view)
            show_on_one_scale(self.before_view if kind == "before" else self.after_view, result, views)
            self.views_shown.emit()

    def _aux_failed(self, kind: str, message: str) -> None:
        if kind == "check":
            self.check = message
            self._show_check()
        elif kind == "corpus":
            self.paths = []
            self.form.corpus_label.setText(tr("<b>Nothing to learn from:</b> {0}").format(esc(message)))
        else:
            self.status.setText(message)

    # ---- a run ---------------------------------------------------------------------------
    def start(self) -> None:
        base = self.base_picker.folder()
        if self.is_training():
            return
        if not base or not self.paths:
            self.status.setText(tr("Choose a base model and some text of your own first."))
            return
        if self.check is not None and not isinstance(self.check, str) and not self.check.enough:
            self.status.setText(tr("Your text is too short for this base model: see above."))
            return
        self.aux.cancel("after")  # a previous run's result, still on its way or shown, would pass for this one's
        self.after_view.clear(AFTER_WAITING)
        settings = self.form.settings(self.paths)
        self.run = self.store.create(settings.name, settings.to_dict() | {"base_model": base}, kind="continue")
        self.curves.start(settings.train.steps)
        self.runner.set_progress(0, settings.train.steps)
        worker = TrainingWorker(settings, self.run, prepare=jobs.continued_preparer(base), parent=self)
        worker.prepared.connect(lambda info: self.status.setText(tr("Training: {0}").format(info["summary"])))
        worker.records.connect(self._records)
        self.runner.launch(worker, self._ended)
        self.compare_now(after=False)

    def _records(self, records: list) -> None:
        self.curves.add(records)
        self.progress.setValue(records[-1].step)

    def _ended(self, event: str, message: str) -> None:
        self.status.setText(message if event != "failed" else tr("Could not train: {0}").format(message))
        # A run that never trained a step is not a past run to list (nor a base to offer).
        self.runner.forget_untrained(event, trained=bool(self.curves.loss.steps))
        self.runner.list_runs()
        self.compare_now()
        self.run_ended.emit(event, message)

    # ---- past runs -----------------------------------------------------------------------
    def _show_run(self, run: Run) -> None:
        """Put a past run back on screen: its loss curve, and its base and tuned model continuing the prompt."""
        self.curves.load(run.metrics(), run.total_steps)
        self.runner.set_progress(run.step, run.total_steps)
        base = run.info.get("settings", {}).get("base_model")
        gone = not (base and (Path(base) / "config.json").exists())
        if not gone:
            self.base_picker.set_base(base, quiet=True)  # compare_now below asks for both views at once
        self.status.setText(tr("{0}: {1} at step {2} of {3}.").format(
            run.name, status_text(run.status), f"{run.step:,}", f"{run.total_steps:,}")
            + (" " + tr("Its base model is gone: there is no “Before” to show.") if gone else ""))
        # Whatever the views showed belongs to another model: clear them, and drop results on the way.
        self.aux.cancel("after")
        self.after_view.clear(AFTER_WAITING if run.has_checkpoint() else tr("This run saved no tuned model."))
        if gone:
            self.aux.cancel("before")
            self.before_view.clear(tr("The base model of this run is gone."))
        self.compare_now(before=not gone)
