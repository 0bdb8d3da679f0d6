"""The classification fine-tune's settings column: the base model, the labelled examples, how many
blocks learn and for how long, and (below, placed by the panel) the past classification runs."""
from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr

from ..common.appearance import Appearance
from .base_picker import BasePicker
from .controls import muted_label, spin
from .labelled_table import BUNDLED, LabelledTable
from .layout import column, group
from .runs import RunStore

FREEZE_HELP = QT_TR_NOOP("Only the last N blocks (and the new head) learn; the blocks below keep what pre-training "
                          "taught them. Fewer trainable blocks: faster, and safer with few examples. All blocks: the "
                          "whole network adapts.")


class FinetuneForm(QWidget):
    def __init__(self, appearance: Appearance, store: RunStore, runs, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.base_picker = BasePicker(store)
        self.table = LabelledTable(appearance)
        runs.list.setMinimumHeight(60)
        runs.setMaximumHeight(150)
        column(group(tr("1  Base model"), self.base_picker),
               (group(tr("2  Labelled examples (double-click to edit)"), self.table), 1),
               self._settings_box(), group(tr("Past classification runs"), runs), into=self)
        self.base_picker.base_chosen.connect(self.show_base_size)
        self.show_base_size()

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox(tr("3  Fine-tune"))
        form = QFormLayout(box)
        self.blocks_spin = spin(0, 48, 1)
        self.blocks_spin.setToolTip(tr(FREEZE_HELP))
        self.steps_spin = spin(10, 100000, 200, 50)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setSingleStep(0.0005)
        self.lr_spin.setValue(0.001)
        self.blocks_suffix = QLabel(tr("blocks"))
        blocks = QWidget()
        row = QHBoxLayout(blocks)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.blocks_spin)
        row.addWidget(self.blocks_suffix)
        row.addStretch(1)
        form.addRow(tr("Train the last"), blocks)
        form.addRow(muted_label(self.appearance, tr(FREEZE_HELP)))
        form.addRow(tr("Steps"), self.steps_spin)
        form.addRow(tr("Learning rate"), self.lr_spin)
        return box

    def load_examples(self) -> None:
        """The bundled example set, unless the table already has rows (read on first sight: it imports torch)."""
        if not self.table.rows():
            self.table.load_file(BUNDLED)

    def show_base_size(self, *_) -> None:
        """How many blocks the base has (config.json: a small file read, no torch)."""
        try:
            n = int(json.loads((Path(self.base_picker.folder()) / "config.json").read_text(encoding="utf-8"))["n_layer"])
        except (OSError, ValueError, KeyError, TypeError):
            self.blocks_suffix.setText(tr("blocks"))
            return
        self.blocks_spin.setMaximum(n)
        self.blocks_suffix.setText(tr("of its {0} blocks").format(n))

    def config(self):
        """A model.classify.ClassifyConfig of these settings (imports torch: call it when starting)."""
        from model.classify import ClassifyConfig

        steps = self.steps_spin.value()
        return ClassifyConfig(steps=steps, learning_rate=self.lr_spin.value(), train_last_blocks=self.blocks_spin.value(),
                              batch_size=16, eval_interval=max(5, steps // 20 // 5 * 5), log_interval=5)

    def show_settings(self, settings: dict) -> None:
        """A past run's settings (its base model, when that still exists)."""
        base = settings.get("base_model")
        if base and (Path(base) / "config.json").exists():
            self.base_picker.set_base(base)
        self.steps_spin.setValue(int(settings.get("steps", self.steps_spin.value())))
        self.lr_spin.setValue(float(settings.get("learning_rate", self.lr_spin.value())))
        self.blocks_spin.setValue(int(settings.get("train_last_blocks", self.blocks_spin.value())))

    def set_running(self, running: bool) -> None:
        for w in (self.table, self.base_picker, self.blocks_spin, self.steps_spin, self.lr_spin):
            w.setEnabled(not running)
