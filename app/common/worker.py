"""One background thread that runs jobs, newest first, and drops what is stale.

Each job has a kind ("trace", "load", ...). Submitting a job of a kind bumps that kind's
generation and replaces any job of the same kind still waiting, so a burst of keystrokes runs
at most one stale trace. Results carry their generation; `is_current` lets the receiver drop
anything superseded while it was computing. Jobs return values (numpy arrays, dataclasses):
they never touch widgets.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QThread, Signal

from app.i18n import tr, translated


class Worker(QThread):
    done = Signal(str, int, object)  # kind, generation, result
    failed = Signal(str, int, str)  # kind, generation, message for the user
    busy_changed = Signal(bool)

    def __init__(self, name: str = "worker", parent=None):
        super().__init__(parent)
        self.setObjectName(name)
        self._cond = threading.Condition()
        self._pending: OrderedDict[str, tuple[int, Callable]] = OrderedDict()
        self._generation: dict[str, int] = {}
        self._stopping = False
        self._busy = False
        self.broken = ""  # why the thread cannot run jobs (the engine would not import), once it knows

    # ---- called from the GUI thread ------------------------------------------------------
    def submit(self, kind: str, fn: Callable[[], object]) -> int:
        with self._cond:
            gen = self._generation.get(kind, 0) + 1
            self._generation[kind] = gen
            broken = self.broken
            if not broken:
                self._pending.pop(kind, None)
                self._pending[kind] = (gen, fn)
                self._cond.notify()
        if broken:  # the thread has ended: say why at once rather than queue a job no one will run
            self.failed.emit(kind, gen, broken)
            return gen
        if not self.isRunning() and not self._stopping:
            self.start()
        return gen

    def cancel(self, kind: str) -> None:
        """Make any running or waiting job of this kind stale."""
        with self._cond:
            self._generation[kind] = self._generation.get(kind, 0) + 1
            self._pending.pop(kind, None)

    def is_current(self, kind: str, gen: int) -> bool:
        with self._cond:
            return self._generation.get(kind, 0) == gen

    def is_idle(self) -> bool:
        with self._cond:
            return not self._pending and not self._busy

    def stop(self) -> None:
        """Finish the job in flight, drop the rest, and end the thread (call before closing)."""
        with self._cond:
            self._stopping = True
            self._pending.clear()
            self._cond.notify()
        if self.isRunning():
            self.quit()
            self.wait()

    def _fail_everything(self, message: str) -> None:
        """The thread cannot run jobs: fail the waiting ones and every later one with `message`."""
        with self._cond:  # under the lock: a job submitted meanwhile is either drained here or refused
            self.broken = message
            pending, self._pending = list(self._pending.items()), OrderedDict()
        for kind, (gen, _fn) in pending:
            self.failed.emit(kind, gen, message)

    # ---- the thread ----------------------------------------------------------------------
    def run(self) -> None:
        # Jobs import the engine (torch) lazily. Two threads importing it for the first time at once
        # can deadlock in Python's module locks (the explorer's model load beside the Pre-train tab's
        # step estimate did, on most launches); import_engine makes that first import one at a time.
        import model

        try:
            model.import_engine()
        except BaseException as exc:  # a broken install: every job says why, none waits for ever
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            self._fail_everything(tr("The engine could not be loaded: {0}").format(_describe(exc)))
            return
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                if self._stopping:
                    return
                kind, (gen, fn) = self._pending.popitem(last=False)
                self._busy = True
            self.busy_changed.emit(True)
            try:
                result = fn()
            except BaseException as exc:  # tokenizers' PanicException is a BaseException
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                message = _describe(exc)
                with self._cond:
                    self._busy = False
                self.failed.emit(kind, gen, message)
            else:
                with self._cond:
                    self._busy = False
                self.done.emit(kind, gen, result)
            self.busy_changed.emit(False)


def _describe(exc: BaseException) -> str:
    """The error in the window's language: model/ raises its errors with a model.messages.Message, which is
    worded for the user (no class name in front)."""
    from model.messages import Message, message_of

    name = type(exc).__name__
    if isinstance(message_of(exc), Message) or name in ("CheckpointError", "TokenizerError", "ValueError",
                                                        "FileNotFoundError"):
        return translated(exc)
    return f"{name}: {translated(exc)}"
