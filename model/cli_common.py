"""What lm-anatomy-train and lm-anatomy-eval share: one-line errors with status 2, and checks of
the device and its memory."""
from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

import torch


def _fail(message: str) -> NoReturn:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(2)


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors as one line like ours (not the usage block): 'error: ...', status 2."""

    def error(self, message: str) -> NoReturn:
        _fail(f"{message} (see {self.prog} --help)")


def check_device(name: str) -> None:
    """Refuse a device that is not there, with what to use instead (instead of torch's assertion later)."""
    if name == "auto":
        return
    try:
        device = torch.device(name)
    except (RuntimeError, ValueError):
        _fail(f"--device {name}: not a device; use auto, cpu, cuda (or cuda:N) or mps")
    if device.type == "cuda":
        if not torch.cuda.is_available():
            why = "this torch was built without CUDA" if torch.version.cuda is None else "no CUDA GPU was found"
            _fail(f"--device {name}: CUDA is not available here ({why}); use --device cpu, or auto to use what there is")
        if device.index is not None and device.index >= torch.cuda.device_count():
            _fail(f"--device {name}: there are only {torch.cuda.device_count()} CUDA devices (cuda:0 to "
                  f"cuda:{torch.cuda.device_count() - 1})")
    elif device.type == "mps":
        if getattr(torch.backends, "mps", None) is None or not torch.backends.mps.is_available():
            _fail(f"--device {name}: Apple MPS is not available here; use --device cpu, or auto to use what there is")
    elif device.type != "cpu":
        _fail(f"--device {name}: LM Anatomy trains on auto, cpu, cuda or mps")


def memory_available(device: torch.device) -> int | None:
    """Total memory of the device training will use, in bytes (None when unknown)."""
    try:
        if device.type == "cuda":
            return int(torch.cuda.get_device_properties(device).total_memory)
        if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
            return int(os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE"))
    except (OSError, ValueError, RuntimeError, AssertionError):
        pass
    return None


def _gb(n: float) -> str:
    return f"{n / 2**30:,.1f} GB"
