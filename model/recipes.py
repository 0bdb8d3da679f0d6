"""From a text and a request to a ready `Trainer`: read the corpus, hold out validation documents,
train (or load) the tokenizer, tokenize once into the cache, and build the Trainer. lm-anatomy-train,
the app's Pre-train run and its continued training all start here.

`tell(stage, facts)` hears each stage as it happens, so the CLI can print its lines and check its
options, and the app can show what it is doing: "reading"; "corpus" (corpus, train_docs, val_docs);
"tokenizer" (tokenizer, seconds: None when loaded); "config" (config, tokenizer); "tokenizing";
"tokens" (train_ids, val_ids, train_bytes); "building". A `tell` may raise to refuse.
"""
from __future__ import annotations

import dataclasses
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .checkpoint import read_config
from .config import ModelConfig, parameter_count
from .data import read_corpus, split_documents, tokenize_documents, utf8_length
from .folders import CONFIG, TOKENIZER
from .messages import message_of
from .paths import user_cache_dir
from .settings import TrainConfig
from .tokenizer import TextTokenizer
from .train import Trainer
from .transformer import Transformer
from .warm_start import prepared_init, scratch_dir


class ConfigError(ValueError):
    """The model's configuration cannot be read or does not hold together."""


@dataclass
class Prepared:
    trainer: Trainer
    tokenizer: TextTokenizer
    notices: list[str]  # about files of the corpus that were skipped or repaired
    documents: int
    characters: int
    train_tokens: int
    validation_tokens: int
    parameters: int
    tokenizer_seconds: float | None = None  # None: the tokenizer was loaded, not trained
    facts: dict = field(default_factory=dict)


def started_from(folder: Path) -> dict:
    """The model folder a run starts from, with every token and second that went into its weights
    (its training.json's, and those of the model it started from in turn); {"folder"} alone when it
    has no training record (a GPT-2 folder)."""
    from .compute import trained_total

    record = {"folder": str(folder)}
    try:
        training = json.loads((folder / "training.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return record
    for key in ("tokens_seen", "elapsed_seconds"):
        total = trained_total(training, key) if isinstance(training, dict) else None
        if total is not None:
            record[key] = total
    if isinstance(training, dict) and isinstance(training.get("step"), int):
        record["step"] = training["step"]
    return record


def build_trainer(corpus: list[str], tokenizer: str | Path, model: ModelConfig | Path, train: TrainConfig,
                  out_dir: str | Path, *, resume: bool = False, init_from: Path | None = None,
                  val_names: list[str] | None = None, token_cache: Path | None = None, run_info: dict | None = None,
                  tell: Callable[[str, dict], None] = lambda stage, facts: None) -> Prepared:
    """A Trainer for `corpus` (text files or folders) writing to `out_dir`.

    tokenizer: a kind to train ("char", "word", "bpe"; asked for model.vocab_size tokens), or the
    tokenizer.json of a model to keep. model: the sizes (vocab_size replaced by the tokenizer's), or
    the folder of a model whose config.json to keep. init_from: start from that model's weights.
    Raises CorpusError, TokenizerError, ConfigError, CheckpointError, or what `tell` raises."""
    tell("reading", {})
    text = read_corpus(corpus)
    train_docs, val_docs = split_documents(text, val_names, seed=train.seed)
    tell("corpus", {"corpus": text, "train_docs": train_docs, "val_docs": val_docs})
    n_docs, n_chars, notices = len(text.documents), text.n_chars, list(text.notices)
    del text  # a single document was split into copies: keep one copy of a large text, not two
    seconds = None
    if isinstance(tokenizer, Path):
        tok = TextTokenizer.load(tokenizer)
    else:
        tell("training tokenizer", {"kind": tokenizer, "vocab_size": _vocab(model)})
        started = time.perf_counter()
        tok = TextTokenizer.train(tokenizer, (d.text for d in train_docs), _vocab(model))
        seconds = time.perf_counter() - started
    if _objective(model) == "masked":
        tok = tok.with_mask()  # the masked objective hides tokens behind [MASK] (the same ids otherwise)
    tell("tokenizer", {"tokenizer": tok, "seconds": seconds, "sample_text": train_docs[0].text})
    config = _config(model, tok)
    tell("config", {"config": config, "tokenizer": tok})
    tell("tokenizing", {})
    cache = token_cache or user_cache_dir() / "tokens"
    train_ids = tokenize_documents(tok, train_docs, cache)
    val_ids = tokenize_documents(tok, val_docs, cache)
    tell("tokens", {"train_ids": train_ids, "val_ids": val_ids,
                    "train_bytes": sum(utf8_length(d.text) for d in train_docs)})
    info = {"train_documents": [d.name for d in train_docs], "validation_documents": [d.name for d in val_docs],
            "tokenizer": tok.kind, "objective": config.objective, "train_tokens": int(len(train_ids)), "validation_tokens": int(len(val_ids))}
    del train_docs, val_docs  # the ids are all training needs
    tell("building", {})
    if init_from is not None:  # what the starting weights cost counts in this model's cost (the Compute tab)
        info["started_from"] = started_from(Path(init_from))
    with scratch_dir() as scratch:  # init_from's weights, grown when the vocabulary grew (added [MASK])
        if init_from is not None:
            init_from = prepared_init(init_from, Transformer(config), Path(scratch), seed=train.seed)
        trainer = Trainer(config, tok, train_ids, val_ids, train, out_dir, resume=resume,
                          run_info={**info, **(run_info or {})}, init_from=init_from)
    return Prepared(trainer, tok, notices, n_docs, n_chars, len(train_ids), len(val_ids),
                    parameter_count(config)["total"], seconds)


def _vocab(model: ModelConfig | Path) -> int:
    return model.vocab_size if isinstance(model, ModelConfig) else read_config(model).vocab_size


def _objective(model: ModelConfig | Path) -> str:
    return model.objective if isinstance(model, ModelConfig) else read_config(model).objective


def _config(model: ModelConfig | Path, tok: TextTokenizer) -> ModelConfig:
    if isinstance(model, ModelConfig):
        try:
            return dataclasses.replace(model, vocab_size=tok.vocab_size)
        except (ValueError, TypeError) as exc:
            raise ConfigError(message_of(exc)) from None
    try:
        return ModelConfig.from_dict(json.loads((Path(model) / CONFIG).read_text(encoding="utf-8")))
    except (ValueError, TypeError, OSError) as exc:
        raise ConfigError(message_of(exc)) from None


def kept_tokenizer(folder: Path) -> Path:
    """The tokenizer.json of a model folder, for `build_trainer(tokenizer=...)`: its vocabulary is kept."""
    return Path(folder) / TOKENIZER
