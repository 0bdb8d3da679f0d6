"""The pre-training settings: corpus, tokenizer, model, training. Edits a TrainingSettings.

The form does no work itself: it asks (signals) for a corpus preview, a tokenizer preview and a
step-time estimate, which the panel runs on a worker and hands back to show_* methods.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import QT_TR_NOOP, tr, translated
from model.config import PRESETS, ModelConfig
from model.settings import DEFAULT_VOCAB, TrainConfig, TrainingSettings, paced

from ..common.appearance import Appearance
from ..common.textutil import esc, visible
from .controls import PathDrops, combo, run_time_text, text_buttons
from .controls import muted_label as _muted
from .controls import spin as _spin

# The form's own starting values (a quick classroom run), where they differ from the engine's defaults.
UI_PRESET = dict(name="shakespeare-tiny", tokenizer="char", learning_rate=3e-3, steps=1000, warmup_steps=50,
                 sample_every=50, sample_prompt="ROMEO:", snapshots=10, eval_batches=4, sample_tokens=60)
# No promise of speed in a label: how fast a size trains is measured on this computer (show_estimate).
PRESET_LABELS = {"tiny": QT_TR_NOOP("Tiny (the quickest to train)"), "small": QT_TR_NOOP("Small"),
                 "default": QT_TR_NOOP("Like the shipped model"), "custom": QT_TR_NOOP("Custom sizes")}
TOKENIZER_LABELS = {"char": QT_TR_NOOP("Characters"), "word": QT_TR_NOOP("Words"), "bpe": QT_TR_NOOP("BPE (sub-words)")}


class PretrainForm(QWidget):
    corpus_changed = Signal(list)  # paths (empty: the bundled corpus)
    tokenizer_preview_requested = Signal(object)  # TrainingSettings
    estimate_requested = Signal(object)  # TrainingSettings (only for sizes that fit together)

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.paths: list[str] = []
        self.estimate = None  # the last jobs.ModelEstimate (or message) shown
        PathDrops(self, self.set_corpus, self.isEnabled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._corpus_group())
        layout.addWidget(self._tokenizer_group())
        layout.addWidget(self._model_group())
        layout.addWidget(self._training_group())
        layout.addStretch(1)
        self.estimate_timer = QTimer(self, singleShot=True, interval=400)
        self.estimate_timer.timeout.connect(self._request_estimate)
        self._preset_chosen()

    # ---- groups --------------------------------------------------------------------------
    def _corpus_group(self) -> QGroupBox:
        box = QGroupBox(tr("1  Text to learn from"))
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.bundled_button = QPushButton(tr("Shakespeare"))
        self.bundled_button.setToolTip(tr("The complete plays and poems, bundled with LM Anatomy"))
        self.files_button, self.folder_button = text_buttons(self, self.set_corpus, tr("Text files to learn from"),
                                                             tr("Text (*.txt *.text);;All files (*)"))
        for b in (self.bundled_button, self.files_button, self.folder_button):
            row.addWidget(b)
        self.bundled_button.clicked.connect(lambda: self.set_corpus([]))
        v.addLayout(row)
        self.corpus_label = QLabel(tr("The bundled Shakespeare"))
        self.corpus_label.setWordWrap(True)
        v.addWidget(self.corpus_label)
        self.corpus_preview = QPlainTextEdit()
        self.corpus_preview.setReadOnly(True)
        self.corpus_preview.setMaximumHeight(80)
        self.corpus_preview.setFont(self.appearance.font(0.85, mono=True))
        v.addWidget(self.corpus_preview)
        self.corpus_notes = _muted(self.appearance, tr("You can also drop .txt files or a folder here."))
        self.corpus_notes.setTextFormat(Qt.RichText)
        v.addWidget(self.corpus_notes)
        return box

    def _tokenizer_group(self) -> QGroupBox:
        box = QGroupBox(tr("2  Tokenizer"))
        form = QFormLayout(box)
        self.kind_combo = combo(TOKENIZER_LABELS, self._kind_chosen)
        self.vocab_spin = _spin(64, 50000, DEFAULT_VOCAB[UI_PRESET["tokenizer"]], 64)
        self.vocab_spin.valueChanged.connect(lambda: self.estimate_timer.start())
        self.try_tokenizer = QPushButton(tr("Show what it does"))
        self.try_tokenizer.clicked.connect(self._request_tokenizer_preview)
        form.addRow(tr("Kind"), self.kind_combo)
        form.addRow(tr("Vocabulary"), self.vocab_spin)
        form.addRow(self.try_tokenizer)
        self.tokenizer_info = _muted(self.appearance)
        self.tokenizer_info.setTextFormat(Qt.RichText)
        form.addRow(self.tokenizer_info)
        return box

    def _model_group(self) -> QGroupBox:
        box = QGroupBox(tr("3  Model"))
        form = QFormLayout(box)
        self.preset_combo = combo(PRESET_LABELS, self._preset_chosen)
        self.layers_spin, self.heads_spin = _spin(1, 24, 2), _spin(1, 16, 4)
        self.d_model_spin, self.d_mlp_spin = _spin(8, 2048, 128, 8), _spin(8, 8192, 512, 32)
        self.context_spin = _spin(8, 2048, 128, 8)
        self.positional_combo = combo((("learned", QT_TR_NOOP("Learned")), ("sinusoidal", QT_TR_NOOP("Sinusoidal")),
                                       ("rope", QT_TR_NOOP("RoPE (rotary)"))))
        self.objective_combo = combo((("causal", tr("Next token (causal, like GPT)")),
                                      ("masked", tr("Fill in blanks (masked, like BERT)"))), self._objective_chosen)
        self.objective_combo.setToolTip(tr(
            "<b>Next token</b>: the model reads the text left to right and learns to predict each next token; "
            "it can generate text.<br><b>Fill in blanks</b>: 15% of the tokens are hidden (most behind [MASK]) and "
            "the model learns to guess them from the words on both sides; it cannot generate text, but the "
            "explorer's Fill the blank stage shows what it guesses."))
        sizes = QHBoxLayout()
        for label, spin in ((tr("layers"), self.layers_spin), (tr("heads"), self.heads_spin)):
            sizes.addWidget(spin)
            sizes.addWidget(QLabel(label))
        widths = QHBoxLayout()
        for label, spin in (("d_model", self.d_model_spin), ("d_mlp", self.d_mlp_spin)):
            widths.addWidget(QLabel(label))
            widths.addWidget(spin)
        form.addRow(tr("Size"), self.preset_combo)
        form.addRow(sizes)
        form.addRow(widths)
        form.addRow(tr("Positions"), self.positional_combo)
        form.addRow(tr("Context"), self.context_spin)
        form.addRow(tr("Objective"), self.objective_combo)
        self.estimate_label = _muted(self.appearance, "")
        form.addRow(self.estimate_label)
        for spin in (self.layers_spin, self.heads_spin, self.d_model_spin, self.d_mlp_spin, self.context_spin):
            spin.valueChanged.connect(lambda: self.estimate_timer.start())
        self.positional_combo.currentIndexChanged.connect(lambda: self.estimate_timer.start())
        return box

    def _training_group(self) -> QGroupBox:
        box = QGroupBox(tr("4  Training"))
        form = QFormLayout(box)
        self.batch_spin = _spin(1, 1024, 16)
        self.batch_spin.valueChanged.connect(lambda: self.estimate_timer.start())
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setSingleStep(0.0005)
        self.lr_spin.setValue(UI_PRESET["learning_rate"])
        self.steps_spin = _spin(1, 1_000_000, UI_PRESET["steps"], 100)
        self.steps_spin.valueChanged.connect(lambda: self.show_estimate(self.estimate))
        self.sample_spin = _spin(0, 100_000, UI_PRESET["sample_every"], 10)
        self.sample_spin.setSpecialValueText(tr("never"))
        self.prompt_edit = QLineEdit(UI_PRESET["sample_prompt"])
        self.name_edit = QLineEdit(UI_PRESET["name"])
        form.addRow(tr("Batch size"), self.batch_spin)
        form.addRow(tr("Learning rate"), self.lr_spin)
        form.addRow(tr("Steps"), self.steps_spin)
        form.addRow(tr("Sample every"), self.sample_spin)
        form.addRow(tr("Sample prompt"), self.prompt_edit)
        form.addRow(tr("Run name"), self.name_edit)
        return box

    # ---- the settings --------------------------------------------------------------------
    def settings(self) -> TrainingSettings:
        """What the form says; ValueError when the model's sizes do not fit together."""
        model = ModelConfig(
            vocab_size=self.vocab_spin.value(), context_length=self.context_spin.value(),
            n_layer=self.layers_spin.value(), n_head=self.heads_spin.value(), d_model=self.d_model_spin.value(),
            d_mlp=self.d_mlp_spin.value(), positional=self.positional_combo.currentData(),
            objective=self.objective_combo.currentData())
        train = TrainConfig(
            steps=self.steps_spin.value(), batch_size=self.batch_spin.value(), learning_rate=self.lr_spin.value(),
            warmup_steps=UI_PRESET["warmup_steps"], eval_batches=UI_PRESET["eval_batches"],
            sample_tokens=UI_PRESET["sample_tokens"], sample_prompt=self.prompt_edit.text() or "\n")
        return TrainingSettings(
            name=self.name_edit.text().strip() or "run", corpus=list(self.paths), tokenizer=self.kind_combo.currentData(),
            preset=self.preset_combo.currentData(), snapshots=UI_PRESET["snapshots"], model=model,
            train=paced(train, snapshots=UI_PRESET["snapshots"], sample_every=self.sample_spin.value()))

    def set_settings(self, s: TrainingSettings) -> None:
        m, t = s.model, s.train
        self.set_corpus(list(s.corpus))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(s.tokenizer)))
        self.vocab_spin.setValue(m.vocab_size)
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(s.preset)))
        for spin, value in ((self.layers_spin, m.n_layer), (self.heads_spin, m.n_head), (self.d_model_spin, m.d_model),
                            (self.d_mlp_spin, m.d_mlp), (self.context_spin, m.context_length),
                            (self.batch_spin, t.batch_size), (self.steps_spin, t.steps),
                            (self.sample_spin, t.sample_interval)):
            spin.setValue(value)
        self.positional_combo.setCurrentIndex(max(0, self.positional_combo.findData(m.positional)))
        self.objective_combo.setCurrentIndex(max(0, self.objective_combo.findData(m.objective)))
        self.lr_spin.setValue(t.learning_rate)
        self.prompt_edit.setText("" if t.sample_prompt == "\n" else t.sample_prompt)
        self.name_edit.setText(s.name)

    def _request_estimate(self) -> None:
        try:
            self.estimate_requested.emit(self.settings())
        except ValueError as exc:
            self.show_estimate(translated(exc))

    def _request_tokenizer_preview(self) -> None:
        try:
            self.tokenizer_preview_requested.emit(self.settings())
        except ValueError as exc:
            self.show_tokenizer(translated(exc))

    def set_running(self, running: bool) -> None:
        for box in self.findChildren(QGroupBox):
            box.setEnabled(not running)

    def _kind_chosen(self) -> None:
        self.vocab_spin.setValue(DEFAULT_VOCAB[self.kind_combo.currentData()])
        self.tokenizer_info.setText("")

    def _objective_chosen(self) -> None:
        """A masked model cannot continue a prompt, so it has no samples to show."""
        causal = self.objective_combo.currentData() == "causal"
        for widget in (self.sample_spin, self.prompt_edit):
            widget.setEnabled(causal)
            widget.setToolTip("" if causal else tr("A fill-in-blanks model cannot continue text: no samples"))

    def _preset_chosen(self) -> None:
        key = self.preset_combo.currentData()
        custom = key == "custom"
        for spin in (self.layers_spin, self.heads_spin, self.d_model_spin, self.d_mlp_spin):
            spin.setEnabled(custom)
        if not custom:
            sizes = PRESETS[key]
            self.layers_spin.setValue(sizes["n_layer"])
            self.heads_spin.setValue(sizes["n_head"])
            self.d_model_spin.setValue(sizes["d_model"])
            self.d_mlp_spin.setValue(sizes["d_mlp"])
            self.context_spin.setValue(sizes["context_length"])
        self.estimate_timer.start()

    # ---- the corpus ----------------------------------------------------------------------
    def set_corpus(self, paths: list[str]) -> None:
        self.paths = [str(p) for p in paths]
        if not self.paths:
            self.corpus_label.setText(tr("The bundled Shakespeare"))
        else:
            names = ", ".join(Path(p).name for p in self.paths[:3]) + (" …" if len(self.paths) > 3 else "")
            self.corpus_label.setText(tr("Your text: {0}").format(names))
        self.corpus_preview.setPlainText("")
        self.corpus_notes.setText(tr("Reading…"))
        self.corpus_changed.emit(list(self.paths))

    def show_corpus(self, preview) -> None:
        """A jobs.CorpusPreview (or an error message)."""
        if isinstance(preview, str):
            self.corpus_preview.setPlainText("")
            self.corpus_notes.setText(tr("<b>Nothing to learn from:</b> {0}").format(esc(preview)))
            return
        size = preview.size_bytes
        human = tr("{0} MB").format(f"{size / 2**20:.1f}") if size >= 2**20 else tr("{0} KB").format(f"{size / 1024:.0f}")
        files = tr("1 file") if preview.documents == 1 else tr("{0} files").format(preview.documents)
        self.corpus_label.setText(self.corpus_label.text().split(" · ")[0] + " · " +
                                  tr("{0}, {1} characters ({2})").format(files, f"{preview.characters:,}", human))
        self.corpus_preview.setPlainText(preview.preview)
        self.corpus_notes.setText(" ".join(f"⚠ {esc(translated(n))}." for n in preview.notices) or
                                  tr("You can also drop .txt files or a folder here."))

    def show_tokenizer(self, p) -> None:
        """A jobs.TokenizerPreview (or an error message)."""
        if isinstance(p, str):
            self.tokenizer_info.setText(esc(p))
            return
        pieces = " │ ".join(esc(visible(t, 12)) for t in p.passage_tokens[:40])
        examples = ", ".join(f"“{esc(visible(t, 14))}”" for t in p.examples[:14])
        self.tokenizer_info.setText(
            tr("{0} tokens, trained in {1} s; about {2} characters a token.<br>A {3}-character line becomes "
               "<b>{4} tokens</b>: {5}<br>Some entries: {6}").format(
                f"{p.vocab_size:,}", f"{p.seconds:.1f}", f"{p.chars_per_token:.1f}", len(p.passage),
                len(p.passage_tokens), pieces + (" …" if len(p.passage_tokens) > 40 else ""), examples))

    def show_estimate(self, e) -> None:
        """A jobs.ModelEstimate (one training step timed on this computer), or a message."""
        self.estimate = e
        if e is None:
            return
        if isinstance(e, str):
            self.estimate_label.setText(e)
            return
        self.estimate_label.setText(tr("{0} parameters").format(f"{e.parameters:,}") + " · "
                                    + run_time_text(e.seconds_per_step, self.steps_spin.value(), e.device))
