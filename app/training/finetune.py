"""The fine-tuning panel (classification): a base model, labelled examples, a head on the
transformer, curves of loss and held-out accuracy, a confusion matrix, and a box to try a
sentence before and after fine-tuning.

Training runs on a ClassifyWorker, which saves each finished or stopped fine-tune as a "classify"
run; past runs are listed under the settings and can be shown again (curves, confusion matrix,
and the saved classifier in the try-a-sentence box) or deleted. Predictions and loading a saved
classifier run on an app.worker.Worker (the newest request wins; stale results are dropped).
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..common.appearance import OKABE_ITO, Appearance
from ..common.plots import style_plot
from ..common.textutil import esc
from ..common.worker import Worker
from . import classify_runs
from .base_picker import BasePicker
from .classify_worker import ClassifyWorker
from .confusion import ConfusionView
from .controls import job_controls
from .curves import span_steps, step_plot
from .labelled_table import LabelledTable
from .layout import lesson_columns
from .run_list import RunList
from .runs import Run, RunStore

FREEZE_HELP = ("Only the last N blocks (and the new head) learn; the blocks below keep what pre-training "
               "taught them. Fewer trainable blocks: faster, and safer with few examples. All blocks: the "
               "whole network adapts.")
STATUS_WORDS = {"done": "finished", "stopped": "stopped early"}


def _predict(classifier, tokenizer, text: str):
    from model.classify import predict

    return predict(classifier, tokenizer, [text])[0]


def describe_classify_run(run: Run) -> str:
    accuracy = run.info.get("accuracy")
    held_out = f" · {accuracy:.0%} held-out" if accuracy is not None else ""
    return f"{run.name} · {STATUS_WORDS.get(run.status, run.status)} · {run.step:,} steps{held_out} · {run.id[:15]}"


class FinetunePanel(QWidget):
    run_ended = Signal(str, str)
    records_shown = Signal(int)
    prediction_shown = Signal()
    classifier_loaded = Signal()  # a past run's saved classifier is ready for the try-a-sentence box

    def __init__(self, appearance: Appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.store = store or RunStore()
        self.worker: ClassifyWorker | None = None
        self.run: Run | None = None  # the saved run on screen (None while a new one trains)
        self.labels: list[str] = []
        self.before = self.after = self.tokenizer = None
        self.steps, self.losses, self.acc_steps, self.accs = [], [], [], []
        self.confusion: np.ndarray | None = None
        self.aux = Worker("finetune-aux", self)
        self.aux.done.connect(self._aux_done)
        self.aux.failed.connect(self._aux_failed)
        self._build()
        self._show_base_size()
        self.base_picker.base_chosen.connect(self._show_base_size)

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        a = self.appearance
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        base_box = QGroupBox("1  Base model")
        bl = QVBoxLayout(base_box)
        self.base_picker = BasePicker(self.store)
        bl.addWidget(self.base_picker)
        ll.addWidget(base_box)
        data_box = QGroupBox("2  Labelled examples (double-click to edit)")
        dl = QVBoxLayout(data_box)
        self.table = LabelledTable(a)
        dl.addWidget(self.table)
        ll.addWidget(data_box, 1)
        ll.addWidget(self._settings_box())
        runs_box = QGroupBox("Past classification runs")
        rl = QVBoxLayout(runs_box)
        self.run_list = RunList(self.store, (classify_runs.KIND,), describe_classify_run)
        self.run_list.list.setMinimumHeight(60)
        self.run_list.setMaximumHeight(150)
        self.run_list.show_requested.connect(self.show_run)
        self.run_list.delete_requested.connect(self.delete_run)
        rl.addWidget(self.run_list)
        ll.addWidget(runs_box)

        self.start_button, self.stop_button, self.progress, controls = job_controls(self.start, self.stop, self.appearance)
        self.status = QLabel("Pick a base model and some labelled examples, then press Start.")
        self.status.setWordWrap(True)

        self.loss_plot = step_plot(a, "Loss")
        self.acc_plot = step_plot(a, "Held-out accuracy")
        self.acc_plot.setYRange(0, 1)
        self.loss_curve = self.loss_plot.plot()
        self.acc_curve = self.acc_plot.plot(symbol="o", symbolSize=6)
        self.chance_line = pg.InfiniteLine(pos=0.5, angle=0, movable=False)
        self.acc_plot.addItem(self.chance_line)
        self.chance_label = pg.TextItem("chance", anchor=(0, 1))
        self.acc_plot.addItem(self.chance_label)
        self.confusion_view = ConfusionView(a)
        plots = QGridLayout()
        plots.addWidget(self.loss_plot, 0, 0)
        plots.addWidget(self.acc_plot, 0, 1)
        plots.addWidget(self.confusion_view.plot, 1, 0)
        plots.addWidget(self._try_box(), 1, 1)
        plots.setRowStretch(0, 3)
        plots.setRowStretch(1, 2)

        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(4, 0, 4, 0)
        cl.addLayout(controls)
        cl.addWidget(self.status)
        cl.addLayout(plots, 1)
        self.lesson = lesson_columns(self, left, center, a, "finetuning", [470, 700, 280])
        a.changed.connect(self._restyle)
        self._restyle()
        self._set_running(False)
        self._activated = False

    def _settings_box(self) -> QGroupBox:
        box = QGroupBox("3  Fine-tune")
        form = QFormLayout(box)
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
        help_label.setStyleSheet(f"color: {self.appearance.hex('muted')}")
        form.addRow(help_label)
        form.addRow("Steps", self.steps_spin)
        form.addRow("Learning rate", self.lr_spin)
        return box

    def _try_box(self) -> QGroupBox:
        box = QGroupBox("Try a sentence")
        tl = QVBoxLayout(box)
        self.try_edit = QLineEdit()
        self.try_edit.setPlaceholderText("Type a sentence, e.g. The film was a delight from start to finish.")
        self.try_edit.textChanged.connect(lambda: self.try_timer.start())
        self.try_timer = QTimer(self, singleShot=True, interval=150)
        self.try_timer.timeout.connect(self.predict_now)
        self.try_result = QLabel("Before fine-tuning the head is random, so expect a coin toss.")
        self.try_result.setTextFormat(Qt.RichText)
        self.try_result.setWordWrap(True)
        self.try_result.setFont(self.appearance.font(1.1))
        tl.addWidget(self.try_edit)
        tl.addWidget(self.try_result)
        tl.addStretch(1)
        return box

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
        for pw in (self.loss_plot, self.acc_plot):
            style_plot(pw, a)
        self.confusion_view.restyle()
        self.loss_curve.setPen(pg.mkPen(OKABE_ITO[4], width=a.line_width))
        self.acc_curve.setPen(pg.mkPen(OKABE_ITO[2], width=a.line_width))
        self.acc_curve.setSymbolBrush(OKABE_ITO[2])
        self.chance_line.setPen(pg.mkPen(a.color("muted"), width=1, style=Qt.DashLine))
        self.chance_label.setColor(a.color("muted"))

    # ---- base models ---------------------------------------------------------------------
    def fill_bases(self) -> None:
        self.base_picker.fill()

    def set_base(self, folder: str) -> None:
        self.base_picker.set_base(folder)

    def _show_base_size(self, *_) -> None:
        """How many blocks the base has (config.json: a small file read, no torch)."""
        folder = self.base_picker.folder()
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
        base = self.base_picker.folder()
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
        self.run = None
        self.steps, self.losses, self.acc_steps, self.accs = [], [], [], []
        self.after = None
        self._redraw()
        span_steps((self.loss_plot, self.acc_plot), cfg.steps)
        self.progress.setRange(0, cfg.steps)
        self.progress.setValue(0)
        name = f"{self.base_picker.base_name()} → {' / '.join(data.label_names())}"
        worker = ClassifyWorker(base, data, cfg, store=self.store, name=name, parent=self)
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
        """Stop a fine-tune (what it learned so far is saved as a run) and the prediction worker."""
        if self.worker is not None:
            self.worker.stop_and_wait()
        self.aux.stop()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.stop_button.setEnabled(running)
        for w in (self.table, self.base_picker, self.blocks_spin, self.steps_spin, self.lr_spin):
            w.setEnabled(not running)
        self.run_list.set_busy(running)

    def _prepared(self, info: dict) -> None:
        self.labels = info["labels"]
        self.before, self.tokenizer = info["before"], info["tokenizer"]
        self.blocks_spin.setMaximum(info["n_blocks"])
        self.status.setText(f"Fine-tuning {info['trainable']:,} of {info['total']:,} parameters "
                            f"to tell {' / '.join(self.labels)} apart.")
        self.confusion = None
        self.confusion_view.set_labels(self.labels)
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
        worker = self.worker
        if worker is not None:
            worker.wait()
        self._set_running(False)
        self.after = classifier
        chance = 1 / max(1, len(self.labels))
        acc = f" Held-out accuracy: {self.accs[-1]:.0%} (chance: {chance:.0%})." if self.accs else ""
        saved = ""
        if worker is not None and worker.saved_run is not None:
            self.run = worker.saved_run
            saved = f" Saved as the run “{self.run.name}” (listed under Past classification runs)."
        elif worker is not None and worker.save_problem:
            saved = f" {worker.save_problem}"
        self.status.setText(f"{message}{acc}{saved}" if event != "failed" else f"Could not fine-tune: {message}")
        self.run_list.refresh(select=self.run.id if self.run is not None else None)
        self.predict_now()
        self.run_ended.emit(event, message)

    # ---- past runs -----------------------------------------------------------------------
    def show_run(self, run: Run | None) -> None:
        """Put a saved fine-tune back on screen: its settings, curves and confusion matrix, and (loaded
        on the worker) its classifier for the try-a-sentence box."""
        if run is None or self.is_training():
            return
        self.run = run
        settings = run.info.get("settings", {})
        base = settings.get("base_model")
        if base and (Path(base) / "config.json").exists():
            self.base_picker.set_base(base)
        self.steps_spin.setValue(int(settings.get("steps", self.steps_spin.value())))
        self.lr_spin.setValue(float(settings.get("learning_rate", self.lr_spin.value())))
        self.blocks_spin.setValue(int(settings.get("train_last_blocks", self.blocks_spin.value())))
        self.labels = list(run.info.get("labels", []))
        m = run.metrics(classify_runs.COLUMNS)
        has_loss, has_acc = np.isfinite(m["train_loss"]), np.isfinite(m["accuracy"])
        self.steps, self.losses = m["step"][has_loss].tolist(), m["train_loss"][has_loss].tolist()
        self.acc_steps, self.accs = m["step"][has_acc].tolist(), m["accuracy"][has_acc].tolist()
        self.confusion_view.set_labels(self.labels)
        self.confusion = classify_runs.read_confusion(run)
        self._redraw()
        span_steps((self.loss_plot, self.acc_plot), run.total_steps)
        self.progress.setRange(0, max(1, run.total_steps))
        self.progress.setValue(run.step)
        acc = f" Held-out accuracy: {self.accs[-1]:.0%}." if self.accs else ""
        self.status.setText(f"{run.name}: {STATUS_WORDS.get(run.status, run.status)} at step {run.step:,} "
                            f"of {run.total_steps:,}.{acc}")
        self.before = self.after = self.tokenizer = None
        self.try_result.setText("Loading the saved classifier…")
        self.aux.submit("load", lambda: classify_runs.load_classifier(run))

    def delete_run(self, run: Run | None) -> None:
        if run is None or self.is_training():
            return
        if not self.run_list.confirm_and_delete(run, " and its fine-tuned model"):
            return
        if self.run is not None and self.run.id == run.id:
            self.run = None
            self.aux.cancel("load")
            self.labels, self.steps, self.losses, self.acc_steps, self.accs = [], [], [], [], []
            self.before = self.after = self.tokenizer = self.confusion = None
            self.confusion_view.set_labels([])
            self._redraw()
            self.try_result.setText("Fine-tune a model (or show a past run) to try a sentence.")

    # ---- drawing -------------------------------------------------------------------------
    def _redraw(self) -> None:
        self.loss_curve.setData(np.asarray(self.steps, float), np.asarray(self.losses, float))
        self.acc_curve.setData(np.asarray(self.acc_steps, float), np.asarray(self.accs, float))
        if self.steps:
            self.chance_line.setPos(1 / max(1, len(self.labels)))
            self.chance_label.setPos(self.steps[0], 1 / max(1, len(self.labels)))
        self.confusion_view.show(self.confusion)

    # ---- try a sentence ------------------------------------------------------------------
    def predict_now(self) -> None:
        text = self.try_edit.text().strip()
        after = None if self.is_training() else self.after
        if not text or (self.before is None and after is None):
            return
        before, tok = self.before, self.tokenizer
        self.aux.submit("predict", lambda: (text, _predict(before, tok, text) if before is not None else None,
                                            _predict(after, tok, text) if after is not None else None))

    def _aux_done(self, kind: str, gen: int, result) -> None:
        if not self.aux.is_current(kind, gen):
            return
        if kind == "load":
            self.labels, self.tokenizer = result.labels, result.tokenizer
            self.before, self.after = result.untrained, result.tuned
            self.try_result.setText("The saved classifier is loaded: type a sentence above." if result.untrained
                                    else "The saved classifier is loaded (its base model is gone, so there is "
                                         "no “before” to compare): type a sentence above.")
            self.classifier_loaded.emit()
            self.predict_now()
        else:
            self._predicted(result)

    def _aux_failed(self, kind: str, gen: int, message: str) -> None:
        if not self.aux.is_current(kind, gen):
            return
        prefix = "Could not load the saved classifier: " if kind == "load" else ""
        self.try_result.setText(esc(prefix + message))

    def _predicted(self, result) -> None:
        text, before, after = result
        self.last_prediction = result

        def verdict(p):
            i = int(np.argmax(p))
            return f"<b>{esc(self.labels[i])}</b> {p[i]:.0%}"

        html = f"Before fine-tuning: {verdict(before)}" if before is not None else "Before fine-tuning: (base gone)"
        if after is not None:
            html += f" &nbsp;&nbsp;→&nbsp;&nbsp; after: {verdict(after)}"
        elif self.is_training():
            html += " &nbsp;&nbsp;→&nbsp;&nbsp; after: (training…)"
        self.try_result.setText(html)
        self.prediction_shown.emit()
