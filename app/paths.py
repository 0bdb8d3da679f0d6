"""Where resources live, without importing `model` (which imports torch) on the GUI thread.

Mirrors model/paths.py; tests/test_app_launch.py checks the two agree.
"""
from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_model_dir() -> Path:
    return resources_dir() / "models" / "shakespeare-bpe"


def default_corpus_dir() -> Path:
    return resources_dir() / "corpora" / "shakespeare"


def icon_path() -> Path:
    return resources_dir() / "icons" / "lm-anatomy.png"


def lessons_dir() -> Path:
    return resources_dir() / "lessons"


# Per-user folders, the only places the app writes (besides QSettings and files the user names):
# never beside the application, which may be installed read-only. QStandardPaths gives each
# platform's convention (XDG on Linux, AppData on Windows, ~/Library on macOS).
APP_FOLDER = "lm-anatomy"


def _standard(location, fallback: Path) -> Path:
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(location)
    return Path(found) if found else fallback


def user_cache_dir() -> Path:
    """Caches that can be rebuilt (PCA projections, tokenized corpora, tokenizers)."""
    from PySide6.QtCore import QStandardPaths

    return _standard(QStandardPaths.GenericCacheLocation, Path.home() / ".cache") / APP_FOLDER


def user_data_dir() -> Path:
    """The user's own work: training runs."""
    from PySide6.QtCore import QStandardPaths

    return _standard(QStandardPaths.GenericDataLocation, Path.home() / ".local" / "share") / APP_FOLDER


def user_log_dir() -> Path:
    """Logs and self-test reports."""
    return user_data_dir() / "logs"
