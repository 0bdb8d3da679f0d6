"""Start a new model from another model's weights (`lm-anatomy-train --init-from FOLDER`).

Every tensor is copied by name. The one change allowed is a vocabulary that grew by added special
tokens at the end (a masked model's [MASK] after a causal model's 2,048 tokens): the embedding keeps
the old rows, and each new row starts at the mean of the old rows plus a little noise, so the new
token begins as an "average" token instead of a random vector far from all the others. Anything
else that differs (another layer count, width or context) is refused with one line.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import torch
from safetensors.torch import save_file

from .checkpoint import CheckpointError, read_safetensors
from .folders import WEIGHTS
from .messages import QT_TR_NOOP, Message

NEW_ROW_NOISE = 0.02  # the new rows' spread around the mean, as a fraction of the old rows' spread


def grown_state(expected: dict[str, torch.Tensor], state: dict[str, torch.Tensor], path: Path,
                seed: int = 0) -> dict[str, torch.Tensor]:
    """`state` shaped like `expected` (a model's state_dict), or CheckpointError naming what does not fit."""
    missing, unexpected = sorted(set(expected) - set(state)), sorted(set(state) - set(expected))
    if missing or unexpected:
        raise CheckpointError(path, Message(QT_TR_NOOP(
            "cannot start from these weights: the architectures differ (missing {0}, unexpected {1})"),
            str(missing[:3]), str(unexpected[:3])))
    generator = torch.Generator().manual_seed(seed)
    grown = {}
    for name, tensor in state.items():
        want = tuple(expected[name].shape)
        if tuple(tensor.shape) == want:
            grown[name] = tensor
        elif tensor.dim() == 2 and tensor.shape[1] == want[1] and tensor.shape[0] < want[0]:
            grown[name] = _grow_rows(tensor, want[0], generator)  # the vocabulary grew: tok_emb
        else:
            raise CheckpointError(path, Message(QT_TR_NOOP(
                "cannot start from these weights: {0} has shape {1}, the new model needs {2}"), name,
                str(tuple(tensor.shape)), str(want)))
    return grown


def _grow_rows(old: torch.Tensor, rows: int, generator: torch.Generator) -> torch.Tensor:
    old = old.float()
    mean, spread = old.mean(0), old.std(0)
    added = mean + NEW_ROW_NOISE * spread * torch.randn(rows - old.shape[0], old.shape[1], generator=generator)
    return torch.cat([old, added]).to(old.dtype)


def prepared_init(folder: Path, model: torch.nn.Module, scratch: Path, seed: int = 0) -> Path:
    """The folder the Trainer should load: `folder` itself when every shape matches, else `scratch` holding
    the grown weights."""
    folder = Path(folder)
    state = read_safetensors(folder / WEIGHTS)
    expected = model.state_dict()
    if all(name in expected and tuple(t.shape) == tuple(expected[name].shape) for name, t in state.items()):
        return folder
    save_file({k: v.contiguous() for k, v in grown_state(expected, state, folder, seed).items()}, str(scratch / WEIGHTS))
    return scratch


def scratch_dir() -> tempfile.TemporaryDirectory:
    return tempfile.TemporaryDirectory(prefix="lm-anatomy-init-")
