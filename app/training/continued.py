"""Continued language-model training on the user's own text, with before / after side by side.

The base model keeps its tokenizer and sizes; only its weights move. Before the run and when it
ends, both models continue the same prompt and show their next-token distributions. Each run is a
"continue" run in the store: listed under the settings (Show, Open in explorer, Delete…) and, once
finished or stopped, offered as a base model by both fine-tune panels.
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
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from model.settings import TrainConfig, TrainingSettings, paced

from ..common.appearance import OKABE_ITO, Appearance
from ..common.plots import make_plot, style_plot
from ..common.textutil import esc, visible
from ..common.worker import Worker
from . import jobs, previews
from .base_picker import BasePicker
from .controls import job_controls, run_time_text
from .curves import span_steps, step_plot
from .layout import lesson_columns
from .run_list import RunList
from .runs import Run, RunStore
from .worker import TrainingWorker

TOP_K = 10
BEFORE_WAITING = "Pick a base model: its continuation of the prompt and its likeliest next tokens appear here."
AFTER_WAITING = "The tuned model's continuation and likeliest next tokens appear here when the run ends."


class DistributionView(QWidget):
    """A continuation and a horizontal bar chart of the top next tokens, for one model."""

    def __init__(self, title: str, appearance: Appearance, color: str, waiting: str, parent=None):
        super().__init__(parent)
        self.appearance, self.color = appearance, color
        self.title = QLabel(title)
        self.title.setFont(appearance.font(1.1, bold=True))
        self.sample = QPlainTextEdit()
        self.sample.setReadOnly(True)
        self.sample.setFont(appearance.font(0.95, mono=True))
        self.sample.setMaximumHeight(110)
        self.plot = make_plot(appearance, invert_y=True)
        self.plot.setMinimumSize(160, 160)
        self.plot.setLabel("bottom", "probability of the next token")
        self.plot.setXRange(0, 1)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], brush=color)
        self.plot.addItem(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.sample)
        layout.addWidget(self.plot, 1)
        self.clear(waiting)  # (sets self.view)

    def clear(self, waiting: str) -> None:
        """Nothing to show yet: say when there will be, and leave the chart without made-up labels."""
        self.view = None
        self.sample.clear()
        self.sample.setPlaceholderText(waiting)
        self.bars.setOpts(x0=[], y=[], width=[], height=0.7)
        self.plot.getAxis("left").setTicks([[]])

    def show_view(self, view) -> None:
        self.view = view
        self.sample.setPlainText(view.sample)
        n = len(view.top_probs)
        self.bars.setOpts(x0=np.zeros(n), y=np.arange(n, dtype=float), width=np.asarray(view.top_probs), height=0.7)
        self.plot.getAxis("left").setTicks([[(i, visible(t, 12)) for i, t in enumerate(view.top_labels)]])
        self.plot.setYRange(-0.6, n - 0.4, padding=0)
        self.plot.setXRange(0, max(0.05, max(view.top_probs) * 1.1), padding=0)


def describe_continued_run(run: Run) -> str:
    return f"{run.name} · {run.status} · {run.step:,}/{run.total_steps:,} steps · {run.id[:15]}"


class ContinuedPanel(QWidget):
    run_ended = Signal(str, str)
    views_shown = Signal()
    open_model_requested = Signal(str)  # a tuned model folder to show in the explorer

    def __init__(self, appearance: Appearance, store: RunStore | None = None, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.store = store or RunStore()
        self.worker: TrainingWorker | None = None
        self.run = None
        self.paths: list[str] = []
        self.steps, self.losses = [], []
        self.val: tuple[list, list] = ([], [])
        self.aux = Worker("continued-aux", self)
        self.aux.done.connect(self._aux_done)
        self.aux.failed.connect(self._aux_failed)
        self.check = None  # the last previews.ContinuedCheck of this base and text (None: not known yet)
        self.check_timer = QTimer(self, singleShot=True, interval=300)
        self.check_timer.timeout.connect(self.check_text)
        self._build()
        self.base_picker.base_chosen.connect(lambda _folder: self.compare_now(after=False))
        self.base_picker.base_chosen.connect(lambda _folder: self._base_changed())

    def _build(self) -> None:
        a = self.appearance
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        base_box = QGroupBox("1  Base model")
        bl = QVBoxLayout(base_box)
        self.base_picker = BasePicker(self.store)
        bl.addWidget(self.base_picker)
        text_box = QGroupBox("2  Your text")
        tl = QVBoxLayout(text_box)
        row = QHBoxLayout()
        files, folder = QPushButton("Files…"), QPushButton("Folder…")
        files.clicked.connect(self._choose_files)
        folder.clicked.connect(self._choose_folder)
        row.addWidget(files)
        row.addWidget(folder)
        tl.addLayout(row)
        self.corpus_label = QLabel("Choose .txt files (or drop them here): letters, a novel, your own stories…")
        self.corpus_label.setWordWrap(True)
        self.corpus_label.setTextFormat(Qt.RichText)
        tl.addWidget(self.corpus_label)
        self.need_label = QLabel()  # the minimum, said before a file is chosen
        self.need_label.setWordWrap(True)
        self.need_label.setStyleSheet(f"color: {a.hex('muted')}")
        tl.addWidget(self.need_label)
        self.check_label = QLabel()  # the chosen text checked against the base: enough or not
        self.check_label.setWordWrap(True)
        self.check_label.setTextFormat(Qt.RichText)
        tl.addWidget(self.check_label)
        train_box = QGroupBox("3  Training")
        form = QFormLayout(train_box)
        self.steps_spin = QSpinBox()
        self.steps_spin.setRange(10, 1_000_000)
        self.steps_spin.setSingleStep(50)
        self.steps_spin.setValue(200)
        self.lr_spin = QDoubleSpinBox()
        self.lr_spin.setDecimals(5)
        self.lr_spin.setRange(0.00001, 1.0)
        self.lr_spin.setValue(0.0005)
        self.batch_spin = QSpinBox()
        self.batch_spin.setRange(1, 512)
        self.batch_spin.setValue(16)
        self.prompt_edit = QLineEdit("Dear friend,")
        self.prompt_edit.editingFinished.connect(self.compare_now)
        form.addRow("Steps", self.steps_spin)
        form.addRow("Learning rate", self.lr_spin)
        form.addRow("Batch size", self.batch_spin)
        form.addRow("Prompt", self.prompt_edit)
        hint = QLabel("A smaller learning rate than pre-training keeps what the model knew while it adapts.")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {a.hex('muted')}")
        form.addRow(hint)
        self.estimate_label = QLabel()  # a time estimate before Start, measured on this computer
        self.estimate_label.setWordWrap(True)
        form.addRow(self.estimate_label)
        self.steps_spin.valueChanged.connect(self._show_check)
        self.batch_spin.valueChanged.connect(lambda: self.check_timer.start())
        runs_box = QGroupBox("Past runs on your text")
        rl = QVBoxLayout(runs_box)
        self.run_list = RunList(self.store, ("continue",), describe_continued_run,
                                hint="Finished and stopped runs are offered as base models in both fine-tune panels.")
        self.run_list.show_requested.connect(self.show_run)
        self.run_list.delete_requested.connect(self.delete_run)
        self.open_button = self.run_list.add_button("Open in explorer", self.open_in_explorer, Run.usable_as_base)
        rl.addWidget(self.run_list)
        for box in (base_box, text_box, train_box):
            ll.addWidget(box)
        ll.addWidget(runs_box, 1)

        self.start_button, self.stop_button, self.progress, controls = job_controls(self.start, self.stop, a)
        self.status = QLabel("Pick a base model and your text, then press Start.")
        self.status.setWordWrap(True)
        self.loss_plot = step_plot(a, "Loss on your text", min_size=(200, 120))
        self.loss_curve = self.loss_plot.plot()
        self.val_curve = self.loss_plot.plot(symbol="o", symbolSize=6)
        self.before_view = DistributionView("Before", a, OKABE_ITO[7], BEFORE_WAITING)
        self.after_view = DistributionView("After", a, OKABE_ITO[4], AFTER_WAITING)
        views = QGridLayout()
        views.addWidget(self.before_view, 0, 0)
        views.addWidget(self.after_view, 0, 1)
        center = QWidget()
        cl = QVBoxLayout(center)
        cl.setContentsMargins(4, 0, 4, 0)
        cl.addLayout(controls)
        cl.addWidget(self.status)
        cl.addWidget(self.loss_plot, 1)
        cl.addLayout(views, 2)
        self.lesson = lesson_columns(self, left, center, a, "finetuning", [340, 800, 280],
                                     anchor="continuing")  # the lesson's section on this panel
        self.setAcceptDrops(True)
        a.changed.connect(self._restyle)
        self._restyle()
        self._set_running(False)
        self._base_changed()

    def _restyle(self) -> None:
        a = self.appearance
        for pw in (self.loss_plot, self.before_view.plot, self.after_view.plot):
            style_plot(pw, a)
        self.loss_curve.setPen(pg.mkPen(OKABE_ITO[4], width=a.line_width))
        self.val_curve.setPen(pg.mkPen(OKABE_ITO[5], width=a.line_width))
        self.val_curve.setSymbolBrush(OKABE_ITO[5])

    # ---- base and text -------------------------------------------------------------------
    def fill_bases(self) -> None:
        self.base_picker.fill()

    def set_base(self, folder: str) -> None:
        self.base_picker.set_base(folder)

    def set_corpus(self, paths: list[str]) -> None:
        self.paths = [str(p) for p in paths]
        self.corpus_label.setText("Reading…")
        self.aux.submit("corpus", lambda: previews.corpus_preview(self.paths))
        self.check_text()

    # ---- is the text long enough for the base, and how long will it take ----------------------
    def _base_changed(self) -> None:
        """Say the minimum for this base up front, and check the chosen text against it."""
        ctx = self._base_context()
        if ctx is None:
            self.need_label.setText("")
        else:
            self.need_label.setText(self.tr(
                "This base model reads {ctx} tokens at a time, so your text needs at least {need} tokens with its "
                "tokenizer (one training window; a tenth of the text is held out to measure progress).").format(
                ctx=f"{ctx:,}", need=f"{ctx + 1:,}"))
        self.check_text()

    def _base_context(self) -> int | None:
        base = self.base_picker.folder()
        try:
            return int(json.loads((Path(base) / "config.json").read_text(encoding="utf-8"))["context_length"])
        except (TypeError, OSError, ValueError, KeyError):
            return None

    def check_text(self) -> None:
        """Tokenize the chosen text with the base's tokenizer and time a step (aux worker), before Start."""
        base, paths = self.base_picker.folder(), list(self.paths)
        self.check = None
        self.check_timer.stop()
        if not base or not paths:
            self.aux.cancel("check")
            self._show_check()
            return
        self.check_label.setText(self.tr("Checking your text against the base model…"))
        self.estimate_label.setText("")
        batch = self.batch_spin.value()
        self.aux.submit("check", lambda: previews.continued_check(base, paths, batch))

    def _show_check(self) -> None:
        c = self.check
        if c is None or isinstance(c, str):
            self.check_label.setText(f"<b>{esc(c)}</b>" if isinstance(c, str) else "")
            self.estimate_label.setText("")
        elif not c.enough:
            more = (c.needed - c.train_tokens) * c.chars_per_token
            self.check_label.setText(self.tr(
                "<b>Too short:</b> {have} tokens with the base model's tokenizer, fewer than one training window "
                "of {need}. Add about {more} more characters of text.").format(
                have=f"{c.train_tokens:,}", need=f"{c.needed:,}", more=f"{max(1, math.ceil(more)):,}"))
            self.estimate_label.setText("")
        else:
            self.check_label.setText(self.tr("{have} tokens with the base model's tokenizer: enough (at least {need} "
                                             "needed).").format(have=f"{c.train_tokens:,}", need=f"{c.needed:,}"))
            if c.seconds_per_step:
                self.estimate_label.setText(run_time_text(c.seconds_per_step, self.steps_spin.value(), c.device))
        self._set_running(self.is_training())

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Your text", str(Path.home()), "Text (*.txt *.text)")
        if files:
            self.set_corpus(files)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "A folder of .txt files", str(Path.home()))
        if folder:
            self.set_corpus([folder])

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and not self.is_training():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.set_corpus(paths)

    # ---- before / after ------------------------------------------------------------------
    def compare_now(self, after: bool = True, before: bool = True) -> None:
        base, prompt = self.base_picker.folder(), self.prompt_edit.text()
        if base and before:
            self.aux.submit("before", lambda: previews.model_view(base, prompt))
        if after and self.run is not None and self.run.has_checkpoint() and not self.is_training():
            tuned = str(self.run.checkpoint)
            self.aux.submit("after", lambda: previews.model_view(tuned, prompt))

    def _aux_done(self, kind: str, gen: int, result) -> None:
        if not self.aux.is_current(kind, gen):
            return
        if kind == "check":
            self.check = result
            self._show_check()
        elif kind == "corpus":
            size = result.size_bytes
            notes = "".join(f"<br>⚠ {esc(n)}" for n in result.notices)
            self.corpus_label.setText(f"{result.documents} file(s), {result.characters:,} characters "
                                      f"({size / 1024:,.0f} KB){notes}")
        else:
            (self.before_view if kind == "before" else self.after_view).show_view(result)
            shown = [v.view for v in (self.before_view, self.after_view) if v.view is not None]
            top = max(0.05, max(max(v.top_probs) for v in shown) * 1.1)
            for v in (self.before_view, self.after_view):  # one scale, so the bars compare
                v.plot.setXRange(0, top, padding=0)
            self.views_shown.emit()

    def _aux_failed(self, kind: str, gen: int, message: str) -> None:
        if not self.aux.is_current(kind, gen):
            return
        if kind == "check":
            self.check = message
            self._show_check()
        elif kind == "corpus":
            self.paths = []
            self.corpus_label.setText(f"<b>Nothing to learn from:</b> {esc(message)}")
        else:
            self.status.setText(message)

    # ---- a run ---------------------------------------------------------------------------
    def is_training(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start(self) -> None:
        base = self.base_picker.folder()
        if self.is_training():
            return
        if not base or not self.paths:
            self.status.setText("Choose a base model and some text of your own first.")
            return
        if self.check is not None and not isinstance(self.check, str) and not self.check.enough:
            self.status.setText(self.tr("Your text is too short for this base model: see above."))
            return
        steps = self.steps_spin.value()
        self.aux.cancel("after")  # a previous run's result, still on its way or shown, would pass for this one's
        self.after_view.clear(AFTER_WAITING)
        train = TrainConfig(steps=steps, learning_rate=self.lr_spin.value(), batch_size=self.batch_spin.value(),
                            warmup_steps=max(1, steps // 10), eval_batches=4, sample_prompt=self.prompt_edit.text() or "\n")
        settings = TrainingSettings(name=f"{self.base_picker.base_name()}+{Path(self.paths[0]).stem}",
                                    corpus=list(self.paths), train=paced(train, evaluations=10, checkpoints=1))
        self.run = self.store.create(settings.name, settings.to_dict() | {"base_model": base}, kind="continue")
        self.steps, self.losses, self.val = [], [], ([], [])
        self._redraw()
        span_steps((self.loss_plot,), steps)
        self.progress.setRange(0, steps)
        self.progress.setValue(0)
        worker = TrainingWorker(settings, self.run, prepare=jobs.continued_preparer(base), parent=self)
        worker.status.connect(self.status.setText)
        worker.prepared.connect(lambda info: self.status.setText(f"Training: {info['summary']}"))
        worker.records.connect(self._records)
        worker.ended.connect(self._ended)
        self.worker = worker
        self._set_running(True)
        self.compare_now(after=False)
        worker.start()

    def stop(self) -> None:
        if self.is_training():
            self.worker.request_stop()

    def shutdown(self) -> None:
        """Stop a run (its checkpoint is saved; a continued run is not resumed later) and the preview worker."""
        if self.worker is not None and self.worker.isRunning():
            self.worker.stop_and_wait()
        self.aux.stop()

    def _set_running(self, running: bool) -> None:
        too_short = self.check is not None and not isinstance(self.check, str) and not self.check.enough
        self.start_button.setEnabled(not running and not too_short)
        self.stop_button.setEnabled(running)
        for w in (self.base_picker, self.steps_spin, self.lr_spin, self.batch_spin):
            w.setEnabled(not running)
        self.run_list.set_busy(running)

    def _records(self, records: list) -> None:
        for r in records:
            if math.isfinite(r.train_loss):
                self.steps.append(r.step)
                self.losses.append(r.train_loss)
            if r.val_loss is not None:
                self.val[0].append(r.step)
                self.val[1].append(r.val_loss)
        self.progress.setValue(records[-1].step)
        self._redraw()

    def _redraw(self) -> None:
        self.loss_curve.setData(np.asarray(self.steps, float), np.asarray(self.losses, float))
        self.val_curve.setData(np.asarray(self.val[0] if self.steps else [], float),
                               np.asarray(self.val[1] if self.steps else [], float))

    def _ended(self, event: str, message: str) -> None:
        if self.worker is not None:
            self.worker.wait()
        self._set_running(False)
        self.status.setText(message if event != "failed" else f"Could not train: {message}")
        run = self.run
        if run is not None and event == "failed" and not run.has_checkpoint() and not self.steps:
            # It never trained a step: not a past run to list (nor a base to offer).
            try:
                self.store.delete(run)
            except (OSError, ValueError):
                pass
            self.run = None
        self.run_list.refresh(select=self.run.id if self.run is not None else None)
        self.compare_now()
        self.run_ended.emit(event, message)

    # ---- past runs -----------------------------------------------------------------------
    def show_run(self, run: Run | None) -> None:
        """Put a past run back on screen: its loss curve, and its base and tuned model continuing the prompt."""
        if run is None or self.is_training():
            return
        self.run = run
        m = run.metrics()
        has_loss, has_val = np.isfinite(m["train_loss"]), np.isfinite(m["val_loss"])
        self.steps, self.losses = m["step"][has_loss].tolist(), m["train_loss"][has_loss].tolist()
        self.val = (m["step"][has_val].tolist(), m["val_loss"][has_val].tolist())
        self._redraw()
        span_steps((self.loss_plot,), run.total_steps)
        self.progress.setRange(0, max(1, run.total_steps))
        self.progress.setValue(run.step)
        base = run.info.get("settings", {}).get("base_model")
        gone = not (base and (Path(base) / "config.json").exists())
        if not gone:
            self.base_picker.set_base(base, quiet=True)  # compare_now below asks for both views at once
        self.status.setText(f"{run.name}: {run.status} at step {run.step:,} of {run.total_steps:,}."
                            + (" Its base model is gone: there is no “Before” to show." if gone else ""))
        # Whatever the views showed belongs to another model: clear them, and drop results on the way.
        self.aux.cancel("after")
        self.after_view.clear(AFTER_WAITING if run.has_checkpoint() else "This run saved no tuned model.")
        if gone:
            self.aux.cancel("before")
            self.before_view.clear("The base model of this run is gone.")
        self.compare_now(before=not gone)

    def open_in_explorer(self, run: Run | None) -> None:
        if run is not None and run.usable_as_base():
            self.open_model_requested.emit(str(run.checkpoint))

    def delete_run(self, run: Run | None) -> None:
        if run is None or (self.is_training() and self.run is not None and run.id == self.run.id):
            return
        if not self.run_list.confirm_and_delete(run, " and its tuned model"):
            return
        if self.run is not None and self.run.id == run.id:
            self.run = None
            self.steps, self.losses, self.val = [], [], ([], [])
            self._redraw()
