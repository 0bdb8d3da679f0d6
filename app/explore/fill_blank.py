"""The Fill the blank stage's work, on a worker thread: load the two models it compares, split the
prompt into the masked model's tokens and guess every hidden one with both models (model.fill_blank).

The masked model is the open one when it is masked, else the shipped shakespeare-bpe-masked. The causal
model is the open one when it is causal and numbers its tokens as the masked model does (the same
tokenizer, plus [MASK]); otherwise the shipped shakespeare-bpe. Models stay loaded between jobs; only
the worker thread touches them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.i18n import tr, translated
from model.paths import default_model_dir, masked_model_dir

_loaded: dict[str, tuple[float, object]] = {}  # folder -> (weights' mtime, LoadedModel); worker thread only
_same_ids: dict[tuple, bool] = {}  # (tokenizer file, mtime, the masked model's tokenizer file, mtime) -> answer


@dataclass
class Guesses:
    """One model's guesses for one blank: labels and probabilities, best first."""

    labels: list[str]
    probs: list[float]
    answer_prob: float
    answer_rank: int


@dataclass
class FillResult:
    text: str  # the prompt window that was split
    labels: list[str]  # the masked model's tokens of it, readable
    ids: list[int]
    blanks: list[int]  # hidden positions, ascending
    masked: dict[int, Guesses] = field(default_factory=dict)  # position -> the masked model's guesses
    causal: dict[int, Guesses | None] = field(default_factory=dict)  # None: nothing to the left
    masked_name: str = ""
    causal_name: str = ""
    message: str = ""  # why nothing could be guessed (a model missing), for the panel
    suggested: bool = False  # the one blank is an example chosen here, not by the user


MIN_EXAMPLE_LETTERS = 3


def example_blank(labels: list[str]) -> int | None:
    """A blank worth showing before the user picks one, with tokens on both sides (so the masked model
    has a right side to read): the longest whole word (a space, at least three letters, no letter right
    after it), else the longest token of letters (a character-level tokenizer has no whole words); the
    later of equals. None when no token has letters."""
    def score(i: int) -> tuple[int, int]:
        word, after = labels[i].removeprefix(" "), labels[i + 1][:1]
        if not word.isalpha():
            return (0, 0)
        whole = labels[i].startswith(" ") and len(word) >= MIN_EXAMPLE_LETTERS and not after.isalpha()
        return (2 if whole else 1, len(word))

    best = max(range(1, len(labels) - 1), key=lambda i: (score(i), i), default=None)
    return best if best is not None and score(best)[0] else None


def _load(folder: str):
    from model.checkpoint import load_model

    path = Path(folder)
    stamp = (path / "model.safetensors").stat().st_mtime if (path / "model.safetensors").exists() else 0.0
    cached = _loaded.get(str(path))
    if cached is None or cached[0] != stamp:
        if len(_loaded) >= 3:
            _loaded.pop(next(iter(_loaded)))
        _loaded[str(path)] = (stamp, load_model(path))
    return _loaded[str(path)][1]


def _shares_ids(folder: str, masked, masked_folder: str) -> bool:
    """Does the model in `folder` number tokens as the masked model does (its tokenizer, less [MASK])?
    Remembered per tokenizer file and masked model: reading and fingerprinting the file took 12 ms of
    every keystroke's guesses."""
    from model.tokenizer import TextTokenizer

    path, masked_path = Path(folder) / "tokenizer.json", Path(masked_folder) / "tokenizer.json"
    try:
        key = (str(path), path.stat().st_mtime, str(masked_path), masked_path.stat().st_mtime)
        if key not in _same_ids:
            _same_ids[key] = TextTokenizer.load(path).with_mask().fingerprint() == masked.tokenizer.fingerprint()
    except Exception:  # a GPT-2 folder, an unreadable file: not the same tokens
        return False
    return _same_ids[key]


def _guesses(guess, labels: list[str]) -> Guesses:
    return Guesses([labels[int(i)] for i in guess.top_ids], [float(p) for p in guess.top_probs],
                   guess.answer_prob, guess.answer_rank)


def fill_blanks(text: str, blanks: list[int], old_ids: list[int], open_path: str | None,
                open_objective: str | None, suggest: bool = False) -> FillResult:
    """Split `text` with the masked model's tokenizer; keep the blanks whose token is unchanged from
    `old_ids`; guess each with both models. suggest: with no blanks, hide an example_blank."""
    from model.checkpoint import CheckpointError
    from model.fill_blank import causal_guesses, masked_guesses
    from model.tracing import window_text

    masked_path = open_path if open_objective == "masked" else str(masked_model_dir())
    try:
        masked = _load(masked_path)
    except CheckpointError as exc:
        return FillResult(text, [], [], [], message=tr("The fill-in-blanks model could not be opened: {0}").format(
            translated(exc)))
    tok = masked.tokenizer
    window, ids, *_ = window_text(tok, text, masked.config.context_length)
    kept = sorted(b for b in set(blanks) if b < len(ids) and b < len(old_ids) and ids[b] == old_ids[b])
    example = example_blank([tok.decode([i]) for i in ids]) if suggest and not kept else None
    kept = [example] if example is not None else kept
    same_ids = open_objective == "causal" and open_path and _shares_ids(open_path, masked, masked_path)
    causal_path = open_path if same_ids else str(default_model_dir())
    causal = _load(causal_path)
    result = FillResult(window, [tok.label(i) for i in ids], list(ids), kept,
                        masked_name=Path(masked_path).name, causal_name=Path(causal_path).name,
                        suggested=example is not None)
    if kept:
        labels = tok.labels
        for g in masked_guesses(masked.model, ids, kept, tok.mask_id):
            result.masked[g.position] = _guesses(g, labels)
        for b, g in zip(kept, causal_guesses(causal.model, ids, kept)):
            result.causal[b] = None if g is None else _guesses(g, labels)
    return result
