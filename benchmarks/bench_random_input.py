"""Random input to the real explorer window for N minutes: reports freezes, exceptions and memory.

    python benchmarks/bench_random_input.py --minutes 10            # offscreen
    DISPLAY=:99 python benchmarks/bench_random_input.py --minutes 10 --platform xcb   # a real window on Xvfb

What it does, at random, through the window's own widgets and shortcuts (the paths a user's keys and
clicks take): types prompts (ASCII, right-to-left marks, emoji ZWJ sequences, CJK, combining marks,
non-characters), clears and pastes, picks stages (Ctrl+1, Ctrl+2, … and clicks on the stage list, Model overview
included), Step / Undo / Play, drags the temperature, top-k and top-p controls (also past their ends),
forces tokens (id 0 and the last id included), toggles presentation mode (F5), zooms, resizes the
window (down to 1024x640), opens and closes the shortcuts dialog (F1, Return) and clicks boxes of the
model overview.

What it measures:
  - freezes: a heartbeat timer on the GUI thread; a watchdog thread records every gap over 2 s and
    the GUI thread's Python stack at that moment (a loop inside Qt shows the last Python frame that
    entered it); a gap over --hang-seconds ends the run as a hang;
  - exceptions: any exception that reaches sys.excepthook (PySide prints those raised in slots and
    goes on; here they are counted) and every stage's render error;
  - memory: the process's resident size each 10 s; the growth after the first 2 minutes.

Exit status 0 when there were no freezes over 2 s and no exceptions, 1 otherwise.
"""
from __future__ import annotations

import argparse
import faulthandler
import os
import random
import sys
import threading
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FREEZE_S = 2.0

PIECES = [
    "To be, or not to be", " that is the question", " The king is dead, long live the", " O Romeo",
    "\u200fשלום\u200f", "\u202eabc\u202c", "👩‍👩‍👧‍👦", "🏳️‍🌈", "日本語のテキスト", "漢字", "é́́", "a\u0301\u0302",
    "\uffff\ufffe", "\t", "\n", "  ", "1234567890", ".,;:!?", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\x00", "ÿ",
]


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Report:
    def __init__(self):
        self.freezes: list[tuple[float, float, str]] = []  # (at seconds, gap seconds, stack)
        self.exceptions: list[str] = []
        self.memory: list[tuple[float, float]] = []  # (seconds, MB)
        self.actions: dict[str, int] = {}
        self.longest_gap = 0.0
        self.hung = False


