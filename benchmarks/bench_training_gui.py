"""Training in the window versus headless: throughput, event-loop stalls, memory.

    python benchmarks/bench_training_gui.py                   # 600 steps, 3 rounds of headless/thread/process
    python benchmarks/bench_training_gui.py --repeats 5 --threads 1
    python benchmarks/bench_training_gui.py --minutes 10      # the memory check: a 10-minute run in the window

Same configuration everywhere: tiny preset, char tokenizer, bundled Shakespeare. Each round runs,
in its own fresh process and in a rotating order:
  * headless: the Trainer loop alone (what lm-anatomy-train runs);
  * thread:   the Pre-train panel with the run on a QThread in the GUI process (the old way;
              TrainingWorker(mode="thread"));
  * process:  the Pre-train panel with the run in a spawned child process (the app's way);
  * blind:    the control for process: the same, with the curves never redrawn (what the plots cost);
  * paint:    the control for the GUI: the same redraws, with no training anywhere.
The two window runs show the window offscreen, with a 5 ms timer on the GUI thread that records
the longest event-loop stall while training. Throughput is tokens over the wall-clock time between
the first and last record, in every mode. Ratios are taken within a round (window ÷ that round's
headless), then the median over rounds: the machine is shared, so rounds see different loads.
Memory: resident size of the GUI process and of the training child, growth after the first minute.
Targets from the issue: window ≥ 0.9× headless; longest stall ≤ 50 ms; memory growth ≤ 50 MB.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
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
    import torch
    if {threads}:
        torch.set_num_threads({threads})
    from app.training.jobs import prepare_pretraining
    from model.settings import TrainingSettings
    settings = TrainingSettings.from_dict(json.loads({settings!r}))
    trainer = prepare_pretraining(settings, Path({folder!r}), False).trainer
    first = None
    for m in trainer.run():
        if first is None:
            first = (time.perf_counter(), m.tokens_seen)
        last = (time.perf_counter(), m.tokens_seen)
    print(json.dumps({{"tokens_per_second": (last[1] - first[1]) / (last[0] - first[0]),
                       "threads": torch.get_num_threads()}}))
""")


