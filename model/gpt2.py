"""Open and write GPT-2 models in the Hugging Face folder layout, from disk only.

A GPT-2 folder holds config.json (GPT2Config), model.safetensors and either tokenizer.json or
vocab.json + merges.txt. GPT-2 is our architecture with particular settings: learned positions,
GELU with the tanh approximation, its own LayerNorm epsilon and a head tied to the token
embedding. Its linear layers are `Conv1D`s, whose weights are stored transposed, (in, out).
tests/test_gpt2.py proves the imported model gives the same tokens and logits as `transformers`.

Nothing here touches the network, and nothing is unpickled.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import torch
from safetensors.torch import save_file
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

from .checkpoint import (
    CONFIG,
    TOKENIZER,
    WEIGHTS,
    CheckpointError,
    LoadedModel,
    write_folder_atomically,
    read_safetensors,
    refuse_pickles,
)
from .config import ModelConfig
from .files import atomic_write_json, atomic_write_text
from .tokenizer import TextTokenizer, TokenizerError
from .transformer import Transformer

VOCAB, MERGES, TOKENIZER_CONFIG = "vocab.json", "merges.txt", "tokenizer_config.json"
SHARD_INDEX = "model.safetensors.index.json"
END_OF_TEXT = "<|endoftext|>"
ARCHITECTURES = ("GPT2LMHeadModel", "GPT2Model")
SUPPORTED = (
    "LM Anatomy opens GPT-2-family models (model_type \"gpt2\", GPT2LMHeadModel) in the Hugging Face layout: "
    "config.json, model.safetensors, and tokenizer.json or vocab.json + merges.txt"
)
# activation_function -> our gelu_approximation ("gelu_new" is GPT-2's tanh approximation)
ACTIVATIONS = {"gelu_new": "tanh", "gelu_pytorch_tanh": "tanh", "gelu": "none"}
# Settings whose non-default value changes the maths, which our model does not do.
UNSUPPORTED_SETTINGS = {
    "scale_attn_by_inverse_layer_idx": False,
    "reorder_and_upcast_attn": False,
    "scale_attn_weights": True,
    "add_cross_attention": False,
    "tie_word_embeddings": True,
}
# GPT2Config's defaults, used where a config.json leaves a key out (as transformers does).
DEFAULTS = dict(vocab_size=50257, n_positions=1024, n_embd=768, n_layer=12, n_head=12,
                layer_norm_epsilon=1e-5, activation_function="gelu_new")
IGNORED_SUFFIXES = (".attn.bias", ".attn.masked_bias")  # causal-mask buffers, not weights


# ---- recognising a folder ------------------------------------------------------------------
def _read_json_dict(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _hf_config(folder: str | os.PathLike) -> dict | None:
    """config.json if it is a Hugging Face one (any architecture); None for ours, or for none at all."""
    config = _read_json_dict(Path(folder) / CONFIG)
    return config if config is not None and ("model_type" in config or "architectures" in config) else None


def is_hf_folder(folder: str | os.PathLike) -> bool:
    return _hf_config(folder) is not None


def is_hf_gpt2_folder(folder: str | os.PathLike) -> bool:
    """A Hugging Face folder whose config.json describes a GPT-2-family model."""
    config = _hf_config(folder)
    return config is not None and _architecture_problem(config) is None


def _architecture_problem(hf: dict) -> str | None:
    model_type = hf.get("model_type")
    architectures = hf.get("architectures") or []
    if model_type not in (None, "gpt2") or any(a not in ARCHITECTURES for a in architectures):
        described = f"model_type {model_type!r}" + (f", architectures {architectures}" if architectures else "")
        return f"describes a {described} model, which LM Anatomy cannot open. {SUPPORTED}"
    return None


# ---- config ----------------------------------------------------------------------------------
def config_from_gpt2(hf: dict, path: Path) -> ModelConfig:
    """Our ModelConfig for a GPT2Config dict; CheckpointError (naming `path`) for anything else."""
    problem = _architecture_problem(hf)
    if problem:
        raise CheckpointError(path, problem)
    for key, expected in UNSUPPORTED_SETTINGS.items():
        if key in hf and bool(hf[key]) != expected:
            raise CheckpointError(
                path, f"sets {key} to {hf[key]!r}; only standard GPT-2 ({key} {expected}) is supported. {SUPPORTED}"
            )
    get = lambda key: hf.get(key, DEFAULTS[key])  # noqa: E731
    activation = get("activation_function")
    if activation not in ACTIVATIONS:
        raise CheckpointError(
            path, f"activation_function {activation!r} is not supported (use one of {sorted(ACTIVATIONS)})"
        )
    d_model = get("n_embd")
    try:
        return ModelConfig(
            vocab_size=get("vocab_size"),
            context_length=hf.get("n_positions", hf.get("n_ctx", DEFAULTS["n_positions"])),
            n_layer=get("n_layer"),
            n_head=get("n_head"),
            d_model=d_model,
            d_mlp=hf.get("n_inner") or 4 * d_model,
            dropout=0.0,  # GPT-2's dropouts only act in training; the explorer runs it in eval mode
            positional="learned",
            layer_norm_eps=float(get("layer_norm_epsilon")),
            gelu_approximation=ACTIVATIONS[activation],
        )
    except (TypeError, ValueError) as exc:
        raise CheckpointError(path, f"not a valid GPT-2 configuration ({exc})") from None


def config_to_gpt2(config: ModelConfig, end_of_text: int | None) -> dict:
    """config.json in GPT2Config's format for one of our (learned-position) models."""
    return {
        "architectures": ["GPT2LMHeadModel"],
        "model_type": "gpt2",
        "vocab_size": config.vocab_size,
        "n_positions": config.context_length,
        "n_embd": config.d_model,
        "n_layer": config.n_layer,
        "n_head": config.n_head,
        "n_inner": config.d_mlp,
        "activation_function": "gelu_new" if config.gelu_approximation == "tanh" else "gelu",
        "layer_norm_epsilon": config.layer_norm_eps,
        "resid_pdrop": config.dropout,
        "embd_pdrop": config.dropout,
        "attn_pdrop": config.dropout,
        "initializer_range": 0.02,
        "scale_attn_weights": True,
        "scale_attn_by_inverse_layer_idx": False,
        "reorder_and_upcast_attn": False,
        "tie_word_embeddings": True,
        "use_cache": True,
        "bos_token_id": end_of_text,
        "eos_token_id": end_of_text,
    }


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
            problems.append(f"missing tensor {hf}")
        elif tuple(tensor.shape) != want:
            problems.append(f"tensor {hf} has shape {tuple(tensor.shape)}, but config.json implies {want}")
        else:
            tensor = tensor.float()  # some uploads are fp16; the explorer computes in fp32
            state[ours] = tensor.t().contiguous() if conv1d else tensor
    head = tensors.pop("lm_head.weight", None)
    if head is not None and "tok_emb.weight" in state and not torch.equal(head.float(), state["tok_emb.weight"]):
        problems.append(
            "lm_head.weight differs from wte.weight, but LM Anatomy's output head is tied to the token embedding"
        )
    extra = sorted(k for k in tensors if not k.endswith(IGNORED_SUFFIXES))
    if extra:
        problems.append(f"unexpected tensors {extra[:5]}{' ...' if len(extra) > 5 else ''}")
    if problems:
        raise CheckpointError(path, "does not match config.json: " + "; ".join(problems[:5]))
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
        raise CheckpointError(path, f"missing: this model is split into several safetensors files ({SHARD_INDEX}), "
                                    f"which LM Anatomy does not read yet. {SUPPORTED}")
    if not path.exists():
        raise CheckpointError(path, f"missing. {SUPPORTED}")
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


