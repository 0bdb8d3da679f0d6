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

from model.messages import QT_TR_NOOP, Message

from .previews import TokenizerPreview, corpus_paths, tokenizer_preview


@dataclass
class Prepared:
    trainer: object  # model.train.Trainer
    notices: list[str]
    summary: str  # a model.messages.Message: worker.py shows it translated
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
    summary = Message(QT_TR_NOOP("{0} documents, {1:,} characters → {2:,} training and {3:,} validation tokens · "
                                 "{4:,} parameters · {5}"), p.documents, p.characters, p.train_tokens,
                      p.validation_tokens, p.parameters, str(p.trainer.device))
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
    summary = Message(QT_TR_NOOP("{0} file(s), {1:,} characters → {2:,} tokens with the base model's {3} tokenizer · "
                                 "{4:,} parameters · {5}"), p.documents, p.characters, p.train_tokens, p.tokenizer.kind,
                      p.parameters, str(p.trainer.device))
    return Prepared(p.trainer, p.notices, summary, None, p.parameters)


def out_of_memory_advice(exc: BaseException, settings) -> str | None:
    text = str(exc)
    if "out of memory" not in text.lower() and type(exc).__name__ != "OutOfMemoryError":
        return None
    return Message(QT_TR_NOOP(
        "The device ran out of memory. Make the job smaller: halve the batch size (now {0}), shorten the context "
        "(now {1} tokens), or pick a smaller model (now {2} layers × d_model {3}); or train on the CPU."),
        settings.train.batch_size, settings.model.context_length, settings.model.n_layer, settings.model.d_model)
