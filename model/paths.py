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


def default_corpus_dir() -> Path:
    return resources_dir() / "corpora" / "shakespeare"


def user_cache_dir() -> Path:
    """Per-user cache folder, as Qt's QStandardPaths.GenericCacheLocation names it (app/paths.py
    uses Qt itself; this module must not import Qt)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "cache"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "lm-anatomy"
