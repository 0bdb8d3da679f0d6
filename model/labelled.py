"""Labelled sentences for classification: a CSV with text,label[,split]. No torch needed.

Bad rows are skipped and reported with their line number; one bad row never stops an import.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .messages import QT_TR_NOOP, Message, joined


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


COLUMNS = ("text", "label", "split")
REQUIRED = ("text", "label")


def _header_columns(row: list[str]) -> dict[str, int | None] | None:
    """The column of each name if `row` is a header (it names at least one of our columns), else None.
    Raises LabelledDataError when it is a header without text and label columns."""
    lowered = [c.strip().lower() for c in row]
    if not any(name in lowered for name in COLUMNS):
        return None
    missing = [name for name in REQUIRED if name not in lowered]
    if missing:
        raise LabelledDataError(Message(QT_TR_NOOP(
            "the header row ({0}) has no {1} column; name the columns text,label (and optionally split)"),
            ", ".join(c.strip() for c in row), " and no ".join(missing)))
    return {name: (lowered.index(name) if name in lowered else None) for name in COLUMNS}


def _looks_like_unknown_header(rows: list[list[str]]) -> bool:
    """A first row whose label appears nowhere else while every other label repeats: a header with names
    we do not know (review,sentiment), which read as data would become an example with its own label."""
    if len(rows) < 5 or len(rows[0]) < 2:
        return False
    first = rows[0][1].strip()
    counts: dict[str, int] = {}
    for row in rows[1:]:
        if len(row) > 1 and row[1].strip():
            counts[row[1].strip()] = counts.get(row[1].strip(), 0) + 1
    return first not in counts and len(counts) >= 2 and min(counts.values()) >= 2


def parse_labelled_csv(text: str) -> LabelledSet:
    """CSV with columns text,label and optionally split (train/test), in any order when a header row
    names them. Without a header, the first two columns are text and label. A header that names some
    of our columns but not text and label is refused (saying which are missing), and so is a first row
    that is clearly a header of other names. Bad rows are skipped and reported with their line number."""
    out = LabelledSet([], [], [])
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
    columns: dict[str, int | None] = {"text": 0, "label": 1, "split": None}
    first = True
    peek: list[list[str]] = []
    for row in reader:
        line = reader.line_num
        if first:
            first = False
            header = _header_columns(row)
            if header is not None:
                columns = header
                continue
            peek_reader = csv.reader(io.StringIO(text.replace("\r\n", "\n")))
            peek = [r for _, r in zip(range(200), peek_reader) if r and any(c.strip() for c in r)]
            if _looks_like_unknown_header(peek):
                raise LabelledDataError(Message(QT_TR_NOOP(
                    "the first row ({0}) looks like a header, but it names no text or label column; name the "
                    "columns text,label (and optionally split)"), ", ".join(c.strip() for c in row)))
        if not row or not any(c.strip() for c in row):
            continue  # blank lines are not errors
        if len(row) <= max(columns["text"], columns["label"]):
            out.problems.append(Message(QT_TR_NOOP("line {0}: expected text and label separated by a comma; skipped"),
                                        line))
            continue
        text_value = row[columns["text"]].strip() if columns["text"] < len(row) else ""
        label = row[columns["label"]].strip() if columns["label"] < len(row) else ""
        split = row[columns["split"]].strip().lower() if columns["split"] is not None and columns["split"] < len(row) else ""
        if not text_value:
            out.problems.append(Message(QT_TR_NOOP("line {0}: the text is empty; skipped"), line))
            continue
        if not label:
            out.problems.append(Message(QT_TR_NOOP("line {0}: no label; skipped"), line))
            continue
        if split not in ("", "train", "test"):
            out.problems.append(Message(QT_TR_NOOP("line {0}: split must be train or test, not {1}; skipped"),
                                        line, repr(split)))
            continue
        out.texts.append(text_value)
        out.labels.append(label)
        out.splits.append(split or "train")
    if not out.texts:
        if out.problems:
            raise LabelledDataError(Message(QT_TR_NOOP("no usable rows: {0}"),
                                            joined(*out.problems[:5], separator="; ")))
        raise LabelledDataError(Message(QT_TR_NOOP("no usable rows")))
    return out


_BOMS = [(b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")]


def decode_csv_bytes(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of a CSV file: UTF-8 (with or without a byte order mark), UTF-16 or UTF-32 with a byte
    order mark, or UTF-16 without one; anything else holding NUL bytes is refused. Also returns notes."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return body.decode(encoding.replace("-sig", "")), []
            except UnicodeDecodeError:
                raise LabelledDataError(Message(QT_TR_NOOP(
                    "{0} starts with a {1} byte order mark but is not valid in that encoding; save it as UTF-8 CSV"),
                    name, encoding.upper().replace("-SIG", ""))) from None
    if b"\x00" in data:
        even, odd = data[0::2], data[1::2]
        guess = "utf-16-le" if odd.count(0) > 0.9 * len(odd) else "utf-16-be" if even.count(0) > 0.9 * len(even) else None
        if guess and len(data) % 2 == 0:
            try:
                text = data.decode(guess)
                if "\x00" not in text:
                    return text, []
            except UnicodeDecodeError:
                pass
        raise LabelledDataError(Message(QT_TR_NOOP(
            "{0} holds NUL bytes: it is not a UTF-8 text file (a spreadsheet, or text in another encoding?); save it "
            "as CSV UTF-8"), name))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    replaced = Message(QT_TR_NOOP("{0}: {1} bytes were not valid UTF-8 and were replaced"), name, bad)
    return text, ([replaced] if bad else [])


def read_labelled_csv(path: str | Path) -> LabelledSet:
    data = Path(path).read_bytes()
    text, notes = decode_csv_bytes(data, Path(path).name)
    result = parse_labelled_csv(text)
    result.problems[:0] = notes
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
