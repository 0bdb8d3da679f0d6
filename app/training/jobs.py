"""A training run's preparers, run in the training child process (see child.py): each turns a
TrainingSettings and a run folder into a ready Trainer through model.recipes.build_trainer, saying
what it is doing. Plain values only, and no Qt: the child never imports it.

The preparers take the tokenized-corpus cache folder from the GUI process (`token_cache`): finding
the per-user cache asks Qt.
"""
from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass
from pathlib import Path

from .previews import TokenizerPreview, corpus_paths, tokenizer_preview


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - marks a text for lupdate without Qt; worker.py translates it
    return text


@dataclass
class Prepared:
    trainer: object  # model.train.Trainer
    notices: list[str]
    summary: str
    tokenizer_preview: TokenizerPreview | None
    parameters: int


def prepare_pretraining(settings, run_folder: Path, resume: bool, say=lambda text: None,
                        token_cache: Path | None = None) -> Prepared:
    """Read the corpus, train (or reload) the tokenizer, tokenize, build the Trainer."""
    from model.folders import TOKENIZER
    from model.recipes import build_trainer

    checkpoint, preview = run_folder / "checkpoint", []
    texts = {"reading": QT_TR_NOOP("Reading the corpus…"), "tokenizing": QT_TR_NOOP("Turning the text into token ids…"),
             "building": QT_TR_NOOP("Building the model…")}

    def tell(stage: str, facts: dict) -> None:
        if stage == "training tokenizer":
            say(QT_TR_NOOP("Training the tokenizer…"))  # its kind and size are on the form beside it
        elif stage == "tokenizer" and facts["seconds"] is not None:
            preview.append(tokenizer_preview(facts["tokenizer"], facts["seconds"], facts["sample_text"]))
        elif stage in texts:
            say(texts[stage])

    train = dataclasses.replace(settings.train, snapshot_dir=str(run_folder / "snapshots"))
    p = build_trainer(corpus_paths(settings), checkpoint / TOKENIZER if resume else settings.tokenizer,
                      checkpoint if resume else settings.model, train, checkpoint, resume=resume,
                      token_cache=token_cache, tell=tell,
                      run_info={"app_run": run_folder.name, "corpus": corpus_paths(settings),
                                "tokenizer": settings.tokenizer})
    summary = (f"{p.documents} documents, {p.characters:,} characters → {p.train_tokens:,} training and "
               f"{p.validation_tokens:,} validation tokens · {p.parameters:,} parameters · {p.trainer.device}")
    return Prepared(p.trainer, p.notices, summary, preview[0] if preview else None, p.parameters)


def continued_preparer(base_folder: str):
    """A `prepare` for TrainingWorker that starts from `base_folder`'s weights and tokenizer.

    A partial of a module-level function, so that it can be pickled into the training child process.
    """
    return functools.partial(prepare_continued, str(base_folder))


def prepare_continued(base_folder: str, settings, run_folder: Path, resume: bool,
                      say=lambda text: None, token_cache: Path | None = None) -> Prepared:
    """Continued language-model training: the base model's tokenizer and sizes, its weights to start from."""
    from model.checkpoint import read_config
    from model.folders import TOKENIZER
    from model.recipes import build_trainer

    base = Path(base_folder)
    source = run_folder / "checkpoint" if resume else base
    settings.model = read_config(source)  # what the run really trains (out_of_memory_advice names its sizes)
    texts = {"reading": QT_TR_NOOP("Reading your text…"), "tokenizing": QT_TR_NOOP("Turning the text into token ids…")}
    p = build_trainer(corpus_paths(settings), source / TOKENIZER, source, settings.train, run_folder / "checkpoint",
                      resume=resume, init_from=None if resume else base, token_cache=token_cache,
                      tell=lambda stage, facts: say(texts[stage]) if stage in texts else None,
                      run_info={"app_run": run_folder.name, "base_model": str(base), "corpus": corpus_paths(settings)})
    summary = (f"{p.documents} file(s), {p.characters:,} characters → {p.train_tokens:,} tokens with "
               f"the base model's {p.tokenizer.kind} tokenizer · {p.parameters:,} parameters · {p.trainer.device}")
    return Prepared(p.trainer, p.notices, summary, None, p.parameters)


def out_of_memory_advice(exc: BaseException, settings) -> str | None:
    text = str(exc)
    if "out of memory" not in text.lower() and type(exc).__name__ != "OutOfMemoryError":
        return None
    return (f"The device ran out of memory. Make the job smaller: halve the batch size (now {settings.train.batch_size}), "
            f"shorten the context (now {settings.model.context_length} tokens), or pick a smaller model "
            f"(now {settings.model.n_layer} layers × d_model {settings.model.d_model}); or train on the CPU.")
