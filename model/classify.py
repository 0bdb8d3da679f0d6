"""Classification fine-tuning: a label head on our Transformer, trained on labelled sentences.

The body is a pre-trained (or any) Transformer. Each sentence is tokenized, cut to the context
length, and run through the blocks; the final residual stream (after the last LayerNorm) is
averaged over the sentence's tokens (mean pooling) and a linear layer turns that one vector into a
score per label. Freezing all but the last N blocks keeps what pre-training learned and trains
only the top of the network (and the head), which is faster and needs fewer examples.

`ClassifierTrainer.run()` is a generator, like model.train.Trainer: it yields a record every few
steps with the loss and, at evaluations, the held-out accuracy and confusion matrix.
"""
from __future__ import annotations

import copy
import math
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .labelled import (  # noqa: F401  (re-exported)
    LabelledDataError,
    LabelledSet,
    hold_out,
    parse_labelled_csv,
    read_labelled_csv,
    write_labelled_csv,
)
from .messages import QT_TR_NOOP, Message
from .tokenizer import TextTokenizer
from .transformer import Transformer


# ---- the model --------------------------------------------------------------------------------
class Classifier(nn.Module):
    def __init__(self, body: Transformer, n_labels: int):
        super().__init__()
        self.body = body
        self.head = nn.Linear(body.config.d_model, n_labels)
        nn.init.normal_(self.head.weight, std=0.02)
        nn.init.zeros_(self.head.bias)

    def forward(self, idx: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """idx (B, T) token ids, mask (B, T) 1 for real tokens. Returns logits (B, L)."""
        b = self.body
        t = idx.shape[1]
        positions = torch.arange(t, device=idx.device)
        x = b.drop(b.tok_emb(idx) + b.positional_vectors(positions))
        rope = b.rope(positions)
        for block in b.blocks:
            x = block(x, rope)  # causal: padding at the end never changes the real tokens
        x = b.ln_f(x)  # (B, T, C)
        m = mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1.0)  # mean over the sentence: (B, C)
        return self.head(pooled)


def freeze_all_but(classifier: Classifier, train_last_blocks: int) -> int:
    """Freeze the embeddings and all blocks but the last N; the final norm and head always train.
    Returns the number of trainable parameters."""
    body = classifier.body
    n = len(body.blocks)
    keep = max(0, min(n, train_last_blocks))
    for p in body.parameters():
        p.requires_grad_(False)
    for block in list(body.blocks)[n - keep:]:
        for p in block.parameters():
            p.requires_grad_(True)
    for p in list(body.ln_f.parameters()) + list(classifier.head.parameters()):
        p.requires_grad_(True)
    if keep == n:  # training everything: the embeddings too
        for p in body.parameters():
            p.requires_grad_(True)
    return sum(p.numel() for p in classifier.parameters() if p.requires_grad)


