"""Running under torchrun (DistributedDataParallel), and choosing the device a run trains on."""
from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from typing import NoReturn

import torch
import torch.distributed as dist


def init_distributed() -> bool:
    """Join the process group when started by torchrun (WORLD_SIZE > 1): NCCL on CUDA, else gloo."""
    if int(os.environ.get("WORLD_SIZE", "1")) <= 1:
        return False
    dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")
    return True


def exit_distributed(status: int) -> NoReturn:
    """Leave the process group and end this process now, skipping interpreter shutdown.

    Why not simply return: DistributedDataParallel imports torch.distributed.nn.functional, whose
    functions take the WORLD group as a default argument, so the group (and gloo's worker threads)
    outlive destroy_process_group. A worker thread that is still releasing the tensors of the last
    all-reduce needs the GIL; if it asks while Python is shutting down it is terminated mid-unwind
    and the whole process aborts (SIGABRT, "terminate called without an active exception"); seen
    about once in 60 torchrun runs. Every file is written and closed by now, so nothing is lost.
    """
    if dist.is_initialized():
        dist.destroy_process_group()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def run_distributed(body: Callable[[], int]) -> NoReturn:
    """Run this rank's work, then end the process with its status through exit_distributed. The
    process never returns to the caller, so whatever `body` raises is turned into a status here:
    SystemExit keeps its code (its message was printed), anything else prints its traceback, 1."""
    status = 1
    try:
        status = body()
    except SystemExit as exc:  # as Python itself ends on one: no code is 0, a message is printed and is 1
        if exc.code is None or isinstance(exc.code, int):
            status = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
    except BaseException:
        traceback.print_exc()
    exit_distributed(status)


def pick_device(preference: str = "auto") -> torch.device:
    """CUDA, then Apple MPS, then CPU, unless a device is named."""
    if preference != "auto":
        return torch.device(preference)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")
