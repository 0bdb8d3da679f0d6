"""Controls the training panels share: Start / Stop (and Pause) with a step progress bar, spin
boxes, muted notes, durations in words, and choosing text files (Files…, Folder…, or a drop)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.i18n import tr

from ..common.appearance import Appearance


def duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return tr("{0} s").format(seconds)
    if seconds < 3600:
        return tr("{0} min {1} s").format(seconds // 60, f"{seconds % 60:02d}")
    return tr("{0} h {1} min").format(seconds // 3600, f"{seconds % 3600 // 60:02d}")


def run_time_text(seconds_per_step: float, steps: int, device: str) -> str:
    """What a measured step time means for a whole run, in words."""
    return tr("about {ms} ms a step on {device}, measured on this computer: {steps} steps take about "
        "{total} (evaluation and samples add a little)").format(
        ms=f"{seconds_per_step * 1000:,.0f}", device=device.upper(), steps=f"{steps:,}",
        total=duration(seconds_per_step * steps))


def dim_when_disabled(appearance: Appearance, *widgets) -> None:
    """Disabled buttons drawn in the muted colour. The app's palette sets each role for every colour
    group, the disabled one included, so a disabled Start looked exactly like an enabled one."""
    def apply() -> None:
        muted = appearance.color("muted")
        for w in widgets:
            pal = w.palette()
            for role in (QPalette.ButtonText, QPalette.WindowText, QPalette.Text):
                pal.setColor(QPalette.Disabled, role, muted)
            w.setPalette(pal)

    apply()
    appearance.changed.connect(apply)


def spin(lo, hi, value, step=1) -> QSpinBox:
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setValue(value)
    return s


def combo(items, chosen: Callable[[], None] | None = None) -> QComboBox:
    """A drop-down of `items` ((value, label) pairs, or a dict value -> label) calling `chosen()` on a change.
    Labels are translated here: mark them QT_TR_NOOP where they are written."""
    box = QComboBox()
    for value, label in (items.items() if isinstance(items, dict) else items):
        box.addItem(tr(label), value)
    if chosen is not None:
        box.currentIndexChanged.connect(chosen)
    return box


def job_controls(start, stop, appearance: Appearance | None = None
                 ) -> tuple[QPushButton, QPushButton, QProgressBar, QHBoxLayout]:
    """Start and Stop buttons wired to `start` and `stop`, and a step progress bar, in one row."""
    start_button, stop_button = QPushButton(tr("Start ▶")), QPushButton(tr("Stop ■"))
    if appearance is not None:
        dim_when_disabled(appearance, start_button, stop_button)
    start_button.clicked.connect(start)
    stop_button.clicked.connect(stop)
    progress = QProgressBar()
    progress.setFormat(tr("step %v of %m"))
    row = QHBoxLayout()
    row.addWidget(start_button)
    row.addWidget(stop_button)
    row.addWidget(progress, 1)
    return start_button, stop_button, progress, row


def muted_label(appearance: Appearance, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {appearance.hex('muted')}")
    return label


def text_buttons(parent: QWidget, take: Callable[[list[str]], None], title: str, filters: str
                 ) -> tuple[QPushButton, QPushButton]:
    """"Files…" and "Folder…" buttons that hand the chosen text files, or the folder, to `take(paths)`."""
    files, folder = QPushButton(tr("Files…")), QPushButton(tr("Folder…"))

    def choose_files() -> None:
        chosen, _ = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), filters)
        if chosen:
            take(chosen)

    def choose_folder() -> None:
        chosen = QFileDialog.getExistingDirectory(parent, tr("A folder of .txt files"), str(Path.home()))
        if chosen:
            take([chosen])

    files.clicked.connect(choose_files)
    folder.clicked.connect(choose_folder)
    return files, folder


class PathDrops(QObject):
    """Files and folders dropped on `widget` go to `take(paths)`, while `accepting()`."""

    def __init__(self, widget: QWidget, take: Callable[[list[str]], None], accepting: Callable[[], bool]):
        super().__init__(widget)
        self.take, self.accepting = take, accepting
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.DragEnter:
            if event.mimeData().hasUrls() and self.accepting():
                event.acceptProposedAction()
            return True
        if event.type() == QEvent.Drop:
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                self.take(paths)
                event.acceptProposedAction()
            return True
        return False
