"""Regenerate docs/screenshots/ from a model folder (default: the shipped model).

    python docs/screenshots/make_screenshots.py [MODEL_DIR]
    python docs/screenshots/make_screenshots.py --block     (only block.png and block-gpt2.png)

Stage pictures come from the real command line (`python -m app --screenshot`); the decoding and
attention-view pictures drive the window in-process, offscreen.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROMPT = "ROMEO: But soft, what light through yonder window breaks? It is the east, and Juliet is the"


def cli(name: str, *args: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "app", "--screenshot", str(HERE / name), *args], cwd=ROOT, env=env,
                   check=False, timeout=300)


def interactive(model: str) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.__main__ import wait_until
    from app.window import MainWindow

    app = QApplication.instance() or QApplication([])
    win = MainWindow(settings=QSettings(os.path.join(tempfile.mkdtemp(), "s.ini"), QSettings.IniFormat))
    win.resize(1440, 880)
    win.show()
    win.start(model)
    wait_until(app, lambda: win.info is not None, 120)
    win.show_stage("output")
    win.set_prompt(PROMPT)
    wait_until(app, lambda: win.trace is not None and win.is_idle(), 120)
    win.panels["output"].set_settings(0.8, 8, 0.9)
    for _ in range(6):
        before = len(win.decoding.extra_ids)
        win.step()
        wait_until(app, lambda: len(win.decoding.extra_ids) > before and win.is_idle(), 120)
    win.session.force(int(win.panels["output"].candidates[3]))
    wait_until(app, win.is_idle, 120)
    wait_until(app, lambda: False, 0.3)
    win.grab().save(str(HERE / "output-decoding.png"))
    win.show_stage("tokens")
    wait_until(app, lambda: False, 0.5)
    win.grab().save(str(HERE / "tokens-generated.png"))
    attention = win.panels["attention"]
    win.show_stage("attention")
    attention.select(2, 1)
    attention.tabs.setCurrentIndex(1)
    wait_until(app, lambda: False, 0.5)
    win.grab().save(str(HERE / "attention-lines.png"))
    attention.tabs.setCurrentIndex(0)
    attention.set_scores(True)
    wait_until(app, lambda: False, 0.3)
    win.grab().save(str(HERE / "attention-scores.png"))
    win.close()


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from app.explore.stages import STAGES

    if "--block" in sys.argv:  # only the Inside-a-block pictures (make_block_screenshots.py)
        subprocess.run([sys.executable, str(HERE / "make_block_screenshots.py")], cwd=ROOT, check=False)
        return
    model = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "resources" / "models" / "shakespeare-bpe")
    for stage in STAGES:
        cli(f"{stage}.png", "--model", model, "--stage", stage, "--prompt", PROMPT)
    cli("presentation-dark-attention.png", "--model", model, "--stage", "attention", "--prompt", PROMPT,
        "--presentation", "--dark", "--size", "1920x1080")
    cli("empty-prompt.png", "--model", model, "--stage", "tokens", "--prompt", "")
    cli("unicode-tokens.png", "--model", model, "--stage", "tokens", "--prompt",
        "Ünïcödé 😀 and 汉字 and עברית — ROMEO: But soft")
    cli("no-model.png", "--model", "/nonexistent/shakespeare-bpe")
    interactive(model)
    subprocess.run([sys.executable, str(HERE / "make_block_screenshots.py"), model], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
