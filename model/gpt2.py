"""Open and write GPT-2 models in the Hugging Face folder layout, from disk only.

A GPT-2 folder holds config.json (GPT2Config), model.safetensors and either tokenizer.json or
vocab.json + merges.txt. GPT-2 is our architecture with particular settings: learned positions,
GELU with the tanh approximation, its own LayerNorm epsilon and a head tied to the token
embedding. Its linear layers are `Conv1D`s, whose weights are stored transposed, (in, out).
tests/test_gpt2.py proves the imported model gives the same tokens and logits as `transformers`.

Nothing here touches the network, and nothing is unpickled.
"""
from __future__ import annotations

import os
from pathlib import Path

import torch
from safetensors.torch import save_file

from .checkpoint import FLOAT_DTYPES, LoadedModel, read_safetensors, refuse_pickles
from .config import ModelConfig
from .files import atomic_write_json
from .folders import (
    CONFIG,
    DOES_NOT_MATCH,
    SHAPE_MISMATCH,
    TOKENIZER,
    VOCAB_MISMATCH,
    WEIGHTS,
    CheckpointError,
    write_folder_atomically,
)
from .gpt2_format import (
    END_OF_TEXT,
    MASKED_EXPORT_REFUSAL,
    MISSING_SUPPORTED,
    SHARD_INDEX,
    SUPPORTED,
    VOCAB,
    config_to_gpt2,
    read_gpt2_config,
    read_gpt2_tokenizer,
    write_tokenizer,
)
from .messages import QT_TR_NOOP, Message, joined
from .tokenizer import TextTokenizer
from .transformer import Transformer

IGNORED_SUFFIXES = (".attn.bias", ".attn.masked_bias")  # causal-mask buffers, not weights


# ---- weights ---------------------------------------------------------------------------------
def tensor_names(n_layer: int) -> list[tuple[str, str, bool]]:
    """(GPT-2 name, our name, stored transposed as a Conv1D) for every weight, in both directions."""
    names = [("wte.weight", "tok_emb.weight", False), ("wpe.weight", "pos_emb.weight", False)]
    parts = [("ln_1", "ln1"), ("attn.c_attn", "attn.qkv"), ("attn.c_proj", "attn.proj"),
             ("ln_2", "ln2"), ("mlp.c_fc", "mlp.fc"), ("mlp.c_proj", "mlp.proj")]
    for i in range(n_layer):
        for hf, ours in parts:
            conv1d = not hf.startswith("ln")
            names.append((f"h.{i}.{hf}.weight", f"blocks.{i}.{ours}.weight", conv1d))
            names.append((f"h.{i}.{hf}.bias", f"blocks.{i}.{ours}.bias", False))
    names += [("ln_f.weight", "ln_f.weight", False), ("ln_f.bias", "ln_f.bias", False)]
    return names


def _strip_prefix(tensors: dict[str, torch.Tensor]) -> None:
    # GPT2LMHeadModel saves "transformer.h.0...", GPT2Model (and the original upload) "h.0..."
    for name in [k for k in tensors if k.startswith("transformer.")]:
        tensors[name.removeprefix("transformer.")] = tensors.pop(name)


def expected_shapes(config: ModelConfig) -> dict[str, tuple[int, ...]]:
    with torch.device("meta"):  # shapes only: nothing is allocated or initialised
        return {k: tuple(v.shape) for k, v in Transformer(config).state_dict().items()}


def state_from_gpt2(tensors: dict[str, torch.Tensor], config: ModelConfig, path: Path) -> dict[str, torch.Tensor]:
    """Rename GPT-2 tensors to ours and transpose the Conv1D weights, checking every name and shape.

    Consumes `tensors`: each one leaves the dict as it is converted, so a 124M model is held about
    once, not twice, while it loads.
    """
    _strip_prefix(tensors)
    expected = expected_shapes(config)
    state, problems = {}, []
    for hf, ours, conv1d in tensor_names(config.n_layer):
        tensor = tensors.pop(hf, None)
        want = expected[ours][::-1] if conv1d else expected[ours]
        if tensor is None:
            problems.append(Message(QT_TR_NOOP("missing tensor {0}"), hf))
        elif tuple(tensor.shape) != want:
            problems.append(Message(SHAPE_MISMATCH, hf, str(tuple(tensor.shape)), str(want)))
        elif tensor.dtype not in FLOAT_DTYPES:  # casting integers or fp8 would give wrong results silently
            problems.append(Message(QT_TR_NOOP("tensor {0} is stored as {1}, not as floating-point numbers"), hf,
                                    str(tensor.dtype).replace("torch.", "")))
        else:
            tensor = tensor.float()  # some uploads are fp16; the explorer computes in fp32
            state[ours] = tensor.t().contiguous() if conv1d else tensor
    head = tensors.pop("lm_head.weight", None)
    if head is not None and "tok_emb.weight" in state and not torch.equal(head.float(), state["tok_emb.weight"]):
        problems.append(Message(QT_TR_NOOP(
            "lm_head.weight differs from wte.weight, but LM Anatomy's output head is tied to the token embedding")))
    extra = sorted(k for k in tensors if not k.endswith(IGNORED_SUFFIXES))
    if extra:
        problems.append(Message(QT_TR_NOOP("unexpected tensors {0}"), f"{extra[:5]}{' ...' if len(extra) > 5 else ''}"))
    if problems:
        raise CheckpointError(path, Message(DOES_NOT_MATCH, joined(*problems[:5], separator="; ")))
    return state


