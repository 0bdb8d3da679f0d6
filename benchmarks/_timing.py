"""Timing for the benchmarks: milliseconds per call, after warm-up calls that are not counted."""
from __future__ import annotations

import time


def timed(fn, repeats: int, warmup: int = 1) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out
