"""The engine side of the app: everything here runs on a worker thread and returns values.

This is the only module of app/ that imports `model` (and so torch), always inside functions,
so that importing the window stays light. Results are plain dataclasses of numpy arrays.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from app.i18n import tr, translated
from model.paths import default_corpus_dir, user_cache_dir


@dataclass
class ModelInfo:
    """What the panels need to know about a loaded model (numpy only, plus its tokenizer)."""

    path: str
    name: str
    device: str
    devices: list[str]  # devices this machine offers
    config: dict
    params: dict[str, int]
    flops_per_token: int  # at the full context
    training: dict
    tokenizer: object  # model.tokenizer.TextTokenizer (read-only use on the GUI thread)
    labels: list[str]  # readable label of every vocabulary id
    embeddings: np.ndarray  # [V, C] token embedding matrix
    pca: np.ndarray  # [V, 2] the embeddings projected on their first two principal components
    pca_explained: np.ndarray  # [2] fraction of variance each component explains
    position_table: np.ndarray | None  # [ctx, C] vectors added per position (None for RoPE)
    sinusoid_table: np.ndarray  # [ctx, C] the fixed sinusoidal pattern, for comparison
    warnings: list[str] = field(default_factory=list)  # it loaded, but something looks wrong (say so)

    @property
    def kind(self) -> str:
        return self.tokenizer.kind

    def cfg(self, name: str):
        return self.config[name]


@dataclass
class TraceResult:
    trace: object  # model.trace.Trace, with the ablation's parts switched off
    prompt: str
    extra_ids: tuple[int, ...]
    seconds: float
    generated_from: int = -1  # index in trace.token_ids of the first generated token (-1: none)
    ablation: object = None  # model.ablation.Ablation the trace was made with (None: the whole model)
    baseline: object = None  # model.trace.Trace of the whole model on the same tokens, when ablated


@dataclass
class Comparison:
    """The same text under several tokenizers: kind -> (labels, ids)."""

    text: str
    rows: dict[str, tuple[list[str], list[int]]] = field(default_factory=dict)


def inference_threads() -> int:
    return max(1, (os.cpu_count() or 2) - 1)


def available_devices() -> list[str]:
    import torch

    devices = ["cpu"]
    if torch.cuda.is_available():
        devices.append("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        devices.append("mps")
    return devices


def pca_2d(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Project rows of `matrix` on its first two principal components."""
    x = np.asarray(matrix, dtype=np.float64)
    x = x - x.mean(axis=0, keepdims=True)
    _, s, vt = np.linalg.svd(x, full_matrices=False)
    coords = x @ vt[:2].T
    var = s**2
    explained = var[:2] / var.sum() if var.sum() > 0 else np.zeros(2)
    return coords.astype(np.float32), explained.astype(np.float32)


def sinusoid(context: int, width: int) -> np.ndarray:
    import torch

    from model.transformer import sinusoidal_table

    return sinusoidal_table(torch.arange(context), width - width % 2).numpy().astype(np.float32)


