"""A model is a folder: config.json, model.safetensors, tokenizer.json, training.json.

Nothing is ever unpickled. Saving writes a whole new folder beside the target and swaps it in,
so a crash leaves the previous model intact. Every problem on load raises CheckpointError,
whose message names the file and what is wrong with it.
"""
from __future__ import annotations

import json
import os
import struct
from dataclasses import dataclass, field
from pathlib import Path

import torch
from safetensors import SafetensorError, safe_open
from safetensors.torch import load_file, save_file

from .config import ModelConfig
from .files import atomic_write_json
from .folders import (
    CONFIG,
    DOES_NOT_MATCH,
    SHAPE_MISMATCH,
    TOKENIZER,
    TRAINING,
    VOCAB_MISMATCH,
    WEIGHTS,
    CheckpointError,
    not_json,
    recover_interrupted_save,
    write_folder_atomically,
)
from .gpt2_format import is_hf_folder
from .messages import QT_TR_NOOP, Message, joined, message_of
from .tokenizer import TextTokenizer
from .tokenizer_kinds import TokenizerError
from .transformer import Transformer

PICKLE_SUFFIXES = {".pt", ".pth", ".bin", ".pkl", ".pickle", ".ckpt"}
# Weights must be real numbers: integers, booleans and fp8 would be cast silently into nonsense.
FLOAT_DTYPES = {torch.float32: "float32", torch.float16: "float16", torch.bfloat16: "bfloat16", torch.float64: "float64"}
FINGERPRINT_KEY = "lm_anatomy.tokenizer_fingerprint"
PICKLE_REFUSAL = Message(QT_TR_NOOP(
    "is a PyTorch/pickle file. LM Anatomy never loads pickle files, because unpickling can run "
    "any code hidden inside them. Convert the weights to model.safetensors first."))


@dataclass
class LoadedModel:
    model: Transformer
    tokenizer: TextTokenizer
    config: ModelConfig
    training: dict = field(default_factory=dict)
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)  # loaded, but something looks wrong (say it to the user)


def _is_pickle_bytes(head: bytes) -> bool:
    """torch.save's zip, or a raw pickle (protocol 2+ starts with 0x80). A safetensors file starts
    with its 8-byte header length, whose first byte may be 0x80 too; its JSON header then opens
    with '{' at byte 8, which no pickle has there."""
    if head.startswith(b"PK\x03\x04"):
        return True
    return head[:1] == b"\x80" and head[8:9] != b"{"


def state_for_saving(model: Transformer) -> dict[str, torch.Tensor]:
    return {k: v.detach().to("cpu").contiguous() for k, v in model.state_dict().items()}


def save_model(
    folder: str | os.PathLike,
    model: Transformer,
    tokenizer: TextTokenizer,
    training: dict | None = None,
    extra_files: dict[str, bytes] | None = None,
) -> Path:
    """Write the model folder atomically: build it under a temporary name, then swap it in. The
    weights record a fingerprint of the tokenizer, so a tokenizer.json from another model is noticed."""

    def fill(tmp: Path) -> None:
        atomic_write_json(tmp / CONFIG, model.config.to_dict())
        save_file(state_for_saving(model), str(tmp / WEIGHTS), metadata={FINGERPRINT_KEY: tokenizer.fingerprint()})
        tokenizer.save(tmp / TOKENIZER)
        atomic_write_json(tmp / TRAINING, training or {})
        for name, data in (extra_files or {}).items():
            (tmp / name).write_bytes(data)

    return write_folder_atomically(folder, fill, set(extra_files or ()))


def read_config(folder: Path) -> ModelConfig:
    path = folder / CONFIG
    if not path.exists():
        raise CheckpointError(path, Message(QT_TR_NOOP(
            "missing (a model folder needs config.json, model.safetensors and tokenizer.json)")))
    try:
        return ModelConfig.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CheckpointError(path, not_json(exc)) from None
    except (TypeError, ValueError) as exc:
        raise CheckpointError(path, Message(QT_TR_NOOP("not a valid model configuration ({0})"),
                                            message_of(exc))) from None


def read_safetensors(path: Path) -> dict[str, torch.Tensor]:
    """Load tensors from a safetensors file, refusing pickles and naming what is wrong."""
    if not path.exists():
        raise CheckpointError(path, Message(QT_TR_NOOP("missing")))
    with open(path, "rb") as fh:
        head = fh.read(16)
    if _is_pickle_bytes(head):
        raise CheckpointError(path, PICKLE_REFUSAL)
    size = path.stat().st_size
    if size < 8:
        raise CheckpointError(path, Message(QT_TR_NOOP("truncated: {0} bytes is too short for a safetensors file"),
                                            size))
    (header_len,) = struct.unpack("<Q", head[:8])
    if 8 + header_len > size:
        raise CheckpointError(path, Message(QT_TR_NOOP(
            "truncated or not a safetensors file (its header runs past the end of the file)")))
    try:
        return load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError) as exc:
        raise CheckpointError(path, Message(QT_TR_NOOP("corrupted or truncated safetensors file ({0})"), exc)) from None


