"""Helpers the training tests share."""
from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from _engine import TEXT

from model.settings import TrainingSettings

# What the app's flat settings held by default before #13 (its run.json files still load).
OLD_APP_DEFAULTS = dict(name="run", tokenizer="char", vocab_size=512, preset="tiny", learning_rate=3e-3, steps=1000,
                        warmup_steps=50, log_interval=5, eval_interval=50, checkpoint_interval=100,
                        sample_interval=50, sample_prompt="ROMEO:", snapshots=10)


def flat_settings(**values) -> TrainingSettings:
    """Settings written the old, flat way (one key per field), read as the app reads run.json."""
    return TrainingSettings.from_dict({**OLD_APP_DEFAULTS, **values})


def write_corpus(folder: Path, parts: int) -> Path:
    """`parts` text files of Shakespeare's lines in a new `folder`, each ending in its own line."""
    folder.mkdir()
    for i in range(parts):
        (folder / f"part{i}.txt").write_text((TEXT * 60) + f"\nThe end of part {i}.\n")
    return folder


def read_only_below(monkeypatch, folder: Path) -> None:
    """Temporary folders cannot be made below `folder`, as on a read-only disk."""
    real = tempfile.mkdtemp

    def read_only(*args, dir=None, **kwargs):
        if dir is not None and str(dir).startswith(str(folder)):
            raise OSError(errno.EROFS, "Read-only file system")
        return real(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)


def saves_fail_after(monkeypatch, trainer, step: int, code: int, text: str) -> None:
    """Every checkpoint `trainer` saves after `step` fails writing its weights with OSError(code, text)."""
    import model.checkpoint as checkpoint

    real = checkpoint.save_file

    def failing(*args, **kwargs):
        if trainer.step > step:
            raise OSError(code, text)
        return real(*args, **kwargs)

    monkeypatch.setattr(checkpoint, "save_file", failing)
