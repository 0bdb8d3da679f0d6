"""Quick engine-side looks for the training panels, run on their aux workers: a corpus, what a
tokenizer does, the time of one training step, what a model says, whether a text is long enough.

Imports `model` (and so torch) only inside functions, like app/engine.py.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from model.paths import default_corpus_dir

PREVIEW_PASSAGE = ("But soft, what light through yonder window breaks? It is the east, and Juliet is the sun. "
                   "Arise, fair sun, and kill the envious moon.")
PREVIEW_CHARS = 1200


def corpus_paths(settings) -> list[str]:
    """A TrainingSettings' text: its files, or the bundled Shakespeare."""
    return list(settings.corpus) or [str(default_corpus_dir())]


@dataclass
class CorpusPreview:
    documents: int
    characters: int
    size_bytes: int
    preview: str
    notices: list[str]
    names: list[str]


def corpus_preview(paths: list[str]) -> CorpusPreview:
    from model.data import read_corpus

    corpus = read_corpus(paths or [str(default_corpus_dir())])  # CorpusError when nothing is usable
    size = sum(len(d.text.encode("utf-8", errors="replace")) for d in corpus.documents)
    first = corpus.documents[0].text
    return CorpusPreview(len(corpus.documents), corpus.n_chars, size, first[:PREVIEW_CHARS], list(corpus.notices),
                         [d.name for d in corpus.documents])


@dataclass
class TokenizerPreview:
    kind: str
    vocab_size: int
    passage: str
    passage_tokens: list[str]
    examples: list[str]  # a spread of vocabulary entries
    seconds: float
    chars_per_token: float


def tokenizer_preview(tok, seconds: float, sample_text: str) -> TokenizerPreview:
    ids = tok.encode(PREVIEW_PASSAGE)
    labels = tok.labels
    n = len(labels)
    # skip the special tokens and single characters at the start; show what was learned
    picks = [labels[i] for i in range(n - 1, max(-1, n - 400), -max(1, n // 200))][:24] if n > 40 else labels[:24]
    sample_ids = tok.encode(sample_text[:4000]) if sample_text else ids
    return TokenizerPreview(tok.kind, tok.vocab_size, PREVIEW_PASSAGE, [tok.label(i) for i in ids], picks, seconds,
                            len(sample_text[:4000]) / max(1, len(sample_ids)) if sample_text else 0.0)


def preview_tokenizer(settings, max_chars: int = 2_000_000) -> TokenizerPreview:
    """Train the chosen tokenizer on (up to max_chars of) the corpus and show what it does."""
    from model.data import read_corpus
    from model.tokenizer import TextTokenizer

    corpus = read_corpus(corpus_paths(settings))
    texts, total = [], 0
    for d in corpus.documents:
        texts.append(d.text[: max_chars - total])
        total += len(texts[-1])
        if total >= max_chars:
            break
    started = time.perf_counter()
    tok = TextTokenizer.train(settings.tokenizer, texts, settings.model.vocab_size)
    return tokenizer_preview(tok, time.perf_counter() - started, texts[0])


@dataclass
class ModelEstimate:
    parameters: int
    seconds_per_step: float
    device: str


def estimate_step(cfg, batch_size: int, device_name: str = "auto", steps: int = 5,
                  budget_seconds: float = 3.0) -> ModelEstimate:
    """Parameters, and the time of one training step of a `cfg` (a ModelConfig) network, measured on
    random tokens on the chosen device."""
    import torch

    from model.config import parameter_count
    from model.train import pick_device
    from model.transformer import Transformer

    device = pick_device(device_name)
    model = Transformer(cfg).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    x = torch.randint(0, cfg.vocab_size, (batch_size, cfg.context_length), device=device)
    times = []
    began = time.perf_counter()
    for i in range(steps + 2):
        start = time.perf_counter()
        _, loss = model(x, x)
        loss.backward()
        opt.step()
        opt.zero_grad(set_to_none=True)
        if device.type == "cuda":
            torch.cuda.synchronize()
        if i >= 2:  # the first steps warm up (allocations, kernels)
            times.append(time.perf_counter() - start)
        if times and time.perf_counter() - began > budget_seconds:
            break  # a big model on a slow machine: one measured step will do
    return ModelEstimate(parameter_count(cfg)["total"], float(min(times)), str(device))


@dataclass
class ModelView:
    """What one model does with a prompt: a sample continuation and its next-token distribution."""

    sample: str
    top_labels: list[str]
    top_probs: list[float]


def model_view(folder: str, prompt: str, n_tokens: int = 60, k: int = 10, seed: int = 0) -> ModelView:
    import torch

    from model.checkpoint import load_model
    from model.decoding import generate

    loaded = load_model(folder)
    model, tok = loaded.model, loaded.tokenizer
    ids = (tok.encode(prompt) or tok.encode("\n"))[-model.config.context_length:]
    with torch.no_grad():
        logits, _ = model(torch.tensor([ids]))
    probs = torch.softmax(logits[0, -1].float(), -1)
    top = torch.topk(probs, min(k, probs.numel()))
    sample = generate(model, tok, prompt, n_tokens, temperature=0.8, seed=seed)
    return ModelView(sample, [tok.label(int(i)) for i in top.indices], [float(p) for p in top.values])


@dataclass
class ContinuedCheck:
    """Whether a text is long enough to continue training a base model on, and how long a run takes."""

    train_tokens: int  # with the base model's tokenizer, in the training part (validation held out)
    needed: int  # one training window: the base model's context + 1
    chars_per_token: float
    seconds_per_step: float | None  # measured on this computer (None: the text is too short to bother)
    device: str

    @property
    def enough(self) -> bool:
        return self.train_tokens >= self.needed


def continued_check(base_folder: str, paths: list[str], batch_size: int = 16, seed: int = 1337) -> ContinuedCheck:
    """Tokenize the text as a continued run would (the base's tokenizer, the same split) and time one step."""
    from model.checkpoint import read_config
    from model.data import read_corpus, split_documents
    from model.folders import TOKENIZER
    from model.tokenizer import TextTokenizer

    base = Path(base_folder)
    tok = TextTokenizer.load(base / TOKENIZER)
    config = read_config(base)
    corpus = read_corpus(paths)
    train_docs, _ = split_documents(corpus, seed=seed)
    chars = sum(len(d.text) for d in train_docs)
    tokens = sum(len(tok.encode(d.text)) for d in train_docs)
    needed = config.context_length + 1
    check = ContinuedCheck(tokens, needed, chars / max(1, tokens), None, "")
    if check.enough:
        e = estimate_step(config, batch_size, steps=3, budget_seconds=2.0)
        check.seconds_per_step, check.device = e.seconds_per_step, e.device
    return check
