"""The pre-training settings: corpus, tokenizer, model, training. Edits a PretrainSettings.

The form does no work itself: it asks (signals) for a corpus preview, a tokenizer preview and a
step-time estimate, which the panel runs on a worker and hands back to show_* methods.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QProgressBar, QPushButton, QSpinBox, QVBoxLayout,
                               QWidget)

from ..appearance import Appearance
from ..textutil import esc, visible
from .jobs import DEFAULT_VOCAB, PretrainSettings

PRESET_SIZES = {  # mirrors model.config.PRESETS (importing model would import torch on the GUI thread)
    "tiny": dict(context_length=128, n_layer=2, n_head=4, d_model=128, d_mlp=512),
    "small": dict(context_length=256, n_layer=4, n_head=4, d_model=192, d_mlp=768),
    "default": dict(context_length=256, n_layer=6, n_head=6, d_model=192, d_mlp=768),
}
# No promise of speed in a label: how fast a size trains is measured on this computer (show_estimate).
PRESET_LABELS = {"tiny": "Tiny (the quickest to train)", "small": "Small",
                 "default": "Like the shipped model", "custom": "Custom sizes"}
TOKENIZER_LABELS = {"char": "Characters", "word": "Words", "bpe": "BPE (sub-words)"}


def duration(seconds: float) -> str:
    seconds = max(0, int(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def run_time_text(seconds_per_step: float, steps: int, device: str) -> str:
    """What a measured step time means for a whole run, in words."""
    return QCoreApplication.translate(
        "PretrainForm", "about {ms} ms a step on {device}, measured on this computer: {steps} steps take about "
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


def _spin(lo, hi, value, step=1) -> QSpinBox:
    s = QSpinBox()
    s.setRange(lo, hi)
    s.setSingleStep(step)
    s.setValue(value)
    return s


def job_controls(start, stop, appearance: Appearance | None = None
                 ) -> tuple[QPushButton, QPushButton, QProgressBar, QHBoxLayout]:
    """Start and Stop buttons wired to `start` and `stop`, and a step progress bar, in one row."""
    start_button, stop_button = QPushButton("Start ▶"), QPushButton("Stop ■")
    if appearance is not None:
        dim_when_disabled(appearance, start_button, stop_button)
    start_button.clicked.connect(start)
    stop_button.clicked.connect(stop)
    progress = QProgressBar()
    progress.setFormat("step %v of %m")
    row = QHBoxLayout()
    row.addWidget(start_button)
    row.addWidget(stop_button)
    row.addWidget(progress, 1)
    return start_button, stop_button, progress, row


def _muted(appearance: Appearance, text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {appearance.hex('muted')}")
    return label


class PretrainForm(QWidget):
    corpus_changed = Signal(list)  # paths (empty: the bundled corpus)
    tokenizer_preview_requested = Signal(object)  # PretrainSettings
    estimate_requested = Signal(object)  # PretrainSettings

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.paths: list[str] = []
        self.estimate = None  # the last jobs.ModelEstimate (or message) shown
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._corpus_group())
        layout.addWidget(self._tokenizer_group())
        layout.addWidget(self._model_group())
        layout.addWidget(self._training_group())
        layout.addStretch(1)
        self.estimate_timer = QTimer(self, singleShot=True, interval=400)
        self.estimate_timer.timeout.connect(lambda: self.estimate_requested.emit(self.settings()))
        self._preset_chosen()

    # ---- groups --------------------------------------------------------------------------
    def _corpus_group(self) -> QGroupBox:
        box = QGroupBox("1  Text to learn from")
        v = QVBoxLayout(box)
        row = QHBoxLayout()
        self.bundled_button = QPushButton("Shakespeare")
        self.bundled_button.setToolTip("The complete plays and poems, bundled with LM Anatomy")
        self.files_button = QPushButton("Files…")
        self.folder_button = QPushButton("Folder…")
        for b in (self.bundled_button, self.files_button, self.folder_button):
            row.addWidget(b)
        self.bundled_button.clicked.connect(lambda: self.set_corpus([]))
        self.files_button.clicked.connect(self._choose_files)
        self.folder_button.clicked.connect(self._choose_folder)
        v.addLayout(row)
        self.corpus_label = QLabel("The bundled Shakespeare")
        self.corpus_label.setWordWrap(True)
        v.addWidget(self.corpus_label)
        self.corpus_preview = QPlainTextEdit()
        self.corpus_preview.setReadOnly(True)
        self.corpus_preview.setMaximumHeight(80)
        self.corpus_preview.setFont(self.appearance.font(0.85, mono=True))
        v.addWidget(self.corpus_preview)
        self.corpus_notes = _muted(self.appearance, "You can also drop .txt files or a folder here.")
        self.corpus_notes.setTextFormat(Qt.RichText)
        v.addWidget(self.corpus_notes)
        return box

    def _tokenizer_group(self) -> QGroupBox:
        box = QGroupBox("2  Tokenizer")
        form = QFormLayout(box)
        self.kind_combo = QComboBox()
        for kind, label in TOKENIZER_LABELS.items():
            self.kind_combo.addItem(label, kind)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.vocab_spin = _spin(64, 50000, DEFAULT_VOCAB["char"], 64)
        self.vocab_spin.valueChanged.connect(lambda: self.estimate_timer.start())
        self.try_tokenizer = QPushButton("Show what it does")
        self.try_tokenizer.clicked.connect(lambda: self.tokenizer_preview_requested.emit(self.settings()))
        form.addRow("Kind", self.kind_combo)
        form.addRow("Vocabulary", self.vocab_spin)
        form.addRow(self.try_tokenizer)
        self.tokenizer_info = _muted(self.appearance)
        self.tokenizer_info.setTextFormat(Qt.RichText)
        form.addRow(self.tokenizer_info)
        return box

    def _model_group(self) -> QGroupBox:
        box = QGroupBox("3  Model")
        form = QFormLayout(box)
        self.preset_combo = QComboBox()
        for key, label in PRESET_LABELS.items():
            self.preset_combo.addItem(label, key)
        self.preset_combo.currentIndexChanged.connect(self._preset_chosen)
        self.layers_spin, self.heads_spin = _spin(1, 24, 2), _spin(1, 16, 4)
        self.d_model_spin, self.d_mlp_spin = _spin(8, 2048, 128, 8), _spin(8, 8192, 512, 32)
        self.context_spin = _spin(8, 2048, 128, 8)
        self.positional_combo = QComboBox()
        for key, label in (("learned", "Learned"), ("sinusoidal", "Sinusoidal"), ("rope", "RoPE (rotary)")):
            self.positional_combo.addItem(label, key)
        sizes = QHBoxLayout()
        for label, spin in (("layers", self.layers_spin), ("heads", self.heads_spin)):
            sizes.addWidget(spin)
            sizes.addWidget(QLabel(label))
        widths = QHBoxLayout()
        for label, spin in (("d_model", self.d_model_spin), ("d_mlp", self.d_mlp_spin)):
            widths.addWidget(QLabel(label))
            widths.addWidget(spin)
        form.addRow("Size", self.preset_combo)
        form.addRow(sizes)
        form.addRow(widths)
        form.addRow("Positions", self.positional_combo)
        form.addRow("Context", self.context_spin)
        self.estimate_label = _muted(self.appearance, "")
        form.addRow(self.estimate_label)
        for spin in (self.layers_spin, self.heads_spin, self.d_model_spin, self.d_mlp_spin, self.context_spin):
            spin.valueChanged.connect(lambda: self.estimate_timer.start())
        self.positional_combo.currentIndexChanged.connect(lambda: self.estimate_timer.start())
        return box

    def _training_group(self) -> QGroupBox:
        box = QGroupBox("4  Training")
        form = QFormLayout(box)
        self.batch_spin = _spin(1, 1024, 16)
        self.batch_spin.valueChanged.connect(lambda: self.estimate_timer.start())
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setSingleStep(0.0005)
        self.lr_spin.setValue(0.003)
        self.steps_spin = _spin(1, 1_000_000, 1000, 100)
        self.steps_spin.valueChanged.connect(lambda: self.show_estimate(self.estimate))
        self.sample_spin = _spin(0, 100_000, 50, 10)
        self.sample_spin.setSpecialValueText("never")
        self.prompt_edit = QLineEdit("ROMEO:")
        self.name_edit = QLineEdit("shakespeare-tiny")
        form.addRow("Batch size", self.batch_spin)
        form.addRow("Learning rate", self.lr_spin)
        form.addRow("Steps", self.steps_spin)
        form.addRow("Sample every", self.sample_spin)
        form.addRow("Sample prompt", self.prompt_edit)
        form.addRow("Run name", self.name_edit)
        return box

    # ---- the settings --------------------------------------------------------------------
    def settings(self) -> PretrainSettings:
        steps = self.steps_spin.value()
        log = 1 if steps <= 200 else 2 if steps <= 500 else 5 if steps <= 2000 else 10
        every = lambda n: max(log, round(n / log) * log)  # noqa: E731  (records come every `log` steps)
        return PretrainSettings(
            name=self.name_edit.text().strip() or "run", corpus=list(self.paths),
            tokenizer=self.kind_combo.currentData(), vocab_size=self.vocab_spin.value(),
            preset=self.preset_combo.currentData(), n_layer=self.layers_spin.value(), n_head=self.heads_spin.value(),
            d_model=self.d_model_spin.value(), d_mlp=self.d_mlp_spin.value(),
            positional=self.positional_combo.currentData(), context_length=self.context_spin.value(),
            batch_size=self.batch_spin.value(), learning_rate=self.lr_spin.value(), steps=steps,
            log_interval=log, eval_interval=every(max(10, steps // 20)), checkpoint_interval=every(max(10, steps // 10)),
            sample_interval=every(self.sample_spin.value()) if self.sample_spin.value() else 0,
            sample_prompt=self.prompt_edit.text(),
        )

    def set_settings(self, s: PretrainSettings) -> None:
        self.set_corpus(list(s.corpus))
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(s.tokenizer)))
        self.vocab_spin.setValue(s.vocab_size)
        self.preset_combo.setCurrentIndex(max(0, self.preset_combo.findData(s.preset)))
        for spin, value in ((self.layers_spin, s.n_layer), (self.heads_spin, s.n_head), (self.d_model_spin, s.d_model),
                            (self.d_mlp_spin, s.d_mlp), (self.context_spin, s.context_length),
                            (self.batch_spin, s.batch_size), (self.steps_spin, s.steps),
                            (self.sample_spin, s.sample_interval)):
            spin.setValue(value)
        self.positional_combo.setCurrentIndex(max(0, self.positional_combo.findData(s.positional)))
        self.lr_spin.setValue(s.learning_rate)
        self.prompt_edit.setText(s.sample_prompt)
        self.name_edit.setText(s.name)

    def set_running(self, running: bool) -> None:
        for box in self.findChildren(QGroupBox):
            box.setEnabled(not running)

    def _kind_chosen(self) -> None:
        self.vocab_spin.setValue(DEFAULT_VOCAB[self.kind_combo.currentData()])
        self.tokenizer_info.setText("")

    def _preset_chosen(self) -> None:
        key = self.preset_combo.currentData()
        custom = key == "custom"
        for spin in (self.layers_spin, self.heads_spin, self.d_model_spin, self.d_mlp_spin):
            spin.setEnabled(custom)
        if not custom:
            sizes = PRESET_SIZES[key]
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
            self.corpus_label.setText("The bundled Shakespeare")
        else:
            names = ", ".join(Path(p).name for p in self.paths[:3]) + (" …" if len(self.paths) > 3 else "")
            self.corpus_label.setText(f"Your text: {names}")
        self.corpus_preview.setPlainText("")
        self.corpus_notes.setText("Reading…")
        self.corpus_changed.emit(list(self.paths))

    def show_corpus(self, preview) -> None:
        """A jobs.CorpusPreview (or an error message)."""
        if isinstance(preview, str):
            self.corpus_preview.setPlainText("")
            self.corpus_notes.setText(f"<b>Nothing to learn from:</b> {esc(preview)}")
            return
        size = preview.size_bytes
        human = f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size / 1024:.0f} KB"
        self.corpus_label.setText(self.corpus_label.text().split(" · ")[0] +
                                  f" · {preview.documents} file{'s' if preview.documents != 1 else ''}, "
                                  f"{preview.characters:,} characters ({human})")
        self.corpus_preview.setPlainText(preview.preview)
        self.corpus_notes.setText(" ".join(f"⚠ {esc(n)}." for n in preview.notices) or
                                  "You can also drop .txt files or a folder here.")

    def show_tokenizer(self, p) -> None:
        """A jobs.TokenizerPreview (or an error message)."""
        if isinstance(p, str):
            self.tokenizer_info.setText(esc(p))
            return
        pieces = " │ ".join(esc(visible(t, 12)) for t in p.passage_tokens[:40])
        examples = ", ".join(f"“{esc(visible(t, 14))}”" for t in p.examples[:14])
        self.tokenizer_info.setText(
            f"{p.vocab_size:,} tokens, trained in {p.seconds:.1f} s; about {p.chars_per_token:.1f} characters a token.<br>"
            f"A {len(p.passage)}-character line becomes <b>{len(p.passage_tokens)} tokens</b>: {pieces}"
            f"{' …' if len(p.passage_tokens) > 40 else ''}<br>Some entries: {examples}")

    def show_estimate(self, e) -> None:
        """A jobs.ModelEstimate (one training step timed on this computer), or a message."""
        self.estimate = e
        if e is None:
            return
        if isinstance(e, str):
            self.estimate_label.setText(e)
            return
        self.estimate_label.setText(f"{e.parameters:,} parameters · "
                                    + run_time_text(e.seconds_per_step, self.steps_spin.value(), e.device))

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Text files to learn from", str(Path.home()),
                                                "Text (*.txt *.text);;All files (*)")
        if files:
            self.set_corpus(files)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "A folder of .txt files", str(Path.home()))
        if folder:
            self.set_corpus([folder])

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and self.isEnabled():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.set_corpus(paths)
            event.acceptProposedAction()
