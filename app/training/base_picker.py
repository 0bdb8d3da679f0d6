"""The base-model picker of both fine-tune panels: the shipped model, the runs that can be
fine-tuned further (pre-training runs and finished continued runs), and "Choose a model folder…".

`base_chosen(folder)` fires when the user picks a base, when `set_base` is called, and when a
refresh has to move off a base that is gone (a deleted run). A refresh that keeps the same base
stays quiet, so refreshing on every tab switch costs nothing downstream.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog

from app.i18n import QT_TR_NOOP, tr
from model.paths import default_model_dir

from .runs import RunStore

CHOOSE_FOLDER = QT_TR_NOOP("Choose a model folder…")
KIND_LABELS = {"pretrain": QT_TR_NOOP("Pre-trained run"), "continue": QT_TR_NOOP("Trained on your text")}


def _is_model_folder(folder: str) -> bool:
    return (Path(folder) / "config.json").exists()


class BasePicker(QComboBox):
    base_chosen = Signal(str)  # a model folder

    def __init__(self, store: RunStore, parent=None):
        super().__init__(parent)
        self.store = store
        self.names: dict[str, str] = {}  # folder -> a short name for runs trained from it
        self._last: str | None = None  # the base chosen before "Choose a model folder…" (a cancel goes back)
        self.setMinimumContentsLength(24)
        self.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.activated.connect(self._activated)
        self.fill()

    def folder(self) -> str | None:
        return self.currentData()

    def base_name(self) -> str:
        folder = self.folder()
        return self.names.get(folder, Path(folder).name) if folder else ""

    def fill(self) -> None:
        """List the bases again (runs trained since appear, deleted ones go), keeping the choice if it still exists."""
        before = self.folder()
        self.blockSignals(True)
        self.clear()
        self.names = {}
        shipped = default_model_dir()
        if (shipped / "model.safetensors").exists():
            self.addItem(tr("The shipped model ({0})").format(shipped.name), str(shipped))
            self.names[str(shipped)] = shipped.name
        for run in self.store.bases():
            label = tr(KIND_LABELS.get(run.kind, QT_TR_NOOP("Run")))
            self.addItem(tr("{0}: {1} (step {2})").format(label, run.name, f"{run.checkpoint_step():,}"),
                         str(run.checkpoint))
            self.names[str(run.checkpoint)] = run.name
        self.addItem(tr(CHOOSE_FOLDER), None)
        if before and _is_model_folder(before):
            self._select(before)
        self.blockSignals(False)
        self._last = self.folder()
        if self.folder() != before and self.folder():
            self.base_chosen.emit(self.folder())

    def set_base(self, folder: str, quiet: bool = False) -> None:
        self._select(str(folder))
        if not quiet:
            self.base_chosen.emit(str(folder))

    def _select(self, folder: str) -> None:
        i = self.findData(folder)
        if i < 0:  # a folder chosen by hand (or a run's base that is no longer listed)
            self.insertItem(0, Path(folder).name, folder)
            i = 0
        self.setCurrentIndex(i)
        self._last = folder

    def _activated(self, index: int) -> None:
        if self.itemData(index) is not None:
            self._last = self.itemData(index)
            self.base_chosen.emit(self.itemData(index))
            return
        folder = QFileDialog.getExistingDirectory(self, tr("A model folder to fine-tune"), str(Path.home()))
        if folder:
            self.set_base(folder)
        elif self._last:  # cancelled: back to the base chosen before
            self._select(self._last)
