"""A model folder on disk, always replaced whole: the names of its files, which folders LM Anatomy may
replace (only ones it wrote), building a folder under a temporary name and swapping it in, tidying
after a save that was killed part-way, and checking before a long run that a folder can be written.
No torch: `CheckpointError` and `FolderInUseError` name the file and what is wrong.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from .messages import QT_TR_NOOP, Message

CONFIG, WEIGHTS, TOKENIZER, TRAINING = "config.json", "model.safetensors", "tokenizer.json", "training.json"
TRAINER_STATE = "trainer_state.safetensors"
# Every file LM Anatomy writes into a model folder (ours, a GPT-2 export's, a classifier's). A folder
# holding anything else is the user's: it is never replaced or deleted (see check_replaceable).
OUR_FILES = frozenset({CONFIG, WEIGHTS, TOKENIZER, TRAINING, TRAINER_STATE, "vocab.json", "merges.txt",
                       "tokenizer_config.json", "head.safetensors", "untrained_head.safetensors", "classifier.json",
                       ".DS_Store", "Thumbs.db", "desktop.ini"})


# Wording both our folders and GPT-2 folders use (checkpoint.py, gpt2.py, gpt2_format.py)
DOES_NOT_MATCH = QT_TR_NOOP("does not match config.json: {0}")
SHAPE_MISMATCH = QT_TR_NOOP("tensor {0} has shape {1}, but config.json implies {2}")
VOCAB_MISMATCH = QT_TR_NOOP("has {0} tokens but config.json says the model has vocab_size {1}")


def not_json(exc: ValueError) -> Message:
    """Why a file is not JSON without the parser's English: where it stopped, or that the file is not UTF-8."""
    if isinstance(exc, json.JSONDecodeError):
        return Message(QT_TR_NOOP("not valid JSON (the error is at line {0}, column {1})"), exc.lineno, exc.colno)
    return Message(QT_TR_NOOP("not valid JSON (it is not UTF-8 text)"))


class CheckpointError(Exception):
    """`problem` is a model.messages.Message where it has words, so the window can show it translated."""

    def __init__(self, path: str | os.PathLike, problem: str):
        self.path, self.problem = Path(path), problem
        super().__init__(Message("{0}: {1}", path, problem))

    def __reduce__(self):  # pickled (a training child's error) with its two parts, not its text
        return (type(self), (self.path, self.problem))


class FolderInUseError(CheckpointError):
    """The target folder holds files LM Anatomy did not write: it is never replaced."""


