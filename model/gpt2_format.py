"""GPT-2's Hugging Face folder format, without torch: which folders hold a GPT-2 (or another Hugging
Face model, refused by name), its config.json read as our ModelConfig and written from one, and its
tokenizer (tokenizer.json, or GPT-2's original vocab.json + merges.txt) read and written. The weights
are model/gpt2.py's.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers

from .config import ModelConfig
from .files import atomic_write_json, atomic_write_text
from .folders import CONFIG, TOKENIZER, CheckpointError, not_json
from .messages import QT_TR_NOOP, Message, message_of
from .tokenizer import TextTokenizer
from .tokenizer_kinds import TokenizerError

VOCAB, MERGES, TOKENIZER_CONFIG = "vocab.json", "merges.txt", "tokenizer_config.json"
SHARD_INDEX = "model.safetensors.index.json"
END_OF_TEXT = "<|endoftext|>"
ARCHITECTURES = ("GPT2LMHeadModel", "GPT2Model")
SUPPORTED = Message(QT_TR_NOOP(
    "LM Anatomy opens GPT-2-family models (model_type \"gpt2\", GPT2LMHeadModel) in the Hugging Face layout: "
    "config.json, model.safetensors, and tokenizer.json or vocab.json + merges.txt"))
MISSING_SUPPORTED = QT_TR_NOOP("missing. {0}")
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
        return Message(QT_TR_NOOP("describes a {0} model, which LM Anatomy cannot open. {1}"), described, SUPPORTED)
    return None


# ---- config ----------------------------------------------------------------------------------
def config_from_gpt2(hf: dict, path: Path) -> ModelConfig:
    """Our ModelConfig for a GPT2Config dict; CheckpointError (naming `path`) for anything else."""
    problem = _architecture_problem(hf)
    if problem:
        raise CheckpointError(path, problem)
    for key, expected in UNSUPPORTED_SETTINGS.items():
        if key in hf and bool(hf[key]) != expected:
            raise CheckpointError(path, Message(QT_TR_NOOP(
                "sets {0} to {1}; only standard GPT-2 ({0} {2}) is supported. {3}"), key, repr(hf[key]), expected,
                SUPPORTED))
    get = lambda key: hf.get(key, DEFAULTS[key])  # noqa: E731
    activation = get("activation_function")
    if activation not in ACTIVATIONS:
        raise CheckpointError(path, Message(QT_TR_NOOP("activation_function {0} is not supported (use one of {1})"),
                                            repr(activation), str(sorted(ACTIVATIONS))))
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
        raise CheckpointError(path, Message(QT_TR_NOOP("not a valid GPT-2 configuration ({0})"),
                                            message_of(exc))) from None


MASKED_EXPORT_REFUSAL = Message(QT_TR_NOOP(
    "cannot export a masked-LM model as GPT-2: GPT-2 is a causal model (each token attends only to the ones "
    "before it), and this model was trained to fill in hidden tokens reading both sides; with GPT-2's causal "
    "mask its weights would compute something else"))


def config_to_gpt2(config: ModelConfig, end_of_text: int | None) -> dict:
    """config.json in GPT2Config's format for one of our (learned-position) models."""
    if config.objective != "causal":
        raise ValueError(MASKED_EXPORT_REFUSAL)
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


def read_gpt2_config(folder: Path) -> ModelConfig:
    path = folder / CONFIG
    if not path.exists():
        raise CheckpointError(path, Message(MISSING_SUPPORTED, SUPPORTED))
    try:
        hf = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise CheckpointError(path, not_json(exc)) from None
    if not isinstance(hf, dict):
        raise CheckpointError(path, Message(QT_TR_NOOP("not a configuration (expected a JSON object)")))
    return config_from_gpt2(hf, path)


# ---- tokenizer -------------------------------------------------------------------------------
def tokenizer_from_vocab_merges(vocab: Path, merges: Path) -> Tokenizer:
    """GPT-2's tokenizer from its two original files, built as transformers' GPT2Tokenizer builds it."""
    try:
        bpe = models.BPE.from_file(str(vocab), str(merges))
    except Exception as exc:  # tokenizers raises plain Exceptions for unreadable files
        raise CheckpointError(vocab, Message(QT_TR_NOOP("not a readable GPT-2 vocabulary with {0} ({1})"), MERGES,
                                             str(exc))) from None
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
            raise CheckpointError(folder / TOKENIZER, getattr(exc, "problem", exc)) from None
    if (folder / VOCAB).exists() and (folder / MERGES).exists():
        return TextTokenizer(tokenizer_from_vocab_merges(folder / VOCAB, folder / MERGES))
    raise CheckpointError(folder / TOKENIZER, Message(QT_TR_NOOP(
        "missing, and so is {0} + {1}: a GPT-2 folder needs one of them. {2}"), VOCAB, MERGES, SUPPORTED))


# ---- export--------------------------------------------------------------------------------------
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


def write_tokenizer(tokenizer: TextTokenizer, folder: Path, context_length: int) -> None:
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
