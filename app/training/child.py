"""A training run's loop, without Qt: in a child process (the app's way), or on a thread.

`drive()` prepares the run, pulls `Trainer.run()`'s records and reports through `send(kind, ...)`:

    ("status", text)                  what the preparation is doing
    ("prepared", info)                summary, notices, parameters, tokenizer_preview, step, total_steps
    ("records", [Metrics])            oldest first; batched, a batch every EMIT_SECONDS (sooner for events)
    ("paused", paused, step)          the loop really is (no longer) waiting, at this step
    ("ended", event, message, info)   the last message; info is the run's run.json as written

It writes the run's metrics.csv, samples.txt and run.json itself, so the GUI thread does no file I/O.
Pause = not pulling the next record (the trainer waits between steps, losing nothing); Stop = the
trainer's stop event, checked every step: it saves a checkpoint and yields a "stopped" record.

`main()` is the child process's entry point. app/training/worker.py starts it with the spawn method
and relays the messages as Qt signals; `go` and `stop` are multiprocessing Events. This module, and
everything the child imports, must not import Qt (tests/test_training_process.py checks in a child).
"""
from __future__ import annotations

import os
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from model.messages import QT_TR_NOOP, Message, joined, message_of

from .loop import pull

# One redraw a second at most (events, samples and checkpoints are sent at once): the GUI keeps
# nearly all of the headless speed (docs/BENCHMARKS.md, "Training in the window").
EMIT_SECONDS = 1.0
# How far below normal priority the training child runs (see lower_priority): a repaint gets a core
# at once, at no cost in tokens/s (docs/BENCHMARKS.md, "Training in the window").
NICENESS = 10


def training_threads() -> int:
    """torch threads for a training child: every core this process may use; its lower priority gives
    the window the little CPU it needs (docs/BENCHMARKS.md, "Training in the window")."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # macOS, Windows
        cores = os.cpu_count() or 1
    return max(1, cores)


def lower_priority(niceness: int) -> None:
    """Run below the GUI process's priority, so that a repaint gets a core at once instead of waiting
    for the training threads' time slice (and other programs stay responsive too)."""
    if niceness <= 0:
        return
    try:
        if hasattr(os, "nice"):
            os.nice(niceness)
        elif sys.platform == "win32":
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
    except (OSError, AttributeError):
        pass


def describe(exc: BaseException, settings) -> str:
    """A message for the panel: advice for out of memory, the text of our own errors, else the type too."""
    from .jobs import out_of_memory_advice

    advice = out_of_memory_advice(exc, settings)
    if advice:
        return advice
    name = type(exc).__name__
    if isinstance(message_of(exc), Message) or name in ("CorpusError", "CheckpointError", "TokenizerError",
                                                        "ValueError"):
        return message_of(exc)  # a Message where model/ raised one: the window translates it
    return Message("{0}: {1}", name, message_of(exc))


@dataclass
class ChildOptions:
    """How the worker sets the child up: taken from this module's settings when a run starts."""

    threads: int
    niceness: int
    emit_seconds: float
    token_cache: Path | None  # the tokenized-corpus cache: finding it asks Qt, so the GUI process does


def drive(prepare, settings, run, resume: bool, go, stop, send, token_cache=None, on_trainer=None,
          emit_seconds: float | None = None) -> None:
    """Prepare and run one training job, reporting through `send`. Never raises for a failed run."""
    try:
        extra = {"token_cache": token_cache} if token_cache is not None else {}
        prepared = prepare(settings, run.folder, resume, lambda text: send("status", text), **extra)
    except BaseException as exc:  # tokenizers' PanicException is a BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        _finish(run, "failed", describe(exc, settings), 0, send)
        return
    trainer = prepared.trainer
    trainer.stop_event = stop  # Stop (and a closing window) set it; the trainer checks it every step
    if on_trainer is not None:
        on_trainer(trainer)
    send("prepared", {"summary": prepared.summary, "notices": prepared.notices, "parameters": prepared.parameters,
                      "tokenizer_preview": prepared.tokenizer_preview, "step": trainer.step,
                      "total_steps": trainer.cfg.steps})
    shown = [trainer.step]  # the step of the last record sent
    every = EMIT_SECONDS if emit_seconds is None else emit_seconds
    event, message, status = "done", "", None

    def flush(batch: list) -> None:
        _flush(run, batch, send)
        shown[0] = batch[-1].step
        if any(m.checkpoint for m in batch):
            run.update(step=batch[-1].step, status="running")

    try:
        run.update(status="running", step=shown[0])
        last = pull(trainer.run(), flush, every, urgent=lambda m: bool(m.sample or m.checkpoint),
                    pause=_Pause(go, send))
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        _finish(run, "failed", describe(exc, settings), shown[0], send)
        return
    if last is not None and last.event != "log":
        event, message = last.event, last.message
        if getattr(last, "save_error", "") and event in ("done", "stopped"):
            # The last checkpoint could not be written: never "Finished." or "Stopped." as if it
            # were. The run is kept resumable from its last good checkpoint, if it has one.
            event = "failed"
            status = "stopped" if _has_checkpoint(run) else "failed"
    _finish(run, event, message, shown[0], send, status)


class _Pause:
    """Pause = not pulling the next record; the GUI sees that the loop really waits, and at which step."""

    def __init__(self, go, send):
        self.go, self.send = go, send

    def requested(self) -> bool:
        return not self.go.is_set()

    def wait(self, step: int) -> None:
        self.send("paused", True, step)
        self.go.wait()
        self.send("paused", False, step)


def _has_checkpoint(run) -> bool:
    try:
        return bool(run.has_checkpoint())
    except (AttributeError, OSError):
        return False


def _flush(run, batch: list, send) -> None:
    if not batch:
        return
    try:
        run.append_metrics(batch)
    except OSError as exc:  # a full disk must not end the run; the record says so
        batch[-1].message = joined(batch[-1].message, Message(QT_TR_NOOP("(metrics.csv could not be written: {0})"),
                                                              exc.strerror or str(exc)))
    send("records", list(batch))


def _finish(run, event: str, message: str, step: int, send, status: str | None = None) -> None:
    status = status or {"done": "done", "stopped": "stopped", "diverged": "diverged"}.get(event, "failed")
    try:
        run.update(status=status, step=step, message=message)
    except OSError:
        pass
    send("ended", event, message, dict(run.info))


# ---- the child process -------------------------------------------------------------------------
def main(conn, prepare, settings, run, resume: bool, go, stop, options: ChildOptions) -> None:
    """The child's entry point: `conn` is the write end of a pipe whose read end the GUI's worker holds."""
    # Ctrl+C in a terminal reaches the whole process group; the GUI decides when the run stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    lower_priority(options.niceness)
    import torch

    torch.set_num_threads(options.threads)
    _stop_when_parent_dies(go, stop)

    def send(*message) -> None:
        try:
            conn.send(message)
        except (OSError, ValueError):  # the GUI process is gone: save a checkpoint and end
            stop.set()
            go.set()

    try:
        drive(prepare, settings, run, resume, go, stop, send, token_cache=options.token_cache,
              emit_seconds=options.emit_seconds)
    finally:
        conn.close()
    # Every file of the run is written and closed, and the GUI has the last message. Skip the
    # interpreter's teardown: finalizing torch takes 0.6 s here, and the panel waits for the exit.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _stop_when_parent_dies(go, stop) -> None:
    """A GUI process that crashed or was killed leaves no orphan training on: stop, saving a checkpoint."""
    import multiprocessing
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        stop.set()
        go.set()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