# ---- tokenizer -------------------------------------------------------------------------------
def tokenizer_from_vocab_merges(vocab: Path, merges: Path) -> Tokenizer:
    """GPT-2's tokenizer from its two original files, built as transformers' GPT2Tokenizer builds it."""
    try:
        bpe = models.BPE.from_file(str(vocab), str(merges))
    except Exception as exc:  # tokenizers raises plain Exceptions for unreadable files
        raise CheckpointError(vocab, f"not a readable GPT-2 vocabulary with {MERGES} ({exc})") from None
    tok = Tokenizer(bpe)
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    if tok.token_to_id(END_OF_TEXT) is not None:  # GPT-2 never splits its end-of-text marker
        tok.add_special_tokens([AddedToken(END_OF_TEXT, special=True, normalized=False)])
    return tok


def read_gpt2_tokenizer(folder: Path) -> TextTokenizer:
    if (folder / TOKENIZER).exists():
        try:
            return TextTokenizer.load(folder / TOKENIZER)
        except TokenizerError as exc:
            raise CheckpointError(folder / TOKENIZER, str(exc).split(": ", 1)[-1]) from None
    if (folder / VOCAB).exists() and (folder / MERGES).exists():
        return TextTokenizer(tokenizer_from_vocab_merges(folder / VOCAB, folder / MERGES))
    raise CheckpointError(
        folder / TOKENIZER, f"missing, and so is {VOCAB} + {MERGES}: a GPT-2 folder needs one of them. {SUPPORTED}"
    )


