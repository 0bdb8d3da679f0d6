"""A trainer's resumable state beside its checkpoint (trainer_state.safetensors): the optimizer's
moments and the random generators, so a resumed run continues exactly as an unbroken one would."""
from __future__ import annotations

import json

import torch
from safetensors.torch import load as load_tensors_bytes
from safetensors.torch import save as save_tensors_bytes

from .checkpoint import load_state_into, read_safetensors, tokenizer_mismatch
from .folders import TRAINER_STATE, TRAINING, CheckpointError
from .messages import QT_TR_NOOP, Message


def trainer_state_bytes(trainer) -> bytes:
    """The optimizer's moments and the random generators' states: what an exact resume needs."""
    tensors = {}
    for index, state in trainer.optimizer.state_dict()["state"].items():
        for key, value in state.items():
            tensors[f"optimizer.{index}.{key}"] = torch.as_tensor(value).detach().cpu().contiguous()
    tensors["rng.torch"] = torch.get_rng_state()
    tensors["rng.data"] = trainer.data_generator.get_state()
    if trainer.device.type == "cuda":
        tensors["rng.cuda"] = torch.cuda.get_rng_state(trainer.device)
    return save_tensors_bytes(tensors)


def restore_trainer(trainer) -> None:
    """Put a saved run back into `trainer`: weights, optimizer, random generators, step and history."""
    path = trainer.out_dir / TRAINER_STATE
    if not path.exists():
        raise CheckpointError(trainer.out_dir, Message(QT_TR_NOOP(
            "nothing to resume: no trainer_state.safetensors in this folder")))
    mismatch = tokenizer_mismatch(trainer.out_dir, trainer.tokenizer)
    if mismatch:
        trainer.warnings.append(mismatch)
    weights = trainer.out_dir / "model.safetensors"
    load_state_into(trainer.model, read_safetensors(weights), weights)
    try:
        training = json.loads((trainer.out_dir / TRAINING).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CheckpointError(trainer.out_dir / TRAINING, Message(QT_TR_NOOP("cannot resume: {0}"), str(exc))) from None
    tensors = load_tensors_bytes(path.read_bytes())
    optimizer_state = trainer.optimizer.state_dict()
    for name, value in tensors.items():
        if name.startswith("optimizer."):
            _, index, key = name.split(".", 2)
            optimizer_state["state"].setdefault(int(index), {})[key] = value
    trainer.optimizer.load_state_dict(optimizer_state)
    torch.set_rng_state(tensors["rng.torch"])
    trainer.data_generator.set_state(tensors["rng.data"])
    if "rng.cuda" in tensors and trainer.device.type == "cuda":
        torch.cuda.set_rng_state(tensors["rng.cuda"], trainer.device)
    trainer.step = int(training["step"])
    trainer.tokens_seen = int(training.get("tokens_seen", 0))
    trainer.elapsed = float(training.get("elapsed_seconds", 0.0))
    trainer.history = list(training.get("metrics", []))
    trainer.last_checkpoint_step = trainer.step