class Watchdog(threading.Thread):
    """Checks the GUI thread's heartbeat; records each gap over FREEZE_S once, with its stack."""

    def __init__(self, report: Report, started: float, hang_s: float, main_ident: int, last_action):
        super().__init__(daemon=True, name="watchdog")
        self.report, self.started, self.hang_s = report, started, hang_s
        self.main_ident, self.last_action = main_ident, last_action
        self.beat = time.monotonic()
        self.stopping = False

    def run(self) -> None:
        recorded_for = None
        while not self.stopping:
            time.sleep(0.25)
            beat = self.beat
            gap = time.monotonic() - beat
            if gap > FREEZE_S and recorded_for != beat:
                recorded_for = beat
                frame = sys._current_frames().get(self.main_ident)
                stack = "".join(traceback.format_stack(frame)[-8:]) if frame else "?"
                self.report.freezes.append((beat - self.started, gap, f"after {self.last_action()}:\n{stack}"))
            if gap > self.hang_s:
                self.report.hung = True
                self.report.freezes[-1] = (beat - self.started, gap, self.report.freezes[-1][2])
                print(f"HANG: the GUI thread has not returned to the event loop for {gap:.0f} s; its stacks:",
                      file=sys.stderr, flush=True)
                faulthandler.dump_traceback(all_threads=True)
                os._exit(3)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--model", help="model folder (default: the shipped model)")
    p.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   help="Qt platform: offscreen (default) or xcb for a real window on $DISPLAY")
    p.add_argument("--hang-seconds", type=float, default=120.0, help="a gap this long ends the run as a hang")
    p.add_argument("--actions-per-second", type=float, default=8.0)
    args = p.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    faulthandler.enable()
    import tempfile

    from PySide6.QtCore import QEvent, QMimeData, QPoint, QSettings, Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.explore.stages import STAGES
    from app.window import MainWindow

    report = Report()
    scratch = tempfile.TemporaryDirectory(prefix="lm-anatomy-random-")
    window = MainWindow(settings=QSettings(os.path.join(scratch.name, "s.ini"), QSettings.IniFormat))
    window.resize(1440, 880)
    window.show()
    rng = random.Random(args.seed)
    started = time.monotonic()
    last = ["start"]

    def hook(kind, value, tb):
        report.exceptions.append(f"after {last[0]}: " + "".join(traceback.format_exception(kind, value, tb))[-1500:])

    sys.excepthook = hook
    watchdog = Watchdog(report, started, args.hang_seconds, threading.get_ident(), lambda: last[0])
    heartbeat = QTimer(interval=100)
    heartbeat.timeout.connect(lambda: setattr(watchdog, "beat", time.monotonic()))
    heartbeat.start()
    watchdog.start()

    def key(k, mod=Qt.NoModifier, target=None):
        QTest.keyClick(target or window, k, mod)

    def random_text(n):
        return "".join(rng.choice(PIECES) for _ in range(n))

    def act_type():
        # One key event a character, as a keyboard or an input method delivers them (QTest.keyClicks
        # takes only ASCII and aborts on anything else).
        window.prompt.setFocus()
        for ch in random_text(rng.randint(1, 3))[:60]:
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(window.prompt, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))

    def act_set_prompt():
        window.set_prompt(random_text(rng.randint(0, 12)))

    def act_paste():
        mime = QMimeData()
        mime.setText(random_text(rng.randint(1, 400)))
        window.prompt.insertFromMimeData(mime)

    def act_clear():
        window.prompt.clear()

    def act_stage_key():
        # Ctrl+1 … Ctrl+9 reach the first nine stages; Ctrl+PgDown / Ctrl+PgUp walk all of them
        choice = rng.randint(1, min(9, len(STAGES)) + 2)
        if choice > min(9, len(STAGES)):
            key(Qt.Key_PageDown if choice % 2 else Qt.Key_PageUp, Qt.ControlModifier)
        else:
            key(getattr(Qt, f"Key_{choice}"), Qt.ControlModifier)

    def act_stage_click():
        item = window.nav.item(rng.randrange(window.nav.count()))
        rect = window.nav.visualItemRect(item)
        if rect.isValid():
            QTest.mouseClick(window.nav.viewport(), Qt.LeftButton, Qt.NoModifier, rect.center())

    def act_step():
        key(Qt.Key_Return, Qt.ControlModifier)

    def act_undo():
        key(Qt.Key_Backspace, Qt.ControlModifier)

    def act_play():
        key(Qt.Key_P, Qt.ControlModifier)

    def act_slider():
        out = window.panels["output"]
        control = rng.choice([out.temperature, out.top_p, out.top_k])
        control.setValue(rng.choice([control.minimum(), control.maximum(), control.maximum() + 50, -5,
                                     rng.randint(control.minimum(), control.maximum())]))

    def act_force():
        if window.info is not None:
            window.session.force(rng.choice([0, window.info.config["vocab_size"] - 1, rng.randrange(window.info.config["vocab_size"])]))

    def act_presentation():
        key(Qt.Key_F5)

    def act_zoom():
        key(rng.choice([Qt.Key_Equal, Qt.Key_Minus, Qt.Key_0]), Qt.ControlModifier)

    def act_resize():  # the common screens, and any size between (layouts that oscillate do so at some sizes)
        size = rng.choice([(1024, 640), (1440, 880), (1366, 768), (rng.randint(1000, 1500), rng.randint(600, 900))])
        window.resize(*size)
        lesson = window.menus.lesson_action
        if rng.random() < 0.3:
            lesson.setChecked(not lesson.isChecked())  # the stage's width changes with the lesson pane

    def act_shortcuts():
        QTimer.singleShot(rng.randint(50, 600), lambda: [key(Qt.Key_Return, target=w) for w in
                                                         [QApplication.activeModalWidget()] if w is not None])
        key(Qt.Key_F1)

    def act_overview_box():
        diagram = getattr(window.panels.get("overview"), "diagram", None)
        if diagram is not None and diagram.isVisible():
            vp = diagram.viewport()
            QTest.mouseClick(vp, Qt.LeftButton, Qt.NoModifier, QPoint(rng.randrange(max(1, vp.width())),
                                                                      rng.randrange(max(1, vp.height()))))

    actions = [(act_type, 14), (act_set_prompt, 6), (act_paste, 2), (act_clear, 1), (act_stage_key, 8),
               (act_stage_click, 6), (act_step, 8), (act_undo, 4), (act_play, 3), (act_slider, 6), (act_force, 4),
               (act_presentation, 4), (act_zoom, 3), (act_resize, 4), (act_shortcuts, 1), (act_overview_box, 3)]
    funcs, weights = zip(*actions)
    deadline = started + args.minutes * 60
    next_memory = [started]

    def tick():
        now = time.monotonic()
        if now >= next_memory[0]:
            report.memory.append((now - started, rss_mb()))
            next_memory[0] = now + 10
        if now >= deadline:
            # exit(), not quit(): Qt 6's quit() asks every window to close and is dropped if one refuses
            # (a modal box open at the deadline), which left the run waiting for ever.
            for modal in [QApplication.activeModalWidget()]:
                if modal is not None:
                    modal.close()
            app.exit(0)
            return
        try:
            if QApplication.activeModalWidget() is None and window.info is not None:
                fn = rng.choices(funcs, weights)[0]
                last[0] = fn.__name__
                report.actions[fn.__name__] = report.actions.get(fn.__name__, 0) + 1
                fn()
        except Exception:  # counted, and the run goes on: a raise here must not end the actions
            report.exceptions.append(f"in {last[0]}: " + traceback.format_exc()[-1500:])
        finally:
            QTimer.singleShot(int(rng.expovariate(args.actions_per_second) * 1000), tick)

    def track_gap():
        gap = time.monotonic() - watchdog.beat
        report.longest_gap = max(report.longest_gap, gap)

    gap_timer = QTimer(interval=50)
    gap_timer.timeout.connect(track_gap)
    gap_timer.start()
    window.start(args.model)
    QTimer.singleShot(0, tick)
    app.exec()
    watchdog.stopping = True
    report.memory.append((time.monotonic() - started, rss_mb()))
    for key_, msg in window.render_errors.items():
        report.exceptions.append(f"render error in {key_}: {msg}")
    window.decoding.play(False)
    window.shutdown()
    scratch.cleanup()
    return print_report(report, args)


