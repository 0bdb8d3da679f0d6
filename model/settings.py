"""What a training run is asked to do: `TrainConfig` (the optimiser and the schedule) and
`TrainingSettings`, one run's whole request composed of a `ModelConfig` and a `TrainConfig`.

No torch here: the app builds and stores settings on its GUI thread. `TrainingSettings` is what
the app's run.json holds ("settings"), serialised by `to_dict` / `from_dict`; `from_dict` also
reads the flat layout the app wrote before (one key per field, `vocab_size` beside `n_layer`).
"""
from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

from .config import PRESETS, ModelConfig

DEFAULT_VOCAB = {"char": 512, "word": 8000, "bpe": 2048}  # what each tokenizer kind is asked for by default
DEFAULT_TOKENIZER, DEFAULT_PRESET = "bpe", "tiny"


@dataclass
class TrainConfig:
    steps: int = 2000
    batch_size: int = 16  # global batch: split across ranks under torchrun
    learning_rate: float = 1e-3
    min_learning_rate: float = 1e-4
    warmup_steps: int = 100
    weight_decay: float = 0.1
    beta1: float = 0.9
    beta2: float = 0.99
    grad_clip: float = 1.0
    seed: int = 1337
    log_interval: int = 10
    eval_interval: int = 200
    eval_batches: int = 16
    checkpoint_interval: int = 500
    sample_interval: int = 0  # 0: no samples during training
    sample_prompt: str = "\n"
    sample_tokens: int = 80
    device: str = "auto"
    # Snapshots: a model folder every snapshot_interval steps (and at steps 0 and the last), for
    # watching the model learn. 0: none. They go to snapshot_dir, default "<out_dir>-snapshots".
    snapshot_interval: int = 0
    snapshot_dir: str = ""


def learning_rate_at(step: int, cfg: TrainConfig) -> float:
    """Linear warmup, then cosine decay to min_learning_rate at the last step."""
    if step < cfg.warmup_steps:
        return cfg.learning_rate * (step + 1) / cfg.warmup_steps
    progress = min(1.0, (step - cfg.warmup_steps) / max(1, cfg.steps - cfg.warmup_steps))
    return cfg.min_learning_rate + 0.5 * (1 + math.cos(math.pi * progress)) * (cfg.learning_rate - cfg.min_learning_rate)


def log_interval_for(steps: int) -> int:
    """Steps between records: every step of a short run, fewer records for a long one."""
    return 1 if steps <= 200 else 2 if steps <= 500 else 5 if steps <= 2000 else 10


def paced(train: TrainConfig, evaluations: int = 20, checkpoints: int = 10, snapshots: int = 0,
          sample_every: int = 0) -> TrainConfig:
    """The step-interval policy, the one place it is written: records every log_interval_for(steps)
    steps; about `evaluations` evaluations, `checkpoints` checkpoints and `snapshots` snapshots a run,
    and a sample about every `sample_every` steps (0: none), each on a step that makes a record.
    The warmup is at most a fifth of the run and the final learning rate a tenth of the peak."""
    steps = train.steps
    log = log_interval_for(steps)

    def every(n: int) -> int:
        return max(log, round(n / log) * log)

    return dataclasses.replace(
        train, log_interval=log, eval_interval=every(max(10, steps // evaluations)),
        checkpoint_interval=every(max(10, steps // checkpoints)) if checkpoints > 1 else steps,
        sample_interval=every(sample_every) if sample_every else 0,
        snapshot_interval=every(max(1, steps // snapshots)) if snapshots else 0,
        warmup_steps=min(train.warmup_steps, max(1, steps // 5)), min_learning_rate=train.learning_rate / 10)


def _field_names(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


@dataclass
class TrainingSettings:
    """One run's request: its name, its text, the tokenizer to train, the model and the training.
    `model.vocab_size` is the vocabulary the tokenizer is asked for; the network gets the size the
    tokenizer really has."""

    name: str = "run"
    corpus: list[str] = field(default_factory=list)  # empty: the bundled Shakespeare
    tokenizer: str = DEFAULT_TOKENIZER
    preset: str = DEFAULT_PRESET  # a PRESETS key, or "custom"
    snapshots: int = 0  # about this many snapshots over the run (0: none)
    model: ModelConfig = field(default_factory=lambda: ModelConfig(DEFAULT_VOCAB[DEFAULT_TOKENIZER],
                                                                   **PRESETS[DEFAULT_PRESET]))
    train: TrainConfig = field(default_factory=TrainConfig)

    @classmethod
    def of(cls, **values) -> "TrainingSettings":
        """Settings from flat keyword values, each sent to the part that has it:
        `TrainingSettings.of(name="x", n_layer=2, learning_rate=3e-3)`. Unknown names raise TypeError."""
        own, model, train = {}, {}, {}
        for key, value in values.items():
            part = own if key in _OWN else model if key in _MODEL else train if key in _TRAIN else None
            if part is None:
                raise TypeError(f"no training setting is called {key!r}")
            part[key] = value
        defaults = cls()
        return cls(**own, model=dataclasses.replace(defaults.model, **model),
                   train=dataclasses.replace(defaults.train, **train))

    def with_steps(self, steps: int) -> "TrainingSettings":
        return dataclasses.replace(self, train=dataclasses.replace(self.train, steps=steps))

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "TrainingSettings":
        """Read `to_dict`'s layout, or the flat one the app wrote before #13 (one key per field; the
        app then derived the rest of the TrainConfig, as below). Unknown keys are ignored."""
        if isinstance(data.get("model"), dict) or isinstance(data.get("train"), dict):
            return cls(**{k: v for k, v in data.items() if k in _OWN},
                       model=ModelConfig.from_dict(data.get("model", {})),
                       train=TrainConfig(**{k: v for k, v in data.get("train", {}).items() if k in _TRAIN}))
        s = cls.of(**{"eval_batches": 4, "sample_tokens": 60,
                      **{k: v for k, v in data.items() if k in _OWN | _MODEL | _TRAIN}})
        t = s.train
        log = max(1, t.log_interval)
        snap = max(log, round(max(1, t.steps // s.snapshots) / log) * log) if s.snapshots else 0
        return dataclasses.replace(s, train=dataclasses.replace(
            t, min_learning_rate=t.learning_rate / 10, warmup_steps=min(t.warmup_steps, max(1, t.steps // 5)),
            sample_prompt=t.sample_prompt or "\n", snapshot_interval=snap))


_OWN = {"name", "corpus", "tokenizer", "preset", "snapshots"}
_MODEL = _field_names(ModelConfig)
_TRAIN = _field_names(TrainConfig)
