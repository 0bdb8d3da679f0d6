"""What a model costs: parameters, arithmetic per token, training arithmetic, time and energy.

Plain Python (no torch at import; `measure_speed` imports it when called, on a worker thread).

Conventions, stated once:
- Parameters are counted from the shapes (model.config.parameter_count): token embedding, learned
  positions, attention (Q, K, V, W_O with biases), MLP (both layers with biases), every layer norm; the
  output head is tied to the token embedding and counted once. "Non-embedding" leaves out the token
  and position embeddings.
- Forward FLOPs per token follow Kaplan et al. 2020 ("Scaling Laws for Neural Language Models",
  Table 1): C_forward ≈ 2·N + 2·n_layer·n_ctx·d_model, where N is the non-embedding parameter count
  (each weight is one multiply and one add) and the second term is the attention scores over a full
  context. Like Kaplan et al. we leave out the tied unembedding's matrix product (2·d_model·V), which
  matters for a small model with a large vocabulary; `forward_flops` reports it on its own line.
- Training FLOPs ≈ 6·N·D (Kaplan et al. 2020, section 2.1): the forward pass costs 2N per token and the
  backward pass twice that, D being the tokens trained on. Kaplan et al. take N without embeddings;
  published totals (GPT-3's Table D.1) use all parameters, and so do we: for large models the two
  differ by under 1%, for the shipped 3.1M-parameter model by 14%.
- A machine's speed is effective training FLOP/s: 6·N·(tokens per second) of a real training run, read
  from a model folder's training.json or measured here on a few forward + backward passes.
"""
from __future__ import annotations

import time
from dataclasses import dataclass

from .config import ModelConfig, parameter_count
from .messages import QT_TR_NOOP, Message

SECONDS_PER_YEAR = 365.25 * 24 * 3600
LAPTOP_WATTS = 15.0  # an assumption: a typical laptop CPU's sustained power (its TDP), not a measurement


def count_parameters(config: ModelConfig) -> dict[str, int]:
    """parameter_count's parts plus "non_embedding" (all but the token and position embeddings)."""
    parts = dict(parameter_count(config))
    parts["non_embedding"] = parts["total"] - parts["token_embedding"] - parts["position_embedding"]
    return parts


def forward_flops(config: ModelConfig, context: int | None = None) -> dict[str, int]:
    """FLOPs of one token's forward pass, by Kaplan et al.'s convention (see the module docstring).

    "weights": 2·N_non-embedding; "attention": 2·n_layer·context·d_model (context defaults to the model's);
    "total" = weights + attention; "unembedding": 2·d_model·V, not in the total, shown for honesty."""
    n_ctx = config.context_length if context is None else context
    weights = 2 * count_parameters(config)["non_embedding"]
    attention = 2 * config.n_layer * n_ctx * config.d_model
    return {"weights": weights, "attention": attention, "total": weights + attention,
            "unembedding": 2 * config.d_model * config.vocab_size}


def training_flops(n_params: float, tokens: float) -> float:
    """6·N·D (Kaplan et al. 2020): forward 2N and backward 4N for each of D tokens."""
    return 6.0 * float(n_params) * float(tokens)


@dataclass(frozen=True)
class MachineSpeed:
    tokens_per_second: float
    n_params: int  # the model the tokens went through
    source: str  # where the figure comes from, in words (a Message: the window translates it)
    here: bool = False  # measured on the machine running this code (not read from a model folder)

    @property
    def flops_per_second(self) -> float:
        return training_flops(self.n_params, self.tokens_per_second)


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def trained_total(training: dict, key: str) -> float | None:
    """All the tokens (key "tokens_seen") or seconds ("elapsed_seconds") that went into a model folder's
    weights: its own run's, plus those of the model it started from (`lm-anatomy-train --init-from`
    records them in training.json as run.started_from). None when its own run does not say."""
    own = _number(training.get(key)) if isinstance(training, dict) else None
    if own is None:
        return None
    start = starting_run(training)
    return own + ((_number(start.get(key)) or 0.0) if start else 0.0)


def starting_run(training: dict) -> dict | None:
    """training.json's run.started_from: the model a run started from and what it cost; None if none."""
    run = training.get("run") if isinstance(training, dict) else None
    start = run.get("started_from") if isinstance(run, dict) else None
    return start if isinstance(start, dict) else None


