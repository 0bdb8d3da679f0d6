"""Where resources live, without importing `model` (which imports torch) on the GUI thread.

Mirrors model/paths.py; tests/test_app_launch.py checks the two agree.
"""
from __future__ import annotations

import os
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


def lessons_dir() -> Path:
    return resources_dir() / "lessons"


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "lm-anatomy"
