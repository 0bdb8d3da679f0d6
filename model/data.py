"""Corpora: read text files, split whole documents into train/validation, tokenize once (cached)."""
from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from .files import atomic_write_bytes
from .tokenizer import TextTokenizer

TEXT_SUFFIXES = {".txt", ".text"}
MAX_FILE_BYTES = 200 * 1024 * 1024  # larger files are capped (and the user told)


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


def _looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:8192]  # git's rule: text files do not contain NUL bytes


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
            notices.append(f"{p}: not found, skipped")
    docs = []
    for f in files:
        try:
            with open(f, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            notices.append(f"{f}: could not be read ({exc.strerror}), skipped")
            continue
        if len(data) > MAX_FILE_BYTES:
            data = data[:MAX_FILE_BYTES]
            notices.append(f"{f.name}: larger than {MAX_FILE_BYTES // 2**20} MB, only the first part is used")
        if not data.strip():
            notices.append(f"{f.name}: empty, skipped")
            continue
        if _looks_binary(data):
            notices.append(f"{f.name}: looks like a binary file, not text; skipped")
            continue
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        if bad:
            notices.append(f"{f.name}: {bad} bytes were not valid UTF-8 and were replaced with \ufffd")
        docs.append(Document(f.stem, text.replace("\r\n", "\n")))
    if not docs:
        raise CorpusError("no usable text found" + (": " + "; ".join(notices) if notices else ""))
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
            raise CorpusError(f"validation documents not in the corpus: {sorted(missing)}")
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


def tokenize_documents(
    tokenizer: TextTokenizer, docs: list[Document], cache_dir: str | os.PathLike | None = None
) -> np.ndarray:
    """All documents' token ids, concatenated (each document ends with a line break). Cached on
    disk by a hash of the tokenizer and the texts, so a corpus is tokenized once."""
    texts = [d.text if d.text.endswith("\n") else d.text + "\n" for d in docs]
    key = hashlib.sha256(tokenizer.to_str().encode())
    for t in texts:
        key.update(hashlib.sha256(t.encode("utf-8", errors="surrogatepass")).digest())
    cache_file = Path(cache_dir) / f"tokens-{key.hexdigest()[:24]}.npy" if cache_dir else None
    if cache_file is not None and cache_file.exists():
        try:
            return np.load(cache_file, allow_pickle=False)
        except (OSError, ValueError):
            pass  # a damaged cache is rebuilt
    dtype = np.uint16 if tokenizer.vocab_size <= 65535 else np.int32
    parts = [np.asarray(ids, dtype=dtype) for ids in tokenizer.encode_batch(texts)]
    ids = np.concatenate(parts) if parts else np.zeros(0, dtype)
    if cache_file is not None:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        import io

        buf = io.BytesIO()
        np.save(buf, ids, allow_pickle=False)
        atomic_write_bytes(cache_file, buf.getvalue())
    return ids


def sample_batch(ids: np.ndarray, batch_size: int, block: int, generator: torch.Generator):
    """Random windows of `block` tokens: inputs x and targets y (x shifted by one). (B, T) each."""
    if len(ids) < block + 1:
        raise CorpusError(f"the text has {len(ids)} tokens, fewer than one training window of {block + 1}")
    starts = torch.randint(0, len(ids) - block, (batch_size,), generator=generator).numpy()
    rows = np.stack([ids[s : s + block + 1] for s in starts]).astype(np.int64)
    rows = torch.from_numpy(rows)
    return rows[:, :-1], rows[:, 1:]
