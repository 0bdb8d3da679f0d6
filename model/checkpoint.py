"""A model is a folder: config.json, model.safetensors, tokenizer.json, training.json.

Nothing is ever unpickled. Saving writes a whole new folder beside the target and swaps it in,
so a crash leaves the previous model intact. Every problem on load raises CheckpointError,
whose message names the file and what is wrong with it.
"""
from __future__ import annotations

import json
import os
import shutil
import struct
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import torch
from safetensors import SafetensorError
from safetensors.torch import load_file, save_file

from .config import ModelConfig
from .files import atomic_write_json
from .tokenizer import TextTokenizer, TokenizerError
from .transformer import Transformer

CONFIG, WEIGHTS, TOKENIZER, TRAINING = "config.json", "model.safetensors", "tokenizer.json", "training.json"
PICKLE_SUFFIXES = {".pt", ".pth", ".bin", ".pkl", ".pickle", ".ckpt"}
PICKLE_REFUSAL = (
    "is a PyTorch/pickle file. LM Anatomy never loads pickle files, because unpickling can run "
    "any code hidden inside them. Convert the weights to model.safetensors first."
)


class CheckpointError(Exception):
    def __init__(self, path: str | os.PathLike, problem: str):
        self.path, self.problem = Path(path), problem
        super().__init__(f"{path}: {problem}")


@dataclass
class LoadedModel:
    model: Transformer
    tokenizer: TextTokenizer
    config: ModelConfig
    training: dict = field(default_factory=dict)
    path: Path | None = None


def _is_pickle_bytes(head: bytes) -> bool:
    """torch.save's zip, or a raw pickle (protocol 2+ starts with 0x80). A safetensors file starts
    with its 8-byte header length, whose first byte may be 0x80 too; its JSON header then opens
    with '{' at byte 8, which no pickle has there."""
    if head.startswith(b"PK\x03\x04"):
        return True
    return head[:1] == b"\x80" and head[8:9] != b"{"


def state_for_saving(model: Transformer) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}


