"""Training in the window versus headless: throughput, event-loop stalls, memory.

    python benchmarks/bench_training_gui.py                 # 600 steps each, tiny preset
    python benchmarks/bench_training_gui.py --minutes 10    # the memory check: a 10-minute GUI run

Prints, for the same configuration (tiny preset, char tokenizer, bundled Shakespeare):
  * tokens/s of the headless Trainer loop (what lm-anatomy-train runs), in a child process;
  * tokens/s of the same run driven by the Pre-train panel's worker thread, with the window up
    (offscreen) and a 5 ms timer on the GUI thread measuring the longest event-loop stall;
  * resident memory of the GUI process over the run (growth after the first minute).
Targets from the issue: GUI ≥ 0.9× headless; longest stall ≤ 50 ms; memory growth ≤ 50 MB.
Throughput is tokens over wall-clock time between the first and last record, in both cases.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

HEADLESS = textwrap.dedent("""
    import json, sys, time
    sys.path.insert(0, {root!r})
    from pathlib import Path
    from app.training.jobs import PretrainSettings, prepare_pretraining
    settings = PretrainSettings.from_dict(json.loads({settings!r}))
    trainer = prepare_pretraining(settings, Path({folder!r}), False).trainer
    first = None
    for m in trainer.run():
        if first is None:
            first = (time.perf_counter(), m.tokens_seen)
        last = (time.perf_counter(), m.tokens_seen)
    print(json.dumps({{"tokens_per_second": (last[1] - first[1]) / (last[0] - first[0])}}))
""")


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def settings_for(args):
    from app.training.jobs import PretrainSettings

    return PretrainSettings(name="bench", tokenizer="char", vocab_size=512, preset="tiny", n_layer=2, n_head=4,
                            d_model=128, d_mlp=512, context_length=args.context, batch_size=args.batch,
                            learning_rate=3e-3, steps=args.steps, log_interval=5, eval_interval=10**9,
                            checkpoint_interval=max(100, args.steps // 10), sample_interval=args.sample_interval,
                            snapshots=0, device=args.device)


def headless(settings: dict) -> float:
    """The same settings the panel ran with (its form picks the log, eval and checkpoint intervals)."""
    folder = tempfile.mkdtemp(prefix="bench-headless-")
    code = HEADLESS.format(root=str(ROOT), settings=json.dumps(settings), folder=folder)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])["tokens_per_second"]


def in_gui(args) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="bench-gui-")
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.main_window import MainWindow

    win = MainWindow(settings=QSettings(os.path.join(os.environ["XDG_DATA_HOME"], "s.ini"), QSettings.IniFormat))
    win.show()
    panel = win.training.pretrain
    win.training.tabs.setCurrentWidget(panel)
    panel.form.set_settings(settings_for(args))
    marks: list[tuple[float, int]] = []
    clock = QElapsedTimer()
    clock.start()
    stalls = {"longest": 0.0, "preparing": 0.0, "last": 0.0, "started": False}
    memory: list[tuple[float, float]] = []

    def tick():
        now = clock.nsecsElapsed() / 1e6
        if stalls["started"]:
            key = "longest" if marks else "preparing"  # before the first record: corpus, tokenizer, model
            stalls[key] = max(stalls[key], now - stalls["last"] - 5.0)
        stalls["last"], stalls["started"] = now, True

    timer = QTimer(interval=5)
    timer.timeout.connect(tick)
    sampler = QTimer(interval=1000)
    sampler.timeout.connect(lambda: memory.append((time.monotonic(), rss_mb())))

    def on_records(records):
        marks.append((time.perf_counter(), records[-1].tokens_seen))

    panel.start()
    panel.worker.records.connect(on_records)
    used = panel.worker.settings.to_dict()
    timer.start()
    sampler.start()
    started = time.monotonic()
    panel.run_ended.connect(lambda *_: app.quit())
    if args.minutes:
        QTimer.singleShot(int(args.minutes * 60_000), panel.stop)
    app.exec()  # the real event loop, as in the app
    timer.stop()
    sampler.stop()
    win.shutdown()
    tps = (marks[-1][1] - marks[0][1]) / (marks[-1][0] - marks[0][0]) if len(marks) > 1 else float("nan")
    after_warmup = [m for t, m in memory if t - started >= 60] or [m for _, m in memory]
    growth = (max(after_warmup) - after_warmup[0]) if after_warmup else float("nan")
    return {"settings": used, "tokens_per_second": tps, "longest_stall_ms": stalls["longest"],
            "preparing_stall_ms": stalls["preparing"], "memory_growth_mb": growth,
            "rss_mb": memory[-1][1] if memory else rss_mb(), "seconds": time.monotonic() - started}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=600)
    p.add_argument("--minutes", type=float, default=0, help="run the GUI this long (steps raised to match)")
    p.add_argument("--context", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--sample-interval", type=int, default=100)
    p.add_argument("--device", default="auto")
    args = p.parse_args()
    if args.minutes:
        args.steps = 10**7  # stopped by the clock
    print(f"configuration: tiny preset, char tokenizer, context {args.context}, batch {args.batch}, device {args.device}")
    gui = in_gui(args)
    if not args.minutes:
        base = headless(gui["settings"])
        print(f"headless (lm-anatomy-train loop): {base:,.0f} tokens/s")
    print(f"in the window (worker thread):    {gui['tokens_per_second']:,.0f} tokens/s over {gui['seconds']:.0f} s")
    if not args.minutes:
        print(f"ratio GUI / headless:             {gui['tokens_per_second'] / base:.2f}  (target ≥ 0.90)")
    print(f"longest event-loop stall:         {gui['longest_stall_ms']:.1f} ms while training  (target ≤ 50); "
          f"{gui['preparing_stall_ms']:.0f} ms while preparing (reading the corpus, training the tokenizer)")
    print(f"memory growth after 1 min:        {gui['memory_growth_mb']:.1f} MB  (target ≤ 50; RSS {gui['rss_mb']:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
