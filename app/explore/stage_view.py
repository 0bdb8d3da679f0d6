"""The explorer's middle: the stage list, the stage (or a message page), and the lesson beside it.

It shows the session's current trace on the stage the reader picked; stages that are not shown
render lazily, when picked.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QScrollArea, QSplitter, QStackedWidget

from app.i18n import tr
from model.paths import default_model_dir

from ..common.pages import EmptyState, LessonFitter, LessonPane, MessagePage
from ..common.plots import settle_plots
from .stages import NEEDS_TRACE, STAGES


def trace_status(info, result, name: str) -> str:
    """The status line for a trace on screen: model, device, tokens, time, and a sliding window."""
    trace = result.trace
    msg = tr("{0} on {1} · {2} tokens · traced in {3:.0f} ms").format(
        name, info.device.upper(), trace.n_tokens, result.seconds * 1000)
    if trace.truncated_chars:
        msg += tr(" · longer than the context ({0} tokens): the window slides, the first {1:,} characters are "
                  "out of sight").format(info.config["context_length"], trace.truncated_chars)
    return msg


PRESENTATION_MIN_HEIGHT = 560  # a stage's height in presentation mode, scrolled if the screen is smaller


class CurrentPageStack(QStackedWidget):
    """A stack as large as the page it shows (QStackedWidget asks for the largest of all its pages).

    In presentation mode a stage is never squeezed below PRESENTATION_MIN_HEIGHT: at a small projector's
    1024x640 its plots were crushed to 40 px, their labels on top of each other; now it scrolls."""

    def __init__(self, appearance):
        super().__init__()
        self.appearance = appearance
        self.currentChanged.connect(lambda _: self.updateGeometry())
        appearance.changed.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        size = page.minimumSizeHint().expandedTo(page.minimumSize())
        if self.appearance.presentation and page.property("stage"):
            size.setHeight(max(size.height(), PRESENTATION_MIN_HEIGHT))
        return size

    def heightForWidth(self, width: int) -> int:
        # The scroll area asks this (its stacked layout has pages with wrapped text) and would make the
        # stack as tall as a page's preferred height at that width, for the tallest page: the stage would
        # scroll where it fits. A page's minimum is the height below which it must scroll.
        return self.minimumSizeHint().height()


class StageView(QSplitter):
    render_failed = Signal(str)  # what to say when a stage cannot draw the trace

    def __init__(self, session, panels: dict, appearance, lessons_wanted):
        """`lessons_wanted()`: whether the reader wants the lesson pane (View > Show explanations)."""
        super().__init__(Qt.Horizontal)
        self.session, self.panels = session, panels
        self.render_errors: dict[str, str] = {}  # stage -> why its last render failed
        self.nav, self.stack = QListWidget(), CurrentPageStack(appearance)
        # The stage scrolls when it cannot fit (presentation fonts on a 1024x640 projector), instead of
        # making the window larger than the screen and cutting its right and bottom edges off.
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.stack)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.message, self.empty = MessagePage(appearance), EmptyState(appearance)
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.empty)
        for i, key in enumerate(STAGES):
            panel = panels[key]
            panel.stage_requested.connect(self.show_stage)
            panel.setProperty("stage", True)  # a stage, not a message page
            self.stack.addWidget(panel)
            item = QListWidgetItem(f"{i + 1}  {panel.title}")
            item.setToolTip(QKeySequence(f"Ctrl+{i + 1}").toString(QKeySequence.NativeText))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: self.show_stage(STAGES[row]) if row >= 0 else None)
        panels["tokens"].token_clicked.connect(self.show_embedding)
        panels["overview"].layer_requested.connect(self.show_layer)
        panels["challenges"].attach(session)  # its bias probe runs on the session's model
        panels["attention"].attach(session)  # heads and MLPs switched off there are the session's
        panels["fill_blank"].attach(session.aux_worker)  # its guesses run beside the traces
        session.trace_requested.connect(self._prompt_sent)
        panels["challenges"].head_requested.connect(self.show_head)
        self.lesson = LessonPane(appearance)
        self.lesson.setMinimumWidth(240)
        for w in (self.nav, self.scroll, self.lesson):
            self.addWidget(w)
        self.setStretchFactor(1, 1)
        self.setSizes([190, 900, 330])
        self.lesson_fitter = LessonFitter(self, self.scroll, self.lesson, appearance, lessons_wanted)
        appearance.changed.connect(lambda: self._fit_navigator(appearance))
        appearance.changed.connect(self._fit_stage_list)

    @property
    def current_stage(self) -> str:
        row = self.nav.currentRow()
        return STAGES[row] if row >= 0 else STAGES[0]

    def show_stage(self, key: str) -> None:
        if key not in STAGES:
            return
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(STAGES.index(key))
        self.nav.blockSignals(False)
        self.lesson.show_lesson(key)
        self.update_pages()
        self.render_current()

    def update_pages(self) -> None:
        """The stage, or why there is none: no model yet (a message), no prompt (suggestions)."""
        key = self.current_stage
        if self.session.info is None:
            self.stack.setCurrentWidget(self.message)
        elif key in NEEDS_TRACE and self.session.result is None:
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.panels[key])

    def show_loading(self, folder: str) -> None:
        self.message.show_message(tr("Loading the model…"), f"<code>{folder}</code>", can_open=False)
        self.update_pages()

    def show_load_problem(self, folder: str, message: str) -> None:
        """No model is open: why (no such folder, or a file that would not load), with Open… and Retry."""
        if not Path(folder).exists():
            shipped = Path(folder) == default_model_dir()
            self.message.show_message(
                tr("The shipped model is not installed yet") if shipped else tr("That model folder does not exist"),
                tr("LM Anatomy looked for a model in<br><code>{0}</code><br>and found nothing there.<br><br>Open a "
                   "model folder (one with config.json, model.safetensors and tokenizer.json), for example one "
                   "written by <code>lm-anatomy-train</code>.").format(folder))
        else:
            self.message.show_message(tr("This model could not be loaded"), message.replace("\n", "<br>"),
                                      can_retry=True)

    def _prompt_sent(self, text: str) -> None:
        if self.current_stage == "fill_blank":  # its guesses need only the text: start them beside the trace
            self.panels["fill_blank"].guess_early(text)

    def render_current(self) -> None:
        key, result = self.current_stage, self.session.result
        panel = self.panels[key]
        if key in NEEDS_TRACE and result is not None and panel.trace is not result.trace:
            try:
                panel.render(result.trace)
                settle_plots(panel)
                self.render_errors.pop(key, None)
            except Exception as exc:  # a bug in one stage must not take the window down with it
                self.render_errors[key] = f"{type(exc).__name__}: {exc}"
                self.render_failed.emit(tr("The {0} stage could not draw this prompt ({1}). The other stages still "
                                           "work.").format(panel.title, self.render_errors[key]))

    def show_layer(self, stage: str, layer: int, lens: bool = False) -> None:
        """A block in the model overview: the Attention stage on that layer (its logit lens row for an MLP)."""
        attention = self.panels["attention"]
        attention.select(layer, attention.head)
        self.show_stage(stage)
        if lens:
            attention.lens.selectRow(layer)
            attention.lens.setFocus()

    def show_head(self, layer: int, head: int) -> None:
        """The Attention stage on one head (the Challenges stage's worked example)."""
        self.panels["attention"].select(layer, head)
        self.show_stage("attention")

    def show_embedding(self, token_id: int) -> None:
        self.show_stage("embeddings")
        self.panels["embeddings"].select_token(int(token_id))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_stage_list()

    def _fit_stage_list(self) -> None:
        """After the lesson pane, the stage list folds away when the stage would be narrower than it needs
        (presentation fonts on a small projector); Ctrl+1, Ctrl+2, … and the View menu still pick stages. Decided
        from the sizes alone, not from what is shown now, so showing or hiding it cannot flip the answer."""
        lesson = self.lesson_fitter.lesson_min + self.handleWidth() if self.lesson.isVisibleTo(self) else 0
        room = self.width() - lesson - self.nav.minimumWidth() - self.handleWidth()
        show = room >= self.lesson_fitter.stage_min_width()
        if self.nav.isVisibleTo(self) != show:
            self.nav.setVisible(show)

    def _fit_navigator(self, appearance) -> None:
        self.nav.setFont(appearance.font(1.05))
        fm = self.nav.fontMetrics()
        widest = max(fm.horizontalAdvance(self.nav.item(i).text()) for i in range(self.nav.count()))
        self.nav.setMinimumWidth(widest + 36)
        self.nav.setMaximumWidth(widest + 60)
