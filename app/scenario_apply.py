"""Scenarios and the window: save what is on screen as a scenario, open one, lock what it locks.

Opening runs in order, each part once the one before it has happened: the look and the sampling
settings at once; then the model (when another one is named); then the prompt; then the generated
tokens, appended one at a time as each trace arrives (each with its real probability, as a forced
step); then the stage, the selected head and what is switched off. File > Leave scenario lifts the locks
and shows the hidden tabs again: locks keep a class on the prepared path, they are not security.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from app.i18n import QT_TR_NOOP, tr, translated
from model.paths import default_model_dir

from .common.pages import warn
from .explore.stages import STAGES
from .scenario import SHIPPED, Scenario, ScenarioError, load

TAB_INDEX = {"pretrain": 1, "finetune": 2}
FILTER = QT_TR_NOOP("LM Anatomy scenario (*.lmscenario.json *.json)")


def same_folder(a: str | None, b: str | None) -> bool:
    try:
        return a is not None and b is not None and Path(a).resolve() == Path(b).resolve()
    except OSError:
        return False


class ScenarioPlayer(QObject):
    """Owned by the window; File > Open scenario / Save scenario / Leave scenario call it."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.current: Scenario | None = None
        self._queue: list[int] = []  # generated ids still to append
        self._pending: Scenario | None = None  # waiting for its model or its prompt's trace
        self.notes_box: QMessageBox | None = None
        self.badge = QLabel()  # in the status bar while a scenario is open: why some controls are grey
        self.badge.hide()
        window.statusBar().addPermanentWidget(self.badge)
        window.model_changed.connect(self._model_changed)
        window.trace_shown.connect(self._trace_shown)

    # ---- what is on screen -> a scenario -----------------------------------------------------------------
    def collect(self) -> Scenario:
        w = self.window
        temperature, top_k, top_p = w.panels["output"].settings()
        path = w.info.path if w.info is not None else w.session.model_path
        attention = w.panels["attention"]
        ablation = w.session.ablation
        keep = self.current or Scenario()
        a = w.appearance
        return Scenario(
            model=SHIPPED if path is None or same_folder(path, str(default_model_dir())) else str(path),
            prompt=w.prompt_text(), generated=list(w.decoding.extra_ids), stage=w.current_stage,
            temperature=temperature, top_k=top_k, top_p=top_p, layer=attention.layer, head=attention.head,
            heads_off=sorted([list(p) for p in ablation.heads]) if ablation else [],
            mlps_off=sorted(ablation.mlps) if ablation else [],
            theme=a.theme, presentation=a.presentation, zoom=round(a.zoom, 3), colormap=a.colormap,
            text_size=a.text_size,
            hidden_tabs=list(keep.hidden_tabs), locked=list(keep.locked), title=keep.title, notes=keep.notes)

    def save_as(self, path: str | None = None) -> str | None:
        path = path or QFileDialog.getSaveFileName(self.window, tr("Save scenario"), "scenario.lmscenario.json",
                                                   tr(FILTER))[0]
        if not path:
            return None
        try:
            self.collect().save(path)
        except OSError as e:
            QMessageBox.warning(self.window, tr("Could not save the scenario"), f"{path}: {e.strerror or e}")
            return None
        self.window.say(tr("Saved the scenario to {0}").format(path))
        return path

    # ---- a scenario -> the screen ------------------------------------------------------------------------
    def open_file(self, path: str | None = None) -> bool:
        path = path or QFileDialog.getOpenFileName(self.window, tr("Open scenario"), "", tr(FILTER))[0]
        if not path:
            return False
        try:
            scenario = load(path, STAGES)
        except ScenarioError as e:
            QMessageBox.warning(self.window, tr("Could not open the scenario"), str(e))
            self.window.say(str(e))
            return False
        self.apply(scenario, path)
        return True

    def apply(self, s: Scenario, path: str | None = None) -> None:
        w = self.window
        self.leave(quiet=True)
        self.current = s
        w.decoding.play(False)
        w.restyle(theme=s.theme, presentation=s.presentation, zoom=s.zoom, colormap=s.colormap, text_size=s.text_size)
        w.menus.show_appearance(w.appearance)
        w.panels["output"].set_settings(s.temperature, s.top_k, s.top_p)
        self._hide_tabs(set(s.hidden_tabs))
        w.tabs.setCurrentIndex(0)
        self._lock(set(s.locked))
        w.show_stage(s.stage)
        self._pending = s
        folder = s.model_folder(path)
        wanted = folder or str(default_model_dir())
        if w.info is not None and same_folder(w.info.path, wanted):
            self._model_ready()
        else:
            w.open_model(wanted)

    def _model_changed(self, info) -> None:
        if self._pending is None:
            return
        if info is None:  # the scenario's model did not open: the window already says why
            self._pending = None
            return
        self._model_ready()

    def _model_ready(self) -> None:
        s, w = self._pending, self.window
        w.decoding.reset()
        self._queue = list(s.generated)
        out_of_range = [t for t in self._queue if t >= len(w.info.labels)]
        if out_of_range:
            self._queue = []
            w.say(tr("The scenario's generated tokens do not fit this model's vocabulary; only the prompt is shown."))
        if w.prompt_text() == s.prompt and w.trace is not None:
            self._trace_shown(w.trace)
        else:
            w.set_prompt(s.prompt)
        if not s.prompt:
            self._finish()

    def _trace_shown(self, _trace) -> None:
        if self._pending is None:
            return
        if self._queue:
            self.window.session.force(self._queue.pop(0))  # the next trace brings us back here
            return
        self._finish()

    def _finish(self) -> None:
        s, w = self._pending, self.window
        self._pending = None
        attention = w.panels["attention"]
        if w.info is not None:
            attention.select(min(s.layer, w.info.cfg("n_layer") - 1), min(s.head, w.info.cfg("n_head") - 1))
        if w.info is not None:  # exactly the scenario's switched-off parts (none clears what was off)
            from model.ablation import Ablation

            ablation = Ablation(frozenset((lay, h) for lay, h in s.heads_off), frozenset(s.mlps_off))
            try:
                ablation.check(w.info.cfg("n_layer"), w.info.cfg("n_head"))
            except ValueError as e:
                w.say(tr("The scenario switches off parts this model does not have: {0}").format(translated(e)))
            else:
                w.session.set_ablation(ablation)
        w.show_stage(s.stage)
        if s.title:
            w.setWindowTitle(f"{s.title} — {w.windowTitle()}")
        w.say(tr("Opened the scenario {0}").format(s.title) if s.title else tr("Opened the scenario"))
        if s.locked or s.hidden_tabs:
            self.badge.setText(tr("Scenario “{0}”: some controls are locked (File ▸ Leave scenario)").format(
                s.title or tr("untitled")))
            self.badge.setStyleSheet(f"color: {w.appearance.hex('accent')}; font-weight: bold")
            self.badge.show()
        if s.notes:  # the teacher's instructions, in a box that does not block the window
            self.notes_box = warn(w, s.title or tr("Scenario"), s.notes, QMessageBox.Information)

    # ---- locks -------------------------------------------------------------------------------------------
    def _controls(self) -> dict[str, list]:
        w = self.window
        c = w.panels["output"].controls
        return {
            "model": [w.model_combo, *w.menus.lockable["model"]],
            "device": [w.device_combo],
            "prompt": [w.clear_button],
            "sampling": [c.temperature, c.top_k, c.top_p],
            "decoding": [c.step_button, c.play_button, c.undo_button, c.speed, *w.menus.lockable["decoding"]],
            "stage": [w.nav, *w.menus.lockable["stage"]],
        }

    def _lock(self, locked: set[str]) -> None:
        for name, widgets in self._controls().items():
            for widget in widgets:
                widget.setEnabled(name not in locked)
        self.window.prompt.setReadOnly("prompt" in locked)

    def _hide_tabs(self, hidden) -> None:
        w = self.window
        for tab, index in TAB_INDEX.items():
            w.tabs.setTabVisible(index, tab not in hidden)
            w.menus.tab_actions[index].setEnabled(tab not in hidden)  # Ctrl+Shift+P would open a hidden tab

    def locked(self) -> set[str]:
        return set(self.current.locked) if self.current else set()

    def leave(self, quiet: bool = False) -> None:
        """Lift every lock and show every tab again."""
        w = self.window
        self._pending, self._queue = None, []
        if self.notes_box is not None:
            self.notes_box.close()
            self.notes_box = None
        self._lock(set())
        self._hide_tabs(set())
        self.badge.hide()
        if self.current is not None and not quiet:
            w.say(tr("Left the scenario: every control and tab is back."))
            w.setWindowTitle(w.windowTitle().replace(f"{self.current.title} — ", "") if self.current.title
                             else w.windowTitle())
        self.current = None
