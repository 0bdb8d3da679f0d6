"""The explorer window: a prompt, a model and device, a stage navigator, the stage, its lesson.

One traced forward pass per prompt runs on the engine worker; every stage renders that trace.
Nothing here imports torch: the engine imports it on its own thread after the window is up.
"""
from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QMainWindow, QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from . import export
from .appearance import Appearance
from .decoding import DecodingSession
from .engine import Engine, comparison_tokenizers
from .pages import EmptyState, LessonFitter, LessonPane, MessagePage
from .panels.attention import AttentionPanel
from .panels.embeddings import EmbeddingsPanel
from .panels.output import OutputPanel
from .panels.overview import OverviewPanel
from .panels.positions import PositionsPanel
from .panels.text import TextPanel
from .panels.tokens import TokensPanel
from .paths import default_model_dir
from .stages import NEEDS_TRACE, STAGES
from .window_actions import WindowActions
from .window_settings import DEVICES, MAX_RECENT, WindowSettings, saved_appearance, setting_choice
from .worker import Worker

DEBOUNCE_MS = 30  # keystrokes closer together than this are traced once, when they pause
AUTOSAVE_MS = 1500  # the prompt is saved this long after the last edit (see save_prompt)


# The model reads at most its context window (256 tokens for the shipped model, 1,024 for GPT-2), a
# few thousand characters. The box holds far more than that, but not megabytes: a 1 MB paste froze
# the window for 45 s and every key in a 1 MB prompt cost 0.8 s of text layout.
MAX_PROMPT_CHARS = 20_000


class PromptEdit(QPlainTextEdit):
    clipped = Signal(int)  # characters that did not fit

    def __init__(self):
        super().__init__()
        self.setPlaceholderText(self.tr("Type a prompt… (for example: To be, or not to be)"))
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source) -> None:
        """A paste or a drop that would overfill the box is cut before it is laid out."""
        text = source.text() if source.hasText() else ""
        selected = len(self.textCursor().selectedText())
        room = MAX_PROMPT_CHARS - (len(self.toPlainText()) - selected)
        if len(text) <= room:
            super().insertFromMimeData(source)
            return
        self.textCursor().insertText(text[:max(0, room)])
        self.clipped.emit(len(text) - max(0, room))

    def set_text(self, text: str) -> None:
        self.setPlainText(text[:MAX_PROMPT_CHARS])
        if len(text) > MAX_PROMPT_CHARS:
            self.clipped.emit(len(text) - MAX_PROMPT_CHARS)

    def keyPressEvent(self, event) -> None:
        full = len(self.toPlainText()) >= MAX_PROMPT_CHARS and not self.textCursor().hasSelection()
        if full and event.text() and event.text().isprintable():
            self.clipped.emit(len(event.text()))
            return
        super().keyPressEvent(event)


