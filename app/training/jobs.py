"""Engine-side work for the training panels. Runs on worker threads (a training run: in a child
process, see child.py); returns plain values.

Imports `model` (and so torch) only inside functions, like app/engine.py. The preparers take the
tokenized-corpus cache folder from the GUI process (`token_cache`): finding the per-user cache asks
Qt, and the training child never imports Qt.
"""
from __future__ import annotations

import functools
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..paths import default_corpus_dir, user_cache_dir

DEFAULT_VOCAB = {"char": 512, "word": 8000, "bpe": 2048}
PREVIEW_PASSAGE = ("But soft, what light through yonder window breaks? It is the east, and Juliet is the sun. "
                   "Arise, fair sun, and kill the envious moon.")
PREVIEW_CHARS = 1200


@dataclass
class PretrainSettings:
    """Everything a pre-training run needs; stored in run.json so a run can be resumed."""

    name: str = "shakespeare-tiny"
    corpus: list[str] = field(default_factory=list)  # empty: the bundled Shakespeare
    tokenizer: str = "char"
    vocab_size: int = 512
    preset: str = "tiny"  # a PRESETS key, or "custom"
    n_layer: int = 2
    n_head: int = 4
    d_model: int = 128
    d_mlp: int = 512
    positional: str = "learned"
    context_length: int = 128
    batch_size: int = 16
    learning_rate: float = 3e-3
    steps: int = 1000
    warmup_steps: int = 50
    log_interval: int = 5
    eval_interval: int = 50
    checkpoint_interval: int = 100
    sample_interval: int = 50
    sample_prompt: str = "ROMEO:"
    snapshots: int = 10  # about this many snapshots over the run (0: none)
    device: str = "auto"
    seed: int = 1337

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PretrainSettings":
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in known})

    def corpus_paths(self) -> list[str]:
        return list(self.corpus) or [str(default_corpus_dir())]

    def model_config(self, vocab_size: int):
        from model.config import ModelConfig

        return ModelConfig(vocab_size=vocab_size, context_length=self.context_length, n_layer=self.n_layer,
                           n_head=self.n_head, d_model=self.d_model, d_mlp=self.d_mlp, positional=self.positional)

    def train_config(self, snapshot_dir: Path | None = None):
        from model.train import TrainConfig

        snap = snapshot_interval(self.steps, self.snapshots, self.log_interval)
        return TrainConfig(
            steps=self.steps, batch_size=self.batch_size, learning_rate=self.learning_rate,
            min_learning_rate=self.learning_rate / 10, warmup_steps=min(self.warmup_steps, max(1, self.steps // 5)),
            log_interval=self.log_interval, eval_interval=self.eval_interval, eval_batches=4,
            checkpoint_interval=self.checkpoint_interval, sample_interval=self.sample_interval,
            sample_prompt=self.sample_prompt or "\n", sample_tokens=60, device=self.device, seed=self.seed,
            snapshot_interval=snap, snapshot_dir=str(snapshot_dir) if snapshot_dir else "",
        )


def snapshot_interval(steps: int, snapshots: int, log_interval: int) -> int:
    """About `snapshots` snapshots a run, on steps that produce a record (multiples of log_interval)."""
    if not snapshots:
        return 0
    raw = max(1, steps // snapshots)
    return max(log_interval, round(raw / log_interval) * log_interval)


# ---- previews (quick jobs for the aux worker) ------------------------------------------------
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


def train_tokenizer(settings: PretrainSettings, texts: list[str]):
    from model.tokenizer import TextTokenizer

    return TextTokenizer.train(settings.tokenizer, texts, settings.vocab_size)


def tokenizer_preview(tok, seconds: float, sample_text: str) -> TokenizerPreview:
    ids = tok.encode(PREVIEW_PASSAGE)
    labels = tok.labels
    n = len(labels)
    # skip the special tokens and single characters at the start; show what was learned
    picks = [labels[i] for i in range(n - 1, max(-1, n - 400), -max(1, n // 200))][:24] if n > 40 else labels[:24]
    sample_ids = tok.encode(sample_text[:4000]) if sample_text else ids
    return TokenizerPreview(tok.kind, tok.vocab_size, PREVIEW_PASSAGE, [tok.label(i) for i in ids], picks, seconds,
                            len(sample_text[:4000]) / max(1, len(sample_ids)) if sample_text else 0.0)


def preview_tokenizer(settings: PretrainSettings, max_chars: int = 2_000_000) -> TokenizerPreview:
    """Train the chosen tokenizer on (up to max_chars of) the corpus and show what it does."""
    from model.data import read_corpus

    corpus = read_corpus(settings.corpus_paths())
    texts, total = [], 0
    for d in corpus.documents:
        texts.append(d.text[: max_chars - total])
        total += len(texts[-1])
        if total >= max_chars:
            break
    started = time.perf_counter()
    tok = train_tokenizer(settings, texts)
    return tokenizer_preview(tok, time.perf_counter() - started, texts[0])


@dataclass
class ModelEstimate:
    parameters: int
    seconds_per_step: float
    device: str


def estimate_step(settings: PretrainSettings, vocab_size: int | None = None, steps: int = 5,
                  budget_seconds: float = 3.0) -> ModelEstimate:
    """Parameters, and the time of one training step measured on random tokens on the chosen device."""
    import torch

    from model.config import parameter_count
    from model.train import pick_device
    from model.transformer import Transformer

    vocab = vocab_size or settings.vocab_size
    cfg = settings.model_config(vocab)
    device = pick_device(settings.device)
    model = Transformer(cfg).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    x = torch.randint(0, vocab, (settings.batch_size, cfg.context_length), device=device)
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


# ---- a run ---------------------------------------------------------------------------------
@dataclass
class Prepared:
    trainer: object  # model.train.Trainer
    notices: list[str]
    summary: str
    tokenizer_preview: TokenizerPreview | None
    parameters: int


def prepare_pretraining(settings: PretrainSettings, run_folder: Path, resume: bool, say=lambda text: None,
                        token_cache: Path | None = None) -> Prepared:
    """Read the corpus, train (or reload) the tokenizer, tokenize, build the Trainer."""
    from model.checkpoint import TOKENIZER
    from model.config import ModelConfig, parameter_count
    from model.data import read_corpus, split_documents, tokenize_documents
    from model.tokenizer import TextTokenizer
    from model.train import Trainer

    checkpoint = run_folder / "checkpoint"
    say("Reading the corpus…")
    corpus = read_corpus(settings.corpus_paths())
    train_docs, val_docs = split_documents(corpus, seed=settings.seed)
    preview = None
    if resume:
        tok = TextTokenizer.load(checkpoint / TOKENIZER)
    else:
        say(f"Training the {settings.tokenizer} tokenizer ({settings.vocab_size} tokens)…")
        started = time.perf_counter()
        tok = train_tokenizer(settings, [d.text for d in train_docs])
        preview = tokenizer_preview(tok, time.perf_counter() - started, train_docs[0].text)
    say("Turning the text into token ids…")
    cache = token_cache or user_cache_dir() / "tokens"
    train_ids = tokenize_documents(tok, train_docs, cache)
    val_ids = tokenize_documents(tok, val_docs, cache)
    if resume:
        import json

        model_config = ModelConfig.from_dict(json.loads((checkpoint / "config.json").read_text(encoding="utf-8")))
    else:
        model_config = settings.model_config(tok.vocab_size)
    say("Building the model…")
    run_info = {"app_run": run_folder.name, "corpus": settings.corpus_paths(), "tokenizer": settings.tokenizer,
                "train_documents": [d.name for d in train_docs], "validation_documents": [d.name for d in val_docs]}
    trainer = Trainer(model_config, tok, train_ids, val_ids, settings.train_config(run_folder / "snapshots"),
                      checkpoint, resume=resume, run_info=run_info)
    params = parameter_count(model_config)["total"]
    summary = (f"{len(corpus.documents)} documents, {corpus.n_chars:,} characters → {len(train_ids):,} training and "
               f"{len(val_ids):,} validation tokens · {params:,} parameters · {trainer.device}")
    return Prepared(trainer, list(corpus.notices), summary, preview, params)


def out_of_memory_advice(exc: BaseException, settings: PretrainSettings) -> str | None:
    text = str(exc)
    if "out of memory" not in text.lower() and type(exc).__name__ != "OutOfMemoryError":
        return None
    return (f"The device ran out of memory. Make the job smaller: halve the batch size (now {settings.batch_size}), "
            f"shorten the context (now {settings.context_length} tokens), or pick a smaller model "
            f"(now {settings.n_layer} layers × d_model {settings.d_model}); or train on the CPU.")


# ---- continued language-model training (fine-tuning on the user's own text) -------------------
def continued_preparer(base_folder: str):
    """A `prepare` for TrainingWorker that starts from `base_folder`'s weights and tokenizer.

    A partial of a module-level function, so that it can be pickled into the training child process.
    """
    return functools.partial(prepare_continued, str(base_folder))


def prepare_continued(base_folder: str, settings: PretrainSettings, run_folder: Path, resume: bool,
                      say=lambda text: None, token_cache: Path | None = None) -> Prepared:
    from model.checkpoint import TOKENIZER, read_config
    from model.config import parameter_count
    from model.data import read_corpus, split_documents, tokenize_documents
    from model.tokenizer import TextTokenizer
    from model.train import Trainer

    base = Path(base_folder)
    say("Reading your text…")
    corpus = read_corpus(settings.corpus_paths())
    train_docs, val_docs = split_documents(corpus, seed=settings.seed)
    source = run_folder / "checkpoint" if resume else base
    tok = TextTokenizer.load(source / TOKENIZER)  # the base model's tokenizer: its vocabulary is fixed
    config = read_config(source)
    say("Turning the text into token ids…")
    cache = token_cache or user_cache_dir() / "tokens"
    train_ids = tokenize_documents(tok, train_docs, cache)
    val_ids = tokenize_documents(tok, val_docs, cache)
    settings.context_length = config.context_length
    run_info = {"app_run": run_folder.name, "base_model": str(base), "corpus": settings.corpus_paths()}
    trainer = Trainer(config, tok, train_ids, val_ids, settings.train_config(None), run_folder / "checkpoint",
                      resume=resume, run_info=run_info, init_from=None if resume else base)
    params = parameter_count(config)["total"]
    summary = (f"{len(corpus.documents)} file(s), {corpus.n_chars:,} characters → {len(train_ids):,} tokens with "
               f"the base model's {tok.kind} tokenizer · {params:,} parameters · {trainer.device}")
    return Prepared(trainer, list(corpus.notices), summary, None, params)


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
    from model.checkpoint import TOKENIZER, read_config
    from model.data import read_corpus, split_documents
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
        settings = PretrainSettings(context_length=config.context_length, n_layer=config.n_layer,
                                    n_head=config.n_head, d_model=config.d_model, d_mlp=config.d_mlp,
                                    positional=config.positional, batch_size=batch_size)
        e = estimate_step(settings, vocab_size=config.vocab_size, steps=3, budget_seconds=2.0)
        check.seconds_per_step, check.device = e.seconds_per_step, e.device
    return check