def rss_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        if pid != "self":
            return float("nan")
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process (all its threads: with the thread mode, the training too)."""
    t = os.times()
    return t.user + t.system


def settings_for(args):
    from model.settings import TrainingSettings

    return TrainingSettings.from_dict(dict(  # the app's flat layout: the app's derived TrainConfig
        name="bench", tokenizer="char", vocab_size=512, preset="tiny", n_layer=2, n_head=4, d_model=128, d_mlp=512,
        context_length=args.context, batch_size=args.batch, learning_rate=3e-3, steps=args.steps, log_interval=5,
        eval_interval=10**9, checkpoint_interval=max(100, args.steps // 10), sample_interval=args.sample_interval,
        snapshots=0, device=args.device))


def headless(settings: dict, threads: int) -> dict:
    """The same settings the panel ran with (its form picks the log, eval and checkpoint intervals)."""
    folder = tempfile.mkdtemp(prefix="bench-headless-")
    code = HEADLESS.format(root=str(ROOT), settings=json.dumps(settings), folder=folder, threads=threads)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def form_settings(args) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.common.appearance import Appearance
    from app.training.form import PretrainForm

    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841
    form = PretrainForm(Appearance())
    form.set_settings(settings_for(args))
    return form.settings().to_dict()


def in_gui(args) -> dict:
    """One run in the window, in this process (--one thread|process)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="bench-gui-")
    import functools

    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from app.training import child, pretrain
    from app.training.worker import TrainingWorker

    if args.one == "blind":
        from app.training.curves import TrainingCurves

        TrainingCurves.add = lambda self, records: None
    if args.one == "thread":
        pretrain.TrainingWorker = functools.partial(TrainingWorker, mode="thread")
    if args.threads:
        child.training_threads = lambda: args.threads
    if args.niceness is not None:
        child.NICENESS = args.niceness
    if args.emit is not None:
        child.EMIT_SECONDS = args.emit
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.window import MainWindow

    win = MainWindow(settings=QSettings(os.path.join(os.environ["XDG_DATA_HOME"], "s.ini"), QSettings.IniFormat))
    win.show()
    panel = win.training.pretrain
    win.tabs.setCurrentWidget(panel)
    panel.form.set_settings(settings_for(args))
    marks: list[tuple[float, int]] = []
    clock = QElapsedTimer()
    clock.start()
    stalls = {"longest": 0.0, "preparing": 0.0, "last": 0.0, "started": False}
    memory: list[tuple[float, float, float]] = []  # time, GUI RSS, child RSS

    long_stalls: list[tuple[float, float]] = []  # (seconds into the run, ms) of stalls over 30 ms
    collections: list[tuple[float, float, int]] = []  # GUI process garbage collections over 5 ms

    def tick():
        now = clock.nsecsElapsed() / 1e6
        if stalls["started"]:
            key = "longest" if marks else "preparing"  # before the first record: corpus, tokenizer, model
            stall = now - stalls["last"] - args.tick_ms
            stalls[key] = max(stalls[key], stall)
            if marks and stall > 30:
                long_stalls.append((round(time.monotonic() - started, 1), round(stall, 1)))
        stalls["last"], stalls["started"] = now, True

    def collected(phase, info, began=[0.0]):  # noqa: B006 (the start time of the collection in progress)
        if phase == "start":
            began[0] = time.perf_counter()
        elif (ms := (time.perf_counter() - began[0]) * 1e3) > 5 and marks:
            collections.append((round(time.monotonic() - started, 1), round(ms, 1), info["generation"]))

    gc.callbacks.append(collected)

    def sample_memory():
        process = panel.worker.process if panel.worker is not None else None
        memory.append((time.monotonic(), rss_mb(), rss_mb(process.pid) if process is not None else float("nan")))

    timer = QTimer(interval=args.tick_ms)
    timer.timeout.connect(tick)
    sampler = QTimer(interval=1000)
    sampler.timeout.connect(sample_memory)

    def on_records(records):
        marks.append((time.perf_counter(), records[-1].tokens_seen, cpu_seconds()))

    if args.one == "paint":  # the control: the same redraws with no training anywhere
        _feeder = paint_only(panel, app, child.EMIT_SECONDS, args.paint_seconds, on_records)  # held: its timer must live
        used, in_child = settings_for(args).to_dict(), False
    else:
        panel.start()
        panel.worker.records.connect(on_records)
        used, in_child = panel.worker.settings.to_dict(), panel.worker.mode == "child"
        panel.run_ended.connect(lambda *_: app.quit())
    started = time.monotonic()
    timer.start()
    sampler.start()
    if args.minutes:
        QTimer.singleShot(int(args.minutes * 60_000), panel.stop)
    app.exec()  # the real event loop, as in the app
    timer.stop()
    sampler.stop()
    win.shutdown()
    tps = (marks[-1][1] - marks[0][1]) / (marks[-1][0] - marks[0][0]) if len(marks) > 1 else float("nan")
    gui_cpu = 100 * (marks[-1][2] - marks[0][2]) / (marks[-1][0] - marks[0][0]) if len(marks) > 1 else float("nan")
    after_warmup = [m for m in memory if m[0] - started >= 60] or memory

    def growth(column: int) -> float:
        values = [m[column] for m in after_warmup if m[column] == m[column]]
        return max(values) - values[0] if values else float("nan")

    return {"mode": args.one, "settings": used, "tokens_per_second": tps, "gui_cpu_percent": gui_cpu, "longest_stall_ms": stalls["longest"],
            "preparing_stall_ms": stalls["preparing"], "gui_growth_mb": growth(1), "child_growth_mb": growth(2),
            "gui_rss_mb": memory[-1][1] if memory else rss_mb(),
            "child_rss_mb": memory[-1][2] if memory else float("nan"), "seconds": time.monotonic() - started,
            "in_child": in_child, "long_stalls": long_stalls, "collections": collections}


def paint_only(panel, app, every: float, seconds: float, on_records):
    """Hand the panel a batch of made-up records every `every` seconds, as a run at 15 steps/s would."""
    from PySide6.QtCore import QTimer

    from model.train import Metrics

    state = {"step": 0, "began": time.monotonic() + 3}
    per_batch = max(1, round(15 * every / 5))  # records (every 5 steps) in one batch

    def feed():
        batch = []
        for _ in range(per_batch):
            state["step"] += 5
            step = state["step"]
            batch.append(Metrics(step=step, total_steps=100_000, tokens_seen=step * 2048,
                                 train_loss=4.0 / (1 + step / 500) + 0.05 * np.sin(step), val_loss=None,
                                 learning_rate=3e-3, grad_norm=1 + 0.1 * np.cos(step),
                                 tokens_per_second=30_000 + 500 * np.sin(step / 7), elapsed=0.0, eta=100.0))
        panel._records(batch)
        on_records(batch)
        if time.monotonic() - state["began"] > seconds:
            app.quit()

    import numpy as np

    timer = QTimer(interval=int(every * 1000))
    timer.timeout.connect(feed)
    QTimer.singleShot(3000, timer.start)  # as long as a run's preparation: the window settles first
    return timer


