"""The training half of the window: the Pre-train and Fine-tune tabs and the explorer's snapshot bar.

`TrainingArea` builds the training panels; the window places them (`tabs()`, `timeline`) and asks
it, on close, what a running job would lose (`confirm_close`) before `shutdown()`. It knows nothing
of the window: a model to open goes out as `open_model_requested`, a model that was opened comes in
through `model_opened`.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QTabWidget

from app.i18n import QT_TR_NOOP, tr

from .continued import ContinuedPanel
from .finetune import FinetunePanel
from .pretrain import PretrainPanel
from .runs import RunStore
from .timeline import TimelineBar

# What closing mid-run keeps, per job; each sentence is what that job's shutdown really does.
CLOSE_NOTES = {
    "pretrain": QT_TR_NOOP("Pre-training: a checkpoint is saved first, and next time LM Anatomy offers to resume "
                           "the run from there."),
    "classify": QT_TR_NOOP("Classification fine-tune: it stops at the current step and what it has learned so far "
                           "is saved as a run (curves, confusion matrix and classifier), which you can reopen under "
                           "Fine-tune. A fine-tune cannot be resumed: the remaining steps are not trained."),
    "continue": QT_TR_NOOP("Training on your text: the model trained so far is saved and offered as a base model "
                           "under Fine-tune. It cannot be resumed: the remaining steps are not trained."),
}


class TrainingArea(QObject):
    open_model_requested = Signal(str)  # a run's checkpoint or snapshot, to show in the explorer

    def __init__(self, appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.store = store or RunStore()
        self.timeline = TimelineBar(appearance)  # "Watch it learn": the window puts it above the stages
        self.timeline.snapshot_requested.connect(self.open_model_requested)
        self.pretrain = PretrainPanel(appearance, self.store)
        self.finetune = FinetunePanel(appearance, self.store)
        self.continued = ContinuedPanel(appearance, self.store)
        for panel in (self.pretrain, self.continued):
            panel.open_model_requested.connect(self.open_model_requested)
            panel.run_ended.connect(lambda *_: self.refresh_bases())  # a run that ends is a new base
        self.finetune_tabs = QTabWidget()  # two kinds of fine-tuning
        self.finetune_tabs.addTab(self.finetune, tr("Classify sentences (sentiment)"))
        self.finetune_tabs.addTab(self.continued, tr("Continue training on your own text"))
        self.finetune_tabs.currentChanged.connect(self.refresh_bases)
        self.panels = [self.pretrain, self.finetune, self.continued]
        self.close_notes = [(self.pretrain, CLOSE_NOTES["pretrain"]), (self.finetune, CLOSE_NOTES["classify"]),
                            (self.continued, CLOSE_NOTES["continue"])]

    def tab_pages(self) -> list[tuple[object, str]]:
        """The widgets of the Pre-train and Fine-tune tabs, with their titles."""
        resumable = not self.pretrain.resume_banner.isHidden()  # it offers to resume an interrupted run
        return [(self.pretrain, tr("Pre-train (a run can be resumed)") if resumable else tr("Pre-train")),
                (self.finetune_tabs, tr("Fine-tune"))]

    def refresh_bases(self, *_) -> None:
        """Offer runs trained (or deleted) since as bases, in every fine-tune panel that is not training."""
        for panel in (self.finetune, self.continued):
            if not panel.is_training():
                panel.fill_bases()

    def model_opened(self, info) -> None:
        if info is not None:
            self.timeline.model_opened(info.path)

    def is_training(self) -> bool:
        return any(p.is_training() for p in self.panels)

    def close_question(self) -> str:
        """What closing now stops, and what each running job keeps."""
        notes = [tr(note) for panel, note in self.close_notes if panel.is_training()]
        intro = (tr("A training run is still going.") if len(notes) == 1
                 else tr("{0} training runs are still going.").format(len(notes)))
        return "\n\n".join([intro + " " + tr("Stop and close?"), *notes])

    def confirm_close(self, parent) -> bool:
        """Closing mid-training asks first; if the user agrees, shutdown() saves what each job keeps."""
        if not self.is_training():
            return True
        answer = QMessageBox.question(parent, tr("Training is running"), self.close_question(),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def shutdown(self) -> None:
        for p in self.panels:
            p.shutdown()
