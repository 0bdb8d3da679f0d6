"""Where shipped resources and per-user data live."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    """resources/ beside the packages, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def default_model_dir() -> Path:
    return resources_dir() / "models" / "shakespeare-bpe"


def masked_model_dir() -> Path:
    """The shipped masked-LM model (BERT-style), the same size and split as the default one."""
    return resources_dir() / "models" / "shakespeare-bpe-masked"


def default_corpus_dir() -> Path:
    return resources_dir() / "corpora" / "shakespeare"


def icon_path() -> Path:
    return resources_dir() / "icons" / "lm-anatomy.png"


def lessons_dir(language: str = "en") -> Path:
    """The lessons in one language: resources/lessons/<language>/ (English is the original; the window
    reads them through app.i18n.localized_resource, which falls back to English)."""
    return resources_dir() / "lessons" / language


# Per-user folders, the only places LM Anatomy writes (besides its settings and files the user
# names): never beside the application, which may be installed read-only. They follow each
# platform's convention as Qt's QStandardPaths names it (tests/test_app_launch.py compares the two),
# without importing Qt: the training child process and the CLIs use them too.
APP_FOLDER = "lm-anatomy"


def _xdg(variable: str, fallback: Path) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if value and os.path.isabs(value) else fallback  # Qt ignores a relative one too


def user_cache_dir() -> Path:
    """Caches that can be rebuilt (PCA projections, tokenized corpora, tokenizers, bytecode)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = _xdg("XDG_CACHE_HOME", Path.home() / ".cache")
    return base / APP_FOLDER


def user_data_dir() -> Path:
    """The user's own work: training runs, logs."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = _xdg("XDG_DATA_HOME", Path.home() / ".local" / "share")
    return base / APP_FOLDER


def user_log_dir() -> Path:
    """Logs, crash logs and self-test reports."""
    return user_data_dir() / "logs"
