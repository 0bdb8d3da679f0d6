"""How each kind of tokenizer is built, and the byte-level pieces they share: the cuts that keep a
large text's tokens the same in pieces, characters (with 256 byte tokens), words, byte-level BPE;
GPT-2's byte-to-character map and readable labels for split UTF-8 (⟨F0 9F⟩). No torch.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers, trainers

from .messages import QT_TR_NOOP, Message

KINDS = ("char", "word", "bpe")
KIND_NAMES = {"char": "characters", "word": "words", "bpe": "byte-level BPE (sub-words)"}
UNKNOWN = "[UNK]"
# The blank of a masked-LM model (BERT): an added special token, last in the vocabulary. It stands for no
# text and is never produced by encoding text: the string "[MASK]" typed in a prompt is ordinary text.
MASK = "[MASK]"
BYTE_TOKENS = [f"<0x{i:02X}>" for i in range(256)]
CHUNK_CHARS = 1 << 20  # large texts are trained on and tokenized in pieces of about this many characters
# Where a text can be cut without changing how any of the three tokenizers splits it: between a
# word character and a line break or space that is followed by a word character again. Each side
# then ends and starts a pre-token in the whole text as well (tests/test_faults_corpus.py checks).
_SAFE_CUT = re.compile(r"(?<=\w)\n(?=\w)|(?<=\w)(?= \w)")


def chunks(text: str, size: int | None = None) -> Iterator[str]:
    """`text` in pieces of about `size` (default CHUNK_CHARS) characters, cut only where tokenizing
    the pieces one by one gives the same ids as tokenizing the whole (see _SAFE_CUT). A text with no
    such place in a stretch comes as one longer piece."""
    size = size or CHUNK_CHARS
    start = 0
    while len(text) - start > size:
        cut = _SAFE_CUT.search(text, start + size)
        if cut is None:
            break
        end = cut.start() + (1 if text[cut.start()] == "\n" else 0)
        yield text[start:end]
        start = end
    if start < len(text):
        yield text[start:] if start else text


class TokenizerError(Exception):
    """A tokenizer file could not be used, or a text could not be tokenized."""


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2's reversible map from bytes to printable characters (used by ByteLevel)."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, (chr(c) for c in cs)))


BYTE_TO_CHAR = _bytes_to_unicode()
CHAR_TO_BYTE = {c: b for b, c in BYTE_TO_CHAR.items()}


def readable(data: bytes) -> str:
    """UTF-8 text where it is whole; any stray bytes of a split character as ⟨XX YY⟩."""
    out, stray = [], []
    for ch in data.decode("utf-8", errors="surrogateescape"):
        if "\udc80" <= ch <= "\udcff":
            stray.append(f"{ord(ch) - 0xDC00:02X}")
            continue
        if stray:
            out.append("⟨" + " ".join(stray) + "⟩")
            stray = []
        out.append(ch)
    if stray:
        out.append("⟨" + " ".join(stray) + "⟩")
    return "".join(out)


def build(kind: str, texts: Iterable[str], vocab_size: int) -> Tokenizer:
    """A `tokenizers.Tokenizer` of `kind` trained on `texts` (cut into pieces: bounded memory)."""
    if kind not in KINDS:
        raise TokenizerError(Message(QT_TR_NOOP("tokenizer kind must be one of {0}, not {1}"), str(KINDS), repr(kind)))
    texts = (piece for text in texts for piece in chunks(text))
    if kind == "char":
        return _char_tokenizer(texts, vocab_size)
    if kind == "word":
        tok = Tokenizer(models.WordLevel(unk_token=UNKNOWN))
        tok.pre_tokenizer = _word_pre_tokenizer()
        trainer = trainers.WordLevelTrainer(vocab_size=vocab_size, special_tokens=[UNKNOWN], show_progress=False)
    else:
        if vocab_size < 256:
            raise TokenizerError(Message(QT_TR_NOOP(
                "a byte-level BPE vocabulary needs at least 256 tokens (one per byte)")))
        tok = Tokenizer(models.BPE())
        tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
        tok.decoder = decoders.ByteLevel()
        trainer = trainers.BpeTrainer(
            vocab_size=vocab_size, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False
        )
    tok.train_from_iterator(texts, trainer)
    return tok


BYTE_TOKEN_SET = frozenset(BYTE_TOKENS)


def added_mask_id(tok: Tokenizer) -> int | None:
    """The id of the added [MASK] token, or None (a piece of text spelled "[MASK]" does not count)."""
    return next((i for i, added in tok.get_added_tokens_decoder().items() if added.content == MASK), None)


def with_mask(tok: Tokenizer) -> Tokenizer:
    """A copy of `tok` with [MASK] added as a special token (the next free id); unchanged if it has one."""
    copy = Tokenizer.from_str(tok.to_str())
    if added_mask_id(copy) is None:
        copy.add_special_tokens([AddedToken(MASK, special=True, normalized=False)])
    return copy


def _char_tokenizer(texts: Iterable[str], vocab_size: int) -> Tokenizer:
    """Characters as tokens: the most frequent characters, plus 256 byte tokens so that any
    other character (an emoji, say) is still spelled exactly, byte by byte (Llama's byte fallback)."""
    if vocab_size <= 256:
        raise TokenizerError(Message(QT_TR_NOOP(
            "a character vocabulary needs more than 256 tokens (256 are reserved for raw bytes)")))
    counts = Counter()
    for text in texts:
        counts.update(text)
    vocab = {tok: i for i, tok in enumerate(BYTE_TOKENS)}
    for ch, _ in counts.most_common(vocab_size - 256):
        vocab.setdefault(ch, len(vocab))
    tok = Tokenizer(models.BPE(vocab=vocab, merges=[], byte_fallback=True))
    tok.decoder = decoders.Sequence([decoders.ByteFallback(), decoders.Fuse()])
    return tok


def _word_pre_tokenizer():
    # Spaces and tabs separate words and are dropped; words, single punctuation marks and
    # line breaks become tokens.
    return pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(r"[ \t]+"), behavior="removed"),
            pre_tokenizers.Split(Regex(r"\w+|[^\w\s]|\s"), behavior="isolated"),
        ]
    )


_NO_SPACE_BEFORE = set(".,;:!?)]}'\n")


def join_words(tokens: list[str]) -> str:
    out: list[str] = []
    for tok in tokens:
        if out and out[-1] != "\n" and tok not in _NO_SPACE_BEFORE and out[-1] not in "([{'":
            out.append(" ")
        out.append(tok)
    return "".join(out)
