"""Corpora: read text files, split whole documents into train/validation, tokenize once (cached)."""
from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from . import tokenizer_kinds as _tokenizers
from .files import atomic_write
from .messages import QT_TR_NOOP, Message, joined
from .tokenizer import TextTokenizer
from .tokenizer_kinds import chunks

TEXT_SUFFIXES = {".txt", ".text"}
# Larger files are capped (and the user told). Tokenizing is streamed in pieces of CHUNK_CHARS, so
# memory grows with the text itself (about 3 bytes of memory per byte of English text at the peak;
# docs/BENCHMARKS.md, corpus memory), not with the tokenizer's working data.
MAX_FILE_BYTES = 1024 * 1024 * 1024


class CorpusError(Exception):
    """No usable text was found."""


@dataclass
class Document:
    name: str
    text: str


@dataclass
class Corpus:
    documents: list[Document]
    notices: list[str] = field(default_factory=list)  # what was skipped or repaired, for the user

    @property
    def n_chars(self) -> int:
        return sum(len(d.text) for d in self.documents)


def _first_nul(data: bytes) -> int:
    """Where the first NUL byte is, or -1. Text files never contain one (git's rule), anywhere."""
    return data.find(b"\x00")


def utf8_length(text: str) -> int:
    """len(text.encode()) without a second copy of a large text."""
    return sum(len(part.encode("utf-8", errors="surrogatepass")) for part in chunks(text))


