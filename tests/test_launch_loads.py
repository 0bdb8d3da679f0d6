"""Every plain launch loads its model (issue #12).

`lm-anatomy` started as a user starts it (app.__main__.main with no options: real preferences, the
Pre-train tab measuring a step beside the explorer loading its model) failed on 6 of 8 launches with
`_DeadlockError ... _ModuleLock('model.config')`: two threads importing the engine for the first time
at once. The --screenshot and --report-startup paths did not show it, so this test does not use them.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROMPT = "To be, or not to be"


@pytest.fixture
def user_home(tmp_path):
    """Preferences with a remembered prompt, and a stopped pre-training run with a checkpoint."""
    from app.common.sample import tiny_model_dir
    from app.training.runs import RunStore

    config, data, cache = tmp_path / "config", tmp_path / "data", tmp_path / "cache"
    (config / "LM Anatomy").mkdir(parents=True)
    (config / "LM Anatomy" / "lm-anatomy.conf").write_text(textwrap.dedent(f"""\
        [General]
        settings_version=1
        prompt="{PROMPT}"
        stage=attention
        """), encoding="utf-8")
    run = RunStore(data / "lm-anatomy" / "runs").create("launch test", {"steps": 100, "preset": "tiny"})
    shutil.copytree(tiny_model_dir(), run.checkpoint)
    run.update(status="stopped", step=40)
    return {"XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(data), "XDG_CACHE_HOME": str(cache)}


def launch(env_dirs: dict, *extra: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **env_dirs)
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "_launch_probe.py"), "90", *extra], cwd=ROOT,
                         env=env, capture_output=True, text=True, timeout=150)
    lines = [line for line in out.stdout.splitlines() if line]
    return lines[-1] if lines else f"no report (exit {out.returncode}): {out.stderr[-2000:]}"


@pytest.mark.slow
def test_twenty_plain_launches_in_a_row_all_load_the_model(user_home):
    # Two at a time: half the wall time, and each launch's start-up competes with another's for the two
    # cores, the contention under which the import race showed (6 of 8 failed on a busy 2-core machine).
    # They share the preferences as two windows opened one after the other on one account would.
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda _: launch(user_home), range(20)))
    failures = [r for r in results if not r.startswith("loaded")]
    assert not failures, f"{len(failures)} of 20 launches did not load the model: {failures[:3]}"
    # the remembered prompt came back and was traced each time (the probe waits for a trace)
    assert all(f"prompt={PROMPT!r}" in r for r in results), results[:3]


def test_engine_imports_from_many_threads_at_once_never_deadlock():
    """In fresh processes, eight threads each import a different engine module first, all released at
    the same moment through import_engine. Without the lock this raised _DeadlockError."""
    code = textwrap.dedent("""
        import threading, model
        names = ["model.train", "model.checkpoint", "model.tracing", "model.data", "model.classify",
                 "model.gpt2", "model.decoding", "model.transformer"]
        errors, start = [], threading.Barrier(len(names))
        def go(name):
            start.wait()
            try:
                model.import_engine()
                __import__(name)
            except BaseException as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
        threads = [threading.Thread(target=go, args=(n,)) for n in names]
        [t.start() for t in threads]
        [t.join() for t in threads]
        print("errors:", errors)
    """)
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "errors: []", out.stdout


def test_the_light_engine_modules_import_without_torch():
    code = ("import sys, model, model.paths, model.labelled, model.config; "
            "assert 'torch' not in sys.modules, 'torch imported'; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


def test_names_of_the_package_still_resolve():
    import model
    from model import Trace, load_model, trace_text
    from model.checkpoint import load_model as direct

    assert load_model is direct and callable(trace_text) and Trace.__name__ == "Trace"
    with pytest.raises(AttributeError):
        model.no_such_name


@pytest.mark.parametrize("option", ["--screenshot", "--report-startup"])
def test_screenshot_and_startup_report_leave_no_settings_folder_behind(tmp_path, option):
    """They use fresh preferences in a temporary folder; it used to stay in /tmp after every run."""
    from app.common.sample import tiny_model_dir

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    args = [sys.executable, "-m", "app", "--model", tiny_model_dir(), "--prompt", "the cat"]
    args += [option, str(tmp_path / "shot.png")] if option == "--screenshot" else [option]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(scratch))
    out = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=150)
    assert out.returncode == 0, out.stderr[-2000:]
    assert [p.name for p in scratch.iterdir() if p.name.startswith("lm-anatomy-")] == []


def test_a_crash_leaves_a_log_with_every_threads_stack_and_the_remembered_prompt_survives(user_home, tmp_path):
    """The window once vanished with nothing printed and the prompt lost (issue #12, item 2)."""
    from PySide6.QtCore import QSettings

    conf = Path(user_home["XDG_CONFIG_HOME"]) / "LM Anatomy" / "lm-anatomy.conf"
    conf.write_text('[General]\nsettings_version=1\nprompt="Now is the winter"\n', encoding="utf-8")
    result = launch(user_home, "crash")
    assert result.startswith("loaded"), result
    log = (Path(user_home["XDG_DATA_HOME"]) / "lm-anatomy" / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "--- LM Anatomy" in log and "Segmentation fault" in log
    assert "Current thread" in log and "_launch_probe.py" in log  # the stack of the thread that died
    assert QSettings(str(conf), QSettings.IniFormat).value("prompt") == "Now is the winter"


def test_the_prompt_is_saved_soon_after_an_edit_without_closing(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from app.window import AUTOSAVE_MS, MainWindow

    path = str(tmp_path / "s.ini")
    win = MainWindow(settings=QSettings(path, QSettings.IniFormat))
    qtbot.addWidget(win)
    try:
        win.set_prompt("O Romeo, Romeo")
        assert QSettings(path, QSettings.IniFormat).value("prompt") in (None, "")
        qtbot.wait(AUTOSAVE_MS + 500)
        assert QSettings(path, QSettings.IniFormat).value("prompt") == "O Romeo, Romeo"
    finally:
        win.shutdown()


def test_every_torch_module_of_the_engine_is_imported_by_import_engine():
    """A module left out would be imported first on whichever thread needs it: the race comes back."""
    import model

    torch_modules = {p.stem for p in Path(model.__file__).parent.glob("*.py")
                     if re.search(r"^(import torch|from torch|from \.(?!config|paths|labelled|settings|files|messages"
                                  r"|tokenizer|trace\b)\w+ import)", p.read_text(encoding="utf-8"), re.M)}
    torch_modules -= {"cli", "cli_common"}  # the command line runs on one thread
    assert torch_modules <= set(model.ENGINE_MODULES), torch_modules - set(model.ENGINE_MODULES)


def test_an_event_loop_that_ends_with_the_window_open_keeps_the_prompt_and_says_who(user_home):
    """Quitting without closing the window skipped the preferences (the prompt was lost); now they are
    saved, and the crash log names the Python stack that asked to quit."""
    from PySide6.QtCore import QSettings

    result = launch(user_home, "quit")
    assert result.startswith("loaded"), result
    conf = Path(user_home["XDG_CONFIG_HOME"]) / "LM Anatomy" / "lm-anatomy.conf"
    assert QSettings(str(conf), QSettings.IniFormat).value("prompt") == "Now is the winter of our discontent"
    log = (Path(user_home["XDG_DATA_HOME"]) / "lm-anatomy" / "logs" / "crash.log").read_text(encoding="utf-8")
    assert "the event loop ended while the window was open" in log and "_launch_probe.py" in log
