"""Preferences that persist (QSettings, versioned), as a mixin of MainWindow."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from .paths import default_model_dir
from .stages import STAGES

SETTINGS_VERSION = 1  # bump when a stored value changes meaning; older settings are then reset
MAX_RECENT = 8
MAX_SAVED_PROMPT = 10_000


class WindowSettings:
    # ---- settings ------------------------------------------------------------------------
    def _migrate_settings(self) -> None:
        version = self.settings.value("settings_version", 0, type=int)
        if version != SETTINGS_VERSION:
            if version > SETTINGS_VERSION or version == 0:
                self.settings.clear()
            self.settings.setValue("settings_version", SETTINGS_VERSION)

    def _restore(self) -> None:
        s = self.settings
        geometry = s.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = s.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.presentation_action.setChecked(self.appearance.presentation)
        self.dark_action.setChecked(self.appearance.theme == "dark")
        self.cividis_action.setChecked(self.appearance.colormap == "cividis")
        self.panels["output"].set_settings(float(s.value("temperature", 1.0)), int(s.value("top_k", 0)),
                                           float(s.value("top_p", 1.0)))
        self._fill_model_combo()
        self.prompt.blockSignals(True)
        self.prompt.setPlainText(str(s.value("prompt", "")))
        self.prompt.blockSignals(False)
        self.show_stage(str(s.value("stage")) if s.value("stage") in STAGES else STAGES[0])  # first launch: stage 1
        self.appearance.changed.emit()

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("settings_version", SETTINGS_VERSION)
        s.setValue("geometry", self.saveGeometry())
        s.setValue("splitter", self.splitter.saveState())
        a = self.appearance
        for key in ("theme", "presentation", "zoom", "colormap"):
            s.setValue(key, getattr(a, key))
        s.setValue("stage", self.current_stage)
        s.setValue("prompt", self.prompt_text()[:MAX_SAVED_PROMPT])
        t, k, p = self.panels["output"].settings()
        s.setValue("temperature", t)
        s.setValue("top_k", k)
        s.setValue("top_p", p)
        s.setValue("device", self.device_combo.currentData() or "cpu")
        s.sync()

    def recent_models(self) -> list[str]:
        value = self.settings.value("recent_models", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _fill_model_combo(self) -> None:
        c = self.model_combo
        c.clear()
        shipped = str(default_model_dir())
        c.addItem("Shipped: " + Path(shipped).name, shipped)
        for path in self.recent_models():
            if path != shipped:
                c.addItem(Path(path).name, path)
                c.setItemData(c.count() - 1, path, Qt.ToolTipRole)
        if self.model_path and c.findData(self.model_path) < 0:  # a folder being tried, or that failed
            c.insertItem(1, Path(self.model_path).name, self.model_path)
            c.setItemData(1, self.model_path, Qt.ToolTipRole)
        c.addItem("Open a model folder…", None)
        index = c.findData(self.model_path) if self.model_path else 0
        c.setCurrentIndex(max(0, index))

