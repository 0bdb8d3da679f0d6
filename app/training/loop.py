"""The one loop every kind of training runs: pull a training generator's records and hand them on
in batches. Pre-training and continued training pull `model.train.Trainer.run()` in the training
child (child.drive); a classification fine-tune pulls `model.classify.ClassifierTrainer.run()` on
its QThread (classify_worker.py). No Qt here: the training child imports this module.
"""
from __future__ import annotations

import time
from typing import Callable, Iterable, Protocol


class Pause(Protocol):
    def requested(self) -> bool: ...

    def wait(self, step: int) -> None: ...


def pull(records: Iterable, flush: Callable[[list], None], every: float,
         urgent: Callable[[object], bool] = lambda record: False, pause: Pause | None = None):
    """Pull `records` up to the first whose event is not "log", and hand them to `flush(batch)`,
    oldest first: a batch at most every `every` seconds (each batch is a redraw in the GUI), at once
    for an event or an `urgent` record. Between records, when `pause.requested()`: flush what is
    pulled, then `pause.wait(step)` (the trainer waits between steps, losing nothing).

    Returns the last record pulled (None if there was none). Whatever was pulled is flushed, also
    when the generator raises."""
    batch, last_flush, record = [], 0.0, None
    try:
        for record in records:
            batch.append(record)
            now = time.monotonic()
            if record.event != "log" or urgent(record) or now - last_flush >= every:
                batch, last_flush = _flushed(batch, flush), now
            if record.event != "log":
                break
            if pause is not None and pause.requested():
                batch = _flushed(batch, flush)
                pause.wait(record.step)
    finally:
        _flushed(batch, flush)
    return record


def _flushed(batch: list, flush) -> list:
    if batch:
        flush(batch)
    return []
