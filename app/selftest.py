"""`lm-anatomy --self-test`: prove an installed copy works, stage by stage, then exit.

It opens the real main window offscreen, loads the shipped model, types a prompt, shows every
stage and checks what each one drew against the trace (the same numbers the unit tests check),
takes one decoding step, and trains the tiny preset for a few steps through the Pre-train panel.
It writes a short report and exits 0, or 1 naming the first stage that failed.

Everything it writes goes to a fresh temporary folder (settings, runs) and to the per-user log
folder (the report): never beside the application, so it also runs from a read-only install.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from .selftest_report import Outcome, Report, StageFailed, image_varies, require, wait_until

PROMPT = "To be, or not to be, that is the question"
TRAINING_STEPS = 5


class SelfTest:
    """The checks, in the order the data flows. Each returns a one-line detail or raises."""

    def __init__(self, app, model: str | None, timeout: float, scratch: Path):
        self.app, self.model, self.timeout, self.scratch = app, model, timeout, scratch
        self.window = None

    def stages(self):
        return [("window", self.check_window), ("model", self.check_model), ("text", self.check_text),
                ("tokens", self.check_tokens), ("embeddings", self.check_embeddings),
                ("positions", self.check_positions), ("attention", self.check_attention),
                ("block", self.check_block), ("output", self.check_output), ("decoding", self.check_decoding),
                ("overview", self.check_overview), ("challenges", self.check_challenges),
                ("training", self.check_training)]

    def run(self, report: Report, say=print) -> Report:
        for name, check in self.stages():
            start = time.perf_counter()
            try:
                detail = check() or ""
                ok = True
            except StageFailed as exc:
                ok, detail = False, str(exc)
            except BaseException as exc:  # tokenizers' PanicException is a BaseException
                if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                    raise
                ok = False
                detail = f"{type(exc).__name__}: {exc}"
                frame = traceback.extract_tb(exc.__traceback__)[-1:]
                if frame:
                    detail += f" ({Path(frame[0].filename).name}:{frame[0].lineno})"
            outcome = Outcome(name, ok, time.perf_counter() - start, detail)
            report.outcomes.append(outcome)
            say(f"self-test: {'PASS' if ok else 'FAIL'} {name} {detail}".rstrip())
            if not ok:
                break
        return report

    # ---- the stages ----------------------------------------------------------------------
    def check_window(self) -> str:
        from PySide6.QtCore import QSettings

        from .training.runs import RunStore
        from .window import MainWindow

        settings = QSettings(str(self.scratch / "settings.ini"), QSettings.IniFormat)
        self.window = w = MainWindow(settings=settings, run_store=RunStore(self.scratch / "runs"))
        w.resize(1280, 800)
        w.show()
        wait_until(self.app, w.isVisible, self.timeout, "the window to show")
        require(image_varies(w), "the window painted nothing")
        from PySide6.QtGui import QPixmap

        from model.paths import icon_path

        require(not QPixmap(str(icon_path())).isNull(), f"the application icon is missing: {icon_path()}")
        return f"{w.width()}x{w.height()}, {self.app.platformName()} platform"

    def check_model(self) -> str:
        w = self.window
        w.start(self.model)
        wait_until(self.app, lambda: w.info is not None or w.model_error is not None, self.timeout, "the model")
        require(w.info is not None, f"the model did not load: {w.model_error}")
        return f"{w.info.name}: {w.info.params['total']:,} parameters on {w.info.device}"

    def _trace(self):
        w = self.window
        if w.trace is None:
            w.set_prompt(PROMPT)
            wait_until(self.app, lambda: w.trace is not None and w.is_idle(), self.timeout, "the first trace")
        return w.trace

    def _show(self, stage: str):
        w = self.window
        w.show_stage(stage)
        self.app.processEvents()
        panel = w.panels[stage]
        require(stage not in w.render_errors, f"the {stage} stage failed to draw: {w.render_errors.get(stage)}")
        require(w.stack.currentWidget() is panel, f"the {stage} stage is not on screen")
        require(image_varies(panel), f"the {stage} stage painted nothing")
        return panel

    def check_text(self) -> str:
        trace = self._trace()
        require(trace.text.endswith(PROMPT), "the trace is not of the prompt that was typed")
        self._show("text")
        return f"{trace.n_tokens} tokens traced"

    def check_tokens(self) -> str:
        trace = self._trace()
        panel = self._show("tokens")
        shown = panel.chip_view.token_ids
        require(shown == trace.token_ids.tolist(), f"{len(shown)} token chips for {trace.n_tokens} tokens")
        return f"{len(shown)} chips"

    def check_embeddings(self) -> str:
        import numpy as np

        trace = self._trace()
        panel = self._show("embeddings")
        token = int(trace.token_ids[-1])
        panel.select_token(token)
        strip = np.asarray(panel.strip.image[0], dtype=np.float64)
        expected = np.asarray(self.window.info.embeddings[token], dtype=np.float64)
        require(np.allclose(strip, expected, rtol=1e-5, atol=1e-6), "the vector strip is not the token's embedding")
        return f"token {token}'s vector shown"

    def check_positions(self) -> str:
        import numpy as np

        from .explore.panels.positions import strips

        trace = self._trace()
        panel = self._show("positions")
        token, position, block_input = strips(trace, trace.n_tokens - 1)
        require(np.allclose(token + position, block_input, rtol=1e-4, atol=1e-5),
                "token vector + position vector is not the block input")
        table = self.window.info.position_table
        if table is not None:
            require(np.allclose(panel.table_map.image.image, table, rtol=1e-5), "the heatmap is not the position table")
        return f"{trace.n_tokens} positions; strips add up"

    def check_attention(self) -> str:
        import numpy as np

        trace = self._trace()
        panel = self._show("attention")
        panel.select(0, 0)
        self.app.processEvents()
        shown = np.asarray(panel.heatmap.image.image, dtype=np.float64)
        probs = np.asarray(trace.layers[0].attn_probs[0], dtype=np.float64)
        visible = ~np.isnan(shown)
        require(shown.shape == probs.shape, f"heatmap {shown.shape} for attention {probs.shape}")
        require(np.allclose(shown[visible], probs[visible], rtol=1e-5), "the heatmap is not layer 0 head 0's weights")
        rows = np.nansum(shown, axis=1)
        require(np.allclose(rows, 1.0, atol=1e-3), "attention rows do not sum to 1")
        return f"{len(trace.layers)} layers x {probs.shape[0]} tokens"

    def check_block(self) -> str:
        import numpy as np

        trace = self._trace()
        panel = self._show("block")
        last = len(trace.layers) - 1
        panel.select_layer(last)
        self.app.processEvents()
        drawn, token, layer = panel.drawn(), panel.token_index(), trace.layers[last]
        require(np.allclose(drawn["query"], layer.queries[panel.head, token], atol=1e-5),
                "the query drawn is not the trace's")
        require(np.allclose(drawn["add2_sum"], layer.resid_post[token], atol=1e-5),
                "the block output drawn is not the trace's")
        require(np.allclose(drawn["add2_sum"], drawn["add2_x"] + drawn["add2_added"], atol=1e-5),
                "the second residual add does not add up")
        return f"layer {last + 1}, token {token + 1}: query and output match the trace"

    def check_challenges(self) -> str:
        panel = self._show("challenges")
        panel.show_tab("compute")
        self.app.processEvents()
        total = self.window.info.params["total"]
        cells = [t.item(r, c).text() for t in panel.tables().values() for r in range(t.rowCount())
                 for c in range(t.columnCount()) if t.item(r, c) is not None]
        require(any(f"{total:,}" in cell for cell in cells), "the Compute view does not count the parameters")
        return f"{total:,} parameters in the Compute view"

    def check_output(self) -> str:
        import numpy as np

        trace = self._trace()
        panel = self._show("output")
        widths = panel.bar_widths()
        top = int(panel.candidates[int(np.argmax(widths))])
        require(top == int(np.argmax(trace.next_token_probs)), "the tallest bar is not the most likely token")
        return f"top candidate {self.window.info.labels[top]!r}"

    def check_decoding(self) -> str:
        w = self.window
        before = w.trace.n_tokens
        text_before = w.trace.text
        w.step()
        wait_until(self.app, lambda: w.trace is not None and w.trace.text != text_before and w.is_idle(),
                   self.timeout, "a decoding step")
        require(len(w.decoding.history) == 1, f"{len(w.decoding.history)} steps in the history after one Step")
        w.undo()
        wait_until(self.app, lambda: w.trace.text == text_before and w.is_idle(), self.timeout, "Undo")
        return f"stepped {before} -> {before + 1} tokens and undid it"

    def check_overview(self) -> str:
        panel = self._show("overview")
        total = self.window.info.params["total"]
        require(f"{total:,} parameters" in panel.summary.text(), "the overview does not count the parameters")
        require(f"attention{self.window.info.config['n_layer'] - 1}" in panel.boxes, "a block is missing")
        return f"{self.window.info.config['n_layer']} blocks drawn"

    def check_training(self) -> str:
        import math

        from model.paths import default_corpus_dir
        from model.settings import TrainingSettings

        panel = self.window.training.pretrain
        corpus = default_corpus_dir() / "lovers_complaint.txt"
        s = TrainingSettings.from_dict(dict(name="self-test", corpus=[str(corpus)], tokenizer="char", vocab_size=320,
                                            preset="tiny", steps=TRAINING_STEPS, batch_size=4, log_interval=1,
                                            eval_interval=5, checkpoint_interval=5, sample_interval=0, snapshots=0,
                                            device="cpu"))
        panel.form.set_settings(s)
        ended = []
        panel.run_ended.connect(lambda event, message: ended.append((event, message)))
        panel.start()
        wait_until(self.app, lambda: bool(ended), max(self.timeout, 300.0), f"{TRAINING_STEPS} training steps")
        event, message = ended[0]
        require(event == "done", f"training ended with '{event}': {message}")
        losses = panel.run.metrics().get("train_loss")
        steps = panel.run.metrics().get("step")
        require(losses is not None and len(losses) == TRAINING_STEPS,
                f"the run recorded steps {[int(s) for s in steps]} of {TRAINING_STEPS}")
        require(all(math.isfinite(v) for v in losses), "a training loss is not finite")
        require(panel.run.has_checkpoint(), "the run left no checkpoint")
        return f"{TRAINING_STEPS} steps of the tiny preset, loss {losses[0]:.2f} -> {losses[-1]:.2f}"

    def close(self) -> None:
        if self.window is not None:
            self.window.shutdown()
            self.window.close()


def default_report_path() -> Path:
    from model.paths import user_log_dir

    return user_log_dir() / "self-test.txt"


def main(model: str | None = None, report_path: str | None = None, timeout: float = 120.0) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("LM Anatomy")
    app.setOrganizationName("LM Anatomy")
    from .__main__ import identify

    identify(app)
    scratch = Path(tempfile.mkdtemp(prefix="lm-anatomy-self-test-"))
    test = SelfTest(app, model, timeout, scratch)
    report = Report()
    try:
        test.run(report)
    finally:
        test.close()
        shutil.rmtree(scratch, ignore_errors=True)
    text = report.text()
    path = Path(report_path) if report_path else default_report_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        where = f"Report written to {path}"
    except OSError as exc:
        where = f"Could not write the report to {path}: {exc.strerror or exc}"
    print(text + where, flush=True)
    return 1 if report.failed else 0
