"""The decoding session: generated token ids on top of the prompt, their history, Play's timer.

It only chooses tokens and keeps the list; the window re-traces prompt + generated ids after
every change, so every stage follows the extended text.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal


def generates(trace) -> bool:
    """Only a causal model's trace predicts a next token; a masked-LM model's cannot be continued."""
    return getattr(trace, "objective", "causal") == "causal"


class DecodingSession(QObject):
    changed = Signal()  # the generated ids changed: trace again
    tick = Signal()  # Play wants the next step
    playing_changed = Signal(bool)

    def __init__(self, seed: int | None = None, parent=None):
        super().__init__(parent)
        self.extra_ids: list[int] = []
        self.history: list[tuple[str, float, int, str]] = []  # label, probability, rank, how
        self.rng = np.random.default_rng(seed)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.set_speed(3.0)

    def reset(self) -> None:
        if self.extra_ids:
            self.extra_ids.clear()
            self.history.clear()
            self.changed.emit()

    def choose(self, trace, temperature: float, top_k: int, top_p: float) -> tuple[int, str]:
        from model.decoding import sample_from, shape_distribution

        probs, _ = shape_distribution(trace.final_logits, temperature, top_k, top_p)
        if temperature <= 0:
            return int(np.argmax(probs)), "greedy"
        return sample_from(probs, self.rng), "sampled"

    def step(self, trace, labels, temperature: float, top_k: int, top_p: float) -> int:
        if not generates(trace):
            self.play(False)
            return -1
        token, how = self.choose(trace, temperature, top_k, top_p)
        self.append(trace, labels, token, how)
        return token

    def append(self, trace, labels, token: int, how: str) -> None:
        if not generates(trace):  # the Output stage says why (a fill-in-blanks model has no next token)
            return
        probs = np.asarray(trace.next_token_probs)
        p = float(probs[token])
        rank = int((probs > p).sum()) + 1
        self.history.append((labels[token], p, rank, how))
        self.extra_ids.append(int(token))
        self.changed.emit()

    def undo(self) -> bool:
        if not self.extra_ids:
            return False
        self.extra_ids.pop()
        self.history.pop()
        self.changed.emit()
        return True

    def set_speed(self, tokens_per_second: float) -> None:
        self.timer.setInterval(max(20, int(1000 / max(0.1, tokens_per_second))))

    def play(self, on: bool) -> None:
        was = self.playing
        if on:
            self.timer.start()
        else:
            self.timer.stop()
        if was != self.playing:
            self.playing_changed.emit(self.playing)

    @property
    def playing(self) -> bool:
        return self.timer.isActive()
