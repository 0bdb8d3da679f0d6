"""Past runs of some kinds, newest first, with Show and Delete… buttons and any a panel adds.

The Pre-train panel (tick runs to overlay their curves; Resume), the classification panel and the
continued-training panel (Open in explorer) all list, reopen and delete runs through this one
widget. What "show" puts on screen is the panel's business: the list only says which run.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr

from .runs import Run, RunStore

# A run's status (runs.json) in words; the statuses themselves stay English in the files
RUN_STATUS = {"new": QT_TR_NOOP("new"), "running": QT_TR_NOOP("running"), "stopped": QT_TR_NOOP("stopped"),
              "failed": QT_TR_NOOP("failed"), "done": QT_TR_NOOP("done"), "diverged": QT_TR_NOOP("diverged"),
              "diverged-kept": QT_TR_NOOP("diverged (checkpoint kept)")}


def status_text(status: str, words: dict[str, str] | None = None) -> str:
    return tr((words or RUN_STATUS).get(status, RUN_STATUS.get(status, status)))


def describe_run(run: Run) -> str:
    """A pre-training or continued run in a list: name, status, steps, when."""
    return tr("{0} · {1} · {2}/{3} steps · {4}").format(run.name, status_text(run.status), f"{run.step:,}",
                                                       f"{run.total_steps:,}", run.id[:15])


class RunList(QWidget):
    show_requested = Signal(object)  # Run
    delete_requested = Signal(object)  # Run; the panel checks it is not training it, then calls confirm_and_delete
    checked_changed = Signal()  # the ticked runs changed (checkable lists only)

    def __init__(self, store: RunStore, kinds: tuple[str, ...], describe: Callable[[Run], str], hint: str = "",
                 checkable: bool = False, parent=None):
        super().__init__(parent)
        self.store, self.kinds, self.describe, self.checkable = store, kinds, describe, checkable
        self.busy = False
        self.list = QListWidget()
        self.list.setWordWrap(True)  # the lists sit in narrow columns: wrap a long description, don't cut it
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.list.itemDoubleClicked.connect(lambda _item: self.show_requested.emit(self.selected_run()))
        self.list.itemChanged.connect(lambda *_: self.checked_changed.emit())
        self.show_button = QPushButton(tr("Show"))
        self.delete_button = QPushButton(tr("Delete…"))
        self.show_button.clicked.connect(lambda: self.show_requested.emit(self.selected_run()))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.selected_run()))
        self._conditions: dict[QPushButton, Callable[[Run], bool]] = {self.show_button: lambda r: True,
                                                                       self.delete_button: lambda r: True}
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.show_button)
        self.buttons.addWidget(self.delete_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if hint:
            label = QLabel(hint)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.buttons)
        self.refresh()

    def add_button(self, text: str, slot: Callable[[Run], None], enabled_for: Callable[[Run], bool] = lambda r: True
                   ) -> QPushButton:
        """A button acting on the selected run, enabled when `enabled_for(run)` and nothing trains."""
        button = QPushButton(text)
        button.clicked.connect(lambda: slot(self.selected_run()))
        self.buttons.insertWidget(self.buttons.count() - 2, button)  # before Delete… and the stretch
        self._conditions[button] = enabled_for
        self._update_buttons()
        return button

    def refresh(self, select: str | None = None) -> None:
        """Read the store again, keeping the ticks and the selection (or selecting run id `select`)."""
        checked = self.checked_ids()
        current = select or (self.list.currentItem().data(Qt.UserRole) if self.list.currentItem() else None)
        self.list.blockSignals(True)
        self.list.clear()
        for run in self.store.runs():
            if run.kind not in self.kinds:
                continue
            item = QListWidgetItem(self.describe(run))
            item.setToolTip(item.text())
            item.setData(Qt.UserRole, run.id)
            if self.checkable:
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
                item.setCheckState(Qt.Checked if run.id in checked else Qt.Unchecked)
            self.list.addItem(item)
            if run.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._update_buttons()
        if self.checkable:
            self.checked_changed.emit()

    def run_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())]

    def checked_ids(self) -> set[str]:
        return {self.list.item(i).data(Qt.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.Checked}

    def selected_run(self) -> Run | None:
        item = self.list.currentItem()
        return self.store.get(item.data(Qt.UserRole)) if item is not None else None

    def set_busy(self, busy: bool) -> None:
        """While the panel trains, runs can be ticked but not shown, deleted or acted on."""
        self.busy = busy
        self._update_buttons()

    def _update_buttons(self) -> None:
        run = self.selected_run() if not self.busy else None
        for button, enabled_for in self._conditions.items():
            button.setEnabled(run is not None and enabled_for(run))

    def confirm_and_delete(self, run: Run, what: str = "") -> bool:
        """Ask, then delete the run's folder. True when it is gone."""
        answer = QMessageBox.question(self, tr("Delete run"), tr("Delete the run “{0}”{1}?").format(run.name, what))
        if answer != QMessageBox.Yes:
            return False
        self.store.delete(run)
        self.refresh()
        return True
