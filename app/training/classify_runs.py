"""Classification fine-tunes kept as runs (kind "classify") in the run store.

    runs/<id>/run.json        settings, labels, status, step, held-out accuracy (written last)
              metrics.csv     step, train_loss, accuracy (one row a logged step)
              confusion.csv   the last held-out confusion matrix: rows true label, columns predicted
              examples.csv    the labelled rows it learned from (text,label,split)
              checkpoint/     the fine-tuned transformer: a model folder the explorer opens, plus
                              head.safetensors (the label head), untrained_head.safetensors (the head
                              before fine-tuning, for "before / after") and classifier.json (labels)

The worker saves a run when a fine-tune finishes or is stopped, on its own thread. run.json is
written last, so a crash mid-save leaves a folder RunStore.runs() skips. The model folder is
written by model.checkpoint.save_model (built beside its target, then swapped in); nothing is
pickled. torch is imported inside the functions that need it (this module is imported by the GUI).
"""
from __future__ import annotations

import csv
import json
import math
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .runs import Run, RunStore

KIND = "classify"
COLUMNS = ("step", "train_loss", "accuracy", "elapsed")
HEAD, UNTRAINED_HEAD, CLASSIFIER = "head.safetensors", "untrained_head.safetensors", "classifier.json"


def metric_rows(records) -> list[list]:
    """One row a step from ClassifyMetrics records. A stop record at a logged step adds the accuracy
    it measured without wiping that step's loss."""
    rows: dict[int, list] = {}
    for r in records:
        row = rows.setdefault(r.step, [r.step, None, None, None])
        if math.isfinite(r.train_loss):
            row[1] = float(r.train_loss)
        if r.accuracy is not None:
            row[2] = float(r.accuracy)
        row[3] = float(r.elapsed)
    return [rows[s] for s in sorted(rows) if rows[s][1] is not None or rows[s][2] is not None]


def save_classify_run(store: RunStore, name: str, settings: dict, labels: list[str], records: list, classifier,
                      untrained_head: dict, tokenizer, data, event: str, message: str) -> Run:
    """Write a finished (or stopped) classification fine-tune as a run; returns it."""
    from safetensors.torch import save as safetensors_bytes

    from model.checkpoint import save_model, state_for_saving
    from model.labelled import write_labelled_csv

    folder = store.new_folder(name)
    try:
        run = Run(folder)
        step = max((r.step for r in records), default=0)
        description = json.dumps({"labels": labels, "pooling": "mean"}, indent=2) + "\n"
        untrained = {k: v.detach().cpu().contiguous() for k, v in untrained_head.items()}
        save_model(run.checkpoint, classifier.body, tokenizer, {"classify": {"labels": labels, "step": step, **settings}},
                   extra_files={HEAD: safetensors_bytes(state_for_saving(classifier.head)),
                                UNTRAINED_HEAD: safetensors_bytes(untrained), CLASSIFIER: description.encode()})
        run.write_metrics(COLUMNS, metric_rows(records))
        confusion = next((r.confusion for r in reversed(records) if r.confusion is not None), None)
        accuracy = next((r.accuracy for r in reversed(records) if r.accuracy is not None), None)
        if confusion is not None:
            write_confusion(folder / "confusion.csv", labels, confusion)
        write_labelled_csv(folder / "examples.csv", data)
        run.info = {"name": name, "kind": KIND, "created": time.time(), "settings": settings, "labels": labels,
                    "step": step, "status": "done" if event == "done" else "stopped", "accuracy": accuracy,
                    "message": message}
        run.update()  # run.json last: now the store lists it
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # no half-written run left behind
        raise
    return run


def write_confusion(path: Path, labels: list[str], matrix: np.ndarray) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["true \\ predicted", *labels])
        for label, row in zip(labels, np.asarray(matrix)):
            w.writerow([label, *(int(v) for v in row)])


def read_confusion(run: Run) -> np.ndarray | None:
    """The saved confusion matrix, (L, L) int64, or None when the run has none (or it is unreadable)."""
    try:
        with open(run.folder / "confusion.csv", newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))[1:]
        return np.array([[int(v) for v in row[1:]] for row in rows], dtype=np.int64).reshape(len(rows), -1)
    except (OSError, ValueError):
        return None


def read_head(path: Path) -> dict:
    """A head's tensors (safetensors only: a pickle is refused unopened)."""
    from model.checkpoint import read_safetensors

    return read_safetensors(path)


@dataclass
class SavedClassifier:
    labels: list[str]
    tokenizer: object  # model.tokenizer.TextTokenizer
    tuned: object  # model.classify.Classifier, fine-tuned
    untrained: object | None  # the base model with the untrained head; None when the base folder is gone


def load_classifier(run: Run) -> SavedClassifier:
    """The run's fine-tuned classifier and, when its base model still exists, the one it started as.
    Runs on a worker thread (imports torch); raises CheckpointError naming a bad file."""
    from model.checkpoint import CheckpointError, load_model, load_state_into
    from model.classify import Classifier
    from model.messages import QT_TR_NOOP, Message

    folder = run.checkpoint
    try:
        labels = list(json.loads((folder / CLASSIFIER).read_text(encoding="utf-8"))["labels"])
    except (OSError, ValueError, KeyError) as exc:
        raise CheckpointError(folder / CLASSIFIER, Message(QT_TR_NOOP("unreadable ({0})"), str(exc))) from None
    loaded = load_model(folder)
    tuned = Classifier(loaded.model, len(labels))
    load_state_into(tuned.head, read_head(folder / HEAD), folder / HEAD)
    untrained = None
    base = run.info.get("settings", {}).get("base_model")
    if base and (Path(base) / "model.safetensors").exists():
        try:
            untrained = Classifier(load_model(base).model, len(labels))
            load_state_into(untrained.head, read_head(folder / UNTRAINED_HEAD), folder / UNTRAINED_HEAD)
        except CheckpointError:  # the base changed since (or broke): no "before", the tuned model still works
            untrained = None
    return SavedClassifier(labels, loaded.tokenizer, tuned.eval(), untrained.eval() if untrained else None)
