"""Preferences that persist (QSettings, versioned), as a mixin of MainWindow."""
from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt

from .paths import default_model_dir
from .stages import STAGES

SETTINGS_VERSION = 1  # bump when a stored value changes meaning; older settings are then reset
MAX_RECENT = 8
MAX_SAVED_PROMPT = 10_000
THEMES, COLORMAPS, DEVICES = ("light", "dark"), ("viridis", "cividis"), ("cpu", "cuda", "mps")


# A settings file can hold anything: an older version's values, a hand edit, a half-written file.
# Each value is read on its own and falls back to its default when it is not what it should be, so a
# bad line costs that one preference, never the launch (a `zoom=nan` used to break every start).
def setting_float(s: QSettings, key: str, default: float, low: float, high: float) -> float:
    try:
        value = float(s.value(key, default))
    except (TypeError, ValueError):
        return default
    return value if math.isfinite(value) and low <= value <= high else default


def setting_int(s: QSettings, key: str, default: int, low: int, high: int) -> int:
    value = setting_float(s, key, float(default), low, high)
    return int(value) if value == int(value) else default


def setting_bool(s: QSettings, key: str, default: bool) -> bool:
    value = s.value(key, default)
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False, "1": True, "0": False}.get(str(value).strip().lower(), default)


def setting_choice(s: QSettings, key: str, default: str, choices) -> str:
    value = s.value(key, default)
    return value if isinstance(value, str) and value in choices else default


def setting_text(s: QSettings, key: str, limit: int) -> str:
    value = s.value(key, "")
    if isinstance(value, (list, tuple)):  # an unquoted comma in a hand-edited file makes a list
        value = ", ".join(str(v) for v in value)
    return value[:limit] if isinstance(value, str) else ""


def setting_bytes(s: QSettings, key: str) -> QByteArray | None:
    value = s.value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def saved_appearance(s: QSettings) -> dict:
    """The Appearance arguments stored in the settings, each checked (see setting_float)."""
    return {"theme": setting_choice(s, "theme", "light", THEMES),
            "presentation": setting_bool(s, "presentation", False),
            "zoom": setting_float(s, "zoom", 1.0, 0.5, 3.0),
            "colormap": setting_choice(s, "colormap", "viridis", COLORMAPS)}


class WindowSettings:
    # ---- settings ------------------------------------------------------------------------
    def _migrate_settings(self) -> None:
        version = setting_int(self.settings, "settings_version", 0, 0, 10**6)
        if version != SETTINGS_VERSION:
            if version > SETTINGS_VERSION or version == 0:
                self.settings.clear()
            self.settings.setValue("settings_version", SETTINGS_VERSION)

    def _restore(self) -> None:
        s = self.settings
        geometry = setting_bytes(s, "geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # returns False, harmlessly, for bytes that are not a geometry
        splitter = setting_bytes(s, "splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.presentation_action.setChecked(self.appearance.presentation)
        self.dark_action.setChecked(self.appearance.theme == "dark")
        self.cividis_action.setChecked(self.appearance.colormap == "cividis")
        self.panels["output"].set_settings(setting_float(s, "temperature", 1.0, 0.0, 2.0),
                                           setting_int(s, "top_k", 0, 0, 10**7),
                                           setting_float(s, "top_p", 1.0, 0.01, 1.0))
        self._fill_model_combo()
        self.prompt.blockSignals(True)
        self.prompt.setPlainText(setting_text(s, "prompt", MAX_SAVED_PROMPT))
        self.prompt.blockSignals(False)
        self.show_stage(setting_choice(s, "stage", STAGES[0], STAGES))  # first launch: stage 1
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

    def save_prompt(self) -> None:
        """Only the prompt and stage, written now (after edits; save_settings writes the rest on close)."""
        self.settings.setValue("prompt", self.prompt_text()[:MAX_SAVED_PROMPT])
        self.settings.setValue("stage", self.current_stage)
        self.settings.sync()

    def recent_models(self) -> list[str]:
        value = self.settings.value("recent_models", [])
        paths = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
        return [p for p in paths if isinstance(p, str) and p]

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

