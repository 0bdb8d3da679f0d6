"""Watch the model learn: a slider over a run's snapshots, shown above the explorer's stages.

When the open model belongs to a training run with snapshots, the bar appears; moving the slider
opens that snapshot (on the engine worker, like any model), so the attention heatmaps, the
embedding projection and the next-token distribution for the current prompt change with it.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from ..appearance import Appearance

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


class TimelineBar(QWidget):
    snapshot_requested = Signal(str)  # a snapshot folder to open

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.snapshots: list[tuple[int, Path]] = []
        self.title = QLabel("Watch it learn")
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
        snaps = run_snapshots(path) if path else []
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
        self.label.setText(f"after step {step:,} of {last:,}" if step else "before training (random weights)")

    def _open_current(self) -> None:
        if self.snapshots:
            self.snapshot_requested.emit(str(self.snapshots[self.slider.value()][1]))