def read_corpus(paths: list[str | os.PathLike]) -> Corpus:
    """Read text files, or every text file under folders. Never raises on one bad file:
    empty and binary files are skipped, invalid UTF-8 is replaced; all of it is noted."""
    files: list[Path] = []
    notices: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES))
        elif p.is_file():
            files.append(p)
        else:
            notices.append(Message(QT_TR_NOOP("{0}: not found, skipped"), str(p)))
    docs = []
    for f in files:
        try:
            with open(f, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            notices.append(Message(QT_TR_NOOP("{0}: could not be read ({1}), skipped"), str(f), str(exc.strerror)))
            continue
        if len(data) > MAX_FILE_BYTES:
            data = data[:MAX_FILE_BYTES]
            notices.append(Message(QT_TR_NOOP("{0}: larger than {1} MB, only the first part is used"), f.name,
                                   MAX_FILE_BYTES // 2**20))
        if not data or data.isspace():
            notices.append(Message(QT_TR_NOOP("{0}: empty, skipped"), f.name))
            continue
        nul = _first_nul(data)
        if nul >= 0:
            where = "" if nul < 8192 else Message(QT_TR_NOOP(" (a NUL byte at byte {0:,})"), nul)
            notices.append(Message(QT_TR_NOOP("{0}: looks like a binary file, not text{1}; skipped (text files have no "
                                              "NUL bytes: remove them to use this file)"), f.name, where))
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", errors="replace")
            bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
            if bad:
                notices.append(Message(QT_TR_NOOP("{0}: {1} bytes were not valid UTF-8 and were replaced with {2}"),
                                       f.name, bad, "\ufffd"))
        data = b""  # the text is all that is kept
        if "\r\n" in text:
            text = text.replace("\r\n", "\n")
        docs.append(Document(f.stem, text))
    if not docs:
        if notices:
            raise CorpusError(Message(QT_TR_NOOP("no usable text found: {0}"), joined(*notices, separator="; ")))
        raise CorpusError(Message(QT_TR_NOOP("no usable text found")))
    return Corpus(docs, notices)


def split_documents(
    corpus: Corpus, val_names: list[str] | None = None, val_fraction: float = 0.1, seed: int = 0
) -> tuple[list[Document], list[Document]]:
    """Hold out whole documents (a whole play, never random lines) for validation.

    With `val_names`, those documents; otherwise a repeatable choice of about `val_fraction`
    of the text. A single document is split at 90% of its length instead.
    """
    docs = corpus.documents
    if val_names:
        missing = set(val_names) - {d.name for d in docs}
        if missing:
            raise CorpusError(Message(QT_TR_NOOP("validation documents not in the corpus: {0}"), str(sorted(missing))))
        return [d for d in docs if d.name not in val_names], [d for d in docs if d.name in val_names]
    if len(docs) == 1:
        d = docs[0]
        cut = int(len(d.text) * (1 - val_fraction))
        return [Document(d.name, d.text[:cut])], [Document(d.name + " (last part)", d.text[cut:])]
    ranked = sorted(docs, key=lambda d: zlib.crc32(f"{seed}:{d.name}".encode()))
    target, val = val_fraction * corpus.n_chars, []
    for d in ranked:
        if val and sum(len(v.text) for v in val) + len(d.text) > target * 1.5:
            continue
        val.append(d)
        if sum(len(v.text) for v in val) >= target or len(val) == len(docs) - 1:
            break
    names = {d.name for d in val}
    return [d for d in docs if d.name not in names], [d for d in docs if d.name in names]


def id_dtype(vocab_size: int) -> np.dtype:
    """The smallest unsigned integer type that holds every id."""
    return np.dtype(np.uint16) if vocab_size <= 65536 else np.dtype(np.uint32)


def _pieces(docs: list[Document]) -> Iterator[str]:
    """Every document in tokenizable pieces, each document ending with a line break."""
    for d in docs:
        previous = None
        for piece in chunks(d.text):
            if previous is not None:
                yield previous
            previous = piece
        if previous is not None:
            yield previous if previous.endswith("\n") else previous + "\n"


def _cache_key(tokenizer: TextTokenizer, docs: list[Document]) -> str:
    key = hashlib.sha256(tokenizer.to_str().encode())
    for d in docs:
        h = hashlib.sha256()
        for part in chunks(d.text):
            h.update(part.encode("utf-8", errors="surrogatepass"))
        if not d.text.endswith("\n"):
            h.update(b"\n")
        key.update(h.digest())
    return key.hexdigest()[:24]


def tokenize_documents(
    tokenizer: TextTokenizer, docs: list[Document], cache_dir: str | os.PathLike | None = None,
    batch_chars: int | None = None,
) -> np.ndarray:
    """All documents' token ids, concatenated (each document ends with a line break), as uint16
    (uint32 for vocabularies over 65,536). Cached on disk by a hash of the tokenizer and the texts,
    so a corpus is tokenized once.

    Streamed: the text is encoded a few pieces at a time (see chunks) and each batch's ids are
    kept as a small array, so memory holds the text and the ids, never the tokenizer's per-token
    objects for the whole text."""
    cache_file = Path(cache_dir) / f"tokens-{_cache_key(tokenizer, docs)}.npy" if cache_dir else None
    if cache_file is not None and cache_file.exists():
        try:
            return np.load(cache_file, allow_pickle=False)
        except (OSError, ValueError):
            pass  # a damaged cache is rebuilt
    dtype = id_dtype(tokenizer.vocab_size)
    batch_chars = batch_chars or 8 * _tokenizers.CHUNK_CHARS
    parts: list[np.ndarray] = []
    batch: list[str] = []
    size = 0

    def flush() -> None:
        if batch:
            parts.extend(np.asarray(ids, dtype=dtype) for ids in tokenizer.encode_batch(batch))
            batch.clear()

    for piece in _pieces(docs):
        batch.append(piece)
        size += len(piece)
        if size >= batch_chars:
            flush()
            size = 0
    flush()
    total = sum(len(p) for p in parts)
    ids = np.empty(total, dtype)  # pages are touched as they are filled, while the parts are freed
    at = 0
    parts.reverse()
    while parts:
        part = parts.pop()
        ids[at : at + len(part)] = part
        at += len(part)
    if cache_file is not None:
        _save_array_atomically(cache_file, ids)
    return ids


def _save_array_atomically(path: Path, array: np.ndarray) -> None:
    """np.save straight into a temporary file beside `path`, then rename (no second copy in memory)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, lambda fh: np.save(fh, array, allow_pickle=False))
    except OSError:
        return  # the cache is only a speed-up


def sample_batch(ids: np.ndarray, batch_size: int, block: int, generator: torch.Generator):
    """Random windows of `block` tokens: inputs x and targets y (x shifted by one). (B, T) each."""
    if len(ids) < block + 1:
        raise CorpusError(Message(QT_TR_NOOP("the text has {0} tokens, fewer than one training window of {1}"),
                                  len(ids), block + 1))
    starts = torch.randint(0, len(ids) - block, (batch_size,), generator=generator).numpy()
    rows = np.stack([ids[s : s + block + 1] for s in starts]).astype(np.int64)
    rows = torch.from_numpy(rows)
    return rows[:, :-1], rows[:, 1:]