def one_gui_run(mode: str, args) -> dict:
    command = [sys.executable, __file__, "--one", mode, "--steps", str(args.steps), "--context", str(args.context),
               "--batch", str(args.batch), "--sample-interval", str(args.sample_interval), "--device", args.device,
               "--threads", str(args.threads), "--minutes", str(args.minutes),
               "--paint-seconds", str(args.paint_seconds), "--tick-ms", str(args.tick_ms)]
    command += ["--niceness", str(args.niceness)] if args.niceness is not None else []
    command += ["--emit", str(args.emit)] if args.emit is not None else []
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{mode} run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def load() -> str:
    try:
        return " ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "?"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--steps", type=int, default=600)
    p.add_argument("--repeats", type=int, default=3, help="rounds of headless, thread and process")
    p.add_argument("--modes", default="headless,thread,process,paint",
                   help="paint: the control, the panel's redraws with no training at all")
    p.add_argument("--minutes", type=float, default=0, help="one process-mode run in the window this long")
    p.add_argument("--context", type=int, default=128)
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--sample-interval", type=int, default=100)
    p.add_argument("--device", default="auto")
    p.add_argument("--threads", type=int, default=0,
                   help="torch threads for the training child and headless (0: the app's and torch's defaults)")
    p.add_argument("--niceness", type=int, help="how far the training child lowers its priority "
                   "(default: app.training.child.NICENESS)")
    p.add_argument("--emit", type=float, help="seconds between record batches (default: child.EMIT_SECONDS)")
    p.add_argument("--tick-ms", type=int, default=5, help="the stall timer's interval: the timer itself costs "
                   "the GUI process CPU, so a longer one shows what the window costs a run without it")
    p.add_argument("--paint-seconds", type=float, default=30, help="how long the paint mode redraws")
    p.add_argument("--one", choices=["thread", "process", "blind", "paint", "settings"], help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.minutes:
        args.steps = 10**7  # stopped by the clock
    if args.one == "settings":
        print(json.dumps(form_settings(args)))
        return 0
    if args.one:
        print(json.dumps(in_gui(args)))
        return 0
    print(f"configuration: tiny preset, char tokenizer, context {args.context}, batch {args.batch}, "
          f"device {args.device}, {args.steps if not args.minutes else '∞'} steps, threads "
          f"{args.threads or 'default'}, child niceness {args.niceness if args.niceness is not None else 'default'}, "
          f"emit every {args.emit or 'default'} s; {os.cpu_count()} CPUs; load {load()}", flush=True)
    if args.minutes:
        r = one_gui_run("process", args)
        print(f"process mode, {r['seconds'] / 60:.1f} min: {r['tokens_per_second']:,.0f} tokens/s, longest stall "
              f"{r['longest_stall_ms']:.1f} ms")
        print(f"memory growth after the first minute: GUI process {r['gui_growth_mb']:.1f} MB (RSS "
              f"{r['gui_rss_mb']:.0f} MB), training child {r['child_growth_mb']:.1f} MB (RSS {r['child_rss_mb']:.0f} MB)"
              f"  (target ≤ 50); load now {load()}")
        print(f"stalls over 30 ms (seconds into the run, ms): {r['long_stalls'] or 'none'}")
        print(f"GUI process garbage collections over 5 ms (seconds, ms, generation): {r['collections'] or 'none'}")
        return 0
    modes = args.modes.split(",")
    rounds: list[dict] = []
    settings = one_gui_run("settings", args)  # what the panel's form makes of them, for headless too
    for i in range(args.repeats):
        order = modes[i % len(modes):] + modes[:i % len(modes)]
        result: dict = {}
        for mode in order:
            if mode == "headless":
                result[mode] = headless(settings, args.threads)
                line = f"{result[mode]['tokens_per_second']:,.0f} tokens/s ({result[mode]['threads']} threads)"
            elif mode == "paint":
                result[mode] = r = one_gui_run(mode, args)
                line = (f"no training, the same redraws: longest stall {r['longest_stall_ms']:.1f} ms, "
                        f"GUI process CPU {r['gui_cpu_percent']:.0f}%")
            else:
                result[mode] = r = one_gui_run(mode, args)
                assert r["settings"] == settings and r["in_child"] == (mode in ("process", "blind"))
                line = (f"{r['tokens_per_second']:,.0f} tokens/s, longest stall {r['longest_stall_ms']:.1f} ms, "
                        f"GUI process CPU {r['gui_cpu_percent']:.0f}% "
                        f"(preparing {r['preparing_stall_ms']:.0f} ms), RSS GUI {r['gui_rss_mb']:.0f} MB"
                        + (f" + child {r['child_rss_mb']:.0f} MB" if r["in_child"] else ""))
            print(f"round {i + 1} {mode:>8}: {line}  [load {load()}]", flush=True)
        rounds.append(result)
    print("\nmedians over rounds:")
    for mode in modes:
        tps = statistics.median(r[mode]["tokens_per_second"] for r in rounds)
        text = f"  {mode:>8}: {tps:,.0f} tokens/s" if mode != "paint" else f"  {mode:>8}: no training"
        if mode != "headless":
            cpu = statistics.median(r[mode]["gui_cpu_percent"] for r in rounds)
            text += f", GUI process CPU {cpu:.0f}%"
            stall = statistics.median(r[mode]["longest_stall_ms"] for r in rounds)
            worst = max(r[mode]["longest_stall_ms"] for r in rounds)
            text += f", longest stall {stall:.1f} ms (worst round {worst:.1f}; target ≤ 50)"
            if "headless" in modes and mode != "paint":
                ratios = [r[mode]["tokens_per_second"] / r["headless"]["tokens_per_second"] for r in rounds]
                text += (f", ÷ headless {statistics.median(ratios):.3f} (target ≥ 0.95, issue #17; rounds "
                         + ", ".join(f"{x:.3f}" for x in ratios) + ")")
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
