"""The window's second main area: tabs "Explore | Pre-train | Fine-tune" around the explorer.

`TrainingArea(window)` wraps the window's central widget; the window calls `confirm_close()`
from closeEvent and `shutdown()` when it shuts down. Nothing else in the window changes.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QTabWidget

from .continued import ContinuedPanel
from .finetune import FinetunePanel
from .pretrain import PretrainPanel
from .runs import RunStore
from .timeline import SNAPSHOT, TimelineBar


class TrainingArea:
    def __init__(self, window, store: RunStore | None = None):
        self.window = window
        self.store = store or RunStore()
        explorer = window.centralWidget()
        self.timeline = TimelineBar(window.appearance)
        explorer.layout().insertWidget(1, self.timeline)  # between the prompt and the stages
        self.timeline.snapshot_requested.connect(window.open_model)
        window.model_changed.connect(self._model_changed)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(explorer, "Explore")
        self.pretrain = PretrainPanel(window.appearance, self.store)
        self.pretrain.open_model_requested.connect(self.open_in_explorer)
        self.tabs.addTab(self.pretrain, "Pre-train")
        self.finetune = FinetunePanel(window.appearance, self.store)
        self.continued = ContinuedPanel(window.appearance, self.store)
        self.finetune_tabs = QTabWidget()  # two kinds of fine-tuning
        self.finetune_tabs.addTab(self.finetune, "Classify sentences (sentiment)")
        self.finetune_tabs.addTab(self.continued, "Continue training on your own text")
        self.tabs.addTab(self.finetune_tabs, "Fine-tune")
        self.panels = [self.pretrain, self.finetune, self.continued]
        self.tabs.currentChanged.connect(self._tab_changed)
        self._restyle()
        window.appearance.changed.connect(self._restyle)
        window.setCentralWidget(self.tabs)
        if self.pretrain.resume_candidate is not None and not self.pretrain.resume_banner.isHidden():
            self.tabs.setTabText(1, "Pre-train (a run can be resumed)")

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.finetune_tabs:
            for panel in (self.finetune, self.continued):
                if not panel.is_training():
                    panel.fill_bases()  # runs trained since are offered as bases

    def _model_changed(self, info) -> None:
        if info is None:
            return
        self.timeline.model_opened(info.path)
        recent = self.window.recent_models()  # snapshots are steps of one run, not models to remember
        kept = [p for p in recent if not (p == info.path and SNAPSHOT.fullmatch(Path(p).name))]
        if kept != recent:
            self.window.settings.setValue("recent_models", kept)
            self.window._fill_model_combo()

    def _restyle(self) -> None:
        self.tabs.tabBar().setFont(self.window.appearance.font(1.1, bold=True))

    def show_explorer(self) -> None:
        self.tabs.setCurrentIndex(0)

    def open_in_explorer(self, folder: str) -> None:
        self.window.open_model(folder)
        self.show_explorer()

    def is_training(self) -> bool:
        return any(p.is_training() for p in self.panels)

    def confirm_close(self) -> bool:
        """Closing mid-training asks first; if the user agrees, the run saves a checkpoint on shutdown."""
        if not self.is_training():
            return True
        answer = QMessageBox.question(
            self.window, "Training is running",
            "A training run is still going. Stop it and close? A checkpoint is saved first, and next time "
            "LM Anatomy offers to resume the run from there.",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def shutdown(self) -> None:
        for p in self.panels:
            p.shutdown()
