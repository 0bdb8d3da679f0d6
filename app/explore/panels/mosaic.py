"""Where things are in the layers x heads mosaic: tiles of T x T cells with `sep` cells between them.

Pure numpy; the AttentionMosaic widget (attention_grid.py) draws what these compute.
"""
from __future__ import annotations

import numpy as np

from ...common.plots import nan_masked


def separator(t: int) -> int:
    return max(1, t // 12)


def normalise_rows(scores: np.ndarray) -> np.ndarray:
    """Scores of one head on its own symmetric scale, as the large heatmap draws them: -max|s|..+max|s|
    becomes 0..1, so 0.5 is a score of zero (the middle of the diverging colour map) (thumbnails only)."""
    s = nan_masked(scores)
    finite = s[np.isfinite(s)]
    if finite.size == 0:
        return s
    m = float(np.abs(finite).max())
    return (s / m + 1.0) / 2.0 if m > 0 else np.where(np.isfinite(s), 0.5, np.nan)


def build_mosaic(heads: np.ndarray, sep: int) -> np.ndarray:
    """heads [L, H, T, T] -> one [L*(T+sep)-sep, H*(T+sep)-sep] array, NaN in the separators."""
    n_layer, n_head, t, _ = heads.shape
    tiles = np.full((n_layer, t + sep, n_head, t + sep), np.nan, np.float32)  # rows: layer, y; columns: head, x
    tiles[:, :t, :, :t] = heads.transpose(0, 2, 1, 3)
    flat = tiles.reshape(n_layer * (t + sep), n_head * (t + sep))
    return np.ascontiguousarray(flat[: n_layer * (t + sep) - sep, : n_head * (t + sep) - sep])


def separators(shape: tuple[int, int], t: int, sep: int) -> np.ndarray:
    """Where a mosaic of this shape has the background between heads (True), not a head's cell."""
    rows = np.arange(shape[0]) % (t + sep) >= t
    cols = np.arange(shape[1]) % (t + sep) >= t
    return rows[:, None] | cols[None, :]


def cell_at(x: float, y: float, t: int, sep: int, n_layer: int, n_head: int):
    """(layer, head) under mosaic coordinates (x = column, y = row), or None on a separator."""
    if x < 0 or y < 0:
        return None
    head, hx = divmod(int(np.floor(x)), t + sep)
    layer, ly = divmod(int(np.floor(y)), t + sep)
    if hx >= t or ly >= t or layer >= n_layer or head >= n_head:
        return None
    return layer, head