def encode_batch(tokenizer: TextTokenizer, texts: list[str], context: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Token ids padded with 0 to the longest (at most `context`), and the mask of real tokens."""
    rows = [tokenizer.encode(t)[:context] or [0] for t in texts]
    width = max(len(r) for r in rows)
    idx = torch.zeros(len(rows), width, dtype=torch.long)
    mask = torch.zeros(len(rows), width, dtype=torch.long)
    for i, r in enumerate(rows):
        idx[i, : len(r)] = torch.tensor(r)
        mask[i, : len(r)] = 1
    return idx, mask


@torch.no_grad()
def predict(classifier: Classifier, tokenizer: TextTokenizer, texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Label probabilities, (N, L) float64."""
    was_training = classifier.training
    classifier.eval()
    device = classifier.head.weight.device
    out = []
    for i in range(0, len(texts), batch_size):
        idx, mask = encode_batch(tokenizer, texts[i : i + batch_size], classifier.body.config.context_length)
        out.append(torch.softmax(classifier(idx.to(device), mask.to(device)).float(), -1).cpu().numpy())
    classifier.train(was_training)
    return np.concatenate(out).astype(np.float64) if out else np.zeros((0, classifier.head.out_features))


def confusion_matrix(true: list[int], predicted: list[int], n: int) -> np.ndarray:
    """m[i, j]: how many examples of label i were predicted as j."""
    m = np.zeros((n, n), dtype=np.int64)
    for t, p in zip(true, predicted):
        m[t, p] += 1
    return m


# ---- training ---------------------------------------------------------------------------------
@dataclass
class ClassifyConfig:
    steps: int = 200
    batch_size: int = 16
    learning_rate: float = 1e-3
    weight_decay: float = 0.01
    train_last_blocks: int = 1
    eval_interval: int = 20
    log_interval: int = 5
    seed: int = 0
    device: str = "cpu"


@dataclass
class ClassifyMetrics:
    step: int
    total_steps: int
    train_loss: float
    accuracy: float | None = None  # on the held-out rows, at evaluations
    confusion: np.ndarray | None = None  # (L, L) at evaluations
    event: str = "log"  # log | done | stopped | diverged
    message: str = ""
    elapsed: float = 0.0


class ClassifierTrainer:
    def __init__(self, body: Transformer, tokenizer: TextTokenizer, data: LabelledSet, cfg: ClassifyConfig):
        from .train import pick_device

        self.cfg, self.tokenizer = cfg, tokenizer
        self.labels = data.label_names()
        if len(self.labels) < 2:
            raise LabelledDataError(Message(QT_TR_NOOP("classification needs at least two labels; found {0}"),
                                            str(self.labels)))
        index = {l: i for i, l in enumerate(self.labels)}
        self.train_texts, train_labels = data.part("train")
        self.test_texts, test_labels = data.part("test")
        if not self.train_texts:
            raise LabelledDataError(Message(QT_TR_NOOP("no training rows (every row is marked test)")))
        self.train_y = torch.tensor([index[l] for l in train_labels])
        self.test_y = [index[l] for l in test_labels]
        torch.manual_seed(cfg.seed)
        self.device = pick_device(cfg.device)
        self.classifier = Classifier(copy.deepcopy(body).cpu(), len(self.labels)).to(self.device)
        self.trainable = freeze_all_but(self.classifier, cfg.train_last_blocks)
        self.before = copy.deepcopy(self.classifier).eval()  # the untrained head, for "before / after"
        params = [p for p in self.classifier.parameters() if p.requires_grad]
        self.optimizer = torch.optim.AdamW(params, lr=cfg.learning_rate, weight_decay=cfg.weight_decay)
        self.generator = torch.Generator().manual_seed(cfg.seed)
        self.step = 0
        self.stop_event = threading.Event()
        ctx = body.config.context_length
        self.train_idx, self.train_mask = encode_batch(tokenizer, self.train_texts, ctx)

    def request_stop(self) -> None:
        self.stop_event.set()

    def evaluate(self) -> tuple[float | None, np.ndarray | None]:
        if not self.test_texts:
            return None, None
        probs = predict(self.classifier, self.tokenizer, self.test_texts)
        guess = probs.argmax(1).tolist()
        accuracy = float(np.mean([g == t for g, t in zip(guess, self.test_y)]))
        return accuracy, confusion_matrix(self.test_y, guess, len(self.labels))

    def run(self) -> Iterator[ClassifyMetrics]:
        from .train import FINISHED_STEPS

        cfg = self.cfg
        self.classifier.train()
        started = time.perf_counter()
        losses = []
        while self.step < cfg.steps:
            if self.stop_event.is_set():
                acc, conf = self.evaluate()
                yield ClassifyMetrics(self.step, cfg.steps, float(np.mean(losses)) if losses else math.nan, acc, conf,
                                      "stopped", Message(QT_TR_NOOP("Stopped at step {0}."), self.step),
                                      time.perf_counter() - started)
                return
            rows = torch.randint(0, len(self.train_texts), (min(cfg.batch_size, len(self.train_texts)),),
                                 generator=self.generator)
            idx, mask = self.train_idx[rows], self.train_mask[rows]
            width = int(mask.sum(1).max())
            idx, mask = idx[:, :width].to(self.device), mask[:, :width].to(self.device)
            logits = self.classifier(idx, mask)
            loss = F.cross_entropy(logits.float(), self.train_y[rows].to(self.device))
            value = loss.item()
            if not math.isfinite(value):
                yield ClassifyMetrics(self.step, cfg.steps, value, event="diverged", elapsed=time.perf_counter() - started,
                                      message=Message(QT_TR_NOOP(
                                          "The loss became {0} at step {1}: the learning rate ({2:g}) is probably too "
                                          "high; try a smaller one."), str(value), self.step + 1, cfg.learning_rate))
                return
            self.optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for p in self.classifier.parameters() if p.requires_grad], 1.0)
            self.optimizer.step()
            self.step += 1
            losses.append(value)
            last = self.step == cfg.steps
            if self.step % cfg.log_interval and not last:
                continue
            acc, conf = self.evaluate() if (self.step % cfg.eval_interval == 0 or last) else (None, None)
            if acc is not None:
                self.classifier.train()
            yield ClassifyMetrics(self.step, cfg.steps, float(np.mean(losses)), acc, conf,
                                  "done" if last else "log", Message(FINISHED_STEPS, cfg.steps) if last else "",
                                  time.perf_counter() - started)
            losses = []
