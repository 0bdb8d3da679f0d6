"""Screenshots of switching parts off, from the real window on an X display (Xvfb), grabbed with imagemagick.

    Xvfb :12 -screen 0 1440x880x24 &
    DISPLAY=:12 .venv/bin/python docs/screenshots/make_ablation_screenshots.py [--size 1440x880] [--presentation]
        [--prefix ""]

Writes <prefix>ablation-scan.png (the grid coloured by "Which heads matter here?") and <prefix>ablation.png
(the two heads that matter most and one MLP switched off by clicks, the Before / after tab). The shipped
model, fresh preferences, the prompt of window_screenshots.sh.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PROMPT = "ROMEO: But soft, what light through yonder window breaks? It is the east, and Juliet is the"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="1440x880")
    parser.add_argument("--presentation", action="store_true")
    parser.add_argument("--prefix", default="")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))

    from PySide6.QtCore import QEventLoop, QPointF, QSettings, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.window import MainWindow
    from model.paths import default_model_dir

    app = QApplication.instance() or QApplication(sys.argv)

    def wait_for(signal, timeout_ms: int = 60000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        signal.disconnect(loop.quit)

    def settle(ms: int = 1500) -> None:
        QTest.qWait(ms)

    def grab(name: str) -> None:
        settle()
        out = Path(__file__).parent / f"{args.prefix}{name}"
        subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+0+0", "+repage", str(out)], check=True)
        print("wrote", out)

    with tempfile.TemporaryDirectory() as tmp:
        win = MainWindow(settings=QSettings(str(Path(tmp) / "s.ini"), QSettings.IniFormat))
        win.move(0, 0)
        win.resize(width, height)
        win.show()
        win.start(str(default_model_dir()))
        wait_for(win.model_changed)
        win.show_stage("attention")
        win.set_prompt(PROMPT)
        wait_for(win.trace_shown)
        if args.presentation:
            win.set_presentation(True)
        settle()
        panel = win.panels["attention"]
        controls = panel.ablation
        controls.scan_button.click()
        wait_for(win.session.scan_ready)
        grab("ablation-scan.png")

        drops = np.nan_to_num(win.session.scan.drops, nan=-1.0)
        order = np.argsort(-drops.ravel())[:2]
        controls.switch.click()  # "Click a head to: switch it off or on"
        mosaic = panel.mosaic
        n_layer, n_head, t, sep = mosaic.shape
        for flat in order:
            layer, head = divmod(int(flat), n_head)
            centre = QPointF(head * (t + sep) + t / 2, layer * (t + sep) + t / 2)
            at = mosaic.plot.mapFromScene(mosaic.plot.getViewBox().mapViewToScene(centre))
            QTest.mouseClick(mosaic.plot.viewport(), Qt.LeftButton, pos=at)
            wait_for(win.trace_shown)
        controls.mlp_checks[-1].click()
        wait_for(win.trace_shown)
        grab("ablation.png")
        win.shutdown()
        win.close()


if __name__ == "__main__":
    main()
