"""Labelled sentences for classification: a CSV with text,label[,split]. No torch needed.

Bad rows are skipped and reported with their line number; one bad row never stops an import.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np


# ---- labelled data ---------------------------------------------------------------------------
class LabelledDataError(Exception):
    """Nothing usable in a labelled file."""


@dataclass
class LabelledSet:
    texts: list[str]
    labels: list[str]
    splits: list[str]  # "train" or "test" per row ("train" when the file has no split column)
    problems: list[str] = field(default_factory=list)  # "line 7: no label; skipped"

    def label_names(self) -> list[str]:
        return sorted(set(self.labels))

    def part(self, split: str) -> tuple[list[str], list[str]]:
        rows = [(t, l) for t, l, s in zip(self.texts, self.labels, self.splits) if s == split]
        return [t for t, _ in rows], [l for _, l in rows]


def parse_labelled_csv(text: str) -> LabelledSet:
    """CSV with columns text,label and optionally split (train/test). A header row is optional.
    Bad rows are skipped and reported with their line number; never raises for one bad row."""
    out = LabelledSet([], [], [])
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    columns = {"text": 0, "label": 1, "split": None}
    first = True
    for row in reader:
        line = reader.line_num
        if first:
            first = False
            lowered = [c.strip().lower() for c in row]
            if "text" in lowered and "label" in lowered:
                columns = {name: (lowered.index(name) if name in lowered else None) for name in ("text", "label", "split")}
                continue
        if not row or not any(c.strip() for c in row):
            continue  # blank lines are not errors
        if len(row) <= max(columns["text"], columns["label"]):
            out.problems.append(f"line {line}: expected text and label separated by a comma; skipped")
            continue
        text_value = row[columns["text"]].strip() if columns["text"] < len(row) else ""
        label = row[columns["label"]].strip() if columns["label"] < len(row) else ""
        split = row[columns["split"]].strip().lower() if columns["split"] is not None and columns["split"] < len(row) else ""
        if not text_value:
            out.problems.append(f"line {line}: the text is empty; skipped")
            continue
        if not label:
            out.problems.append(f"line {line}: no label; skipped")
            continue
        if split not in ("", "train", "test"):
            out.problems.append(f"line {line}: split must be train or test, not {split!r}; skipped")
            continue
        out.texts.append(text_value)
        out.labels.append(label)
        out.splits.append(split or "train")
    if not out.texts:
        raise LabelledDataError("no usable rows" + (": " + "; ".join(out.problems[:5]) if out.problems else ""))
    return out


def read_labelled_csv(path: str | Path) -> LabelledSet:
    data = Path(path).read_bytes()
    text = data.decode("utf-8-sig", errors="replace")
    result = parse_labelled_csv(text)
    bad = text.count("\ufffd")
    if bad:
        result.problems.insert(0, f"{Path(path).name}: {bad} bytes were not valid UTF-8 and were replaced")
    return result


def write_labelled_csv(path: str | Path, data: LabelledSet) -> None:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["text", "label", "split"])
    for row in zip(data.texts, data.labels, data.splits):
        w.writerow(row)
    Path(path).write_text(buf.getvalue(), encoding="utf-8")


def hold_out(data: LabelledSet, fraction: float = 0.2, seed: int = 0) -> LabelledSet:
    """Mark a repeatable fraction of each label as "test" when the data has no test rows."""
    if "test" in data.splits:
        return data
    rng = np.random.default_rng(seed)
    splits = ["train"] * len(data.texts)
    for label in data.label_names():
        rows = [i for i, l in enumerate(data.labels) if l == label]
        rng.shuffle(rows)
        for i in rows[: max(1, int(len(rows) * fraction))] if len(rows) > 1 else []:
            splits[i] = "test"
    return LabelledSet(list(data.texts), list(data.labels), splits, list(data.problems))
