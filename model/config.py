"""Model configuration: one dataclass that fully describes a network's shape."""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .messages import QT_TR_NOOP, Message, joined

POSITIONAL_ENCODINGS = ("learned", "sinusoidal", "rope")
# What the network is trained to predict. "causal" (GPT): the next token, from the tokens to its left
# only (attention has the causal mask). "masked" (BERT): tokens hidden behind [MASK], from both sides
# (no causal mask). A config.json written before this field existed is causal.
OBJECTIVES = ("causal", "masked")


@dataclass
class ModelConfig:
    vocab_size: int
    context_length: int = 256
    n_layer: int = 4
    n_head: int = 4
    d_model: int = 128
    d_mlp: int = 512
    dropout: float = 0.0
    positional: str = "learned"  # one of POSITIONAL_ENCODINGS
    layer_norm_eps: float = 1e-5
    gelu_approximation: str = "none"  # "none" (exact erf) or "tanh" (GPT-2)
    rope_base: float = 10000.0
    objective: str = "causal"  # one of OBJECTIVES

    def __post_init__(self) -> None:
        problems = []
        if self.positional not in POSITIONAL_ENCODINGS:
            problems.append(Message(QT_TR_NOOP("positional must be one of {0}, not {1}"), str(POSITIONAL_ENCODINGS),
                                    repr(self.positional)))
        for name in ("vocab_size", "context_length", "n_layer", "n_head", "d_model", "d_mlp"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                problems.append(Message(QT_TR_NOOP("{0} must be a positive integer, not {1}"), name, repr(value)))
        if not problems and self.d_model % self.n_head:
            problems.append(Message(QT_TR_NOOP("d_model ({0}) must be divisible by n_head ({1})"), self.d_model,
                                    self.n_head))
        if not problems and self.positional == "rope" and self.d_head % 2:
            problems.append(Message(QT_TR_NOOP("RoPE needs an even head width, not {0}"), self.d_head))
        if not problems and self.positional == "sinusoidal" and self.d_model % 2:
            problems.append(Message(QT_TR_NOOP("sinusoidal positions need an even d_model, not {0}"), self.d_model))
        if not 0.0 <= self.dropout < 1.0:
            problems.append(Message(QT_TR_NOOP("dropout must be in [0, 1), not {0}"), str(self.dropout)))
        if self.gelu_approximation not in ("none", "tanh"):
            problems.append(Message(QT_TR_NOOP("gelu_approximation must be 'none' or 'tanh', not {0}"),
                                    repr(self.gelu_approximation)))
        if self.objective not in OBJECTIVES:
            problems.append(Message(QT_TR_NOOP("objective must be one of {0}, not {1}"), str(OBJECTIVES),
                                    repr(self.objective)))
        if problems:
            raise ValueError(joined(*problems, separator="; "))

    @property
    def causal(self) -> bool:
        """True when a position may look only at itself and the positions before it."""
        return self.objective == "causal"

    @property
    def d_head(self) -> int:
        return self.d_model // self.n_head

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "ModelConfig":
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(Message(QT_TR_NOOP("unknown config keys: {0}"), str(sorted(unknown))))
        return cls(**data)


def parameter_count(config: ModelConfig) -> dict[str, int]:
    """Parameters per part, computed from the shapes alone (the head is tied to the embedding)."""
    c, m = config.d_model, config.d_mlp
    layer_norm = 2 * c
    attention = 3 * c * c + 3 * c + c * c + c
    mlp = c * m + m + m * c + c
    parts = {
        "token_embedding": config.vocab_size * c,
        "position_embedding": config.context_length * c if config.positional == "learned" else 0,
        "attention": config.n_layer * (attention + layer_norm),
        "mlp": config.n_layer * (mlp + layer_norm),
        "final_norm": layer_norm,
        "unembedding": 0,  # tied to token_embedding
    }
    parts["total"] = sum(parts.values())
    return parts


def flops_per_token(config: ModelConfig, context: int | None = None) -> int:
    """Forward-pass multiply-adds x2 for one token attending over `context` tokens."""
    t = config.context_length if context is None else context
    c, m = config.d_model, config.d_mlp
    per_layer = 2 * (4 * c * c + 2 * c * m) + 2 * 2 * t * c  # projections, MLP, QK^T and AV
    return config.n_layer * per_layer + 2 * c * config.vocab_size


# Classroom presets. Parameter counts are printed by `lm-anatomy-train --list-presets`.
PRESETS: dict[str, dict] = {
    # Loss falls within seconds on a laptop CPU; real words in a few minutes.
    "tiny": dict(context_length=128, n_layer=2, n_head=4, d_model=128, d_mlp=512),
    "small": dict(context_length=256, n_layer=4, n_head=4, d_model=192, d_mlp=768),
    # The shipped default model (resources/models/shakespeare-bpe).
    "default": dict(context_length=256, n_layer=6, n_head=6, d_model=192, d_mlp=768),
}


def presets_table(vocab_size: int) -> str:
    """The presets' sizes and parameter counts, as lm-anatomy-train --list-presets prints them."""
    lines = [f"{'preset':8} {'layers':>6} {'heads':>5} {'d_model':>7} {'d_mlp':>5} {'context':>7} {'parameters':>11}"]
    for name, sizes in PRESETS.items():
        cfg = ModelConfig(vocab_size=vocab_size, **sizes)
        lines.append(f"{name:8} {cfg.n_layer:6} {cfg.n_head:5} {cfg.d_model:7} {cfg.d_mlp:5} {cfg.context_length:7} "
                     f"{parameter_count(cfg)['total']:11,}")
    return "\n".join(lines) + f"\n(with a vocabulary of {vocab_size} tokens)"
