"""The window's preferences (QSettings, versioned): each value read on its own, checked, with a default.

A settings file can hold anything: an older version's values, a hand edit, a half-written file. A
bad line costs that one preference, never the launch (a `zoom=nan` used to break every start).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QByteArray, QSettings

from .common.appearance import TEXT_SIZES
from .explore.stages import STAGES

SETTINGS_VERSION = 1  # bump when a stored value changes meaning; older settings are then reset
MAX_RECENT = 8
MAX_SAVED_PROMPT = 10_000
THEMES, COLORMAPS, DEVICES = ("light", "dark"), ("viridis", "cividis"), ("cpu", "cuda", "mps")


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
            "colormap": setting_choice(s, "colormap", "viridis", COLORMAPS),
            "text_size": setting_choice(s, "text_size", "normal", TEXT_SIZES)}




class Preferences:
    """Typed reads and writes of the stored preferences; knows nothing of the window's widgets."""

    def __init__(self, settings: QSettings):
        self.settings = settings
        version = setting_int(settings, "settings_version", 0, 0, 10**6)
        if version != SETTINGS_VERSION:
            if version > SETTINGS_VERSION or version == 0:
                settings.clear()
            settings.setValue("settings_version", SETTINGS_VERSION)

    def appearance(self) -> dict:
        return saved_appearance(self.settings)

    def sampling(self) -> tuple[float, int, float]:
        s = self.settings
        return (setting_float(s, "temperature", 1.0, 0.0, 2.0), setting_int(s, "top_k", 0, 0, 10**7),
                setting_float(s, "top_p", 1.0, 0.01, 1.0))

    def prompt(self) -> str:
        return setting_text(self.settings, "prompt", MAX_SAVED_PROMPT)

    def stage(self) -> str:
        return setting_choice(self.settings, "stage", STAGES[0], STAGES)  # first launch: stage 1

    def device(self) -> str:
        return setting_choice(self.settings, "device", "cpu", DEVICES)

    def lessons(self) -> bool:
        """Whether the reader wants the lesson pane (View > Show explanations)."""
        return setting_bool(self.settings, "lessons", True)

    def layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The window's geometry and the explorer splitter's state, if stored and well formed."""
        return setting_bytes(self.settings, "geometry"), setting_bytes(self.settings, "splitter")

    def recent_models(self) -> list[str]:
        value = self.settings.value("recent_models", [])
        paths = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
        return [p for p in paths if isinstance(p, str) and p]

    def remember_model(self, path: str, keep: bool = True) -> None:
        """Put `path` first in the recent models (or, keep=False, take it out)."""
        rest = [p for p in self.recent_models() if p != path]
        self.settings.setValue("recent_models", ([path] if keep else []) + rest[:MAX_RECENT - 1])

    def save_prompt(self, prompt: str, stage: str) -> None:
        self.settings.setValue("prompt", prompt[:MAX_SAVED_PROMPT])
        self.settings.setValue("stage", stage)
        self.settings.sync()

    def save(self, *, geometry, splitter, appearance, sampling, device: str, prompt: str, stage: str,
             lessons: bool = True) -> None:
        s = self.settings
        s.setValue("lessons", bool(lessons))
        s.setValue("settings_version", SETTINGS_VERSION)
        s.setValue("geometry", geometry)
        s.setValue("splitter", splitter)
        for key in ("theme", "presentation", "zoom", "colormap", "text_size"):
            s.setValue(key, getattr(appearance, key))
        for key, value in zip(("temperature", "top_k", "top_p"), sampling):
            s.setValue(key, value)
        s.setValue("device", device)
        self.save_prompt(prompt, stage)