def print_report(report: Report, args) -> int:
    after2 = [mb for t, mb in report.memory if t >= 120] or [report.memory[-1][1]]
    print(f"\nRandom input to the window: {args.minutes:g} min, seed {args.seed}, platform {args.platform}, "
          f"{sum(report.actions.values())} actions\n")
    print("| measure | value |\n|---|---|")
    print(f"| freezes over {FREEZE_S:g} s | {len(report.freezes)} |")
    print(f"| longest event-loop gap seen by the 50 ms probe | {report.longest_gap * 1000:.0f} ms |")
    print(f"| exceptions (excepthook and render errors) | {len(report.exceptions)} |")
    print(f"| memory at start / at 2 min / at end | {report.memory[0][1]:.0f} / {after2[0]:.0f} / "
          f"{report.memory[-1][1]:.0f} MB |")
    print(f"| growth after the first 2 minutes | {report.memory[-1][1] - after2[0]:+.1f} MB |")
    print("\nactions: " + ", ".join(f"{k[4:]} {v}" for k, v in sorted(report.actions.items())))
    for at, gap, stack in report.freezes:
        print(f"\nFREEZE at {at:.0f} s for {gap:.1f} s {stack}")
    for text in report.exceptions[:10]:
        print(f"\nEXCEPTION {text}")
    return 0 if not report.freezes and not report.exceptions else 1


if __name__ == "__main__":
    sys.exit(main())