def foreign_entries(folder: Path, also_ours: set[str] | frozenset = frozenset()) -> list[str]:
    """What in `folder` LM Anatomy did not write: sub-folders and files not in OUR_FILES (or also_ours)."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.is_dir() and not entry.is_symlink():
            found.append(entry.name + "/")
        elif entry.name not in OUR_FILES and entry.name not in also_ours:
            found.append(entry.name)
    return found


def check_replaceable(folder: str | os.PathLike, also_ours: set[str] | frozenset = frozenset()) -> None:
    """Raise FolderInUseError unless `folder` is absent, empty, or a model folder we wrote.

    Saving replaces the whole folder, so anything else in it would be deleted: a user's folder
    given as the output (with their documents in it) is refused, never emptied."""
    folder = Path(folder)
    if not folder.exists() and not folder.is_symlink():
        return
    if folder.is_symlink() or not folder.is_dir():
        raise FolderInUseError(folder, Message(QT_TR_NOOP(
            "is not a folder LM Anatomy wrote (it is a file or a link); choose a new or empty folder for the model")))
    foreign = foreign_entries(folder, also_ours)
    if foreign:
        shown = ", ".join(foreign[:4])
        if len(foreign) > 4:
            shown = Message(QT_TR_NOOP("{0} and {1} more"), shown, len(foreign) - 4)
        raise FolderInUseError(folder, Message(QT_TR_NOOP(
            "already holds files LM Anatomy did not write ({0}), and saving a model replaces the whole folder; "
            "nothing was changed. Choose a new or empty folder"), shown))


def _stale_temporaries(folder: Path) -> list[Path]:
    """Leftovers of saves killed part-way: .NAME.xxxxxxxx.tmp folders and .NAME.old beside `folder`."""
    if not folder.parent.is_dir():
        return []
    pattern = re.compile(rf"^\.{re.escape(folder.name)}\.[A-Za-z0-9_]{{8}}\.tmp$")
    found = [p for p in folder.parent.iterdir() if pattern.match(p.name) and p.is_dir() and not p.is_symlink()]
    old = folder.with_name(f".{folder.name}.old")
    if old.is_dir() and not old.is_symlink():
        found.append(old)
    return found


def clean_leftovers(folder: str | os.PathLike) -> list[Path]:
    """Repair and tidy after a killed save: put the previous folder back if the kill came between the
    two renames, then remove half-built temporary folders and a stale .old. Returns what was removed."""
    folder = Path(folder)
    recover_interrupted_save(folder)
    removed = []
    for path in _stale_temporaries(folder):
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def check_writable(folder: str | os.PathLike, need_bytes: int = 0) -> None:
    """Before a long run: can a model folder be built beside `folder` and swapped in? Writes and removes a
    small probe file where the save will build its folder. Raises CheckpointError naming the reason."""
    folder = Path(folder)
    check_replaceable(folder)
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        probe = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
        try:
            with open(probe / "probe", "wb") as fh:
                fh.write(b"\0" * 4096)
                fh.flush()
                os.fsync(fh.fileno())
        finally:
            shutil.rmtree(probe, ignore_errors=True)
    except OSError as exc:
        raise CheckpointError(folder, Message(QT_TR_NOOP("cannot be written ({0}); choose a folder you can write to"),
                                              exc.strerror or str(exc))) from None
    if need_bytes:
        try:
            usage = shutil.disk_usage(folder.parent)
        except OSError:
            return
        if usage.total and usage.free < need_bytes:
            raise CheckpointError(folder, Message(QT_TR_NOOP(
                "a checkpoint needs about {0} free, but the disk has only {1} free; free some space or choose another "
                "folder"), _mb(need_bytes), _mb(usage.free)))


def _mb(n: int) -> str:
    return f"{n / 2**20:,.1f} MB" if n < 2**30 else f"{n / 2**30:,.1f} GB"


def save_failure_reason(exc: OSError) -> str:
    """A failed write in words, with what to do about it."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return Message(QT_TR_NOOP("{0}; is the disk full? Free some space"), reason)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return Message(QT_TR_NOOP("{0}; the folder cannot be written. Choose a folder you can write to"), reason)
    return reason


def write_folder_atomically(folder: str | os.PathLike, fill, also_ours: set[str] | frozenset = frozenset()) -> Path:
    """Build a folder under a temporary name with `fill(tmp_path)`, then swap it in for `folder`.

    A crash or error at any point leaves the previous folder as it was. A folder that holds files
    we did not write is refused (FolderInUseError) before anything is written. Leftovers of earlier
    saves that were killed part-way are removed first."""
    folder = Path(folder)
    check_replaceable(folder, also_ours)
    folder.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(folder)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    os.chmod(tmp, 0o755)
    try:
        fill(tmp)
        for f in tmp.iterdir():
            os.chmod(f, 0o644)  # safetensors and mkstemp write files private; a model folder is readable like any file
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        _swap_in(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder


def _swap_in(new: Path, target: Path) -> None:
    """Replace `target` by `new`, keeping the old folder until the new one is in place."""
    if not target.exists():
        os.replace(new, target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def recover_interrupted_save(folder: Path) -> None:
    """If a save was interrupted between its two renames, put the previous folder back."""
    old = folder.with_name(f".{folder.name}.old")
    if not folder.exists() and old.is_dir():
        os.replace(old, folder)
