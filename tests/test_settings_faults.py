"""A bad settings file costs one preference, never the launch (issue #18, item 5)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.window import MainWindow

# Each of these gave a traceback at start-up, on every launch, until the file was deleted by hand.
BAD_VALUES = [
    ("temperature", "abc"), ("temperature", "nan"), ("temperature", "1e300"),
    ("zoom", "nan"), ("zoom", "1e300"), ("zoom", "-2"), ("zoom", "abc"),
    ("top_k", "2.5"), ("top_k", "abc"), ("top_k", "-3"),
    ("top_p", "nan"), ("top_p", "7"),
    ("splitter", "hello"), ("geometry", "hello"),
    ("presentation", "maybe"), ("theme", "42"), ("colormap", "jet"), ("stage", "nowhere"),
    ("device", "quantum"), ("settings_version", "one"),
]


def window_with(qtbot, tmp_path, key, value):
    path = tmp_path / "s.ini"
    path.write_text(f"[General]\nsettings_version=1\n{key}={value}\n", encoding="utf-8")
    win = MainWindow(settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(win)
    return win


@pytest.mark.parametrize("key,value", BAD_VALUES)
def test_a_bad_value_falls_back_to_its_default(qtbot, tmp_path, key, value):
    win = window_with(qtbot, tmp_path, key, value)
    try:
        assert win.appearance.zoom == 1.0
        assert win.appearance.theme == "light" and win.appearance.colormap == "viridis"
        assert win.appearance.presentation is False
        assert win.panels["output"].settings() == (1.0, 0, 1.0)
        assert win.current_stage == "text"  # stage 1
    finally:
        win.shutdown()


def test_good_values_are_still_read(qtbot, tmp_path):
    path = tmp_path / "s.ini"
    path.write_text("[General]\nsettings_version=1\nzoom=1.5\ntemperature=0.5\ntop_k=7\ntop_p=0.9\n"
                    "presentation=true\ntheme=dark\nstage=attention\nprompt=\"To be, or not\"\n", encoding="utf-8")
    win = MainWindow(settings=QSettings(str(path), QSettings.IniFormat))
    qtbot.addWidget(win)
    try:
        assert win.appearance.zoom == 1.5 and win.appearance.presentation and win.appearance.theme == "dark"
        assert win.panels["output"].settings() == (0.5, 7, 0.9)
        assert win.current_stage == "attention" and win.prompt_text() == "To be, or not"
    finally:
        win.shutdown()


def test_a_prompt_split_into_a_list_by_a_hand_edit_comes_back_as_text(qtbot, tmp_path):
    win = window_with(qtbot, tmp_path, "prompt", "To be, or not")  # unquoted: QSettings reads a list
    try:
        assert win.prompt_text() == "To be, or not"
    finally:
        win.shutdown()


# ---- the prompt box (issue #18, item 9) ------------------------------------------------------
@pytest.fixture
def box(qtbot, tmp_path):
    """A window (no model needed) whose prompt holds `text`, the cursor at its end."""
    from app.explore.prompt import MAX_PROMPT_CHARS

    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)

    def fill(text: str):
        win.set_prompt(text)
        cursor = win.prompt.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        win.prompt.setTextCursor(cursor)
        return win, MAX_PROMPT_CHARS

    yield fill
    win.shutdown()


def test_a_megabyte_paste_is_cut_to_the_box_and_said(box):
    from PySide6.QtCore import QMimeData

    win, cap = box("abc")
    mime = QMimeData()
    mime.setText("\uffff" * 1_000_000)  # non-characters: the paste that froze the window for 45 s
    win.prompt.insertFromMimeData(mime)
    assert len(win.prompt_text()) == cap and win.prompt_text().startswith("abc")
    assert f"{cap:,}" in win.status.text() and f"{1_000_003 - cap:,}" in win.status.text()
    win.set_prompt("x" * (cap + 5))
    assert len(win.prompt_text()) == cap


def test_a_full_box_takes_no_more_typing_but_allows_deleting(qtbot, box):
    from PySide6.QtCore import Qt

    win, cap = box("y" * 20_000)
    qtbot.keyClicks(win.prompt, "zz")
    assert len(win.prompt_text()) == cap and "z" not in win.prompt_text()
    qtbot.keyClick(win.prompt, Qt.Key_Backspace)
    assert len(win.prompt_text()) == cap - 1