def state_to_gpt2(model: Transformer) -> dict[str, torch.Tensor]:
    """Our weights under GPT2LMHeadModel's names, Conv1D weights transposed back to (in, out)."""
    ours = model.state_dict()
    out = {}
    for hf, name, conv1d in tensor_names(model.config.n_layer):
        tensor = ours[name].detach().to("cpu", torch.float32)
        out[f"transformer.{hf}"] = (tensor.t() if conv1d else tensor).contiguous()
    return out


def read_gpt2_weights(folder: Path, config: ModelConfig) -> dict[str, torch.Tensor]:
    path = folder / WEIGHTS
    if not path.exists() and (folder / SHARD_INDEX).exists():
        raise CheckpointError(path, Message(QT_TR_NOOP(
            "missing: this model is split into several safetensors files ({0}), which LM Anatomy does not read yet. "
            "{1}"), SHARD_INDEX, SUPPORTED))
    if not path.exists():
        raise CheckpointError(path, Message(MISSING_SUPPORTED, SUPPORTED))
    tensors = read_safetensors(path)
    return state_from_gpt2(tensors, config, path)


def build_model(config: ModelConfig, state: dict[str, torch.Tensor]) -> Transformer:
    """Our Transformer made of the tensors in `state` (already checked by state_from_gpt2).

    Built on the meta device and then given the loaded tensors themselves: no random
    initialisation to overwrite and no second copy of the weights (load_state_into would copy).
    """
    with torch.device("meta"):
        model = Transformer(config)
    model.load_state_dict(state, strict=True, assign=True)
    return model


# ---- import ----------------------------------------------------------------------------------
def import_gpt2(folder: str | os.PathLike, device: str | torch.device = "cpu") -> LoadedModel:
    """Open a Hugging Face GPT-2 folder as one of our models (CheckpointError naming the file otherwise)."""
    folder = Path(folder)
    refuse_pickles(folder)  # pytorch_model.bin without model.safetensors: refused, never opened
    config = read_gpt2_config(folder)
    tokenizer = read_gpt2_tokenizer(folder)
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(folder / (TOKENIZER if (folder / TOKENIZER).exists() else VOCAB),
                              Message(VOCAB_MISMATCH, tokenizer.vocab_size, config.vocab_size))
    model = build_model(config, read_gpt2_weights(folder, config))
    model.to(device).eval()
    return LoadedModel(model, tokenizer, config, {"source": "Hugging Face GPT-2 folder"}, folder)


# ---- export ----------------------------------------------------------------------------------
def export_gpt2(
    source: LoadedModel | Transformer,
    folder: str | os.PathLike,
    tokenizer: TextTokenizer | None = None,
) -> Path:
    """Write `source` (a LoadedModel, or a Transformer plus `tokenizer`) as a Hugging Face GPT-2 folder.

    Like save_model, the folder is built under a temporary name and swapped in whole.
    """
    model = source.model if isinstance(source, LoadedModel) else source
    tokenizer = source.tokenizer if isinstance(source, LoadedModel) else tokenizer
    folder = Path(folder)
    if tokenizer is None:
        raise ValueError("export_gpt2 needs the model's tokenizer")
    if model.config.objective != "causal":
        raise CheckpointError(folder, MASKED_EXPORT_REFUSAL)
    if model.config.positional != "learned":
        raise CheckpointError(folder, Message(QT_TR_NOOP(
            "cannot export a model with {0} positions: GPT-2 has learned positions, so only learned-position models "
            "export"), model.config.positional))
    if tokenizer.vocab_size != model.config.vocab_size:
        raise ValueError(f"the tokenizer has {tokenizer.vocab_size} tokens but the model {model.config.vocab_size}")
    end_of_text = tokenizer.tokenizer.token_to_id(END_OF_TEXT)

    def fill(tmp: Path) -> None:
        atomic_write_json(tmp / CONFIG, config_to_gpt2(model.config, end_of_text))
        save_file(state_to_gpt2(model), str(tmp / WEIGHTS), metadata={"format": "pt"})
        write_tokenizer(tokenizer, tmp, model.config.context_length)

    return write_folder_atomically(folder, fill)
