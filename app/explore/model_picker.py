"""The Model and Device pickers beside the prompt: which model the session opens, on which device."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QGridLayout, QLabel, QWidget

from app.i18n import tr
from model.paths import default_model_dir, masked_model_dir

from ..training.timeline import run_label


def model_label(path: str) -> str:
    """A run's "checkpoint" and "step-000169" folders are named by their run; others by their folder."""
    return run_label(path) or Path(path).name


class ModelPicker(QWidget):
    def __init__(self, session, prefs):
        super().__init__()
        self.session, self.prefs = session, prefs
        self.model_combo, self.device_combo = QComboBox(), QComboBox()
        self.model_combo.setMinimumContentsLength(18)
        self.model_combo.activated.connect(self._model_activated)
        self.device_combo.addItem("CPU", "cpu")
        self.device_combo.activated.connect(lambda i: self._device_chosen(self.device_combo.itemData(i)))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, (label, combo) in enumerate(((tr("Model"), self.model_combo), (tr("Device"), self.device_combo))):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(combo, row, 1)

    def open(self, folder: str) -> None:
        self.session.open_model(folder, self.prefs.device())

    def browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Open a model folder"),
                                                  self.session.model_path or str(Path.home()))
        if folder:
            self.open(folder)
        else:
            self.fill()  # back to the model that is open

    def fill(self) -> None:
        """The shipped model, the recent ones (and the one being tried, or that failed), then Open…"""
        recent, current = self.prefs.recent_models(), self.session.model_path
        c, shipped = self.model_combo, str(default_model_dir())
        c.clear()
        c.addItem(tr("Shipped: {0}").format(Path(shipped).name), shipped)
        masked = str(masked_model_dir())  # the fill-in-blanks model beside it (Fill the blank stage)
        if Path(masked).is_dir():
            c.addItem(tr("Shipped: {0}").format(Path(masked).name), masked)
        paths = [p for p in recent if p not in (shipped, masked)]
        if current and current not in (shipped, masked) and current not in paths:
            paths.insert(0, current)
        for path in paths:
            c.addItem(model_label(path), path)
            c.setItemData(c.count() - 1, path, Qt.ToolTipRole)
        c.addItem(tr("Open a model folder…"), None)
        c.setCurrentIndex(max(0, c.findData(current) if current else 0))

    def set_devices(self, devices: list[str], current: str) -> None:
        self.device_combo.clear()
        for dev in devices:
            self.device_combo.addItem(dev.upper(), dev)
        self.device_combo.setCurrentIndex(max(0, self.device_combo.findData(current)))

    def current_device(self) -> str:
        return self.device_combo.currentData() or "cpu"

    def _model_activated(self, index: int) -> None:
        path = self.model_combo.itemData(index)
        if path is None:
            self.browse()
        elif path != self.session.model_path or self.session.info is None:
            self.open(path)

    def _device_chosen(self, device: str) -> None:
        info = self.session.info
        if info is not None and device != info.device:
            self.prefs.settings.setValue("device", device)
            self.session.set_device(device)
