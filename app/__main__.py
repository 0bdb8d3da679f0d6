"""`lm-anatomy` / `python -m app`: open the explorer, or render one screenshot and exit.

    python -m app [--model DIR] [--prompt TEXT] [--stage NAME] [--screenshot PATH] [--report-startup]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

from .explore.stages import STAGES as STAGE_NAMES

LAUNCHED = time.perf_counter()  # as early as `python -m app` runs any of our code


def parse_args(argv):
    p = argparse.ArgumentParser(prog="lm-anatomy", description="Look inside a small working language model.")
    p.add_argument("--model", metavar="DIR", help="a model folder (default: the shipped model)")
    p.add_argument("--prompt", metavar="TEXT", help="start with this prompt")
    p.add_argument("--stage", choices=STAGE_NAMES, help="start on this stage")
    p.add_argument("--screenshot", metavar="PATH", help="render the window to this PNG offscreen and exit")
    p.add_argument("--scenario", metavar="FILE", help="open a teacher's scenario file (see docs/SCENARIOS.md)")
    p.add_argument("--presentation", action="store_true", help="start in presentation mode")
    p.add_argument("--dark", action="store_true", help="start with the dark theme")
    p.add_argument("--language", metavar="CODE", help="the window's language, e.g. en or es (default: View > "
                   "Language, else the system's)")
    p.add_argument("--size", default="1440x880", help="window size for --screenshot (WIDTHxHEIGHT)")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds --screenshot or --report-startup waits for the model")
    p.add_argument("--self-test", action="store_true",
                   help="check every stage and a few training steps offscreen, write a report, exit 0 or 1")
    p.add_argument("--report", metavar="PATH", help="where --self-test writes its report "
                   "(default: self-test.txt in the per-user log folder)")
    p.add_argument("--report-startup", action="store_true",
                   help="print the seconds to the window shown and to the first trace on screen, then exit")
    return p.parse_args(argv)


def wait_until(app, predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if predicate():
            return True
        time.sleep(0.01)
    return False


def report_startup(app, window, timeout: float) -> None:
    """--report-startup: print seconds since launch when the window is first painted and when the
    first trace has been rendered and painted, then quit (exit status 2 if the model or trace failed)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    def say(what: str) -> None:
        print(f"startup: {what} {time.perf_counter() - LAUNCHED:.3f} s", flush=True)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Paint:
                window.removeEventFilter(self)
                say("window shown")
            return False

    def finish(code: int, problem: str = "") -> None:
        if problem:
            print(f"startup: failed: {problem}", flush=True)
        app.exit(code)

    def traced(_trace) -> None:
        window.trace_shown.disconnect(traced)
        window.repaint()
        say("first trace")
        finish(0)

    window._first_paint = FirstPaint(window)
    window.installEventFilter(window._first_paint)
    window.trace_shown.connect(traced)
    window.model_changed.connect(lambda info: info is None and finish(2, window.model_error or "no model"))
    window.trace_failed.connect(lambda message: finish(2, message))
    QTimer.singleShot(int(timeout * 1000), lambda: finish(2, f"no trace after {timeout:g} s"))


def identify(app) -> None:
    """The icon in the title bar, task bar and dock; the desktop entry it belongs to (Linux)."""
    from PySide6.QtGui import QIcon

    from model.paths import icon_path

    app.setWindowIcon(QIcon(str(icon_path())))
    app.setDesktopFileName("lm-anatomy")


def keep_a_crash_log() -> None:
    """Python's fault handler writes every thread's stack to crash.log in the per-user log folder if the
    process dies of a signal (a segmentation fault or an abort inside Qt or torch), which otherwise
    ends the window with nothing printed. Each launch adds a header line, so the log says which run
    crashed."""
    import faulthandler

    from model.paths import user_log_dir

    from .menus import app_version

    global _crash_log
    try:
        folder = user_log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "crash.log"
        if path.exists() and path.stat().st_size > 1_000_000:  # keep it small: start again
            path.unlink()
        _crash_log = open(path, "a", encoding="utf-8", buffering=1)  # open for the whole process
        _crash_log.write(f"--- LM Anatomy {app_version()} started {time.strftime('%Y-%m-%d %H:%M:%S')} "
                         f"(pid {os.getpid()})\n")
        faulthandler.enable(file=_crash_log, all_threads=True)
    except (OSError, RuntimeError, ValueError):
        if _crash_log is not None:
            _crash_log.close()
            _crash_log = None
        if sys.stderr is not None:  # no log folder: at least on stderr (a windowed build has none)
            faulthandler.enable()


