"""The window's menu bar and shortcuts, and the Help dialogs.

`WindowMenus(window)` builds the menus from the window's public methods and keeps the checkable
actions the window and its preferences read (presentation, dark theme, colour map, lessons, play).
"""
from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app.i18n import tr
from model.paths import default_model_dir

from . import worksheets
from .common import export, figures
from .explore.stages import STAGES
from .i18n import NATIVE_NAMES, QT_TR_NOOP, available_languages, choose_language, current_language

# The main tabs, in order, with their shortcuts (Ctrl+1..7 pick explorer stages and Ctrl+Shift+E
# exports SVG, so Explore is X) and what each is for.
TAB_SHORTCUTS = ((QT_TR_NOOP("Explore"), "Ctrl+Shift+X", QT_TR_NOOP("Look inside the model, one stage at a time")),
                 (QT_TR_NOOP("Pre-train"), "Ctrl+Shift+P", QT_TR_NOOP("Train a small model from scratch on a text")),
                 (QT_TR_NOOP("Fine-tune"), "Ctrl+Shift+F",
                  QT_TR_NOOP("Teach a trained model to classify sentences, or to write like your text")))


def app_version() -> str:
    """The installed package's version (its metadata), else the source tree's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lm-anatomy")
    except PackageNotFoundError:
        from . import __version__

        return __version__


class WindowMenus:
    def __init__(self, window):
        self.window = w = window
        bar = w.menuBar()
        f = bar.addMenu(tr("&File"))
        self.lockable = {"model": [self.add(f, tr("Open model folder…"), w.picker.browse, "Ctrl+O"),
                                   self.add(f, tr("Open the shipped model"),
                                            lambda: w.open_model(str(default_model_dir())))]}
        f.addSeparator()
        self.add(f, tr("Open scenario…"), lambda: w.scenarios.open_file())
        self.add(f, tr("Save scenario…"), lambda: w.scenarios.save_as())
        self.leave_scenario_action = self.add(f, tr("Leave scenario (unlock everything)"),
                                              lambda: w.scenarios.leave())
        f.addSeparator()
        self.add(f, tr("Export stage as PNG…"), lambda: w.exports.stage("png"), "Ctrl+E")
        self.add(f, tr("Export stage as SVG…"), lambda: w.exports.stage("svg"), "Ctrl+Shift+E")
        self.add(f, tr("Copy stage image"), w.exports.copy, "Ctrl+Shift+C")
        self.add(f, tr("Export trace (.npz)…"), w.exports.trace)
        self.add(f, tr("Export table (CSV)…"), w.exports.table)
        f.addSeparator()
        self.add(f, tr("Quit"), w.close, "Ctrl+Q")
        v = bar.addMenu(tr("&View"))
        self.language_group = QActionGroup(v)  # one language checked at a time
        self.tab_actions = [self.add(v, tr("{0} tab").format(tr(name)), lambda _=False, i=i: w.tabs.setCurrentIndex(i),
                                     keys) for i, (name, keys, _) in enumerate(TAB_SHORTCUTS)]
        v.addSeparator()
        self.lockable["stage"] = [self.add(v, w.panels[key].title, lambda _=False, k=key: w.show_stage(k),
                                           f"Ctrl+{i + 1}" if i < 9 else None) for i, key in enumerate(STAGES)]
        self.lockable["stage"] += [self.add(v, tr("Next stage"), lambda: self.step_stage(1), "Ctrl+PgDown"),
                                   self.add(v, tr("Previous stage"), lambda: self.step_stage(-1), "Ctrl+PgUp")]
        v.addSeparator()
        self.presentation_action = self.add(v, tr("Presentation mode"), w.set_presentation, "F5", checkable=True)
        self.dark_action = self.add(v, tr("Dark theme"), lambda on: w.restyle(theme="dark" if on else "light"),
                                    "Ctrl+Shift+D", checkable=True)
        self.cividis_action = self.add(v, tr("Cividis colour map"),
                                       lambda on: w.restyle(colormap="cividis" if on else "viridis"), checkable=True)
        self.text_size_menu = v.addMenu(tr("Text size"))  # every font, plot labels and tick text included
        self.text_size_group = QActionGroup(v)
        self.text_size_actions = {}
        for key, label in (("smaller", tr("Smaller")), ("normal", tr("Normal")), ("larger", tr("Larger")),
                           ("largest", tr("Largest"))):
            act = self.add(self.text_size_menu, label, lambda on, k=key: on and k != w.appearance.text_size
                           and w.restyle(text_size=k), checkable=True)
            act.setActionGroup(self.text_size_group)
            self.text_size_actions[key] = act
        self.add(v, tr("Zoom in"), lambda: w.zoom(1.15), "Ctrl+=").setShortcuts(
            [QKeySequence("Ctrl+="), QKeySequence(QKeySequence.ZoomIn)])
        self.add(v, tr("Zoom out"), lambda: w.zoom(1 / 1.15), "Ctrl+-")
        self.add(v, tr("Actual size"), lambda: w.restyle(zoom=1.0), "Ctrl+0")
        self.lesson_action = self.add(v, tr("Show explanations"), w.lesson.setVisible, "Ctrl+L", checkable=True)
        self.lesson_action.setChecked(True)
        self.language_menu = v.addMenu(tr("Language"))
        self.language_actions = {}
        for code in available_languages():
            act = self.add(self.language_menu, NATIVE_NAMES.get(code, code),
                           lambda _=False, c=code: choose_language(w, c))
            act.setCheckable(True)
            act.setChecked(code == current_language())
            act.setActionGroup(self.language_group)
            self.language_actions[code] = act
        self.clear_ablation_action = self.add(v, tr("Clear switched-off parts"), w.session.clear_ablation)
        d = bar.addMenu(tr("&Decode"))
        step = self.add(d, tr("Step"), w.step, "Ctrl+Return")
        self.play_action = self.add(d, tr("Play"), w.play, "Ctrl+P", checkable=True)
        self.lockable["decoding"] = [step, self.play_action, self.add(d, tr("Undo step"), w.undo, "Ctrl+Backspace"),
                                     self.add(d, tr("Clear generated text"), w.session.decoding.reset)]
        h = bar.addMenu(tr("&Help"))
        self.add(h, tr("Keyboard shortcuts"), self.show_shortcuts, "F1")
        self.tour_action = self.add(h, tr("Guided tour"), lambda: w.tour.start(), "Shift+F1")
        self.lessons_menu = h.addMenu(tr("Lessons"))
        for key in STAGES:
            self.add(self.lessons_menu, w.panels[key].title, lambda _=False, k=key: self.show_lesson_for(k))
        self.add(h, tr("Worksheets…"), lambda: worksheets.open_worksheets(w))  # printable, for the stage on screen
        self.add(h, tr("About LM Anatomy"), self.show_about)
        self.shortcuts_text = ""

    def add(self, menu, text, slot, shortcut=None, checkable=False) -> QAction:
        act = QAction(text, self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        (act.toggled if checkable else act.triggered).connect(slot)
        menu.addAction(act)
        return act

    def set_checked(self, action: QAction, on: bool) -> None:
        """Show a state that changed elsewhere, without acting on it again."""
        action.blockSignals(True)
        action.setChecked(bool(on))
        action.blockSignals(False)

    def show_appearance(self, appearance) -> None:
        for action, on in ((self.presentation_action, appearance.presentation),
                           (self.dark_action, appearance.theme == "dark"),
                           (self.cividis_action, appearance.colormap == "cividis")):
            self.set_checked(action, on)
        # not through set_checked: the group must see it to uncheck the others (its slot sees no change)
        self.text_size_actions[appearance.text_size].setChecked(True)

    def step_stage(self, by: int) -> None:
        """Ctrl+PgDown / Ctrl+PgUp: the next or previous stage (every stage, also past the ninth)."""
        i = STAGES.index(self.window.current_stage) + by
        self.window.show_stage(STAGES[max(0, min(i, len(STAGES) - 1))])

    def show_lesson_for(self, key: str) -> None:
        """Help > Lessons: open that stage with its explanation beside it (shown even if it was hidden)."""
        self.window.show_stage(key)
        self.lesson_action.setChecked(True)
        self.window.lesson.setVisible(True)

    def about_text(self) -> str:
        return tr("<h3>LM Anatomy {0}</h3><p>Look inside a small working transformer language model.</p>"
                  "<p>Type a prompt; every stage shows one traced forward pass of the real model. Each stage has a "
                  "lesson beside it (View &gt; Show explanations, Ctrl+L; Help &gt; Lessons).</p>").format(app_version())

    def show_about(self) -> None:
        QMessageBox.about(self.window, tr("About LM Anatomy"), self.about_text())

    def show_shortcuts(self) -> None:
        panels = self.window.panels
        rows = [(f"Ctrl+{i + 1}", panels[key].title) for i, key in enumerate(STAGES[:9])] + [
            ("F5", tr("presentation mode (large fonts, thick lines)")), ("Ctrl+= / Ctrl+-", tr("zoom in / out")),
            ("Ctrl+0", tr("actual size")), ("Ctrl+Shift+D", tr("dark theme")),
            ("Ctrl+L", tr("show or hide the explanations")), ("Ctrl+Return", tr("step: append one token")),
            ("Ctrl+P", tr("play / pause")), ("Ctrl+Backspace", tr("undo a step")),
            ("Ctrl+O", tr("open a model folder")), ("Ctrl+E / Ctrl+Shift+E", tr("export the stage as PNG / SVG")),
            ("Ctrl+Shift+C", tr("copy the stage image")), ("Shift+F1", tr("guided tour (Esc leaves it)")),
            ("Ctrl+PgDown / Ctrl+PgUp", tr("next / previous stage"))]
        rows += [(keys, tr("the {0} tab").format(tr(name))) for name, keys, _ in TAB_SHORTCUTS]
        table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        self.shortcuts_text = table  # what the dialog lists (tests read it)
        QMessageBox.information(self.window, tr("Keyboard shortcuts"), f"<table>{table}</table>")


class StageExports:
    """File > Export…: the stage on screen as a figure, its data as CSV, the trace as NPZ."""

    def __init__(self, window):
        self.window = window

    def _ask_path(self, title: str, suffix: str, filt: str) -> str | None:
        name = f"lm-anatomy-{self.window.current_stage}.{suffix}"
        return export.ask_save_path(self.window, title, name, filt, self.window.settings)  # where the last one went

    def stage(self, fmt: str, path: str | None = None) -> str | None:
        widget = self.window.stack.currentWidget()
        path = path or self._ask_path(tr("Export as {0}").format(fmt.upper()), fmt, f"{fmt.upper()} (*.{fmt})")
        if path:
            figures.save_svg(widget, path) if fmt == "svg" else figures.save_png(widget, path)
            self.window.say(tr("Saved {0}").format(path))
        return path

    def copy(self) -> None:
        figures.copy_image(self.window.stack.currentWidget())
        self.window.say(tr("Copied the stage image to the clipboard"))

    def trace(self, path: str | None = None) -> str | None:
        trace = self.window.session.trace
        if trace is None:
            self.window.say(tr("Nothing to export yet: type a prompt first."))
            return None
        path = path or self._ask_path(tr("Export trace"), "npz", tr("NumPy archive (*.npz)"))
        if path:
            export.save_trace(trace, path, self.window.session.ablation_note())
            self.window.say(tr("Saved {0}").format(path))
        return path

    def table(self, path: str | None = None) -> str | None:
        tables = export.stage_tables(self.window.panels[self.window.current_stage])  # the data shown
        if not tables:
            self.window.say(tr("This stage has no table to export (try Attention, Embeddings or Output)."))
            return None
        path = path or self._ask_path(tr("Export {0}").format(next(iter(tables))), "csv", "CSV (*.csv)")
        if path:
            written = export.save_tables(tables, path, self.window.session.ablation_note())
            self.window.say(tr("Saved {0} to {1}").format(", ".join(map(tr, tables)), ", ".join(written)))
        return path