def load_state_into(model: torch.nn.Module, state: dict[str, torch.Tensor], path: Path) -> None:
    """Copy tensors into `model`, checking names and every shape first."""
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    if missing or unexpected:
        parts = []
        if missing:
            parts.append(Message(QT_TR_NOOP("missing tensors {0}"),
                                 f"{missing[:5]}{' ...' if len(missing) > 5 else ''}"))
        if unexpected:
            parts.append(Message(QT_TR_NOOP("unexpected tensors {0}"),
                                 f"{unexpected[:5]}{' ...' if len(unexpected) > 5 else ''}"))
        raise CheckpointError(path, Message(DOES_NOT_MATCH, joined(*parts, separator="; ")))
    for name, tensor in state.items():
        if tensor.dtype not in FLOAT_DTYPES:
            raise CheckpointError(path, Message(QT_TR_NOOP(
                "tensor {0} is stored as {1}, not as floating-point numbers: weights must be {2} (converting it "
                "would give wrong results silently)"), name, str(tensor.dtype).replace("torch.", ""),
                ", ".join(FLOAT_DTYPES.values())))
        if tuple(tensor.shape) != tuple(expected[name].shape):
            raise CheckpointError(path, Message(SHAPE_MISMATCH, name, str(tuple(tensor.shape)),
                                                str(tuple(expected[name].shape))))
    model.load_state_dict(state)


def recorded_fingerprint(path: Path) -> str | None:
    """The tokenizer fingerprint saved in a model.safetensors' metadata (None for files from elsewhere)."""
    try:
        with safe_open(str(path), framework="pt") as fh:
            return (fh.metadata() or {}).get(FINGERPRINT_KEY)
    except Exception:  # unreadable files are reported by read_safetensors
        return None


def tokenizer_mismatch(folder: Path, tokenizer: TextTokenizer) -> str | None:
    """A warning when `folder`'s weights were saved with a different tokenizer than `tokenizer`."""
    recorded = recorded_fingerprint(Path(folder) / WEIGHTS)
    if recorded is None or recorded == tokenizer.fingerprint():
        return None
    return Message(QT_TR_NOOP(
        "{0} is not the tokenizer these weights were trained with (its fingerprint differs from the one recorded "
        "in {1}), so every token may mean something else to the model; put back the model's own tokenizer.json"),
        str(Path(folder) / TOKENIZER), WEIGHTS)


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
        raise CheckpointError(folder, Message(QT_TR_NOOP("no such folder")))
    refuse_pickles(folder)
    if not folder.is_dir():
        raise CheckpointError(folder, Message(QT_TR_NOOP(
            "not a model folder (expected a folder with config.json, model.safetensors, tokenizer.json)")))
    from .gpt2 import import_gpt2  # imported here: gpt2 builds on this module

    if is_hf_folder(folder):  # a Hugging Face config.json: GPT-2 opens, anything else is refused by name
        return import_gpt2(folder, device)
    config = read_config(folder)
    try:
        tokenizer = TextTokenizer.load(folder / TOKENIZER)
    except TokenizerError as exc:
        raise CheckpointError(folder / TOKENIZER, getattr(exc, "problem", exc)) from None
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(folder / TOKENIZER, Message(VOCAB_MISMATCH, tokenizer.vocab_size, config.vocab_size))
    if config.objective == "masked" and tokenizer.mask_id is None:
        raise CheckpointError(folder / TOKENIZER, Message(QT_TR_NOOP(
            "has no [MASK] token, but config.json says the model was trained to fill in [MASK] tokens "
            "(objective 'masked')")))
    state = read_safetensors(folder / WEIGHTS)
    model = Transformer(config)
    load_state_into(model, state, folder / WEIGHTS)
    training = {}
    if (folder / TRAINING).exists():
        try:
            training = json.loads((folder / TRAINING).read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise CheckpointError(folder / TRAINING, not_json(exc)) from None
    notes = []
    mismatch = tokenizer_mismatch(folder, tokenizer)
    if mismatch:
        notes.append(mismatch)
    model.to(device).eval()
    return LoadedModel(model, tokenizer, config, training, folder, notes)
