"""The window's second main area: tabs "Explore | Pre-train | Fine-tune" around the explorer.

`TrainingArea(window)` wraps the window's central widget; the window calls `confirm_close()`
from closeEvent and `shutdown()` when it shuts down. Nothing else in the window changes: the
tab shortcuts are actions on the window, and they put themselves at the top of its View menu
when the window builds that menu (after this area exists).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTabWidget

from .continued import ContinuedPanel
from .finetune import FinetunePanel
from .pretrain import PretrainPanel
from .runs import RunStore
from .timeline import SNAPSHOT, TimelineBar, run_label

# Ctrl+1..7 pick explorer stages and Ctrl+Shift+E exports SVG (app/window_actions.py), so Explore is X.
TAB_SHORTCUTS = (("Explore", "Ctrl+Shift+X", "Look inside the model, one stage at a time"),
                 ("Pre-train", "Ctrl+Shift+P", "Train a small model from scratch on a text"),
                 ("Fine-tune", "Ctrl+Shift+F",
                  "Teach a trained model to classify sentences, or to write like your text"))

# What closing mid-run keeps, per job; each sentence is what that job's shutdown really does.
CLOSE_NOTES = {
    "pretrain": "Pre-training: a checkpoint is saved first, and next time LM Anatomy offers to resume the run "
                "from there.",
    "classify": "Classification fine-tune: it stops at the current step and what it has learned so far is saved "
                "as a run (curves, confusion matrix and classifier), which you can reopen under Fine-tune. A "
                "fine-tune cannot be resumed: the remaining steps are not trained.",
    "continue": "Training on your text: the model trained so far is saved and offered as a base model under "
                "Fine-tune. It cannot be resumed: the remaining steps are not trained.",
}


class _ViewMenuWatcher(QObject):
    """Calls `install(menu)` once, when a menu titled "&View" is added to the watched menu bar."""

    def __init__(self, install, parent):
        super().__init__(parent)
        self.install = install

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.ActionAdded and event.action().text() == "&View" and event.action().menu():
            obj.removeEventFilter(self)
            self.install(event.action().menu())
        return False


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
        self.continued.open_model_requested.connect(self.open_in_explorer)
        self.finetune_tabs = QTabWidget()  # two kinds of fine-tuning
        self.finetune_tabs.addTab(self.finetune, "Classify sentences (sentiment)")
        self.finetune_tabs.addTab(self.continued, "Continue training on your own text")
        self.tabs.addTab(self.finetune_tabs, "Fine-tune")
        self.panels = [self.pretrain, self.finetune, self.continued]
        self.close_notes = [(self.pretrain, CLOSE_NOTES["pretrain"]), (self.finetune, CLOSE_NOTES["classify"]),
                            (self.continued, CLOSE_NOTES["continue"])]
        self.tabs.currentChanged.connect(self._refresh_bases)
        self.tabs.currentChanged.connect(self._tab_changed)
        # A run's model folders are named "checkpoint" and "step-000169": name them by their run instead.
        window.model_combo.model().rowsInserted.connect(self._label_model_rows)
        self._label_model_rows()
        self.finetune_tabs.currentChanged.connect(self._refresh_bases)
        for panel in (self.pretrain, self.continued):  # a run that ends is a new base for the other panels
            panel.run_ended.connect(lambda *_: self._refresh_bases())
        self.tab_actions = self._tab_actions()
        self._restyle()
        window.appearance.changed.connect(self._restyle)
        window.setCentralWidget(self.tabs)
        if self.pretrain.resume_candidate is not None and not self.pretrain.resume_banner.isHidden():
            self.tabs.setTabText(1, "Pre-train (a run can be resumed)")

    # ---- tab shortcuts -------------------------------------------------------------------
    def _tab_actions(self) -> list[QAction]:
        actions = []
        for index, (name, keys, what) in enumerate(TAB_SHORTCUTS):
            act = QAction(f"{name} tab", self.window)
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            self.window.addAction(act)  # works before (and without) any menu
            self.tabs.setTabToolTip(index, f"{what} ({keys})")
            actions.append(act)
        view = next((a.menu() for a in self.window.menuBar().actions() if a.text() == "&View" and a.menu()), None)
        if view is not None:
            self._add_to_menu(view, actions)
        else:  # the window builds its menus after this area: join the View menu when it appears
            self._watcher = _ViewMenuWatcher(lambda menu: self._add_to_menu(menu, actions), self.window)
            self.window.menuBar().installEventFilter(self._watcher)
        return actions

    @staticmethod
    def _add_to_menu(menu, actions: list[QAction]) -> None:
        """At the top of the menu: the tabs come before the explorer's stages."""
        first = menu.actions()[0] if menu.actions() else None
        for act in actions:
            menu.insertAction(first, act)
        menu.insertSeparator(first)

    # ---- tabs ----------------------------------------------------------------------------
    def _refresh_bases(self, *_) -> None:
        """Offer runs trained (or deleted) since as bases, in every fine-tune panel that is not training."""
        for panel in (self.finetune, self.continued):
            if not panel.is_training():
                panel.fill_bases()

    def _label_model_rows(self, *_) -> None:
        combo = self.window.model_combo
        for row in range(combo.count()):
            path = combo.itemData(row)
            label = run_label(path) if isinstance(path, str) else None
            if label and combo.itemText(row) != label:
                combo.setItemText(row, label)
                combo.setItemData(row, path, Qt.ToolTipRole)

    def _tab_changed(self, index: int) -> None:
        """The status bar's message is the explorer's: hidden over the training tabs (each has its own
        status line), shown again, current, on return. Qt's temporary messages are cleared."""
        self.window.status.setVisible(index == 0)
        self.window.statusBar().clearMessage()

    def _model_changed(self, info) -> None:
        if info is None:
            return
        label = run_label(info.path)
        if label:
            self.window.setWindowTitle(f"LM Anatomy — {label} ({info.device.upper()})")
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

    def close_question(self) -> str:
        """What closing now stops, and what each running job keeps."""
        notes = [note for panel, note in self.close_notes if panel.is_training()]
        intro = "A training run is still going." if len(notes) == 1 else f"{len(notes)} training runs are still going."
        return "\n\n".join([f"{intro} Stop and close?", *notes])

    def confirm_close(self) -> bool:
        """Closing mid-training asks first; if the user agrees, shutdown() saves what each job keeps."""
        if not self.is_training():
            return True
        answer = QMessageBox.question(self.window, "Training is running", self.close_question(),
                                      QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    def shutdown(self) -> None:
        for p in self.panels:
            p.shutdown()
