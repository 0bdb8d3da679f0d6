"""A bias probe: prompts that differ in one word, and the next-token probabilities of chosen words.

A probe is a template with one slot written as {a|b|...}: "The {doctor|nurse} said that". Each filler
makes one prompt; each prompt is traced (model.tracing.trace_text) and its last position's logits go
through model.decoding.shape_distribution at temperature 1 with no top-k or top-p, the same function
the Output stage draws its bars from. A target word's probability is the probability of its FIRST
token as a continuation of the prompt (a space is put in front of it when the template does not end
in whitespace); a word the tokenizer splits into several tokens is marked, because the probability
of the whole word would be that first token's probability times the later ones'.

No torch at import: the GUI reads and writes probe sets and CSV files; only `run_probe` (on a worker
thread) traces.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .files import atomic_write_text
from .messages import QT_TR_NOOP, Message
from .paths import resources_dir

SLOT = re.compile(r"\{([^{}]*)\}")


class ProbeError(ValueError):
    """A probe that cannot run: the message says what to change."""


@dataclass
class Probe:
    template: str  # with exactly one {a|b|...} slot
    targets: list[str]  # words whose next-token probability is read
    name: str = ""
    description: str = ""

    def fillers(self) -> list[str]:
        slots = SLOT.findall(self.template)
        if len(slots) != 1:
            raise ProbeError(Message(QT_TR_NOOP("The template needs exactly one slot like {0}; it has {1}."),
                                     "{he|she}", len(slots)))
        fillers = [f.strip() for f in slots[0].split("|")]
        if len(fillers) < 2 or not all(fillers):
            raise ProbeError(Message(QT_TR_NOOP(
                "The slot needs at least two non-empty fillers separated by |, like {0}."), "{he|she}"))
        return fillers

    def prompts(self) -> list[str]:
        return [SLOT.sub(lambda _m, f=f: f, self.template, count=1) for f in self.fillers()]

    def check(self) -> None:
        self.fillers()
        if not [t for t in self.targets if t.strip()]:
            raise ProbeError(Message(QT_TR_NOOP(
                "Name at least one target word whose probability to read, like: he, she.")))

    @classmethod
    def from_dict(cls, data: dict) -> Probe:
        try:
            return cls(str(data["template"]), [str(t) for t in data["targets"]], str(data.get("name", "")),
                       str(data.get("description", "")))
        except (KeyError, TypeError) as exc:
            raise ProbeError(Message(QT_TR_NOOP("A probe needs 'template' and 'targets' ({0})."), str(exc))) from exc


@dataclass
class ProbeResult:
    probe: Probe
    fillers: list[str]
    prompts: list[str]
    targets: list[str]  # as typed (blank ones dropped)
    target_ids: list[int]  # the first token of each target as a continuation
    target_tokens: list[int]  # how many tokens each target takes (1: the probability is the word's)
    probs: np.ndarray  # [fillers, targets] float64 probability of each target's first token after each prompt
    notes: list[str] = field(default_factory=list)  # what the reader should know about these numbers

    def ratios(self) -> np.ndarray:
        """[fillers]: the first target's probability over the second's (nan with fewer than two targets)."""
        if self.probs.shape[1] < 2:
            return np.full(self.probs.shape[0], np.nan)
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.probs[:, 0] / self.probs[:, 1]

    def rows(self) -> list[list]:
        """The result as a table: one row per filler, one probability column per target, the ratio."""
        header = ["filler", "prompt"] + [f"P({t.strip()})" for t in self.targets]
        has_ratio = len(self.targets) >= 2
        if has_ratio:
            header.append(f"ratio P({self.targets[0].strip()}) / P({self.targets[1].strip()})")
        rows = [header]
        for i, (filler, prompt) in enumerate(zip(self.fillers, self.prompts)):
            row = [filler, prompt] + [float(p) for p in self.probs[i]]
            if has_ratio:
                row.append(float(self.ratios()[i]))
            rows.append(row)
        return rows


def continuation(template: str, target: str) -> str:
    """The target as the text that would follow the prompt: a leading space unless one is there already."""
    target = target.strip()
    return target if not template or template[-1].isspace() else " " + target


def target_token_ids(tokenizer, template: str, targets: list[str]) -> tuple[list[int], list[int]]:
    """Each target's first token id as a continuation, and how many tokens the whole word takes."""
    firsts, counts = [], []
    for target in targets:
        ids = tokenizer.encode(continuation(template, target))
        if not ids:
            raise ProbeError(Message(QT_TR_NOOP("The target {0} has no tokens in this model's vocabulary."),
                                     repr(target)))
        firsts.append(int(ids[0]))
        counts.append(len(ids))
    return firsts, counts


def run_probe(model, tokenizer, probe: Probe) -> ProbeResult:
    """Trace every prompt of `probe` and read its targets' first-token probabilities (worker thread)."""
    from .decoding import shape_distribution
    from .tracing import trace_text

    probe.check()
    targets = [t.strip() for t in probe.targets if t.strip()]
    fillers, prompts = probe.fillers(), probe.prompts()
    ids, counts = target_token_ids(tokenizer, probe.template, targets)
    probs = np.zeros((len(prompts), len(targets)))
    for i, prompt in enumerate(prompts):
        trace = trace_text(model, tokenizer, prompt, lens_all_positions=False)
        shaped, _ = shape_distribution(trace.final_logits)  # temperature 1: the model's own probabilities
        probs[i] = shaped[ids]
    notes = []
    split = [t for t, n in zip(targets, counts) if n > 1]
    if split:
        notes.append(Message(QT_TR_NOOP(
            "Split into several tokens, so only the first token's probability is shown: {0}"),
                             ", ".join(f"{t} ({tokenizer.label(i)}…)" for t, i in zip(targets, ids) if t in split)))
    unknown = [t for t, i in zip(targets, ids) if tokenizer.is_unknown(i)]
    if unknown:
        notes.append(Message(QT_TR_NOOP("Not in this model's vocabulary (read as the unknown token): {0}"),
                             ", ".join(unknown)))
    if len(set(ids)) < len(ids):
        notes.append(Message(QT_TR_NOOP(
            "Some targets begin with the same token, so their probabilities are equal: {0}. With a character "
            "tokenizer, end the template with a space."), ", ".join(sorted({tokenizer.label(i) for i in ids
                                                                          if ids.count(i) > 1}))))
    return ProbeResult(probe, fillers, prompts, targets, ids, counts, probs, notes)


# ---- shipped sets and files -----------------------------------------------------------------------------
def probes_dir() -> Path:
    return resources_dir() / "bias_probes"


def load_probe_sets(folder: Path | None = None) -> list[Probe]:
    """The shipped example probes (resources/bias_probes/*.json, each a probe), sorted by file name.
    A file that does not read is skipped: the others still show."""
    probes = []
    for path in sorted((folder or probes_dir()).glob("*.json")):
        try:
            probes.append(Probe.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue
    return probes


def to_csv(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def save_csv(result: ProbeResult, path: str | Path) -> None:
    """The result table as CSV, written atomically (a crash leaves the old file or the new one)."""
    atomic_write_text(path, to_csv(result.rows()))


def read_csv(path: str | Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))
