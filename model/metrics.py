"""What a training run reports: a `Metrics` record every few steps, and the part of it kept in the
checkpoint's training.json history."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass
class Metrics:
    step: int
    total_steps: int
    tokens_seen: int
    train_loss: float  # mean over the steps since the last record
    val_loss: float | None  # when evaluated at this step
    learning_rate: float
    grad_norm: float
    tokens_per_second: float
    elapsed: float  # seconds of training so far (across resumes)
    eta: float  # seconds left, at the recent pace
    event: str = "log"  # log | done | stopped | diverged
    checkpoint: str | None = None  # folder written at this step
    sample: str | None = None
    message: str = ""
    save_error: str = ""  # a checkpoint was due at this step and could not be written (why); the last good one is kept


def record_to_history(m: Metrics) -> dict:
    keep = ("step", "tokens_seen", "train_loss", "val_loss", "learning_rate", "grad_norm", "tokens_per_second", "elapsed")
    return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in dataclasses.asdict(m).items() if k in keep}
