"""Render the Pre-train and Fine-tune tabs mid-run to PNGs (offscreen).

    python docs/screenshots/make_training_screenshots.py [--out docs/screenshots] [--steps 600]

Trains a tiny BPE model on the bundled Shakespeare for real (a minute or two on a laptop CPU),
grabs the window while the run is going, then fine-tunes that run on the bundled sentiment set.
Runs go to a temporary data folder, never the user's.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    p.add_argument("--steps", type=int, default=600)
    p.add_argument("--size", default="1440x880")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="lm-anatomy-shots-")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.window import MainWindow

    def wait(predicate, timeout=600.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not predicate():
            app.processEvents()
            time.sleep(0.01)
        return predicate()

    settings = QSettings(os.path.join(os.environ["XDG_DATA_HOME"], "s.ini"), QSettings.IniFormat)
    win = MainWindow(settings=settings)
    w, h = (int(v) for v in args.size.split("x"))
    win.resize(w, h)
    win.show()
    area = win.training
    pre = area.pretrain
    win.tabs.setCurrentWidget(pre)
    form = pre.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("bpe"))
    form.vocab_spin.setValue(1024)
    form.context_spin.setValue(64)
    form.batch_spin.setValue(16)
    form.steps_spin.setValue(args.steps)
    form.sample_spin.setValue(max(10, args.steps // 12))
    form.prompt_edit.setText("ROMEO:")
    form.name_edit.setText("shakespeare-tiny-bpe")
    wait(lambda: "parameters" in form.estimate_label.text(), 60)
    pre.start()
    wait(lambda: pre.last_step >= args.steps // 2 or not pre.is_training())
    wait(lambda: False, 0.3)
    out = Path(args.out)
    win.grab().save(str(out / "train-pretrain.png"), "PNG")
    print("saved", out / "train-pretrain.png", "at step", pre.last_step)
    wait(lambda: not pre.is_training())

    def mid_run(panel, step: int, name: str) -> None:
        """Start the panel's run, save the window once its loss curve reaches `step`, let the run end."""
        panel.start()
        wait(lambda: (panel.curves.loss.steps and panel.curves.loss.steps[-1] >= step) or not panel.is_training())
        wait(lambda: False, 0.5)
        win.grab().save(str(out / name), "PNG")
        print("saved", out / name, "at step", (panel.curves.loss.steps or [0])[-1])
        wait(lambda: not panel.is_training())

    ft = area.finetune
    win.tabs.setCurrentWidget(area.finetune_tabs)
    area.finetune_tabs.setCurrentWidget(ft)
    ft.fill_bases()
    ft.set_base(str(pre.run.checkpoint))
    ft.form.blocks_spin.setValue(2)
    ft.form.steps_spin.setValue(300)
    ft.form.lr_spin.setValue(0.001)
    ft.try_box.edit.setText("The waiter was rude and the soup was cold.")
    mid_run(ft, 200, "train-finetune.png")

    co = area.continued
    area.finetune_tabs.setCurrentWidget(co)
    co.fill_bases()
    co.set_base(str(pre.run.checkpoint))
    text = Path(os.environ["XDG_DATA_HOME"]) / "lucrece.txt"
    text.write_text((ROOT / "resources/corpora/shakespeare/rape_of_lucrece.txt").read_text(encoding="utf-8")[:40000],
                    encoding="utf-8")
    co.set_corpus([str(text)])
    wait(lambda: "enough" in co.form.check_label.text(), 60)
    co.form.steps_spin.setValue(120)
    co.form.prompt_edit.setText("From the besieged Ardea")
    mid_run(co, 70, "train-continued.png")
    win.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