class MainWindow(WindowActions, WindowSettings, QMainWindow):
    trace_shown = Signal(object)  # a trace reached the screen
    model_changed = Signal(object)  # ModelInfo, or None when loading failed
    trace_failed = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent=None, run_store=None):
        super().__init__(parent)
        self._run_store = run_store  # None: the per-user run folder
        self.setWindowTitle("LM Anatomy")
        self.settings = settings if settings is not None else QSettings("LM Anatomy", "lm-anatomy")
        self._migrate_settings()
        s = self.settings
        self.appearance = Appearance(**saved_appearance(s))
        self.appearance.apply_to_app()
        self.appearance.changed.connect(self._fit_navigator)
        self.engine = Engine()
        self.engine_worker = Worker("engine", self)
        self.aux_worker = Worker("aux", self)
        for w in (self.engine_worker, self.aux_worker):
            w.done.connect(self._job_done)
            w.failed.connect(self._job_failed)
        self.info = None
        self.result = None  # the TraceResult on screen
        self.model_path: str | None = None
        self.model_error: str | None = None
        self.render_errors: dict[str, str] = {}  # stage -> why its last render failed
        self.dropped = 0  # stale results thrown away (for tests and the curious)
        self._step_pending = False
        self._prompt_notice = ""  # said with the next trace (see _prompt_clipped)
        self.decoding = DecodingSession(parent=self)
        self.decoding.changed.connect(self.request_trace)
        self.decoding.tick.connect(self._play_tick)
        self._build()
        self._build_menus()
        self._restore()

    # ---- construction --------------------------------------------------------------------
    def _build(self) -> None:
        a = self.appearance
        self.prompt = PromptEdit()
        self.prompt.setMaximumHeight(72)
        self.prompt.textChanged.connect(self._prompt_edited)
        self.prompt.clipped.connect(self._prompt_clipped)
        self.debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.debounce.timeout.connect(self._debounce_elapsed)
        # The prompt is written to the settings a moment after each edit, not only on close: a
        # window that dies (a crash, a power cut, a killed session) keeps what the student typed.
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_prompt)
        self._edit_pending = False
        self.model_combo = QComboBox()
        self.model_combo.setMinimumContentsLength(18)
        self.model_combo.activated.connect(self._model_combo_chosen)
        self.device_combo = QComboBox()
        self.device_combo.addItem("CPU", "cpu")
        self.device_combo.activated.connect(self._device_chosen)
        side = QVBoxLayout()
        for label, w in (("Model", self.model_combo), ("Device", self.device_combo)):
            row = QHBoxLayout()
            row.addWidget(QLabel(label))
            row.addWidget(w, 1)
            side.addLayout(row)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Empty the prompt box and the generated text"))
        self.clear_button.clicked.connect(lambda: self.set_prompt(""))
        top = QHBoxLayout()
        top.addWidget(self.prompt, 1)
        top.addWidget(self.clear_button, 0, Qt.AlignTop)
        top.addLayout(side)

        self.nav = QListWidget()
        self.panels = {
            "text": TextPanel(a), "tokens": TokensPanel(a), "embeddings": EmbeddingsPanel(a),
            "positions": PositionsPanel(a), "attention": AttentionPanel(a), "output": OutputPanel(a),
            "overview": OverviewPanel(a),
        }
        self.stack = QStackedWidget()
        self.message = MessagePage(a)
        self.message.open_requested.connect(self.choose_model_folder)
        self.message.retry_requested.connect(lambda: self.open_model(self.model_path or str(default_model_dir())))
        self.empty = EmptyState(a)
        self.empty.suggestion_chosen.connect(self.set_prompt)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.empty)
        for i, key in enumerate(STAGES):
            panel = self.panels[key]
            panel.stage_requested.connect(self.show_stage)
            self.stack.addWidget(panel)
            item = QListWidgetItem(f"{i + 1}  {panel.title}")
            item.setToolTip(f"Ctrl+{i + 1}")
            item.setData(Qt.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: self.show_stage(STAGES[row]) if row >= 0 else None)
        self.panels["tokens"].token_clicked.connect(self.show_embedding)
        self.panels["overview"].layer_requested.connect(self.show_layer)
        out: OutputPanel = self.panels["output"]
        out.step_requested.connect(self.step)
        out.force_requested.connect(self.force)
        out.undo_requested.connect(self.undo)
        out.play_toggled.connect(self._play_toggled)
        out.speed_changed.connect(self.decoding.set_speed)
        self.lesson = LessonPane(a)
        self.lesson.setMinimumWidth(240)
        for panel in self.panels.values():
            for name, widget in panel.plots().items():
                export.install_context_menu(widget, name, lambda path: self._set_status(f"Saved {path}"))

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.lesson)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 900, 330])
        self.lesson_fitter = LessonFitter(self.splitter, self.stack, self.lesson, a, lambda: self.lesson_action.isChecked())
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.resize(1440, 880)
        from .training.area import TrainingArea

        self.training = TrainingArea(self, self._run_store)  # tabs: Explore | Pre-train | Fine-tune

    # ---- models and devices --------------------------------------------------------------
    def start(self, model: str | None = None) -> None:
        """Called once the window is visible: load a model (the shipped one by default)."""
        self.open_model(model or str(default_model_dir()))

    def open_model(self, folder: str) -> None:
        folder = str(Path(folder).expanduser())
        self.model_path, self.model_error = folder, None
        self._play_toggled(False)
        self._fill_model_combo()
        if not Path(folder).exists():
            shipped = Path(folder) == default_model_dir()
            self.model_error = f"{folder}: no such folder"
            if self.info is not None:  # keep the model already open
                self._keep_current_model(f"There is no model folder at {folder}.")
                return
            self.message.show_message(
                "The shipped model is not installed yet" if shipped else "That model folder does not exist",
                f"LM Anatomy looked for a model in<br><code>{folder}</code><br>and found nothing there.<br><br>"
                "Open a model folder (one with config.json, model.safetensors and tokenizer.json), "
                "for example one written by <code>lm-anatomy-train</code>.")
            self._update_pages()
            self.model_changed.emit(None)
            return
        self.message.show_message("Loading the model…", f"<code>{folder}</code>", can_open=False)
        self._set_status(f"Loading {folder} …")
        device = setting_choice(self.settings, "device", "cpu", DEVICES)
        self.engine_worker.cancel("trace")
        self.engine_worker.submit("load", lambda: self.engine.load(folder, device))
        self._update_pages()

    def _keep_current_model(self, problem: str) -> None:
        """A new model could not be opened: say why, and carry on with the one already loaded."""
        self.model_path = self.info.path
        self._fill_model_combo()
        self._set_status(f"Could not open that model; still showing {self.info.name}. {problem}")
        box = QMessageBox(QMessageBox.Warning, "Could not open the model", problem, QMessageBox.Ok, self)
        box.setModal(False)
        box.show()
        self.model_changed.emit(None)
        self._update_pages()

    def choose_model_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a model folder", self.model_path or str(Path.home()))
        if folder:
            self.open_model(folder)

    def _model_combo_chosen(self, index: int) -> None:
        path = self.model_combo.itemData(index)
        if path is None:
            self.choose_model_folder()
            self._fill_model_combo()
        elif path != self.model_path or self.info is None:
            self.open_model(path)

    def _device_chosen(self, index: int) -> None:
        device = self.device_combo.itemData(index)
        if self.info is not None and device != self.info.device:
            self.settings.setValue("device", device)
            self.engine_worker.submit("load", lambda: self.engine.set_device(device))

    def _model_loaded(self, info) -> None:
        if self.info is not None and self.info.labels != info.labels:
            # Generated token ids are ids of the old model's vocabulary: they mean nothing (or are out of
            # range) in this one. Same vocabulary (a snapshot of the same run): keep the continuation.
            self.decoding.extra_ids.clear()
            self.decoding.history.clear()
        self.info = info
        self.setWindowTitle(f"LM Anatomy — {info.name} ({info.device.upper()})")
        self.model_error = None
        recent = [info.path] + [p for p in self.recent_models() if p != info.path]
        self.settings.setValue("recent_models", recent[:MAX_RECENT])
        self._fill_model_combo()
        self.device_combo.clear()
        for dev in info.devices:
            self.device_combo.addItem(dev.upper(), dev)
        self.device_combo.setCurrentIndex(max(0, self.device_combo.findData(info.device)))
        for panel in self.panels.values():
            panel.set_model(info)
        self.aux_worker.submit("tokenizers", lambda tok=info.tokenizer: comparison_tokenizers(tok))
        self.model_changed.emit(info)
        self.result = None
        self.request_trace()
        self._update_pages()
        if gc.get_freeze_count() == 0:  # once a process
            # Start-up made a few hundred thousand long-lived objects (torch, Qt, the model). Left in
            # the collector's oldest generation, each full collection walked them all and froze the
            # window for 40-140 ms, now and then, while training. Frozen, they are never scanned.
            gc.freeze()

    # ---- prompt and traces ---------------------------------------------------------------
    def set_prompt(self, text: str) -> None:
        self.prompt.set_text(text)

    def _prompt_clipped(self, dropped: int) -> None:
        # Kept until the next trace's status line, which carries it (a trace follows every edit).
        self._prompt_notice = (self.tr("The prompt box holds at most {0:,} characters, so the last {1:,} were left out. "
                                 "The model reads only the end of a long prompt anyway (its context window).")
                               .format(MAX_PROMPT_CHARS, dropped))
        self._set_status(self._prompt_notice)

    def prompt_text(self) -> str:
        return self.prompt.toPlainText()

    def _prompt_edited(self) -> None:
        self.autosave.start()
        self._step_pending = False
        self._play_toggled(False)
        self.decoding.extra_ids.clear()
        self.decoding.history.clear()
        if self.debounce.isActive():  # part of a burst: trace once it pauses
            self._edit_pending = True
            self.debounce.start()
        else:  # a lone keystroke: trace at once (no added latency), then hold a burst's next ones
            self.request_trace()
            self.debounce.start()

    def _debounce_elapsed(self) -> None:
        if self._edit_pending:
            self.request_trace()

    def request_trace(self) -> None:
        self.debounce.stop()
        self._edit_pending = False
        if self.info is None:
            return
        prompt, extra = self.prompt_text(), tuple(self.decoding.extra_ids)
        if not prompt and not extra:
            self.engine_worker.cancel("trace")
            self.result = None
            self._update_pages()
            self._set_status("Empty prompt: type something to see the model at work.")
            return
        engine = self.engine
        self.engine_worker.submit("trace", lambda: engine.trace(prompt, extra))

    def _job_done(self, kind: str, gen: int, result) -> None:
        worker = self.sender()
        if not worker.is_current(kind, gen):
            self.dropped += 1
            return
        if kind == "load":
            self._model_loaded(result)
        elif kind == "trace":
            self._show_result(result)
        elif kind == "tokenizers":
            self.panels["tokens"].set_comparison_tokenizers(result)

    def _job_failed(self, kind: str, gen: int, message: str) -> None:
        if not self.sender().is_current(kind, gen):
            self.dropped += 1
            return
        if kind == "load":
            self.model_error = message
            if self.info is not None:  # keep the model already open; nothing the user had is lost
                self._keep_current_model(message)
                return
            self.message.show_message("This model could not be loaded", message.replace("\n", "<br>"), can_retry=True)
            self._update_pages()
            self.model_changed.emit(None)
        elif kind == "trace":  # e.g. a text with no tokens (only spaces, for a word tokenizer)
            self.result = None
            self._update_pages()
            self._set_status(f"Nothing to show for this text: {message}")
            self.trace_failed.emit(message)
        else:
            self._set_status(message)

    def _show_result(self, result) -> None:
        self.result = result
        self.panels["text"].set_generated_from(result.generated_from)
        self.panels["tokens"].set_generated_from(result.generated_from)
        self.panels["output"].set_generated_from(result.generated_from)
        self.panels["output"].show_history(self.decoding.history)
        self._update_pages()
        # Render now, paint on a later turn of the event loop: back to back they kept the loop
        # busy for ~17 ms at 64 tokens (a visible hitch while typing); apart, each is under 10.
        self.stack.setUpdatesEnabled(False)
        self._render_current()
        QTimer.singleShot(0, self._paint_stage)
        trace = result.trace
        msg = (f"{self.info.name} on {self.info.device.upper()} · {trace.n_tokens} tokens · traced in "
               f"{result.seconds * 1000:.0f} ms")
        if trace.truncated_chars:
            msg += (f" · longer than the context ({self.info.config['context_length']} tokens): the window slides, "
                    f"the first {trace.truncated_chars:,} characters are out of sight")
        if self._prompt_notice:
            msg, self._prompt_notice = f"{self._prompt_notice} · {msg}", ""
        self._set_status(msg)

    def _paint_stage(self) -> None:
        """Second half of _show_result: let the rendered stage paint, then say the trace is shown."""
        self.stack.setUpdatesEnabled(True)
        if self.result is None:
            return
        self.trace_shown.emit(self.result.trace)
        if self._step_pending and not self.decoding.playing:
            QTimer.singleShot(0, self.step)

    def _render_current(self) -> None:
        key = self.current_stage
        panel = self.panels[key]
        if key in NEEDS_TRACE and self.result is not None and panel.trace is not self.result.trace:
            try:
                panel.render(self.result.trace)
                self.render_errors.pop(key, None)
            except Exception as exc:  # a bug in one stage must not take the window down with it
                self.render_errors[key] = f"{type(exc).__name__}: {exc}"
                self._set_status(f"The {panel.title} stage could not draw this prompt ({self.render_errors[key]}). "
                                 "The other stages still work.")

    @property
    def trace(self):
        return self.result.trace if self.result is not None else None

    # ---- stages --------------------------------------------------------------------------
    @property
    def current_stage(self) -> str:
        row = self.nav.currentRow()
        return STAGES[row] if row >= 0 else "tokens"

    def show_stage(self, key: str) -> None:
        if key not in STAGES:
            return
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(STAGES.index(key))
        self.nav.blockSignals(False)
        self.lesson.show_lesson(key)
        self._update_pages()
        self._render_current()

    def _update_pages(self) -> None:
        key = self.current_stage
        if self.info is None:
            self.stack.setCurrentWidget(self.message)
        elif key in NEEDS_TRACE and self.result is None:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.panels[key])

    def show_layer(self, stage: str, layer: int, lens: bool = False) -> None:
        """A block in the model overview: the Attention stage on that layer (its logit lens row for an MLP)."""
        attention = self.panels["attention"]
        attention.select(layer, attention.head)
        self.show_stage(stage)
        if lens:
            attention.lens.selectRow(layer)
            attention.lens.setFocus()

    def show_embedding(self, token_id: int) -> None:
        self.show_stage("embeddings")
        self.panels["embeddings"].select_token(int(token_id))

    # ---- decoding ------------------------------------------------------------------------
    def _ready_to_decode(self) -> bool:
        return self.info is not None and self.result is not None and self.engine_worker.is_idle()

    def step(self) -> None:
        """Append one token; pressed while a trace is computing, it runs as soon as that trace shows."""
        if self._ready_to_decode():
            self._step_pending = False
            self.decoding.step(self.trace, self.info.labels, *self.panels["output"].settings())
        elif self.info is not None and self.result is not None:
            self._step_pending = True

    def force(self, token_id: int) -> None:
        if self.info is not None and self.result is not None:
            self.decoding.append(self.trace, self.info.labels, int(token_id), "forced")

    def undo(self) -> None:
        self.decoding.undo()

    def _play_toggled(self, on: bool) -> None:
        self.decoding.play(bool(on))
        for w in (self.panels["output"].play_button, self.play_action):
            w.blockSignals(True)
            w.setChecked(bool(on))
            w.blockSignals(False)
        self.panels["output"].play_button.setText("Pause ❚❚" if on else "Play ▶")

    def _play_tick(self) -> None:
        if self.result is None:
            self._play_toggled(False)
        elif self._ready_to_decode():
            self.step()

    # ---- appearance ----------------------------------------------------------------------
    def _appearance(self, **changes) -> None:
        self.appearance.update(**changes)
        self._render_current()

    def _fit_navigator(self) -> None:
        self.nav.setFont(self.appearance.font(1.05))
        fm = self.nav.fontMetrics()
        widest = max(fm.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        self.nav.setMinimumWidth(widest + 36)
        self.nav.setMaximumWidth(widest + 60)

    def set_presentation(self, on: bool) -> None:
        self.presentation_action.blockSignals(True)
        self.presentation_action.setChecked(on)
        self.presentation_action.blockSignals(False)
        self._appearance(presentation=bool(on))

    def zoom(self, factor: float) -> None:
        self._appearance(zoom=min(3.0, max(0.5, self.appearance.zoom * factor)))

    # ---- misc ----------------------------------------------------------------------------
    def _set_status(self, text: str) -> None:
        self.status.setText(text)

    def is_idle(self) -> bool:
        return self.engine_worker.is_idle() and self.aux_worker.is_idle() and not self.debounce.isActive()

    def closeEvent(self, event) -> None:
        if not self.training.confirm_close():
            event.ignore()
            return
        self.decoding.play(False)
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the worker threads (a QThread destroyed while running aborts the process)."""
        self.training.shutdown()  # a running training saves a checkpoint first
        for w in (self.engine_worker, self.aux_worker):
            w.stop()
