"""Preparers for tests/test_training_process.py that run inside the training child process.

Module-level functions (partials of them), so they can be pickled into the child; no Qt here, as
in the child itself. Each wraps the app's prepare_pretraining and adds one thing.
"""
from __future__ import annotations

import errno
import os
import sys
import threading
import time

from app.training.jobs import prepare_pretraining

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")


def report_process(settings, run_folder, resume, say, token_cache=None):
    """Says which process prepared the run, its torch threads, and any Qt module loaded there."""
    prepared = prepare_pretraining(settings, run_folder, resume, say, token_cache=token_cache)
    import torch

    qt = sorted(m for m in sys.modules if m.split(".")[0] in QT_PACKAGES)
    say(f"pid={os.getpid()} threads={torch.get_num_threads()} qt={qt}")
    return prepared


def nan_after(calls, settings, run_folder, resume, say, token_cache=None):
    """The embedding's output turns into NaN after `calls` forward passes (as a too-high learning rate would)."""
    prepared = prepare_pretraining(settings, run_folder, resume, say, token_cache=token_cache)
    seen = []

    def hook(module, inputs, output):
        if not threading.current_thread().name.startswith("train-shard"):  # one count a step, also when
            seen.append(1)                                                  # model/step.py splits it
        return output * float("nan") if len(seen) > calls else output

    prepared.trainer.model.tok_emb.register_forward_hook(hook)
    return prepared


def out_of_memory(settings, run_folder, resume, say, token_cache=None):
    raise RuntimeError("CUDA out of memory. Tried to allocate 20.00 MiB")


def full_disk_after(step, settings, run_folder, resume, say, token_cache=None):
    """Checkpoints after `step` fail as on a full disk."""
    prepared = prepare_pretraining(settings, run_folder, resume, say, token_cache=token_cache)
    import model.checkpoint as checkpoint

    real, trainer = checkpoint.save_file, prepared.trainer

    def full_disk(*args, **kwargs):
        if trainer.step > step:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    checkpoint.save_file = full_disk
    return prepared


def hang(settings, run_folder, resume, say, token_cache=None):
    """A preparation that never finishes (and ignores Stop)."""
    say("hanging")
    time.sleep(600)
