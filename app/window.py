"""The window (the view): prompt, model and device pickers, stage list, stages, lesson; the tabs.

It draws what the explorer session (session.py) reports and tells the session what the user did.
Nothing here imports torch: the session's worker imports it on its own thread after the window is up.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from app.i18n import tr, translated
from model.paths import default_model_dir

from .common import access, export
from .common.appearance import Appearance
from .common.pages import warn
from .explore.model_picker import ModelPicker, model_label
from .explore.panels.ablation_text import AblationStatus
from .explore.prompt import MAX_PROMPT_CHARS, PromptBar
from .explore.session import ExplorerSession
from .explore.stage_view import StageView, trace_status
from .explore.stages import build_panels
from .menus import TAB_SHORTCUTS, StageExports, WindowMenus
from .preferences import Preferences
from .scenario_apply import ScenarioPlayer
from .tour import TourOverlay
from .training.area import TrainingArea
from .training.timeline import SNAPSHOT

AUTOSAVE_MS = 1500  # the prompt is saved this long after the last edit (a crash keeps what was typed)


class MainWindow(QMainWindow):
    trace_shown = Signal(object)  # a trace reached the screen
    model_changed = Signal(object)  # ModelInfo, or None when loading failed
    trace_failed = Signal(str)

    def __init__(self, settings: QSettings | None = None, parent=None, run_store=None):
        super().__init__(parent)
        self.setWindowTitle(tr("LM Anatomy"))
        self.settings = settings if settings is not None else QSettings("LM Anatomy", "lm-anatomy")
        self.prefs = Preferences(self.settings)
        self.appearance = Appearance(**self.prefs.appearance())
        self.appearance.apply_to_app()
        self.appearance.changed.connect(lambda: self.tabs.tabBar().setFont(self.appearance.font(1.1, bold=True)))
        self._notice_next = ""  # said with the next trace's status line, which would hide it (see note_next)
        self.panels = build_panels(self.appearance)
        self.session = s = ExplorerSession(self.panels["output"].settings, self)
        s.loading.connect(self._loading)
        # through lambdas, so that a benchmark can time these two by replacing them on the instance
        s.model_loaded.connect(lambda info: self._model_loaded(info))
        s.model_failed.connect(self._model_failed)
        s.trace_ready.connect(lambda result: self._show_result(result))
        s.trace_cleared.connect(lambda: self._trace_gone(tr("Empty prompt: type something to see the model at work.")))
        s.trace_failed.connect(self._trace_failed)
        s.tokenizers_ready.connect(self.panels["tokens"].set_comparison_tokenizers)
        s.note.connect(self.say)
        s.decoding.tick.connect(lambda: s.play_tick() or self.play(False))
        s.decoding.playing_changed.connect(self._show_playing)
        self.training = TrainingArea(self.appearance, run_store, self)
        self.training.open_model_requested.connect(self.open_in_explorer)
        self._build()
        self.ablation_status = AblationStatus(s, self.appearance)  # says so while any part is off
        self.statusBar().addPermanentWidget(self.ablation_status)
        self.exports = StageExports(self)
        self.scenarios = ScenarioPlayer(self)  # File > Open/Save scenario: a teacher's prepared set-up
        self.tour = TourOverlay(self)  # Help > Guided tour
        self.menus = WindowMenus(self)
        self._restore()
        access.install(self)  # accessible names and descriptions for every control and plot

    # The session's state, read by tests, benchmarks and the self-test.
    info = property(lambda self: self.session.info)
    result = property(lambda self: self.session.result)
    trace = property(lambda self: self.session.trace)
    model_error = property(lambda self: self.session.model_error)
    decoding = property(lambda self: self.session.decoding)
    engine_worker = property(lambda self: self.session.engine_worker)
    current_stage = property(lambda self: self.stages.current_stage)

    # ---- construction --------------------------------------------------------------------
    def _build(self) -> None:
        a = self.appearance
        self.picker = ModelPicker(self.session, self.prefs)
        bar = PromptBar(self.picker)
        self.prompt, self.clear_button = bar.prompt, bar.clear_button
        self.model_combo, self.device_combo = self.picker.model_combo, self.picker.device_combo
        self.prompt.textChanged.connect(self._prompt_edited)
        self.prompt.clipped.connect(self._prompt_clipped)
        self.autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self.autosave.timeout.connect(lambda: self.prefs.save_prompt(self.prompt_text(), self.current_stage))
        self.stages = v = StageView(self.session, self.panels, a, lambda: self.menus.lesson_action.isChecked())
        v.render_failed.connect(self.say)
        v.message.open_requested.connect(self.picker.browse)
        v.message.retry_requested.connect(lambda: self.open_model(self.session.model_path or str(default_model_dir())))
        v.empty.suggestion_chosen.connect(self.set_prompt)
        # the stage view's parts and verbs, as the window's (menus, tests and the self-test use them)
        self.splitter, self.nav, self.stack, self.lesson = v, v.nav, v.stack, v.lesson
        self.message, self.empty, self.lesson_fitter, self.render_errors = v.message, v.empty, v.lesson_fitter, v.render_errors
        self.show_stage, self.show_layer, self.show_embedding = v.show_stage, v.show_layer, v.show_embedding
        for panel in self.panels.values():
            for name, widget in panel.plots().items():
                export.install_context_menu(widget, tr(name), lambda path: self.say(tr("Saved {0}").format(path)))
        out = self.panels["output"]
        out.step_requested.connect(self.step)
        out.force_requested.connect(self.session.force)
        out.undo_requested.connect(self.undo)
        out.play_toggled.connect(self.play)
        out.speed_changed.connect(self.session.decoding.set_speed)
        explorer = QWidget()
        layout = QVBoxLayout(explorer)
        layout.addWidget(bar)
        layout.addWidget(self.training.timeline)  # "Watch it learn", shown for a run's snapshots
        layout.addWidget(v, 1)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(explorer, tr("Explore"))
        for widget, title in self.training.tab_pages():
            self.tabs.addTab(widget, title)
        for i, (_, keys, what) in enumerate(TAB_SHORTCUTS):
            self.tabs.setTabToolTip(i, f"{tr(what)} ({keys})")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.status = QLabel()
        self.statusBar().addWidget(self.status, 1)
        self.resize(1440, 880)

    def _restore(self) -> None:
        geometry, splitter = self.prefs.layout()
        if geometry is not None:
            self.restoreGeometry(geometry)  # returns False, harmlessly, for bytes that are not a geometry
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.menus.show_appearance(self.appearance)
        self.menus.lesson_action.setChecked(self.prefs.lessons())  # hidden by the reader (Ctrl+L) stays hidden
        self.panels["output"].set_settings(*self.prefs.sampling())
        self.picker.fill()
        self.prompt.blockSignals(True)
        self.prompt.setPlainText(self.prefs.prompt())
        self.session.text = self.prompt_text()
        self.prompt.blockSignals(False)
        self.show_stage(self.prefs.stage())
        self.appearance.changed.emit()

    # ---- models and devices --------------------------------------------------------------
    def start(self, model: str | None = None) -> None:
        """Called once the window is visible: load a model (the shipped one by default)."""
        self.open_model(model or str(default_model_dir()))

    def open_model(self, folder: str) -> None:
        self.picker.open(folder)

    def open_in_explorer(self, folder: str) -> None:
        self.open_model(folder)
        self.tabs.setCurrentIndex(0)

    def _loading(self, folder: str) -> None:
        self.picker.fill()
        self.stages.show_loading(folder)
        self.say(tr("Loading {0} …").format(folder))

    def _model_loaded(self, info) -> None:
        self.setWindowTitle(tr("LM Anatomy — {0} ({1})").format(model_label(info.path), info.device.upper()))
        # a run's snapshots are steps of one run, not models to remember
        self.prefs.remember_model(info.path, keep=not SNAPSHOT.fullmatch(Path(info.path).name))
        self.picker.fill()
        self.picker.set_devices(info.devices, info.device)
        for panel in self.panels.values():
            panel.set_model(info)
        self.training.model_opened(info)
        self.model_changed.emit(info)
        self.stages.update_pages()
        if info.warnings:  # it loaded, but something looks wrong: say so where the user is looking
            warnings = [translated(w) for w in info.warnings]  # model/ words them in English (model/messages.py)
            self.note_next(" ".join(warnings))
            warn(self, tr("This model loaded with a warning"), "\n\n".join(warnings))

    def _model_failed(self, message: str, kept: bool) -> None:
        self.picker.fill()
        if kept:  # the model already open stays; nothing the user had is lost
            self.picker.set_devices(self.info.devices, self.info.device)  # a device switch that failed
            self.say(tr("Could not open that model; still showing {0}. {1}").format(model_label(self.info.path),
                                                                                  message))
            warn(self, tr("Could not open the model"), message)
        else:
            self.stages.show_load_problem(self.session.model_path, message)
        self.stages.update_pages()
        self.model_changed.emit(None)

    # ---- prompt and traces ---------------------------------------------------------------
    def set_prompt(self, text: str) -> None:
        self.prompt.set_text(text)

    def prompt_text(self) -> str:
        return self.prompt.toPlainText()

    def _prompt_edited(self) -> None:
        self.autosave.start()
        self.session.edit(self.prompt_text())

    def _prompt_clipped(self, dropped: int) -> None:
        self.note_next(tr("The prompt box holds at most {0:,} characters, so the last {1:,} were left out. The "
                          "model reads only the end of a long prompt anyway (its context window).").format(
            MAX_PROMPT_CHARS, dropped))

    def note_next(self, text: str) -> None:
        """Say `text` now and keep it in front of the next trace's status line (a trace follows every edit
        and every model load, and its line would otherwise replace this one at once)."""
        self._notice_next = text
        self.say(text)

    def _with_notice(self, msg: str) -> str:
        msg, self._notice_next = (f"{self._notice_next} · {msg}" if self._notice_next else msg), ""
        return msg

    def _show_result(self, result) -> None:
        for key in ("text", "tokens", "output"):
            self.panels[key].set_generated_from(result.generated_from)
        self.panels["output"].show_history(self.session.decoding.history)
        self.stages.update_pages()
        # Render on the next turn of the event loop and paint on the one after: back to back in one
        # turn they kept the loop busy long enough to be felt while typing (docs/BENCHMARKS.md). Qt
        # paints what a render changed when it next handles posted events, so a render from a timer
        # paints a turn later. (Switching the page's updates off and on again split them too, but
        # repainted every widget of the page, twice over.)
        QTimer.singleShot(0, self._render_stage)
        self.say(self._with_notice(trace_status(self.info, result, model_label(self.info.path))))

    def _render_stage(self) -> None:
        self.stages.render_current()
        QTimer.singleShot(0, self._paint_stage)

    def _paint_stage(self) -> None:
        """After the rendered stage has painted: say the trace is shown."""
        if self.result is not None:
            self.trace_shown.emit(self.result.trace)
            self.session.trace_painted()

    def _trace_gone(self, why: str) -> None:
        self.stages.update_pages()
        self.say(self._with_notice(why))

    def _trace_failed(self, message: str) -> None:  # e.g. only spaces, for a word tokenizer
        self._trace_gone(tr("Nothing to show for this text: {0}").format(message))
        self.trace_failed.emit(message)

    # ---- decoding ------------------------------------------------------------------------
    def step(self) -> None:
        self.session.step(*self.panels["output"].settings())

    def undo(self) -> None:
        self.session.decoding.undo()

    def play(self, on: bool) -> None:
        self.session.decoding.play(bool(on))  # its playing_changed updates the button and the menu

    def _show_playing(self, on: bool) -> None:
        self.panels["output"].set_playing(on)
        self.menus.set_checked(self.menus.play_action, on)

    def restyle(self, **changes) -> None:
        self.appearance.update(**changes)
        self.stages.render_current()

    def set_presentation(self, on: bool) -> None:
        self.menus.set_checked(self.menus.presentation_action, on)
        self.restyle(presentation=bool(on))

    def zoom(self, factor: float) -> None:
        self.restyle(zoom=min(3.0, max(0.5, self.appearance.zoom * factor)))

    def say(self, text: str) -> None:
        self.status.setText(text)

    def _tab_changed(self, index: int) -> None:
        """The status line is the explorer's: hidden over the training tabs (each has its own), shown again,
        current, on return. Qt's temporary messages are cleared. The fine-tune panels learn of new bases."""
        self.status.setVisible(index == 0)
        self.statusBar().clearMessage()
        self.training.refresh_bases()

    is_idle = property(lambda self: self.session.is_idle)  # a method of the window's, as tests call it
    def save_settings(self) -> None:
        self.prefs.save(geometry=self.saveGeometry(), splitter=self.splitter.saveState(), appearance=self.appearance,
                        sampling=self.panels["output"].settings(),
                        device=self.picker.current_device() if self.info is not None else self.prefs.device(),
                        prompt=self.prompt_text(), stage=self.current_stage,
                        lessons=self.menus.lesson_action.isChecked())

    def closeEvent(self, event) -> None:
        if not self.training.confirm_close(self):
            event.ignore()
            return
        self.session.decoding.play(False)
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop the training jobs (a running one saves first) and the worker threads."""
        self.training.shutdown()
        self.session.shutdown()