def write_folder_atomically(folder: str | os.PathLike, fill) -> Path:
    """Build a folder under a temporary name with `fill(tmp_path)`, then swap it in for `folder`.

    A crash or error at any point leaves the previous folder as it was."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    os.chmod(tmp, 0o755)
    try:
        fill(tmp)
        for f in tmp.iterdir():
            os.chmod(f, 0o644)  # safetensors and mkstemp write files private; a model folder is readable like any file
            with open(f, "rb") as fh:
                os.fsync(fh.fileno())
        _swap_in(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder


def save_model(
    folder: str | os.PathLike,
    model: Transformer,
    tokenizer: TextTokenizer,
    training: dict | None = None,
    extra_files: dict[str, bytes] | None = None,
) -> Path:
    """Write the model folder atomically: build it under a temporary name, then swap it in."""

    def fill(tmp: Path) -> None:
        atomic_write_json(tmp / CONFIG, model.config.to_dict())
        save_file(state_for_saving(model), str(tmp / WEIGHTS))
        tokenizer.save(tmp / TOKENIZER)
        atomic_write_json(tmp / TRAINING, training or {})
        for name, data in (extra_files or {}).items():
            (tmp / name).write_bytes(data)

    return write_folder_atomically(folder, fill)


def _swap_in(new: Path, target: Path) -> None:
    """Replace `target` by `new`, keeping the old folder until the new one is in place."""
    if not target.exists():
        os.replace(new, target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def recover_interrupted_save(folder: Path) -> None:
    """If a save was interrupted between its two renames, put the previous folder back."""
    old = folder.with_name(f".{folder.name}.old")
    if not folder.exists() and old.is_dir():
        os.replace(old, folder)


def read_config(folder: Path) -> ModelConfig:
    path = folder / CONFIG
    if not path.exists():
        raise CheckpointError(path, "missing (a model folder needs config.json, model.safetensors and tokenizer.json)")
    try:
        return ModelConfig.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckpointError(path, f"not valid JSON ({exc})") from None
    except (TypeError, ValueError) as exc:
        raise CheckpointError(path, f"not a valid model configuration ({exc})") from None


def read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    """Load tensors from a safetensors file, refusing pickles and naming what is wrong."""
    if not path.exists():
        raise CheckpointError(path, "missing")
    with open(path, "rb") as fh:
        head = fh.read(16)
    if _is_pickle_bytes(head):
        raise CheckpointError(path, PICKLE_REFUSAL)
    size = path.stat().st_size
    if size < 8:
        raise CheckpointError(path, f"truncated: {size} bytes is too short for a safetensors file")
    (header_len,) = struct.unpack("<Q", head[:8])
    if 8 + header_len > size:
        raise CheckpointError(path, "truncated or not a safetensors file (its header runs past the end of the file)")
    try:
        return load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
        raise CheckpointError(path, f"corrupted or truncated safetensors file ({exc})") from None


def load_state_into(model: torch.nn.Module, state: dict[str, torch.Tensor], path: Path) -> None:
    """Copy tensors into `model`, checking names and every shape first."""
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(f"missing tensors {missing[:5]}{' ...' if len(missing) > 5 else ''}")
        if unexpected:
            parts.append(f"unexpected tensors {unexpected[:5]}{' ...' if len(unexpected) > 5 else ''}")
        raise CheckpointError(path, "does not match config.json: " + "; ".join(parts))
    for name, tensor in state.items():
        if tuple(tensor.shape) != tuple(expected[name].shape):
            raise CheckpointError(
                path,
                f"tensor {name} has shape {tuple(tensor.shape)}, but config.json implies {tuple(expected[name].shape)}",
            )
    model.load_state_dict(state)


def refuse_pickles(path: Path) -> None:
    if path.is_file() and (path.suffix.lower() in PICKLE_SUFFIXES or _is_pickle_bytes(path.read_bytes()[:16])):
        raise CheckpointError(path, PICKLE_REFUSAL)
    if path.is_dir() and not (path / WEIGHTS).exists():
        pickles = sorted(p.name for p in path.iterdir() if p.suffix.lower() in PICKLE_SUFFIXES)
        if pickles:
            raise CheckpointError(path / pickles[0], PICKLE_REFUSAL)


def load_model(folder: str | os.PathLike, device: str | torch.device = "cpu") -> LoadedModel:
    folder = Path(folder)
    recover_interrupted_save(folder)
    if not folder.exists():
        raise CheckpointError(folder, "no such folder")
    refuse_pickles(folder)
    if not folder.is_dir():
        raise CheckpointError(folder, "not a model folder (expected a folder with config.json, model.safetensors, tokenizer.json)")
    from .gpt2 import import_gpt2, is_hf_folder  # imported here: gpt2 builds on this module

    if is_hf_folder(folder):  # a Hugging Face config.json: GPT-2 opens, anything else is refused by name
        return import_gpt2(folder, device)
    config = read_config(folder)
    try:
        tokenizer = TextTokenizer.load(folder / TOKENIZER)
    except TokenizerError as exc:
        raise CheckpointError(folder / TOKENIZER, str(exc).split(": ", 1)[-1]) from None
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(
            folder / TOKENIZER,
            f"has {tokenizer.vocab_size} tokens but config.json says the model has vocab_size {config.vocab_size}",
        )
    state = read_safetensors(folder / WEIGHTS)
    model = Transformer(config)
    load_state_into(model, state, folder / WEIGHTS)
    training = {}
    if (folder / TRAINING).exists():
        try:
            training = json.loads((folder / TRAINING).read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CheckpointError(folder / TRAINING, f"not valid JSON ({exc})") from None
    model.to(device).eval()
    return LoadedModel(model, tokenizer, config, training, folder)