# ---- import ----------------------------------------------------------------------------------
def read_gpt2_config(folder: Path) -> ModelConfig:
    path = folder / CONFIG
    if not path.exists():
        raise CheckpointError(path, f"missing. {SUPPORTED}")
    try:
        hf = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CheckpointError(path, f"not valid JSON ({exc})") from None
    if not isinstance(hf, dict):
        raise CheckpointError(path, "not a configuration (expected a JSON object)")
    return config_from_gpt2(hf, path)


def import_gpt2(folder: str | os.PathLike, device: str | torch.device = "cpu") -> LoadedModel:
    """Open a Hugging Face GPT-2 folder as one of our models (CheckpointError naming the file otherwise)."""
    folder = Path(folder)
    refuse_pickles(folder)  # pytorch_model.bin without model.safetensors: refused, never opened
    config = read_gpt2_config(folder)
    tokenizer = read_gpt2_tokenizer(folder)
    if tokenizer.vocab_size != config.vocab_size:
        raise CheckpointError(
            folder / (TOKENIZER if (folder / TOKENIZER).exists() else VOCAB),
            f"has {tokenizer.vocab_size} tokens but config.json says the model has vocab_size {config.vocab_size}",
        )
    model = build_model(config, read_gpt2_weights(folder, config))
    model.to(device).eval()
    return LoadedModel(model, tokenizer, config, {"source": "Hugging Face GPT-2 folder"}, folder)


# ---- export ----------------------------------------------------------------------------------
def _plain_gpt2_tokenizer(tokenizer: TextTokenizer) -> dict | None:
    """The tokenizer.json spec if vocab.json + merges.txt alone reproduce it (GPT-2's own recipe)."""
    spec = json.loads(tokenizer.to_str())
    pre, model = spec.get("pre_tokenizer") or {}, spec["model"]
    plain = (
        tokenizer.kind == "bpe"
        and spec.get("normalizer") is None
        and pre.get("type") == "ByteLevel" and not pre.get("add_prefix_space") and pre.get("use_regex", True)
        and not model.get("continuing_subword_prefix") and not model.get("end_of_word_suffix")
        and all(t["content"] == END_OF_TEXT for t in spec.get("added_tokens", []))
        and _adds_no_tokens(spec.get("post_processor"))
    )
    return spec if plain else None


def _adds_no_tokens(post: dict | None) -> bool:
    # GPT-2 adds no BOS/EOS when encoding; a template that does cannot be written as vocab + merges
    if post is None or post.get("type") == "ByteLevel":
        return True
    return post.get("type") == "TemplateProcessing" and not post.get("special_tokens")


def _write_tokenizer(tokenizer: TextTokenizer, folder: Path, context_length: int) -> None:
    tokenizer.save(folder / TOKENIZER)
    spec = _plain_gpt2_tokenizer(tokenizer)
    if spec is None:
        return  # characters, words or a customised BPE: tokenizer.json is the only faithful form
    atomic_write_json(folder / VOCAB, spec["model"]["vocab"])
    merges = [" ".join(m) if isinstance(m, list) else m for m in spec["model"]["merges"]]
    atomic_write_text(folder / MERGES, "#version: 0.2\n" + "".join(f"{m}\n" for m in merges))
    special = END_OF_TEXT if tokenizer.tokenizer.token_to_id(END_OF_TEXT) is not None else None
    atomic_write_json(folder / TOKENIZER_CONFIG, {
        "tokenizer_class": "GPT2Tokenizer",
        "add_prefix_space": False,
        "bos_token": special, "eos_token": special, "unk_token": special,
        "model_max_length": context_length,
    })


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
    if model.config.positional != "learned":
        raise CheckpointError(folder, f"cannot export a model with {model.config.positional} positions: "
                                      "GPT-2 has learned positions, so only learned-position models export")
    if tokenizer.vocab_size != model.config.vocab_size:
        raise ValueError(f"the tokenizer has {tokenizer.vocab_size} tokens but the model {model.config.vocab_size}")
    end_of_text = tokenizer.tokenizer.token_to_id(END_OF_TEXT)

    def fill(tmp: Path) -> None:
        atomic_write_json(tmp / CONFIG, config_to_gpt2(model.config, end_of_text))
        save_file(state_to_gpt2(model), str(tmp / WEIGHTS), metadata={"format": "pt"})
        _write_tokenizer(tokenizer, tmp, model.config.context_length)

    return write_folder_atomically(folder, fill)
