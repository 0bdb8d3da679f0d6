"""The window's menus, shortcuts and exports (a mixin of MainWindow)."""
from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from . import export
from .paths import default_model_dir
from .stages import STAGES


def app_version() -> str:
    """The installed package's version (its metadata), else the source tree's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lm-anatomy")
    except PackageNotFoundError:
        from . import __version__

        return __version__


class WindowActions:
    def _action(self, menu, text, slot, shortcut=None, checkable=False) -> QAction:
        act = QAction(text, self)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        act.setCheckable(checkable)
        (act.toggled if checkable else act.triggered).connect(slot)
        menu.addAction(act)
        return act

    def _build_menus(self) -> None:
        bar = self.menuBar()
        f = bar.addMenu("&File")
        self._action(f, "Open model folder…", self.choose_model_folder, "Ctrl+O")
        self._action(f, "Open the shipped model", lambda: self.open_model(str(default_model_dir())))
        f.addSeparator()
        self._action(f, "Export stage as PNG…", lambda: self.export_stage("png"), "Ctrl+E")
        self._action(f, "Export stage as SVG…", lambda: self.export_stage("svg"), "Ctrl+Shift+E")
        self._action(f, "Copy stage image", self.copy_stage, "Ctrl+Shift+C")
        self._action(f, "Export trace (.npz)…", self.export_trace)
        self._action(f, "Export table (CSV)…", self.export_table)
        f.addSeparator()
        self._action(f, "Quit", self.close, "Ctrl+Q")
        v = bar.addMenu("&View")
        for i, key in enumerate(STAGES):
            self._action(v, self.panels[key].title, lambda _=False, k=key: self.show_stage(k), f"Ctrl+{i + 1}")
        v.addSeparator()
        self.presentation_action = self._action(v, "Presentation mode", self.set_presentation, "F5", checkable=True)
        self.dark_action = self._action(v, "Dark theme", lambda on: self._appearance(theme="dark" if on else "light"),
                                        "Ctrl+Shift+D", checkable=True)
        self.cividis_action = self._action(v, "Cividis colour map", lambda on: self._appearance(
            colormap="cividis" if on else "viridis"), checkable=True)
        self._action(v, "Zoom in", lambda: self.zoom(1.15), "Ctrl+=").setShortcuts(
            [QKeySequence("Ctrl+="), QKeySequence(QKeySequence.ZoomIn)])
        self._action(v, "Zoom out", lambda: self.zoom(1 / 1.15), "Ctrl+-")
        self._action(v, "Actual size", lambda: self._appearance(zoom=1.0), "Ctrl+0")
        self.lesson_action = self._action(v, "Show explanations", self.lesson.setVisible, "Ctrl+L", checkable=True)
        self.lesson_action.setChecked(True)
        d = bar.addMenu("&Decode")
        self._action(d, "Step", self.step, "Ctrl+Return")
        self.play_action = self._action(d, "Play", self._play_toggled, "Ctrl+P", checkable=True)
        self._action(d, "Undo step", self.undo, "Ctrl+Backspace")
        self._action(d, "Clear generated text", self.decoding.reset)
        h = bar.addMenu("&Help")
        self._action(h, "Keyboard shortcuts", self.show_shortcuts, "F1")
        self.lessons_menu = h.addMenu(self.tr("Lessons"))
        for i, key in enumerate(STAGES):
            self._action(self.lessons_menu, self.panels[key].title, lambda _=False, k=key: self.show_lesson_for(k))
        self._action(h, "About LM Anatomy", self.show_about)

    def show_lesson_for(self, key: str) -> None:
        """Help > Lessons: open that stage with its explanation beside it (shown even if it was hidden)."""
        self.show_stage(key)
        self.lesson_action.setChecked(True)
        self.lesson.setVisible(True)

    def about_text(self) -> str:
        return self.tr(
            "<h3>LM Anatomy {0}</h3><p>Look inside a small working transformer language model.</p>"
            "<p>Type a prompt; every stage shows one traced forward pass of the real model. Each stage has a "
            "lesson beside it (View &gt; Show explanations, Ctrl+L; Help &gt; Lessons).</p>").format(app_version())

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About LM Anatomy"), self.about_text())

    # ---- export --------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        rows = [(f"Ctrl+{i + 1}", self.panels[key].title) for i, key in enumerate(STAGES)] + [
            ("F5", "presentation mode (large fonts, thick lines)"), ("Ctrl+= / Ctrl+-", "zoom in / out"),
            ("Ctrl+0", "actual size"), ("Ctrl+Shift+D", "dark theme"), ("Ctrl+L", "show or hide the explanations"),
            ("Ctrl+Return", "step: append one token"), ("Ctrl+P", "play / pause"), ("Ctrl+Backspace", "undo a step"),
            ("Ctrl+O", "open a model folder"), ("Ctrl+E / Ctrl+Shift+E", "export the stage as PNG / SVG"),
            ("Ctrl+Shift+C", "copy the stage image")]
        from .training.area import TAB_SHORTCUTS

        rows += [(keys, f"the {name} tab") for name, keys, _ in TAB_SHORTCUTS]
        table = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in rows)
        self.shortcuts_text = table  # what the dialog lists (tests read it)
        QMessageBox.information(self, "Keyboard shortcuts", f"<table>{table}</table>")

    def _ask_path(self, title: str, suffix: str, filt: str) -> str | None:
        name = f"lm-anatomy-{self.current_stage}.{suffix}"
        return export.ask_save_path(self, title, name, filt, self.settings)  # opens where the last export went

    def export_stage(self, fmt: str, path: str | None = None) -> str | None:
        widget = self.stack.currentWidget()
        path = path or self._ask_path(f"Export as {fmt.upper()}", fmt, f"{fmt.upper()} (*.{fmt})")
        if path:
            export.save_svg(widget, path) if fmt == "svg" else export.save_png(widget, path)
            self._set_status(f"Saved {path}")
        return path

    def copy_stage(self) -> None:
        export.copy_image(self.stack.currentWidget())
        self._set_status("Copied the stage image to the clipboard")

    def export_trace(self, path: str | None = None) -> str | None:
        if self.trace is None:
            self._set_status("Nothing to export yet: type a prompt first.")
            return None
        path = path or self._ask_path("Export trace", "npz", "NumPy archive (*.npz)")
        if path:
            export.save_trace(self.trace, path)
            self._set_status(f"Saved {path}")
        return path

    def export_table(self, path: str | None = None) -> str | None:
        tables = export.stage_tables(self.panels[self.current_stage])  # the data shown, numbers in their own columns
        if not tables:
            self._set_status("This stage has no table to export (try Attention, Embeddings or Output).")
            return None
        name = next(iter(tables))
        path = path or self._ask_path(f"Export {name}", "csv", "CSV (*.csv)")
        if path:
            written = export.save_tables(tables, path)
            self._set_status(f"Saved {' and '.join(tables)} to {', '.join(written)}")
        return path

