"""Faults in the explorer's session found by review: a load that fails half-way, a load overtaken by
a missing folder, a worker whose engine will not import, the lesson pane's state after a restart."""
from __future__ import annotations

import pytest
from _gui import TIMEOUT, open_window
from PySide6.QtCore import QSettings

from app.common.sample import tiny_model_dir
from app.common.worker import Worker
from app.explore.engine import Engine
from model.paths import default_model_dir


def test_a_load_that_fails_after_reading_keeps_the_model_already_open(monkeypatch):
    engine = Engine()
    first = engine.load(tiny_model_dir())
    before = engine.loaded
    monkeypatch.setattr(Engine, "info", lambda self: (_ for _ in ()).throw(RuntimeError("SVD did not converge")))
    with pytest.raises(RuntimeError):
        engine.load(str(default_model_dir()))
    assert engine.loaded is before  # the traced model is still the one the window names
    monkeypatch.undo()
    assert engine.trace("the cat").trace.final_logits.shape[-1] == first.config["vocab_size"]


def test_a_missing_folder_chosen_while_another_loads_wins(qtbot, tmp_path):
    from app.window import MainWindow

    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    try:
        win.open_model(tiny_model_dir())
        win.open_model(str(tmp_path / "nowhere"))  # before the first has loaded
        qtbot.waitUntil(win.session.engine_worker.is_idle, timeout=TIMEOUT)
        qtbot.wait(100)
        assert win.info is None and win.session.model_path == str(tmp_path / "nowhere")
        assert win.stack.currentWidget() is win.message and "does not exist" in win.message.title.text()
    finally:
        win.shutdown()


def test_a_worker_whose_engine_will_not_import_fails_its_jobs_instead_of_waiting(qtbot, monkeypatch):
    import model

    monkeypatch.setattr(model, "import_engine", lambda: (_ for _ in ()).throw(ImportError("libtorch missing")))
    worker = Worker("broken")
    failures = []
    worker.failed.connect(lambda kind, gen, message: failures.append((kind, message)))
    worker.submit("load", lambda: 1)
    qtbot.waitUntil(lambda: bool(failures), timeout=10000)
    worker.submit("trace", lambda: 2)
    assert [k for k, _ in failures] == ["load", "trace"] and "libtorch missing" in failures[0][1]
    assert worker.is_idle()
    worker.stop()


def test_lessons_hidden_by_the_reader_stay_hidden_and_the_menu_agrees(qtbot, tmp_path):
    from app.window import MainWindow

    with open_window(qtbot, tmp_path, tiny_model_dir()) as win:
        win.menus.lesson_action.setChecked(False)  # Ctrl+L
        win.save_settings()
        settings = win.settings
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    try:
        assert not again.menus.lesson_action.isChecked()
        again.menus.lesson_action.setChecked(True)  # one Ctrl+L brings them back
        assert again.lesson.isVisibleTo(again)
    finally:
        again.shutdown()
