"""Three tokenizers built with Hugging Face `tokenizers`: characters, words and byte-level BPE.

Every kind maps each token back to its span of the input (characters and UTF-8 bytes) and
gives each token a readable label: pieces of a multi-byte character show as hex bytes,
for example the emoji 😀 split by byte-level BPE reads ⟨F0 9F⟩ ⟨98 80⟩, never as "�".
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

from .files import atomic_write_text
from .messages import QT_TR_NOOP, Message, message_of
from .tokenizer_kinds import (
    BYTE_TOKEN_SET,
    CHAR_TO_BYTE,
    MASK,
    UNKNOWN,
    TokenizerError,
    added_mask_id,
    build,
    join_words,
    readable,
    with_mask,
)


def _encode_guarded(tok: Tokenizer, text: str):
    try:
        return tok.encode(text)
    except BaseException as exc:  # tokenizers' PanicException derives from BaseException
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise TokenizerError(Message(QT_TR_NOOP("the tokenizer could not split this text ({0})"),
                                     f"{type(exc).__name__}: {exc}")) from exc


class TextTokenizer:
    """A `tokenizers.Tokenizer` plus what LM Anatomy needs to show it."""

    def __init__(self, tokenizer: Tokenizer, kind: str | None = None):
        self.tokenizer = tokenizer
        self.kind = kind or self._detect_kind(tokenizer)
        self.vocab_size = tokenizer.get_vocab_size()
        self.mask_id = added_mask_id(tokenizer)  # the blank of a masked-LM model; None for the others
        if self.mask_id is not None:
            tokenizer.encode_special_tokens = True  # "[MASK]" typed as text is split like any text

    @staticmethod
    def _detect_kind(tokenizer: Tokenizer) -> str:
        spec = json.loads(tokenizer.to_str())
        model_type = spec["model"]["type"]
        if model_type == "WordLevel":
            return "word"
        if model_type == "BPE" and spec["model"].get("byte_fallback"):
            return "char"
        if model_type == "BPE" and "ByteLevel" in json.dumps(spec.get("pre_tokenizer")):
            return "bpe"
        raise TokenizerError(Message(QT_TR_NOOP(
            "unsupported tokenizer: model {0} (LM Anatomy reads character, word-level and byte-level BPE tokenizers)"),
            model_type))

    # ---- files -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> TextTokenizer:
        path = Path(path)
        try:
            return cls(Tokenizer.from_file(str(path)))
        except TokenizerError as exc:
            problem = message_of(exc)
        except Exception as exc:
            problem = Message(QT_TR_NOOP("not a readable tokenizer.json ({0})"), str(exc))
        error = TokenizerError(Message("{0}: {1}", path, problem))
        error.problem = problem  # without the path, for a CheckpointError that names the file itself
        raise error from None

    @classmethod
    def from_str(cls, text: str) -> TextTokenizer:
        return cls(Tokenizer.from_str(text))

    def to_str(self) -> str:
        return self.tokenizer.to_str()

    def save(self, path: str | Path) -> None:
        atomic_write_text(path, self.to_str())

    def fingerprint(self) -> str:
        """A short hash of what the ids mean: the kind, every token with its id, and the BPE merges.
        Saved with the weights, it tells when a tokenizer.json from another model is put beside them
        (the same vocabulary size is not enough to mean the same tokens)."""
        spec = json.loads(self.to_str())
        h = hashlib.sha256(self.kind.encode())
        h.update(json.dumps(sorted(self.tokenizer.get_vocab(with_added_tokens=True).items(), key=lambda kv: kv[1]),
                            ensure_ascii=False).encode())
        h.update(json.dumps(spec.get("model", {}).get("merges", []), ensure_ascii=False).encode())
        return h.hexdigest()[:32]

    def with_mask(self) -> TextTokenizer:
        """This tokenizer plus the [MASK] token (the same ids for everything else); self if it has one."""
        return self if self.mask_id is not None else TextTokenizer(with_mask(self.tokenizer), self.kind)

    # ---- training ----------------------------------------------------------------------
    @classmethod
    def train(cls, kind: str, texts: Iterable[str], vocab_size: int) -> TextTokenizer:
        return cls(build(kind, texts, vocab_size), kind)

    # ---- encoding ----------------------------------------------------------------------
    def encode(self, text: str) -> list[int]:
        return _encode_guarded(self.tokenizer, text).ids

    def encode_batch(self, texts: list[str]) -> list[list[int]]:
        try:
            return [e.ids for e in self.tokenizer.encode_batch(texts)]
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            return [self.encode(t) for t in texts]  # find (and name) the text that fails

    def encode_with_spans(self, text: str) -> tuple[list[int], np.ndarray, np.ndarray]:
        """Token ids, character spans [T, 2] and UTF-8 byte spans [T, 2] of each token in `text`."""
        enc = _encode_guarded(self.tokenizer, text)
        ids = enc.ids
        char_spans = np.array(enc.offsets, dtype=np.int64).reshape(-1, 2)
        if self.kind == "word":
            starts = np.cumsum([0] + [len(c.encode("utf-8")) for c in text])  # char index -> byte offset
            byte_spans = starts[char_spans] if len(ids) else np.zeros((0, 2), np.int64)
        else:  # every token stands for exact bytes, and together they spell the text
            lengths = np.array([len(self.token_bytes(i)) for i in ids], dtype=np.int64)
            ends = np.cumsum(lengths)
            byte_spans = np.stack([ends - lengths, ends], axis=1) if len(ids) else np.zeros((0, 2), np.int64)
        return ids, char_spans, byte_spans.astype(np.int64)

    def decode(self, ids: Iterable[int]) -> str:
        ids = [int(i) for i in ids]
        if self.kind == "word":
            return join_words([self.tokenizer.id_to_token(i) or UNKNOWN for i in ids])
        return self.tokenizer.decode(ids, skip_special_tokens=False)

    # ---- what tokens stand for ---------------------------------------------------------
    @cached_property
    def _id_to_bytes(self) -> list[bytes]:
        table = []
        for i in range(self.vocab_size):
            piece = self.tokenizer.id_to_token(i) or ""
            if i == self.mask_id:
                table.append(b"")  # the blank stands for no text
            elif self.kind == "bpe":
                table.append(bytes(CHAR_TO_BYTE.get(c, 0) for c in piece))
            elif self.kind == "char" and piece in BYTE_TOKEN_SET:
                table.append(bytes([int(piece[3:5], 16)]))
            elif self.kind == "word" and piece == UNKNOWN:
                table.append(b"")
            else:
                table.append(piece.encode("utf-8"))
        return table

    def token_bytes(self, token_id: int) -> bytes:
        """The exact bytes a token stands for (empty for the word tokenizer's unknown token and for [MASK])."""
        return self._id_to_bytes[int(token_id)]

    def label(self, token_id: int) -> str:
        """A readable label: the token's text, with stray bytes of a split character as ⟨XX⟩."""
        if self.kind == "word":
            return self.tokenizer.id_to_token(int(token_id)) or UNKNOWN
        if token_id == self.mask_id:
            return MASK
        return readable(self.token_bytes(token_id))

    @cached_property
    def labels(self) -> list[str]:
        return [self.label(i) for i in range(self.vocab_size)]

    def is_unknown(self, token_id: int) -> bool:
        return self.kind == "word" and self.tokenizer.id_to_token(int(token_id)) == UNKNOWN

    # ---- BPE, step by step -------------------------------------------------------------
    @cached_property
    def _merge_ranks(self) -> dict[tuple[str, str], int]:
        merges = json.loads(self.tokenizer.to_str())["model"].get("merges", [])
        pairs = [tuple(m.split(" ", 1)) if isinstance(m, str) else tuple(m) for m in merges]
        return {pair: rank for rank, pair in enumerate(pairs)}

    def bpe_merge_steps(self, word: str) -> list[list[str]]:
        """The states BPE passes through for `word`: raw bytes first, final tokens last.

        Each state is a list of readable token labels. Only for the byte-level BPE tokenizer.
        """
        if self.kind != "bpe":
            raise TokenizerError(Message(QT_TR_NOOP("merge steps exist only for the byte-level BPE tokenizer")))
        ranks = self._merge_ranks
        pieces = [p for p, _ in self.tokenizer.pre_tokenizer.pre_tokenize_str(word)]
        parts = [list(piece) for piece in pieces]  # byte-level characters, one per byte

        def state() -> list[str]:
            return [readable(bytes(CHAR_TO_BYTE[c] for c in tok)) for part in parts for tok in part]

        states = [state()]
        while True:
            best = None  # (rank, part index, position)
            for pi, part in enumerate(parts):
                for j in range(len(part) - 1):
                    rank = ranks.get((part[j], part[j + 1]))
                    if rank is not None and (best is None or rank < best[0]):
                        best = (rank, pi, j)
            if best is None:
                return states
            _, pi, j = best
            part = parts[pi]
            part[j : j + 2] = [part[j] + part[j + 1]]
            states.append(state())
