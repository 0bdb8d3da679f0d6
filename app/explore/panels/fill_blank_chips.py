"""Fill the blank's row of token chips: click one to hide it behind [MASK], click it again to show it."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QScrollArea, QToolButton, QWidget

from app.i18n import tr

from ...common.flow import FlowLayout
from ...common.textutil import visible

MAX_ROWS = 4  # then the chips scroll


class BlankChips(QScrollArea):
    toggled = Signal(int)  # the position of the chip clicked

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.chips: list[QToolButton] = []  # one per token, as wide as its text
        self._states: list[tuple | None] = []  # what each chip was last set to show
        box = QWidget()
        self.flow = FlowLayout(box, spacing=4)
        self.setWidgetResizable(True)
        self.setWidget(box)
        self.setFrameShape(QScrollArea.NoFrame)

    def show_result(self, result) -> None:
        """One chip per token of `result` (a FillResult); the hidden ones read [MASK] in the accent colour."""
        while len(self.chips) < len(result.labels):
            chip = QToolButton()
            chip.setCheckable(True)
            chip.setCursor(Qt.PointingHandCursor)
            chip.clicked.connect(lambda _on, i=len(self.chips): self.toggled.emit(i))
            self.flow.addWidget(chip)
            self.chips.append(chip)
            self._states.append(None)
        accent = self.appearance.hex("generated")
        for i, chip in enumerate(self.chips):
            shown = i < len(result.labels)
            if chip.isVisibleTo(self) != shown:
                chip.setVisible(shown)
            if not shown:
                continue
            hidden = i in result.blanks
            label = result.labels[i]
            # A keystroke changes a chip or two: the others keep their text, tip and style. Setting a style
            # sheet polishes the chip again even when it is the same one (64 chips: a felt stall when typing).
            if chip.isChecked() != hidden:  # a click checks the chip at once; the result says whether it stays
                chip.setChecked(hidden)
            state = (label, hidden, accent if hidden else "")
            if self._states[i] == state:
                continue
            self._states[i] = state
            chip.setText("[MASK]" if hidden else visible(label, 16))
            chip.setToolTip(tr("Hidden: “{0}”. Click to show it again").format(visible(label, 24))
                            if hidden else tr("Click to hide this token"))
            chip.setStyleSheet(f"color: {accent}; font-weight: bold" if hidden else "")
        self.fit()

    def fit(self) -> None:
        """As tall as the chips' rows, at most MAX_ROWS."""
        if self.chips:
            rows = self.flow.heightForWidth(max(200, self.viewport().width()))
            self.setFixedHeight(min(rows, MAX_ROWS * (self.chips[0].sizeHint().height() + 4)) + 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit()
