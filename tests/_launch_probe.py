"""Start the app exactly as `lm-anatomy` does (app.__main__.main with no options) and report whether
the model loaded. Run as a script in a fresh process by tests/test_launch_loads.py.

The only thing added to the real launch: QApplication.exec is wrapped so that, once the event loop
runs, a timer watches the window and quits when the model has loaded (prints "loaded") or failed
(prints "failed: <message>"), or after the timeout (prints "timeout").
"""
from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

TIMEOUT_S = float(sys.argv[1]) if len(sys.argv) > 1 else 90.0
CRASH = len(sys.argv) > 2 and sys.argv[2] == "crash"
QUIT = len(sys.argv) > 2 and sys.argv[2] == "quit"  # end the event loop without closing the window


def watch(app) -> None:
    from app.window import MainWindow

    started = time.monotonic()

    def check() -> None:
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
        if windows:
            window = windows[0]
            if window.info is not None and window.trace is not None:
                print(f"loaded {window.info.name} prompt={window.prompt_text()!r}", flush=True)
                if QUIT:
                    window.set_prompt("Now is the winter of our discontent")
                    app.exit(0)  # (quit() would close the window first, which saves the prompt)
                    return
                if CRASH:  # as a fault inside Qt or torch would: the process dies of a signal
                    import os
                    import signal

                    os.kill(os.getpid(), signal.SIGSEGV)
                window.close()
                app.exit(0)
                return
            if window.model_error is not None:
                print(f"failed: {window.model_error}", flush=True)
                window.close()
                app.exit(3)
                return
        if time.monotonic() - started > TIMEOUT_S:
            state = ""
            if windows:
                w = windows[0]
                state = f" info={w.info is not None} trace={w.trace is not None} status={w.status.text()!r}"
            print(f"timeout{state}", flush=True)
            app.exit(4)
            return
        QTimer.singleShot(50, check)

    QTimer.singleShot(0, check)


_real_exec = QApplication.exec


def exec_and_watch(self=None):
    app = QApplication.instance()
    watch(app)
    return _real_exec()


QApplication.exec = exec_and_watch

if __name__ == "__main__":
    from app.__main__ import main

    sys.exit(main([]))
