"""Watch the model learn: a slider over a run's snapshots, shown above the explorer's stages.

When the open model belongs to a training run with snapshots, the bar appears; moving the slider
opens that snapshot (on the engine worker, like any model), so the attention heatmaps, the
embedding projection and the next-token distribution for the current prompt change with it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from app.i18n import tr

from ..common.appearance import Appearance

SNAPSHOT = re.compile(r"step-(\d+)")


def run_snapshots(model_folder: str | Path) -> list[tuple[int, Path]]:
    """The snapshots of the run a model folder belongs to (a snapshot, a run's checkpoint, or a CLI
    output folder with a "<name>-snapshots" sibling), oldest first; [] when there are none."""
    p = Path(model_folder)
    candidates = []
    if SNAPSHOT.fullmatch(p.name):
        candidates.append(p.parent)
    candidates += [p.parent / "snapshots", p.with_name(p.name + "-snapshots")]
    for folder in candidates:
        if folder.is_dir():
            found = sorted((int(m.group(1)), f) for f in folder.iterdir()
                           if (m := SNAPSHOT.fullmatch(f.name)) and (f / "model.safetensors").exists())
            if found:
                return found
    return []


def _checkpoint_of(snapshot_dir: Path) -> Path:
    """The model folder a run's snapshots belong to: an app run's checkpoint/, or the CLI's output folder."""
    if snapshot_dir.name.endswith("-snapshots"):
        return snapshot_dir.with_name(snapshot_dir.name[: -len("-snapshots")])
    return snapshot_dir.parent / "checkpoint"


def trained_step(folder: Path) -> int | None:
    """The step a model folder was saved at (its training.json), or None."""
    try:
        return int(json.loads((Path(folder) / "training.json").read_text(encoding="utf-8"))["step"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def run_timeline(model_folder: str | Path) -> list[tuple[int, Path]]:
    """The run's snapshots and its latest checkpoint, by step: what the slider offers.

    A run stopped at step 169 with snapshots at 0 and 100 offers 0, 100 and 169 (the checkpoint), so
    the step just opened from the Pre-train tab is on the slider. [] when there are no snapshots."""
    snaps = run_snapshots(model_folder)
    if not snaps:
        return []
    checkpoint = _checkpoint_of(snaps[0][1].parent)
    step = trained_step(checkpoint) if (checkpoint / "model.safetensors").exists() else None
    if step is None:
        return snaps
    same = [i for i, (s, _) in enumerate(snaps) if s == step]
    if same:  # a snapshot of the same step: opening either is the same weights
        if Path(model_folder) == checkpoint:
            snaps[same[0]] = (step, checkpoint)
        return snaps
    return sorted(snaps + [(step, checkpoint)], key=lambda sp: sp[0])


def run_label(model_folder: str | Path) -> str | None:
    """"<run name> · step N" for a run's checkpoint or snapshot folder (their folder names,
    "checkpoint" and "step-000169", say nothing); None for any other folder."""
    p = Path(model_folder)
    if p.name == "checkpoint":
        run_dir = p.parent
    elif SNAPSHOT.fullmatch(p.name) and p.parent.name == "snapshots":
        run_dir = p.parent.parent
    else:
        return None
    try:
        info = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = str(info.get("name") or run_dir.name) if isinstance(info, dict) else run_dir.name
    step = trained_step(p)
    if step is None and (m := SNAPSHOT.fullmatch(p.name)):
        step = int(m.group(1))
    return f"{name} · " + tr("step {0}").format(f"{step:,}") if step is not None else name


class TimelineBar(QWidget):
    snapshot_requested = Signal(str)  # a snapshot folder to open

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.snapshots: list[tuple[int, Path]] = []
        self.title = QLabel(tr("Watch it learn"))
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setTickPosition(QSlider.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setPageStep(1)
        self.label = QLabel()
        self.label.setMinimumWidth(200)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.timer = QTimer(self, singleShot=True, interval=120)  # dragging opens only where it rests
        self.timer.timeout.connect(self._open_current)
        self.slider.valueChanged.connect(self._moved)
        appearance.changed.connect(self._restyle)
        self._restyle()
        self.hide()

    def _restyle(self) -> None:
        self.title.setFont(self.appearance.font(1.05, bold=True))

    def model_opened(self, path: str | None) -> None:
        """Show the bar for a model that belongs to a run with snapshots, positioned on it."""
        snaps = run_timeline(path) if path else []
        if len(snaps) < 2:
            self.snapshots = []
            self.hide()
            return
        self.snapshots = snaps
        paths = [str(p) for _, p in snaps]
        index = paths.index(str(Path(path))) if str(Path(path)) in paths else len(snaps) - 1
        self.slider.blockSignals(True)
        self.slider.setRange(0, len(snaps) - 1)
        self.slider.setValue(index)
        self.slider.blockSignals(False)
        self._show_label(index)
        self.show()

    def _moved(self, index: int) -> None:
        self._show_label(index)
        self.timer.start()

    def _show_label(self, index: int) -> None:
        step = self.snapshots[index][0]
        last = self.snapshots[-1][0]
        self.label.setText(tr("after step {0} of {1}").format(f"{step:,}", f"{last:,}") if step
                           else tr("before training (random weights)"))

    def _open_current(self) -> None:
        if self.snapshots:
            self.snapshot_requested.emit(str(self.snapshots[self.slider.value()][1]))
