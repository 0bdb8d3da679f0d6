"""The continued-training settings column: the base model, the user's text (with the minimum the
base needs, and whether the chosen text has it), steps, learning rate, batch size and the prompt
both models continue, a time estimate, and (placed here by the panel) the past runs on the text."""
from __future__ import annotations

import json
import math
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.i18n import tr, translated
from model.settings import TrainConfig, TrainingSettings, paced

from ..common.appearance import Appearance
from ..common.textutil import esc
from .base_picker import BasePicker
from .controls import muted_label, run_time_text, spin, text_buttons
from .layout import column, group
from .runs import RunStore


class ContinuedForm(QWidget):
    corpus_chosen = Signal(list)  # paths of text files or folders

    def __init__(self, appearance: Appearance, store: RunStore, runs: QWidget, parent=None):
        super().__init__(parent)
        self.base_picker = BasePicker(store)
        row = QHBoxLayout()
        for button in text_buttons(self, self.corpus_chosen.emit, tr("Your text"), tr("Text (*.txt *.text)")):
            row.addWidget(button)
        self.corpus_label = QLabel(tr("Choose .txt files (or drop them here): letters, a novel, your own stories…"))
        self.corpus_label.setWordWrap(True)
        self.corpus_label.setTextFormat(Qt.RichText)
        self.need_label = muted_label(appearance)  # the minimum, said before a file is chosen
        self.check_label = QLabel()  # the chosen text checked against the base: enough or not
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.RichText)
        column(group(tr("1  Base model"), self.base_picker),
               group(tr("2  Your text"), row, self.corpus_label, self.need_label, self.check_label),
               self._training_box(appearance), (group(tr("Past runs on your text"), runs), 1), into=self)

    def _training_box(self, appearance: Appearance) -> QGroupBox:
        box = QGroupBox(tr("3  Training"))
        form = QFormLayout(box)
        self.steps_spin = spin(10, 1_000_000, 200, 50)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setValue(0.0005)
        self.batch_spin = spin(1, 512, 16)
        self.prompt_edit = QLineEdit("Dear friend,")
        form.addRow(tr("Steps"), self.steps_spin)
        form.addRow(tr("Learning rate"), self.lr_spin)
        form.addRow(tr("Batch size"), self.batch_spin)
        form.addRow(tr("Prompt"), self.prompt_edit)
        form.addRow(muted_label(appearance, tr("A smaller learning rate than pre-training keeps what the model knew "
                                               "while it adapts.")))
        self.estimate_label = QLabel()  # a time estimate before Start, measured on this computer
        self.estimate_label.setWordWrap(True)
        form.addRow(self.estimate_label)
        return box

    def base_context(self) -> int | None:
        """How many tokens the chosen base reads at a time (its config.json; None when unreadable)."""
        try:
            path = Path(self.base_picker.folder()) / "config.json"
            return int(json.loads(path.read_text(encoding="utf-8"))["context_length"])
        except (TypeError, OSError, ValueError, KeyError):
            return None

    def show_need(self) -> None:
        """Say the minimum for this base up front."""
        ctx = self.base_context()
        self.need_label.setText("" if ctx is None else tr(
            "This base model reads {ctx} tokens at a time, so your text needs at least {need} tokens with its "
            "tokenizer (one training window; a tenth of the text is held out to measure progress).").format(
            ctx=f"{ctx:,}", need=f"{ctx + 1:,}"))

    def show_corpus(self, result) -> None:
        notes = "".join(f"<br>⚠ {esc(translated(n))}" for n in result.notices)
        self.corpus_label.setText(tr("{0} file(s), {1} characters ({2} KB)").format(
            result.documents, f"{result.characters:,}", f"{result.size_bytes / 1024:,.0f}") + notes)

    def show_check(self, c) -> bool:
        """A previews.ContinuedCheck, a message, or None (not known); True when the text is too short."""
        self.estimate_label.setText("")
        if c is None or isinstance(c, str):
            self.check_label.setText(f"<b>{esc(c)}</b>" if isinstance(c, str) else "")
            return False
        if not c.enough:
            more = (c.needed - c.train_tokens) * c.chars_per_token
            self.check_label.setText(tr(
                "<b>Too short:</b> {have} tokens with the base model's tokenizer, fewer than one training window "
                "of {need}. Add about {more} more characters of text.").format(
                have=f"{c.train_tokens:,}", need=f"{c.needed:,}", more=f"{max(1, math.ceil(more)):,}"))
            return True
        self.check_label.setText(tr("{have} tokens with the base model's tokenizer: enough (at least {need} "
                                         "needed).").format(have=f"{c.train_tokens:,}", need=f"{c.needed:,}"))
        if c.seconds_per_step:
            self.estimate_label.setText(run_time_text(c.seconds_per_step, self.steps_spin.value(), c.device))
        return False

    def settings(self, paths: list[str]) -> TrainingSettings:
        """A run of these settings on `paths`: an evaluation every tenth of the run, one checkpoint at its end."""
        steps = self.steps_spin.value()
        train = TrainConfig(steps=steps, learning_rate=self.lr_spin.value(), batch_size=self.batch_spin.value(),
                            warmup_steps=max(1, steps // 10), eval_batches=4, sample_prompt=self.prompt_edit.text() or "\n")
        return TrainingSettings(name=f"{self.base_picker.base_name()}+{Path(paths[0]).stem}", corpus=list(paths),
                                train=paced(train, evaluations=10, checkpoints=1))

    def set_running(self, running: bool) -> None:
        for w in (self.base_picker, self.steps_spin, self.lr_spin, self.batch_spin):
            w.setEnabled(not running)
