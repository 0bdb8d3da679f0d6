"""Challenges: what stays hard about language models, one tab each: the compute a model costs, a bias
probe on the open model, and a worked interpretability example that opens the Attention stage.

Compute needs no prompt; Bias traces its own prompts on the session's engine worker; Interpretability
reads the prompt's trace that is on screen. The tabs live in challenges_compute, _bias and _interpret."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from app.i18n import QT_TR_NOOP, tr

from .base import Panel
from .challenges_bias import BiasView
from .challenges_compute import ComputeView
from .challenges_interpret import InterpretView

TAB_KEYS = ("compute", "bias", "interpretability")


class EngineJobs(QObject):
    """Jobs on the model the explorer has open, run on the session's engine worker (never the GUI thread).

    `submit(kind, fn)` runs `fn(loaded_model)` there; `finished(kind, result)` or `failed(kind, message)`
    come back for the newest job of each kind only."""

    finished = Signal(str, object)
    failed = Signal(str, str)
    KINDS = ("bias", "measure")

    def __init__(self, engine, worker, parent=None):
        super().__init__(parent)
        self.engine, self.worker = engine, worker
        worker.done.connect(self._done)
        worker.failed.connect(self._failed)

    def submit(self, kind: str, fn) -> None:
        engine = self.engine

        def job():
            if engine.loaded is None:
                raise ValueError(tr("no model is open"))
            return fn(engine.loaded)

        self.worker.submit(kind, job)

    def _done(self, kind: str, gen: int, result) -> None:
        if kind in self.KINDS and self.worker.is_current(kind, gen):
            self.finished.emit(kind, result)

    def _failed(self, kind: str, gen: int, message: str) -> None:
        if kind in self.KINDS and self.worker.is_current(kind, gen):
            self.failed.emit(kind, message)


class ChallengesPanel(Panel):
    name, title = "challenges", QT_TR_NOOP("Challenges")
    head_requested = Signal(int, int)  # open the Attention stage on (layer, head)

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.jobs: EngineJobs | None = None
        self.compute = ComputeView(self.appearance)
        self.bias = BiasView(self.appearance)
        self.interpret = InterpretView(self.appearance)
        self.interpret.head_requested.connect(self.head_requested)
        self.interpret.stage_requested.connect(self.stage_requested)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.compute, tr("Compute"))
        self.tabs.addTab(self.bias, tr("Bias"))
        self.tabs.addTab(self.interpret, tr("Interpretability"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.apply_appearance()

    def attach(self, session) -> None:
        """Run jobs on the session's model and follow its prompt (the stage view calls this once)."""
        self.jobs = EngineJobs(session.engine, session.engine_worker, self)
        self.compute.set_jobs(self.jobs)
        self.bias.set_jobs(self.jobs)
        session.trace_ready.connect(lambda result: self.render(result.trace))
        session.trace_cleared.connect(lambda: self.render(None))
        if session.trace is not None:
            self.render(session.trace)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))

    def set_model(self, info) -> None:
        super().set_model(info)
        for view in (self.compute, self.bias, self.interpret):
            view.set_model(info)

    def render(self, trace) -> None:
        self.trace = trace
        self.interpret.set_trace(trace)

    def apply_appearance(self) -> None:
        self.tabs.tabBar().setFont(self.appearance.font(1.05, bold=True))
        for view in (self.compute, self.bias, self.interpret):
            view.apply_appearance()

    def tables(self):
        return {"compute": self.compute.tables, "bias": self.bias.tables,
                "interpretability": self.interpret.tables}[TAB_KEYS[self.tabs.currentIndex()]]()

    def plots(self):
        return {QT_TR_NOOP("bias probe"): self.bias.plot}


if __name__ == "__main__":
    import sys

    from PySide6.QtWidgets import QApplication

    from ...common.sample import sample_engine
    from ...common.worker import Worker

    app = QApplication.instance() or QApplication(sys.argv)
    engine = sample_engine()
    panel = ChallengesPanel()
    panel.jobs = EngineJobs(engine, Worker("engine"), panel)
    panel.compute.set_jobs(panel.jobs)
    panel.bias.set_jobs(panel.jobs)
    panel.set_model(engine.info())
    panel.render(engine.trace("ROMEO. O Romeo, Romeo, wherefore art thou Romeo?").trace)
    panel.resize(1100, 750)
    panel.show()
    sys.exit(app.exec())
