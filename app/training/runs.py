"""The run store: one folder a run in the per-user data folder, readable without torch.

    runs/<id>/run.json      settings, status, last step, kind (rewritten atomically)
              metrics.csv   one row a logged step
              samples.txt   the sample generations, with their step
              checkpoint/   the model folder the trainer writes (loadable; resumable)
              snapshots/    step-000000 ... about ten weight-only model folders

Kinds: "pretrain" (resumable), "continue" (language-model fine-tuning on the user's text; its
checkpoint is a base for other fine-tunes) and "classify" (see classify_runs.py for its files).
"""
from __future__ import annotations

import csv
import json
import math
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from model.messages import Message
from model.paths import user_data_dir

METRIC_COLUMNS = ("step", "tokens_seen", "train_loss", "val_loss", "learning_rate", "grad_norm",
                  "tokens_per_second", "elapsed")


def _atomic_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _atomic_json(path: Path, data: dict) -> None:
    _atomic_text(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")


@dataclass
class Run:
    folder: Path
    info: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.folder.name

    @property
    def name(self) -> str:
        return self.info.get("name") or self.id

    @property
    def checkpoint(self) -> Path:
        return self.folder / "checkpoint"

    @property
    def snapshots_dir(self) -> Path:
        return self.folder / "snapshots"

    @property
    def kind(self) -> str:
        return self.info.get("kind", "pretrain")

    @property
    def status(self) -> str:
        return self.info.get("status", "new")

    @property
    def step(self) -> int:
        return int(self.info.get("step", 0))

    @property
    def total_steps(self) -> int:
        settings = self.info.get("settings", {})  # a TrainingSettings dict; flat in classify runs and before #13
        return int(settings.get("train", settings).get("steps", 0))

    def has_checkpoint(self) -> bool:
        return (self.checkpoint / "model.safetensors").exists()

    def can_resume(self) -> bool:
        return (self.status in ("stopped", "running", "diverged-kept") and self.has_checkpoint()
                and (self.checkpoint / "trainer_state.safetensors").exists() and self.checkpoint_step() < self.total_steps)

    def usable_as_base(self) -> bool:
        """A pre-training checkpoint (even of a run that stopped half-way), or a continued run that
        finished or was stopped (while it trains, its checkpoint is not final)."""
        if self.kind == "pretrain":
            return self.has_checkpoint()
        return self.kind == "continue" and self.status in ("done", "stopped") and self.has_checkpoint()

    def checkpoint_step(self) -> int:
        try:
            return int(json.loads((self.checkpoint / "training.json").read_text(encoding="utf-8"))["step"])
        except (OSError, ValueError, KeyError):
            return 0

    def update(self, **changes) -> None:
        if "message" in changes:  # a model.messages.Message keeps its parts, for the window to translate
            message = changes["message"]
            changes["message_parts"] = message.to_json() if isinstance(message, Message) else None
        self.info.update(changes)
        self.info["updated"] = time.time()
        _atomic_json(self.folder / "run.json", self.info)

    def message(self) -> str:
        """How the run ended, as a Message when its parts were kept (app.i18n.translated shows it)."""
        return Message.from_json(self.info.get("message_parts")) or self.info.get("message", "")

    # ---- metrics and samples -------------------------------------------------------------
    def append_metrics(self, records) -> None:
        path = self.folder / "metrics.csv"
        new = not path.exists()
        with open(path, "a", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            if new:
                w.writerow(METRIC_COLUMNS)
            for r in records:
                if not math.isfinite(r.train_loss):  # a stop right after a record: no steps to report
                    continue
                w.writerow(["" if getattr(r, c) is None else _fmt(getattr(r, c)) for c in METRIC_COLUMNS])
        samples = [r for r in records if getattr(r, "sample", None)]
        if samples:
            with open(self.folder / "samples.txt", "a", encoding="utf-8") as fh:
                for r in samples:
                    fh.write(f"=== step {r.step}\n{r.sample}\n")

    def write_metrics(self, columns: tuple[str, ...], rows: list[list]) -> None:
        """Write metrics.csv whole (atomically): for runs saved when they end, like classification runs."""
        lines = [",".join(columns)]
        lines += [",".join("" if v is None else _fmt(v) for v in row) for row in rows]
        _atomic_text(self.folder / "metrics.csv", "\n".join(lines) + "\n")

    def metrics(self, columns: tuple[str, ...] = METRIC_COLUMNS) -> dict[str, np.ndarray]:
        """Columns of metrics.csv as float arrays (NaN where empty). Resumed runs: the last row of a step wins."""
        rows: dict[int, list[float]] = {}
        try:
            with open(self.folder / "metrics.csv", newline="", encoding="utf-8") as fh:
                reader = csv.reader(fh)
                header = next(reader, None)
                if header is None:
                    raise OSError
                index = [header.index(c) if c in header else -1 for c in columns]
                for line in reader:
                    try:
                        values = [float(line[i]) if i >= 0 and i < len(line) and line[i] != "" else math.nan for i in index]
                    except ValueError:
                        continue
                    if not math.isnan(values[0]):
                        rows[int(values[0])] = values
        except OSError:
            return {c: np.zeros(0) for c in columns}
        ordered = [rows[k] for k in sorted(rows)]
        table = np.array(ordered, dtype=np.float64).reshape(-1, len(columns))
        return {c: table[:, i] for i, c in enumerate(columns)}

    def samples(self) -> list[tuple[int, str]]:
        try:
            text = (self.folder / "samples.txt").read_text(encoding="utf-8")
        except OSError:
            return []
        out = []
        for part in re.split(r"^=== step (\d+)\n", text, flags=re.M)[1:]:
            out.append(part)
        return [(int(out[i]), out[i + 1].rstrip("\n")) for i in range(0, len(out) - 1, 2)]

    def snapshots(self) -> list[tuple[int, Path]]:
        if not self.snapshots_dir.is_dir():
            return []
        found = []
        for p in self.snapshots_dir.iterdir():
            m = re.fullmatch(r"step-(\d+)", p.name)
            if m and (p / "model.safetensors").exists():
                found.append((int(m.group(1)), p))
        return sorted(found)


def _fmt(v) -> str:
    return f"{v:.6g}" if isinstance(v, float) else str(v)


class RunStore:
    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else user_data_dir() / "runs"

    def new_folder(self, name: str) -> Path:
        """An empty folder for a run, named by the time and `name`. Without run.json, runs() skips it."""
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        slug = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-")[:40] or "run"
        folder = self.root / f"{stamp}-{slug}"
        n = 2
        while True:
            try:
                folder.mkdir()  # mkdir, not exists(): two threads may name a run in the same second
                return folder
            except FileExistsError:
                folder = self.root / f"{stamp}-{slug}-{n}"
                n += 1

    def create(self, name: str, settings: dict, kind: str = "pretrain") -> Run:
        run = Run(self.new_folder(name), {"name": name, "kind": kind, "created": time.time(), "status": "new",
                                          "step": 0, "settings": settings})
        run.update()
        return run

    def runs(self) -> list[Run]:
        """Every run, newest first; a folder with an unreadable run.json is skipped."""
        if not self.root.is_dir():
            return []
        out = []
        for folder in self.root.iterdir():
            try:
                info = json.loads((folder / "run.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            out.append(Run(folder, info))
        return sorted(out, key=lambda r: r.info.get("created", 0), reverse=True)

    def bases(self) -> list[Run]:
        """Runs whose checkpoint can be fine-tuned further, newest first."""
        return [r for r in self.runs() if r.usable_as_base()]

    def get(self, run_id: str) -> Run | None:
        return next((r for r in self.runs() if r.id == run_id), None)

    def interrupted(self) -> list[Run]:
        """Runs that stopped before their last step and can be resumed (window closed, app killed)."""
        return [r for r in self.runs() if r.kind == "pretrain" and r.can_resume()]

    def delete(self, run: Run) -> None:
        if run.folder.parent.resolve() != self.root.resolve():
            raise ValueError(f"{run.folder} is not in the run store")
        shutil.rmtree(run.folder)