_crash_log = None


def quit_with_the_window_open(window) -> None:
    """The event loop is ending although the window was not closed (closing saves the preferences and
    hides it; Qt 6's quit() closes it first, but exit() does not). Keep what the user had, and say in the
    crash log who asked: the window once vanished with nothing printed and the prompt lost, and no signal
    or fault has been found behind it yet."""
    if not window.isVisible():
        return
    window.save_settings()
    if _crash_log is not None:
        import traceback

        stack = "".join(traceback.format_stack()[:-1]) or "  (from Qt, not from Python code)\n"
        _crash_log.write(f"--- the event loop ended while the window was open, "
                         f"{time.strftime('%Y-%m-%d %H:%M:%S')}; the Python stack at that moment:\n{stack}")


def main(argv=None) -> int:
    import multiprocessing

    # The training runs in a spawned child process; in a frozen (PyInstaller) app that child starts
    # this executable again, and freeze_support() turns it into the child and never returns.
    multiprocessing.freeze_support()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from .selftest import main as self_test

        return self_test(model=args.model, report_path=args.report, timeout=args.timeout)
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LM Anatomy")
    app.setOrganizationName("LM Anatomy")
    identify(app)
    if not (args.screenshot or args.report_startup):
        keep_a_crash_log()
    from .window import MainWindow

    settings = None
    if args.screenshot or args.report_startup:  # reproducible: fresh preferences, never the user's
        scratch = tempfile.TemporaryDirectory(prefix="lm-anatomy-")  # removed when main returns
        settings = QSettings(os.path.join(scratch.name, "s.ini"), QSettings.IniFormat)
    from .i18n import chosen_language, install

    install(app, chosen_language(settings if settings is not None else QSettings("LM Anatomy", "lm-anatomy"),
                                 args.language))
    try:
        return _run(app, MainWindow(settings=settings), args)
    finally:
        if settings is not None:
            settings.sync()
            del settings
            scratch.cleanup()


def _run(app, window, args) -> int:
    if args.screenshot:
        w, h = (int(v) for v in args.size.lower().split("x"))
        window.resize(w, h)
    if args.presentation:
        window.set_presentation(True)
    if args.dark:
        window.menus.dark_action.setChecked(True)
    if args.stage:
        window.show_stage(args.stage)
    window.show()
    if args.report_startup and args.prompt is None:
        from .common.pages import SUGGESTIONS

        args.prompt = SUGGESTIONS[0]
    if args.prompt is not None:
        window.set_prompt(args.prompt)
    if not args.screenshot:
        from PySide6.QtCore import QTimer

        if args.report_startup:
            report_startup(app, window, args.timeout)
        if not args.report_startup and not args.scenario:  # a first launch offers the guided tour, once
            from .tour import offer_once

            QTimer.singleShot(0, lambda: offer_once(window))
        if args.scenario:  # it opens its own model; one that cannot be read leaves the usual start
            QTimer.singleShot(0, lambda: window.scenarios.open_file(args.scenario) or window.start(args.model))
        else:
            QTimer.singleShot(0, lambda: window.start(args.model))
        app.aboutToQuit.connect(lambda: quit_with_the_window_open(window))
        code = app.exec()
        window.shutdown()
        return code
    window.start(args.model)
    loaded = wait_until(app, lambda: window.info is not None or window.model_error is not None, args.timeout)
    ok = loaded and window.info is not None
    if ok and args.prompt:
        ok = wait_until(app, lambda: window.trace is not None and window.is_idle(), args.timeout)
    wait_until(app, window.is_idle, args.timeout)
    if args.stage:
        window.show_stage(args.stage)
    wait_until(app, lambda: False, 0.3)  # let layouts settle
    saved = window.grab().save(args.screenshot, "PNG")
    window.shutdown()
    if not saved:
        print(f"lm-anatomy: could not write {args.screenshot}", file=sys.stderr)
        return 1
    if not ok:
        print(f"lm-anatomy: screenshot saved, but the model was not ready: {window.model_error or 'timed out'}",
              file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
