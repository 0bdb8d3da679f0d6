"""The Output stage's controls: temperature, top-k and top-p, and Step / Play / Undo at a speed."""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
)

from app.i18n import tr

from .base import heading, note


class SamplingControls(QObject):
    """Its widgets sit in `layout`, which the Output panel nests in its own column (as a layout, not a
    widget: the column then lays the wrapped notes out at their real width, and no row is squeezed)."""

    changed = Signal()  # temperature, top-k or top-p moved
    step_requested = Signal()
    undo_requested = Signal()
    play_toggled = Signal(bool)
    speed_changed = Signal(float)

    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.temperature = QSlider(Qt.Horizontal)
        self.temperature.setRange(0, 200)
        self.temperature.setValue(100)
        self.top_k = QSpinBox()
        self.top_k.setRange(0, 100000)
        self.top_k.setSpecialValueText(tr("off"))
        self.top_p = QSlider(Qt.Horizontal)
        self.top_p.setRange(1, 100)
        self.top_p.setValue(100)
        self.temperature_label, self.top_p_label = QLabel(), QLabel()
        for label in (self.temperature_label, self.top_p_label):  # one line, fixed width: the slider never jumps
            label.setWordWrap(False)
            label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.temperature.setToolTip(tr("0 is greedy decoding: always the most likely token. Below 1 sharpens "
                                            "the distribution, above 1 flattens it."))
        self.top_k.setToolTip(tr("Keep only the k most likely tokens (off: keep all)."))
        self.top_p.setToolTip(tr("Keep the fewest most likely tokens whose probabilities add up to at least p "
                                      "(1.00: keep all)."))
        for w in (self.temperature, self.top_k, self.top_p):
            w.valueChanged.connect(self._changed)
        form = QFormLayout()
        t_row, p_row = QHBoxLayout(), QHBoxLayout()
        t_row.addWidget(self.temperature, 1)
        t_row.addWidget(self.temperature_label)
        p_row.addWidget(self.top_p, 1)
        p_row.addWidget(self.top_p_label)
        form.addRow(tr("Temperature"), t_row)
        form.addRow(tr("Top-k"), self.top_k)
        form.addRow(tr("Top-p"), p_row)
        self.greedy_note = note("", appearance)
        self.step_button = QPushButton(tr("Step ▸"))
        self.play_button = QPushButton(tr("Play ▶"))
        self.play_button.setCheckable(True)
        self.undo_button = QPushButton(tr("Undo ◂"))
        self.speed = QDoubleSpinBox()
        self.speed.setRange(0.5, 20.0)
        self.speed.setValue(3.0)
        self.speed.setSuffix(tr(" tokens/s"))
        self.step_button.clicked.connect(self.step_requested)
        self.undo_button.clicked.connect(self.undo_requested)
        self.play_button.toggled.connect(self._play_toggled)
        self.speed.valueChanged.connect(self.speed_changed)
        buttons = QGridLayout()  # two rows: narrow enough for a school laptop or presentation fonts
        buttons.addWidget(self.step_button, 0, 0)
        buttons.addWidget(self.play_button, 0, 1)
        buttons.addWidget(self.undo_button, 1, 0)
        buttons.addWidget(self.speed, 1, 1)
        self.layout = layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading(tr("Shape the distribution"), appearance))
        layout.addLayout(form)
        layout.addWidget(self.greedy_note)
        layout.addWidget(heading(tr("Generate"), appearance))
        layout.addLayout(buttons)
        layout.addWidget(note(tr("Click a bar to force that token as the next one."), appearance))
        self._show_values()
        self.fit()

    def settings(self) -> tuple[float, int, float]:
        return self.temperature.value() / 100.0, self.top_k.value(), self.top_p.value() / 100.0

    def set_settings(self, temperature: float, top_k: int, top_p: float) -> None:
        self.temperature.setValue(round(temperature * 100))
        self.top_k.setValue(int(top_k))
        self.top_p.setValue(round(top_p * 100))

    def _changed(self, *_) -> None:
        self._show_values()
        self.changed.emit()

    def _show_values(self) -> None:
        t, _, p = self.settings()
        self.temperature_label.setText(tr("0 (greedy)") if t == 0 else f"{t:.2f}")
        self.top_p_label.setText(f"{p:.2f}" + (tr(" (off)") if p >= 1 else ""))
        # Said at 0 only (what the others do is in the temperature's tooltip and the lesson): three more
        # lines here squeezed the controls above them on a 1024x640 screen.
        self.greedy_note.setText(tr("Temperature 0 is greedy decoding: always the most likely token."))
        self.greedy_note.setVisible(t == 0)

    def fit(self) -> None:
        """The value labels keep the width of their widest text, so the sliders keep theirs."""
        fm = QFontMetrics(self.appearance.font())  # the application font as it is now set
        self.temperature_label.setFixedWidth(fm.horizontalAdvance(tr("0 (greedy)")) + 6)
        self.top_p_label.setFixedWidth(fm.horizontalAdvance("1.00" + tr(" (off)")) + 6)

    def _play_toggled(self, on: bool) -> None:
        self.play_button.setText(tr("Pause ❚❚") if on else tr("Play ▶"))
        self.play_toggled.emit(on)

    def set_playing(self, on: bool) -> None:
        """Show Play's state when it changed elsewhere (the menu, or typing stopped it), without acting on it."""
        self.play_button.blockSignals(True)
        self.play_button.setChecked(on)
        self.play_button.blockSignals(False)
        self.play_button.setText(tr("Pause ❚❚") if on else tr("Play ▶"))