def speed_from_training(training: dict, n_params: int) -> MachineSpeed | None:
    """The speed of the run that trained a model folder (training.json: tokens_seen / elapsed_seconds).

    None when the folder does not say (a GPT-2 folder, a model saved without a run)."""
    try:
        tokens, seconds = float(training["tokens_seen"]), float(training["elapsed_seconds"])
    except (KeyError, TypeError, ValueError):
        return None
    if tokens <= 0 or seconds <= 0:
        return None
    device = str(training.get("device") or "") or Message(QT_TR_NOOP("its machine"))
    said = Message(QT_TR_NOOP("training.json: {0} tokens in {1} s on {2}"), f"{tokens:,.0f}", f"{seconds:,.0f}", device)
    return MachineSpeed(tokens / seconds, int(n_params), said)


def measure_speed(model, batch: int = 4, length: int = 64, steps: int = 3) -> MachineSpeed:
    """Time `steps` forward + backward passes of `model` on random tokens here (after one warm-up pass).

    No optimiser step and no weights change: the gradients are thrown away. Runs on the model's device."""
    import torch

    cfg = model.config
    length = min(length, cfg.context_length)
    generator = torch.Generator().manual_seed(0)
    ids = torch.randint(cfg.vocab_size, (batch, length + 1), generator=generator).to(model.device)
    was_training = model.training
    model.train()
    try:
        timings = []
        for _ in range(steps + 1):
            start = time.perf_counter()
            _, loss = model(ids[:, :-1], ids[:, 1:])
            loss.backward()
            if model.device.type == "cuda":
                torch.cuda.synchronize()
            timings.append(time.perf_counter() - start)
            model.zero_grad(set_to_none=True)
    finally:
        model.train(was_training)
    per_step = sorted(timings[1:])[len(timings[1:]) // 2]  # the median, the warm-up left out
    n_params = count_parameters(cfg)["total"]
    return MachineSpeed(batch * length / per_step, n_params, Message(QT_TR_NOOP(
        "measured here: {0} forward + backward passes of {1}×{2} tokens"), steps, batch, length), here=True)


def seconds_for(flops: float, speed: MachineSpeed) -> float:
    return float(flops) / speed.flops_per_second


def energy_kwh(seconds: float, watts: float = LAPTOP_WATTS) -> float:
    """Energy at a constant power draw: watts × seconds, in kilowatt-hours (1 kWh = 3.6e6 J)."""
    return float(watts) * float(seconds) / 3.6e6


@dataclass(frozen=True)
class PublishedModel:
    name: str
    params: float  # as published
    tokens: float | None  # training tokens as published; None where they were not published
    flops: float | None  # training compute as published, if it was
    source: str  # these three are Messages (model/messages.py): the window shows them translated
    cite: str  # the source in a few words, for a table cell
    config: dict | None = None  # the published shape, to count its parameters our way
    note: str = ""


PUBLISHED = (
    PublishedModel(
        "GPT-2 (1.5B)", 1.542e9, None, None,
        Message(QT_TR_NOOP(
            "Radford et al. 2019, 'Language Models are Unsupervised Multitask Learners', Table 2 (1542M parameters, "
            "48 layers, d_model 1600). Trained on WebText (about 40 GB of text); the number of training tokens was "
            "not published.")),
        Message(QT_TR_NOOP("Radford et al. 2019, Table 2")),
        dict(vocab_size=50257, context_length=1024, n_layer=48, n_head=25, d_model=1600, d_mlp=6400),
        Message(QT_TR_NOOP("training tokens not published, so 6·N·D cannot be computed"))),
    PublishedModel(
        "GPT-3 (175B)", 175.0e9, 300e9, 3.14e23,
        Message(QT_TR_NOOP(
            "Brown et al. 2020, 'Language Models are Few-Shot Learners': Table 2.1 (175.0B parameters, 96 layers, "
            "d_model 12288, context 2048) and Table D.1 (300 billion training tokens, 3.14e23 FLOPs).")),
        Message(QT_TR_NOOP("Brown et al. 2020, Tables 2.1 and D.1")),
        dict(vocab_size=50257, context_length=2048, n_layer=96, n_head=96, d_model=12288, d_mlp=49152)),
    PublishedModel(
        "Chinchilla (70B)", 70e9, 1.4e12, None,
        Message(QT_TR_NOOP(
            "Hoffmann et al. 2022, 'Training Compute-Optimal Large Language Models', Table 1 (70 billion parameters, "
            "1.4 trillion training tokens).")),
        Message(QT_TR_NOOP("Hoffmann et al. 2022, Table 1"))),
)
GPT3_ENERGY_KWH = 1_287_000  # Patterson et al. 2021, 'Carbon Emissions and Large Neural Network Training': 1,287 MWh


def published_row(model: PublishedModel, speed: MachineSpeed | None, watts: float = LAPTOP_WATTS) -> dict:
    """One published model's figures: 6·N·D, and the years and energy on a machine of `speed`."""
    flops = training_flops(model.params, model.tokens) if model.tokens else None
    row = {"name": model.name, "params": model.params, "tokens": model.tokens, "flops": flops,
           "published_flops": model.flops, "source": model.source, "note": model.note,
           "our_count": count_parameters(ModelConfig(**model.config))["total"] if model.config else None,
           "seconds": None, "years": None, "kwh": None}
    if flops is not None and speed is not None:
        row["seconds"] = seconds_for(flops, speed)
        row["years"] = row["seconds"] / SECONDS_PER_YEAR
        row["kwh"] = energy_kwh(row["seconds"], watts)
    return row


# ---- numbers for people (Messages, model/messages.py: the window shows their words translated) --------------
LARGE_NUMBERS = ((QT_TR_NOOP("{0} trillion"), 1e12), (QT_TR_NOOP("{0} billion"), 1e9), (QT_TR_NOOP("{0} million"), 1e6))
# With a unit, each its own template: Spanish puts "de" between the word and the unit ("175 mil millones de tokens").
LARGE_COUNTS = (QT_TR_NOOP("{0} trillion {1}"), QT_TR_NOOP("{0} billion {1}"), QT_TR_NOOP("{0} million {1}"))
TIME_UNITS = ((QT_TR_NOOP("{0} years"), SECONDS_PER_YEAR), (QT_TR_NOOP("{0} days"), 86400),
              (QT_TR_NOOP("{0} hours"), 3600), (QT_TR_NOOP("{0} min"), 60))


def short(n: float | None, unit: str = "") -> str:
    """A count in words, three significant figures: 3.11 million, 175 billion, 1.4 trillion tokens; 3.15e23
    beyond trillions; "—" for None. `unit` is a word already in the reader's language."""
    if n is None:
        return "—"
    n = float(n)
    if abs(n) >= 1e15:
        text = f"{n:.3g}".replace("e+", "e")
    else:
        text = f"{n:,.0f}"
        for (words, size), with_unit in zip(LARGE_NUMBERS, LARGE_COUNTS):
            if abs(n) >= size:
                return Message(with_unit, f"{n / size:.3g}", unit) if unit else Message(words, f"{n / size:.3g}")
    return Message("{0} {1}", text, unit) if unit else text


def flops_text(n: float | None) -> str:
    """FLOPs in powers of ten, so that sizes far apart compare at a glance: 1.84e14 FLOPs."""
    return "—" if n is None else f"{float(n):.3g} FLOPs".replace("e+", "e")


def rate_text(flops_per_second: float) -> str:
    """39.5 GFLOP/s (giga 1e9, tera 1e12, peta 1e15)."""
    for prefix, size in (("P", 1e15), ("T", 1e12), ("G", 1e9), ("M", 1e6)):
        if flops_per_second >= size:
            return f"{flops_per_second / size:.3g} {prefix}FLOP/s"
    return f"{flops_per_second:.3g} FLOP/s"


def energy_text(kwh: float | None) -> str:
    """0.0194 kWh, 33.2 GWh: the unit that keeps the number between 1 and 1000 (Wh below 1 kWh)."""
    if kwh is None:
        return "—"
    for unit, size in (("TWh", 1e9), ("GWh", 1e6), ("MWh", 1e3), ("kWh", 1.0)):
        if kwh >= size:
            return f"{kwh / size:.3g} {unit}"
    return f"{kwh * 1000:.3g} Wh"


def duration(seconds: float | None) -> str:
    """A length of time in the largest unit that keeps it readable: 4.2 s, 77 min, 3.1 days, 2.5e5 years."""
    if seconds is None:
        return "—"
    for words, size in TIME_UNITS:
        if seconds >= size:
            value = seconds / size
            if value >= 1e9:
                return Message(words, f"{value:.2e}".replace("e+", "e"))
            return Message(words, f"{value:,.0f}" if value >= 100 else f"{value:.3g}")
    return f"{seconds:.3g} s"
