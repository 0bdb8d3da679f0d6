"""The fine-tuning panel (classification): a base model, labelled examples, a head on the
transformer, curves of loss and held-out accuracy, a confusion matrix, and a box to try a
sentence before and after fine-tuning.

Training runs on a ClassifyWorker; predictions for the try-a-sentence box on an app.worker.Worker
(the newest sentence wins; stale predictions are dropped).
"""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QSplitter,
                               QVBoxLayout, QWidget)

from ..appearance import OKABE_ITO, Appearance
from ..pages import LessonPane
from ..paths import default_model_dir
from ..plots import image_item, make_plot, set_title, style_plot
from ..textutil import esc
from ..worker import Worker
from .classify_worker import ClassifyWorker
from .labelled_table import LabelledTable
from .form import job_controls
from .runs import RunStore

FREEZE_HELP = ("Only the last N blocks (and the new head) learn; the blocks below keep what pre-training "
               "taught them. Fewer trainable blocks: faster, and safer with few examples. All blocks: the "
               "whole network adapts.")


def _predict(classifier, tokenizer, text: str):
    from model.classify import predict

    return predict(classifier, tokenizer, [text])[0]


class FinetunePanel(QWidget):
    run_ended = Signal(str, str)
    records_shown = Signal(int)
    prediction_shown = Signal()

    def __init__(self, appearance: Appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.store = store or RunStore()
        self.worker: ClassifyWorker | None = None
        self.labels: list[str] = []
        self.before = self.after = self.tokenizer = None
        self.steps, self.losses, self.acc_steps, self.accs = [], [], [], []
        self.confusion: np.ndarray | None = None
        self.aux = Worker("finetune-aux", self)
        self.aux.done.connect(self._predicted)
        self.aux.failed.connect(lambda kind, gen, msg: self.try_result.setText(esc(msg)))
        self._build()
        self.fill_bases()

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        a = self.appearance
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        base_box = QGroupBox("1  Base model")
        bl = QVBoxLayout(base_box)
        self.base_combo = QComboBox()
        self.base_combo.activated.connect(self._base_chosen)
        bl.addWidget(self.base_combo)
        ll.addWidget(base_box)
        data_box = QGroupBox("2  Labelled examples (double-click to edit)")
        dl = QVBoxLayout(data_box)
        self.table = LabelledTable(a)
        dl.addWidget(self.table)
        ll.addWidget(data_box, 1)
        train_box = QGroupBox("3  Fine-tune")
        form = QFormLayout(train_box)
        self.blocks_spin = QSpinBox()
        self.blocks_spin.setRange(0, 48)
        self.blocks_spin.setValue(1)
        self.blocks_spin.setToolTip(FREEZE_HELP)
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(10, 100000)
        self.steps_spin.setSingleStep(50)
        self.steps_spin.setValue(200)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setSingleStep(0.0005)
        self.lr_spin.setValue(0.001)
        self.blocks_suffix = QLabel("blocks")
        form.addRow("Train the last", self._with_suffix(self.blocks_spin, self.blocks_suffix))
        help_label = QLabel(FREEZE_HELP)
        help_label.setWordWrap(True)
        help_label.setStyleSheet(f"color: {a.hex('muted')}")
        form.addRow(help_label)
        form.addRow("Steps", self.steps_spin)
        form.addRow("Learning rate", self.lr_spin)
        ll.addWidget(train_box)

        self.start_button, self.stop_button, self.progress, controls = job_controls(self.start, self.stop)
        self.status = QLabel("Pick a base model and some labelled examples, then press Start.")
        self.status.setWordWrap(True)

        self.loss_plot = make_plot(a)
        set_title(self.loss_plot, "Loss", a)
        self.acc_plot = make_plot(a)
        set_title(self.acc_plot, "Held-out accuracy", a)
        self.acc_plot.setYRange(0, 1)
        self.conf_plot = make_plot(a, invert_y=True)
        set_title(self.conf_plot, "Confusion matrix (held-out)", a)
        for pw in (self.loss_plot, self.acc_plot):
            pw.setLabel("bottom", "step")
            pw.showGrid(x=True, y=True, alpha=0.2)
            pw.setMinimumSize(160, 130)
        self.conf_plot.setMinimumSize(160, 130)
        self.conf_plot.setLabel("left", "true label")
        self.conf_plot.setLabel("bottom", "predicted label")
        self.loss_curve = self.loss_plot.plot()
        self.acc_curve = self.acc_plot.plot(symbol="o", symbolSize=6)
        self.chance_line = pg.InfiniteLine(pos=0.5, angle=0, movable=False)
        self.acc_plot.addItem(self.chance_line)
        self.chance_label = pg.TextItem("chance", anchor=(0, 1))
        self.acc_plot.addItem(self.chance_label)
        self.conf_image = image_item()
        self.conf_plot.addItem(self.conf_image)
        self.conf_texts: list[pg.TextItem] = []
        plots = QGridLayout()
        plots.addWidget(self.loss_plot, 0, 0)
        plots.addWidget(self.acc_plot, 0, 1)
        plots.addWidget(self.conf_plot, 1, 0)

        try_box = QGroupBox("Try a sentence")
        tl = QVBoxLayout(try_box)
        self.try_edit = QLineEdit()
        self.try_edit.setPlaceholderText("Type a sentence, e.g. The film was a delight from start to finish.")
        self.try_edit.textChanged.connect(lambda: self.try_timer.start())
        self.try_timer = QTimer(self, singleShot=True, interval=150)
        self.try_timer.timeout.connect(self.predict_now)
        self.try_result = QLabel("Before fine-tuning the head is random, so expect a coin toss.")
        self.try_result.setTextFormat(Qt.RichText)
        self.try_result.setWordWrap(True)
        self.try_result.setFont(a.font(1.1))
        tl.addWidget(self.try_edit)
        tl.addWidget(self.try_result)
        tl.addStretch(1)

        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(4, 0, 4, 0)
        cl.addLayout(controls)
        cl.addWidget(self.status)
        plots.addWidget(try_box, 1, 1)
        plots.setRowStretch(0, 3)
        plots.setRowStretch(1, 2)
        cl.addLayout(plots, 1)

        self.lesson = LessonPane(a)
        self.lesson.setMinimumWidth(200)
        self.lesson.show_lesson("finetuning")
        split = QSplitter(Qt.Horizontal)
        split.addWidget(left)
        split.addWidget(center)
        split.addWidget(self.lesson)
        split.setStretchFactor(1, 1)
        split.setSizes([470, 700, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        a.changed.connect(self._restyle)
        self._restyle()
        self._set_running(False)
        self._activated = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._activated:  # the example set is read when someone first looks (model/ imports torch)
            self._activated = True
            if not self.table.rows():
                self.table.load_file(self.table_default())

    @staticmethod
    def _with_suffix(widget, text):
        w = QWidget()
        h = QHBoxLayout(w)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(widget)
        h.addWidget(text if isinstance(text, QLabel) else QLabel(text))
        h.addStretch(1)
        return w

    @staticmethod
    def table_default():
        from .labelled_table import BUNDLED

        return BUNDLED

    def _restyle(self) -> None:
        a = self.appearance
        for pw in (self.loss_plot, self.acc_plot, self.conf_plot):
            style_plot(pw, a)
        self.loss_curve.setPen(pg.mkPen(OKABE_ITO[4], width=a.line_width))
        self.acc_curve.setPen(pg.mkPen(OKABE_ITO[2], width=a.line_width))
        self.acc_curve.setSymbolBrush(OKABE_ITO[2])
        self.chance_line.setPen(pg.mkPen(a.color("muted"), width=1, style=Qt.DashLine))
        self.chance_label.setColor(a.color("muted"))
        self.conf_image.setLookupTable(a.sequential().getLookupTable(nPts=256))

    # ---- base models ---------------------------------------------------------------------
    def fill_bases(self) -> None:
        current = self.base_combo.currentData()
        self.base_combo.clear()
        if (default_model_dir() / "model.safetensors").exists():
            self.base_combo.addItem("The shipped model", str(default_model_dir()))
        for run in self.store.runs():
            if run.info.get("kind") == "pretrain" and run.has_checkpoint():
                self.base_combo.addItem(f"Run: {run.name} (step {run.checkpoint_step():,})", str(run.checkpoint))
        self.base_combo.addItem("Choose a model folder…", None)
        if current:
            self.set_base(current)
        else:
            self._show_base_size()

    def set_base(self, folder: str) -> None:
        i = self.base_combo.findData(folder)
        if i < 0:
            self.base_combo.insertItem(0, Path(folder).name, folder)
            i = 0
        self.base_combo.setCurrentIndex(i)
        self._show_base_size()

    def _base_chosen(self, index: int) -> None:
        if self.base_combo.itemData(index) is None:
            folder = QFileDialog.getExistingDirectory(self, "A model folder to fine-tune", str(Path.home()))
            if folder:
                self.set_base(folder)
        else:
            self._show_base_size()

    def _show_base_size(self) -> None:
        """How many blocks the base has (config.json: a small file read, no torch)."""
        import json

        folder = self.base_combo.currentData()
        try:
            n = int(json.loads((Path(folder) / "config.json").read_text(encoding="utf-8"))["n_layer"])
        except (OSError, ValueError, KeyError, TypeError):
            self.blocks_suffix.setText("blocks")
            return
        self.blocks_spin.setMaximum(n)
        self.blocks_suffix.setText(f"of its {n} blocks")

    # ---- a run ---------------------------------------------------------------------------
    def is_training(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> None:
        if self.is_training():
            return
        base = self.base_combo.currentData()
        if not base:
            self.status.setText("Choose a base model first: the shipped one, a run you trained, or a model folder.")
            return
        from model.classify import ClassifyConfig, LabelledDataError

        try:
            data = self.table.labelled_set()
        except LabelledDataError as exc:
            self.status.setText(str(exc))
            return
        self.table.show_summary("the table", data.problems)
        cfg = ClassifyConfig(steps=self.steps_spin.value(), learning_rate=self.lr_spin.value(),
                             train_last_blocks=self.blocks_spin.value(), batch_size=16,
                             eval_interval=max(5, self.steps_spin.value() // 20 // 5 * 5), log_interval=5)
        self.steps, self.losses, self.acc_steps, self.accs = [], [], [], []
        self.after = None
        self._redraw()
        self.progress.setRange(0, cfg.steps)
        self.progress.setValue(0)
        worker = ClassifyWorker(base, data, cfg, parent=self)
        worker.status.connect(self.status.setText)
        worker.prepared.connect(self._prepared)
        worker.records.connect(self._records)
        worker.ended.connect(self._ended)
        self.worker = worker
        self._set_running(True)
        worker.start()

    def stop(self) -> None:
        if self.is_training():
            self.worker.request_stop()

    def shutdown(self) -> None:
        if self.worker is not None:
            self.worker.stop_and_wait()
        self.aux.stop()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        for w in (self.table, self.base_combo, self.blocks_spin, self.steps_spin, self.lr_spin):
            w.setEnabled(not running)

    def _prepared(self, info: dict) -> None:
        self.labels = info["labels"]
        self.before, self.tokenizer = info["before"], info["tokenizer"]
        self.blocks_spin.setMaximum(info["n_blocks"])
        self.status.setText(f"Fine-tuning {info['trainable']:,} of {info['total']:,} parameters "
                            f"to tell {' / '.join(self.labels)} apart.")
        self._setup_confusion(len(self.labels))
        self.predict_now()

    def _records(self, records: list) -> None:
        for r in records:
            if math.isfinite(r.train_loss):
                self.steps.append(r.step)
                self.losses.append(r.train_loss)
            if r.accuracy is not None:
                self.acc_steps.append(r.step)
                self.accs.append(r.accuracy)
                self.confusion = r.confusion
        self.progress.setValue(records[-1].step)
        self._redraw()
        self.records_shown.emit(records[-1].step)

    def _ended(self, event: str, message: str, classifier) -> None:
        if self.worker is not None:
            self.worker.wait()
        self._set_running(False)
        self.after = classifier
        acc = f" Held-out accuracy: {self.accs[-1]:.0%} (chance: {1 / max(1, len(self.labels)):.0%})." if self.accs else ""
        self.status.setText(f"{message}{acc}" if event != "failed" else f"Could not fine-tune: {message}")
        self.predict_now()
        self.run_ended.emit(event, message)

    # ---- drawing -------------------------------------------------------------------------
    def _setup_confusion(self, n: int) -> None:
        for t in self.conf_texts:
            self.conf_plot.removeItem(t)
        self.conf_texts = []
        for i in range(n):
            for j in range(n):
                t = pg.TextItem("", anchor=(0.5, 0.5))
                t.setPos(j + 0.5, i + 0.5)
                t.setFont(self.appearance.font(1.2, bold=True))
                self.conf_plot.addItem(t)
                self.conf_texts.append(t)
        ticks = [[(i + 0.5, name) for i, name in enumerate(self.labels)]]
        self.conf_plot.getAxis("left").setTicks(ticks)
        self.conf_plot.getAxis("bottom").setTicks(ticks)
        self.conf_image.setImage(np.zeros((n, n)), levels=(0, 1))
        self.conf_plot.setRange(xRange=(0, n), yRange=(0, n), padding=0.05)

    def _redraw(self) -> None:
        self.loss_curve.setData(np.asarray(self.steps, float), np.asarray(self.losses, float))
        self.acc_curve.setData(np.asarray(self.acc_steps, float), np.asarray(self.accs, float))
        if self.steps:
            self.chance_line.setPos(1 / max(1, len(self.labels)))
            self.chance_label.setPos(self.steps[0], 1 / max(1, len(self.labels)))
        m = self.confusion
        if m is not None and len(self.conf_texts) == m.size:
            share = m / np.maximum(1, m.sum(1, keepdims=True))
            self.conf_image.setImage(share.astype(np.float32), levels=(0, 1))
            n = m.shape[0]
            for i in range(n):
                for j in range(n):
                    t = self.conf_texts[i * n + j]
                    t.setText(str(int(m[i, j])))
                    t.setColor("#000000" if share[i, j] > 0.6 else "#ffffff")

    # ---- try a sentence ------------------------------------------------------------------
    def predict_now(self) -> None:
        text = self.try_edit.text().strip()
        if not text or self.before is None:
            return
        before, after, tok = self.before, None if self.is_training() else self.after, self.tokenizer
        self.aux.submit("predict", lambda: (text, _predict(before, tok, text),
                                            _predict(after, tok, text) if after is not None else None))

    def _predicted(self, kind: str, gen: int, result) -> None:
        if not self.aux.is_current(kind, gen):
            return
        text, before, after = result
        self.last_prediction = result

        def verdict(p):
            i = int(np.argmax(p))
            return f"<b>{esc(self.labels[i])}</b> {p[i]:.0%}"

        html = f"Before fine-tuning: {verdict(before)}"
        if after is not None:
            html += f" &nbsp;&nbsp;→&nbsp;&nbsp; after: {verdict(after)}"
        elif self.is_training():
            html += " &nbsp;&nbsp;→&nbsp;&nbsp; after: (training…)"
        self.try_result.setText(html)
        self.prediction_shown.emit()
