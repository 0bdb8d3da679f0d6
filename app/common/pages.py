"""The window's non-stage pages: a message (no model, loading, errors), the empty state, the lesson pane."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.i18n import localized_resource, tr

from .appearance import Appearance


def warn(parent: QWidget, title: str, text: str, icon=QMessageBox.Warning) -> QMessageBox:
    """A message box that does not block the window: the work around it goes on. Returned, so a caller
    can close it later."""
    box = QMessageBox(icon, title, text, QMessageBox.Ok, parent)
    box.setModal(False)
    box.show()
    return box

SUGGESTIONS = [
    "To be, or not to be, that is the question:",
    "Friends, Romans, countrymen, lend me your",
    "O Romeo, Romeo, wherefore art thou",
    "Now is the winter of our discontent",
]


class MessagePage(QWidget):
    open_requested = Signal()
    retry_requested = Signal()

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.title = QLabel()
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.RichText)
        self.body.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.button = QPushButton(tr("Open a model folder…"))
        self.button.clicked.connect(self.open_requested)
        self.retry_button = QPushButton(tr("Retry"))
        self.retry_button.setToolTip(tr("Try loading the same model folder again"))
        self.retry_button.clicked.connect(self.retry_requested)
        self.retry_button.hide()
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.body):
            w.setAlignment(Qt.AlignCenter)
            layout.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.retry_button)
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        appearance.changed.connect(self._restyle)
        self._restyle()

    def show_message(self, title: str, body: str, can_open: bool = True, can_retry: bool = False) -> None:
        self.title.setText(title)
        self.body.setText(body)
        self.button.setVisible(can_open)
        self.retry_button.setVisible(can_retry)

    def _restyle(self) -> None:
        self.title.setFont(self.appearance.font(1.6, bold=True))
        self.body.setFont(self.appearance.font(1.1))
        self.title.setWordWrap(True)


class EmptyState(QWidget):
    suggestion_chosen = Signal(str)

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.title = QLabel(tr("Type something in the box above"))
        self.body = QLabel(tr("The model reads your text, splits it into tokens and guesses what comes next. "
                              "Every stage on the left updates as you type. Try one of these:"))
        self.body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (self.title, self.body):
            w.setAlignment(Qt.AlignCenter)
            layout.addWidget(w)
        self.buttons = []
        for text in SUGGESTIONS:
            b = QPushButton(f"“{text}”")
            b.clicked.connect(lambda _=False, t=text: self.suggestion_chosen.emit(t))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(b)
            row.addStretch(1)
            layout.addLayout(row)
            self.buttons.append(b)
        layout.addStretch(2)
        appearance.changed.connect(self._restyle)
        self._restyle()

    def _restyle(self) -> None:
        self.title.setFont(self.appearance.font(1.6, bold=True))
        self.body.setFont(self.appearance.font(1.1))
        for b in self.buttons:
            b.setFont(self.appearance.font(1.1))


class LessonPane(QTextBrowser):
    """The explanation beside each stage: resources/lessons/<lang>/<stage>.html (English where untranslated),
    as rich text."""

    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.stage = ""
        self.anchor = ""  # a section to open the lesson at (<a name="...">), for a panel it is about
        self.anchor_pending = False
        self.setOpenExternalLinks(True)
        appearance.changed.connect(lambda: self.show_lesson(self.stage, self.anchor))

    def show_lesson(self, stage: str, anchor: str = "") -> None:
        self.stage, self.anchor = stage, anchor
        self.anchor_pending = bool(anchor)  # scrolled to once, when first shown: then the reader's place is kept
        path = localized_resource("lessons", f"{stage}.html")
        try:
            html = path.read_text(encoding="utf-8")
        except OSError:
            html = "<p>" + tr("(The lesson file {0} is missing.)").format(path.name) + "</p>"
        a = self.appearance
        self.document().setDefaultStyleSheet(
            f"body {{ color: {a.hex('fg')}; }} h2 {{ color: {a.hex('accent')}; }} "
            f".aside {{ color: {a.hex('muted')}; }} b {{ color: {a.hex('fg')}; }}")
        self.document().setDefaultFont(a.font(1.0))
        self.setHtml(html)
        if anchor and self.isVisible():
            self._scroll_to_anchor()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.anchor_pending:  # the text is laid out for the pane's final width only after it is shown
            QTimer.singleShot(0, self._scroll_to_anchor)

    def _scroll_to_anchor(self) -> None:
        self.anchor_pending = False
        self.scrollToAnchor(self.anchor)


STAGE_MIN_WIDTH = 760  # pixels at normal size: narrower than this, the charts lose their labels


class LessonFitter(QObject):
    """Collapses the lesson pane first when the window is too narrow for the stage beside it
    (a 1024-pixel school laptop, or presentation fonts), and brings it back when there is room.

    `wanted()` says whether the reader wants the lessons at all (View > Show explanations).
    """

    def __init__(self, splitter: QSplitter, stage: QWidget, lesson: QWidget, appearance: Appearance, wanted):
        super().__init__(splitter)
        self.splitter, self.stage, self.lesson, self.appearance, self.wanted = splitter, stage, lesson, appearance, wanted
        self.collapsed = False  # hidden for want of room (not by the reader)
        # The pane's own minimum must not hold the window wider than a small screen before it collapses:
        # the fitter keeps it, and hides the pane rather than squeeze it below that.
        self.lesson_min = max(lesson.minimumWidth(), 200)
        lesson.setMinimumWidth(0)
        splitter.installEventFilter(self)
        appearance.changed.connect(self.fit)

    def stage_min_width(self) -> int:
        return int(STAGE_MIN_WIDTH * max(1.0, self.appearance.scale) ** 0.6)

    def room_for_stage(self) -> int:
        """The stage's width if the lesson pane were shown at its minimum width."""
        others = sum(self.splitter.widget(i).width() for i in range(self.splitter.count())
                     if self.splitter.widget(i) not in (self.stage, self.lesson) and self.splitter.widget(i).isVisible())
        handles = self.splitter.handleWidth() * (self.splitter.count() - 1)
        return self.splitter.width() - others - handles - self.lesson_min

    def fit(self) -> None:
        narrow = self.room_for_stage() < self.stage_min_width()
        show = bool(self.wanted()) and not narrow
        self.collapsed = bool(self.wanted()) and narrow
        if self.lesson.isVisibleTo(self.splitter) != show:
            self.lesson.setVisible(show)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.splitter and event.type() == QEvent.Type.Resize:
            self.fit()
        return False