def _weights_key(folder: Path) -> str:
    st = (folder / "model.safetensors").stat()
    return hashlib.sha1(f"{folder.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]


def cached_pca(folder: Path, embeddings: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """PCA of the vocabulary, computed once per model file and kept in the user cache."""
    cache = user_cache_dir() / "pca" / f"{_weights_key(folder)}.npz"
    try:
        with np.load(cache) as data:
            if data["coords"].shape == (embeddings.shape[0], 2):
                return data["coords"], data["explained"]
    except (OSError, KeyError, ValueError):
        pass
    coords, explained = pca_2d(embeddings)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(".tmp.npz")
        np.savez(tmp, coords=coords, explained=explained)
        tmp.replace(cache)
    except OSError:
        pass  # a read-only cache only costs the recomputation
    return coords, explained


class Engine:
    """Holds the loaded model. Used only from the engine worker thread."""

    def __init__(self):
        self.loaded = None
        self.device = "cpu"
        self.reuse = None  # model.tracing.PrefixReuse, made on the worker by load(): torch is imported there

    def load(self, folder: str, device: str = "cpu") -> ModelInfo:
        import torch

        from model.checkpoint import load_model
        from model.tracing import PrefixReuse

        # Leave one core to the GUI thread, which paints while the next trace runs. The setting
        # is per thread (OpenMP), so it touches only this worker, not a training thread.
        torch.set_num_threads(inference_threads())

        loaded = load_model(folder, device="cpu")
        if self.reuse is None:
            self.reuse = PrefixReuse()  # the last trace's records: typing at the end recomputes only the end
        previous, self.loaded = self.loaded, loaded
        try:
            return self.set_device(device)
        except BaseException:  # the model already open stays the one traced, as the window says
            self.loaded = previous
            raise

    def set_device(self, device: str) -> ModelInfo:
        if self.loaded is None:
            raise ValueError(tr("no model is loaded"))
        if device not in available_devices():
            device = "cpu"
        self.loaded.model.to(device)
        self.device = device
        if self.reuse is not None:
            self.reuse.clear()  # kept for the model and device it was made with; dropped with them
        return self.info()

    def info(self) -> ModelInfo:
        from model.config import flops_per_token, parameter_count

        loaded = self.loaded
        cfg = loaded.config
        folder = Path(loaded.path) if loaded.path else Path(".")
        emb = loaded.model.tok_emb.weight.detach().float().cpu().numpy()
        pca, explained = cached_pca(folder, emb) if (folder / "model.safetensors").exists() else pca_2d(emb)
        if cfg.positional == "learned":
            table = loaded.model.pos_emb.weight.detach().float().cpu().numpy()
        elif cfg.positional == "sinusoidal":
            table = sinusoid(cfg.context_length, cfg.d_model)
        else:
            table = None
        return ModelInfo(
            path=str(folder),
            name=folder.name,
            device=self.device,
            devices=available_devices(),
            config=cfg.to_dict() | {"d_head": cfg.d_head},
            params=parameter_count(cfg),
            flops_per_token=flops_per_token(cfg),
            training=dict(loaded.training or {}),
            tokenizer=loaded.tokenizer,
            labels=list(loaded.tokenizer.labels),
            embeddings=emb,
            pca=pca,
            pca_explained=explained,
            position_table=table,
            sinusoid_table=sinusoid(cfg.context_length, cfg.d_model),
            warnings=list(getattr(loaded, "warnings", [])),
        )

    def trace(self, prompt: str, extra_ids: tuple[int, ...] = (), ablation=None) -> TraceResult:
        """The prompt (and generated ids) traced with `ablation`'s parts switched off; when any are, the
        whole model's trace of the same tokens too (the Before of the before/after view)."""
        from .continuation import trace_with_extra

        if self.loaded is None:
            raise ValueError(tr("no model is loaded"))
        ablation = self._checked(ablation)
        start = time.perf_counter()
        trace, first_generated = trace_with_extra(self.loaded, prompt, list(extra_ids), ablation, self.reuse)
        baseline = trace_with_extra(self.loaded, prompt, list(extra_ids))[0] if ablation else None
        return TraceResult(trace, prompt, tuple(extra_ids), time.perf_counter() - start, first_generated,
                           ablation, baseline)

    def scan_heads(self, ids, ablation=None, should_stop=lambda: False, progress=lambda done, total: None):
        """Which heads matter for these token ids (model.interventions.head_importance)."""
        from model.interventions import head_importance

        if self.loaded is None:
            raise ValueError(tr("no model is loaded"))
        return head_importance(self.loaded.model, [int(i) for i in ids], self._checked(ablation), should_stop,
                               progress)

    def _checked(self, ablation):
        """The ablation, or None when nothing is switched off; a part this model lacks is refused by name."""
        if not ablation:
            return None
        try:
            ablation.check(self.loaded.config.n_layer, self.loaded.config.n_head)
        except ValueError as exc:
            raise ValueError(tr("The switched-off parts belong to another model ({0}). Clear them and switch off "
                                "parts of this one.").format(translated(exc))) from None
        return ablation


# ---- tokenizers for the side-by-side comparison ----------------------------------------------
COMPARISON_VOCAB = {"char": 512, "word": 8000, "bpe": 2048}


def comparison_tokenizers(model_tokenizer=None) -> dict[str, object]:
    """Character, word and BPE tokenizers trained on the bundled corpus (cached on disk)."""
    from model.tokenizer import TextTokenizer, TokenizerError

    out: dict[str, object] = {}
    texts = None
    for kind, vocab in COMPARISON_VOCAB.items():
        if model_tokenizer is not None and model_tokenizer.kind == kind:
            out[kind] = model_tokenizer
            continue
        path = user_cache_dir() / "tokenizers" / f"{kind}-{vocab}.json"
        try:
            out[kind] = TextTokenizer.load(path)
            continue
        except TokenizerError:
            pass
        if texts is None:
            texts = [p.read_text(encoding="utf-8") for p in sorted(default_corpus_dir().glob("*.txt"))]
        tok = TextTokenizer.train(kind, texts, vocab)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tok.save(path)
        except OSError:
            pass
        out[kind] = tok
    return out


def compare(tokenizers: dict[str, object], text: str) -> Comparison:
    result = Comparison(text)
    for kind, tok in tokenizers.items():
        ids = tok.encode(text)
        result.rows[kind] = ([tok.label(i) for i in ids], ids)
    return result


