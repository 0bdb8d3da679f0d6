"""Issue 12, item 2: the window once vanished, nothing printed and the prompt lost, after F1 (closed with
Return), F5, a click on the stage list and F5 again. These repeat that sequence many times while traces
arrive, and check the two defences: the prompt is saved soon after typing, and an event loop ended by
anyone but the window's own close saves the preferences and says so in the crash log."""
from __future__ import annotations

from _gui import TIMEOUT, open_window
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

import app.__main__ as launcher
from app.window import AUTOSAVE_MS
from model.paths import default_model_dir

CYCLES = 25


def close_the_box_with_return(seen: list) -> None:
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox):
        seen.append(box.windowTitle())
        QTest.keyClick(box, Qt.Key_Return)
    else:  # not open yet: try again on the next turn of the event loop
        QTimer.singleShot(20, lambda: close_the_box_with_return(seen))


def test_help_return_f5_stage_click_f5_while_traces_arrive_keeps_the_window(qtbot, tmp_path):
    app = QApplication.instance()
    ended = []
    app.lastWindowClosed.connect(lambda: ended.append("lastWindowClosed"))
    app.aboutToQuit.connect(lambda: ended.append("aboutToQuit"))
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        win.activateWindow()
        qtbot.waitActive(win)
        boxes, presentation = [], []
        for cycle in range(CYCLES):
            win.set_prompt(f"The king is dead, long live the {'king ' * (cycle % 7)}")  # a trace is on its way
            QTimer.singleShot(20, lambda: close_the_box_with_return(boxes))
            QTest.keyClick(win, Qt.Key_F1)  # Help > Keyboard shortcuts: a modal box, closed by the timer
            qtbot.wait(5)  # the box's own deactivation arrives after exec() returns
            win.activateWindow()  # what a window manager does when the box closes (offscreen has none)
            qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
            QTest.keyClick(win, Qt.Key_F5)
            presentation.append(win.appearance.presentation)
            row = (cycle * 3) % win.stages.nav.count()
            nav = win.stages.nav
            QTest.mouseClick(nav.viewport(), Qt.LeftButton, pos=nav.visualItemRect(nav.item(row)).center())
            assert win.stages.nav.currentRow() == row
            QTest.keyClick(win, Qt.Key_F5)
            presentation.append(win.appearance.presentation)
            qtbot.wait(10 * (cycle % 4))  # sometimes the trace lands between the keys, sometimes after
            assert win.isVisible() and not ended, (cycle, ended)
        qtbot.waitUntil(win.is_idle, timeout=TIMEOUT)
        assert len(boxes) == CYCLES and set(boxes) == {"Keyboard shortcuts"}
        assert presentation == [True, False] * CYCLES  # every F5 reached the window
        assert win.trace is not None and win.isVisible() and not ended


def test_the_prompt_is_saved_soon_after_typing(qtbot, tmp_path):
    """A crash or a killed process loses at most the last AUTOSAVE_MS of typing."""
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        win.set_prompt("Words typed just now")

        def saved() -> str:
            return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat).value("prompt", "")

        assert saved() != "Words typed just now"
        qtbot.waitUntil(lambda: saved() == "Words typed just now", timeout=AUTOSAVE_MS + 5000)


def test_an_event_loop_ended_from_elsewhere_saves_and_logs(qtbot, tmp_path, monkeypatch):
    log = open(tmp_path / "crash.log", "a", encoding="utf-8")
    monkeypatch.setattr(launcher, "_crash_log", log)
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        win.autosave.setInterval(60_000)  # only the exit path may save here
        win.set_prompt("Unsaved words")
        launcher.quit_with_the_window_open(win)
        prefs = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
        assert prefs.value("prompt") == "Unsaved words"
    log.close()
    text = (tmp_path / "crash.log").read_text(encoding="utf-8")
    assert "the event loop ended while the window was open" in text
    assert "test_an_event_loop_ended_from_elsewhere_saves_and_logs" in text  # the Python stack of the caller
