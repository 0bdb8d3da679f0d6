"""What the window and panel tests share: a window on a model, a panel on a trace, waiting for traces."""
from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QSettings

TIMEOUT = 30000


@contextmanager
def open_window(qtbot, tmp_path, model_folder: str, **kwargs):
    """The real window with fresh preferences, shown, its model loaded; shut down afterwards."""
    from app.window import MainWindow

    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat), **kwargs)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
        win.start(model_folder)
    assert win.info is not None
    try:
        yield win
    finally:
        win.appearance.update(presentation=False, zoom=1.0)  # the application font is shared with later tests
        win.shutdown()


def type_and_wait(qtbot, win, text: str):
    """Set the prompt and wait until its trace is on screen and the worker is idle."""
    with qtbot.waitSignal(win.trace_shown, timeout=TIMEOUT, check_params_cb=lambda t: True):
        win.set_prompt(text)
    qtbot.waitUntil(win.is_idle, timeout=TIMEOUT)
    return win.trace


def make_panel(qtbot, cls, info, appearance=None, wait=False):
    """A stage panel on its own, 1000x700, with the model set."""
    from app.common.appearance import Appearance

    panel = cls(appearance or Appearance())
    qtbot.addWidget(panel)
    panel.set_model(info)
    panel.resize(1000, 700)
    panel.show()
    if wait:
        qtbot.waitExposed(panel)
    return panel


def shown(qtbot, widget, width: int, height: int):
    """`widget` on screen at width x height, exposed (laid out and painted once), closed with the test."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
