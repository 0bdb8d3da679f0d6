"""What the Pre-train panel shows of a run besides its curves: samples, newest first; its model
folders (snapshots and the latest checkpoint, in step order, with Open in explorer); and the banner
that offers to resume a run that was interrupted."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr

from .runs import Run


class SamplesView(QPlainTextEdit):
    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(appearance.font(0.95, mono=True))
        self.setPlaceholderText(tr("Every few steps the model continues the sample prompt. "
                                   "Watch noise turn into letters, then words."))

    def add(self, step: int, text: str) -> None:
        """Newest first: the latest sample is always in view."""
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        cursor.insertText("— " + tr("step {0}").format(step) + f" —\n{text}\n\n")
        self.moveCursor(cursor.MoveOperation.Start)


class CheckpointList(QWidget):
    open_requested = Signal(str)  # a model folder

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.itemDoubleClicked.connect(lambda item: self.open_requested.emit(item.data(Qt.UserRole)))
        self.open_button = QPushButton(tr("Open in explorer"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_current)
        self.list.currentItemChanged.connect(lambda item, _=None: self.open_button.setEnabled(item is not None))
        note = QLabel(tr("Snapshots are kept about ten times a run; the latest checkpoint is what Resume uses."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.open_button, 0, Qt.AlignLeft)

    def _open_current(self) -> None:
        if self.list.currentItem() is not None:
            self.open_requested.emit(self.list.currentItem().data(Qt.UserRole))

    def count(self) -> int:
        return self.list.count()

    def clear(self) -> None:
        self.list.clear()

    def add_snapshots(self, run: Run | None, up_to: int) -> None:
        if run is None:
            return
        have = {self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())}
        for step, path in run.snapshots():
            if step <= up_to and str(path) not in have:
                self._insert(run, step, str(path), tr("snapshot"))

    def add_latest_checkpoint(self, run: Run) -> None:
        """The run's checkpoint, in step order among the snapshots, selected."""
        self.list.setCurrentItem(self._insert(run, run.checkpoint_step(), str(run.checkpoint),
                                              tr("latest checkpoint")))

    def _insert(self, run: Run, step: int, path: str, what: str) -> QListWidgetItem:
        """Oldest step first, by number (it listed 169, 0, 100); the latest checkpoint after a snapshot of its step."""
        item = QListWidgetItem(tr("step {0}").format(f"{step:,}") + f" · {what}")
        item.setData(Qt.UserRole, path)
        key = (step, path == str(run.checkpoint))
        item.setData(Qt.UserRole + 1, key)
        row = 0
        while row < self.list.count() and tuple(self.list.item(row).data(Qt.UserRole + 1)) <= key:
            row += 1
        self.list.insertItem(row, item)
        return item


class ResumeBanner(QWidget):
    """'The run X stopped at step N … [Resume it] [Not now]' for the newest interrupted run."""

    resume_requested = Signal(object)  # Run

    def __init__(self, parent=None):
        super().__init__(parent)
        self.candidate: Run | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton(tr("Resume it"))
        self.button.clicked.connect(lambda: self.resume_requested.emit(self.candidate))
        dismiss = QPushButton(tr("Not now"))
        dismiss.clicked.connect(self.hide)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        row.addWidget(dismiss)
        self.hide()

    def offer(self, run: Run | None) -> None:
        self.candidate = run
        if run is None:
            self.hide()
            return
        self.label.setText(tr("The run “{0}” stopped at step {1} of {2}. Its checkpoint is saved.").format(
            run.name, f"{run.checkpoint_step():,}", f"{run.total_steps:,}"))
        self.show()
