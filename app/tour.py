"""Help > Guided tour: the curriculum in order, over the real window.

The overlay dims the window except a cut-out around the widget the step talks about; the cut-out is
outside the overlay's mask, so the student can use that widget while the card explains it. The card
says what to look at, one thing to try, and asks one check question with feedback. Back / Next / Exit
are buttons with mnemonics (Alt+B, Alt+N, Alt+X), Escape exits, and Left / Right work while the card has
focus. The step reached is kept per user, so the tour resumes where it was left.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QRegion, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr

from .explore.stages import STAGES
from .tour_steps import TourStep, tour_steps

STEP_KEY, OFFERED_KEY = "tour/step", "tour/offered"
TAB_OF = {"tab:pretrain": 1, "tab:finetune": 2}
MARGIN = 8  # pixels of the highlighted widget's surroundings left undimmed


class TourCard(QFrame):
    """The step's text, its question with feedback, and Back / Next / Exit."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        self.progress, self.title, self.text, self.try_this, self.question, self.feedback = (
            QLabel() for _ in range(6))
        for label in (self.title, self.text, self.try_this, self.question, self.feedback):
            label.setWordWrap(True)
        self.choices_box = QVBoxLayout()
        self.group = QButtonGroup(self)
        self.check = QPushButton(tr("&Check answer"))
        self.back, self.next, self.exit = QPushButton(tr("&Back")), QPushButton(tr("&Next")), QPushButton(tr("E&xit"))
        self.next.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.exit)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        buttons.addWidget(self.next)
        layout = QVBoxLayout(self)
        for w in (self.progress, self.title, self.text, self.try_this, self.question):
            layout.addWidget(w)
        layout.addLayout(self.choices_box)
        layout.addWidget(self.check, 0, Qt.AlignLeft)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)

    def show_step(self, step: TourStep, number: int, total: int) -> None:
        self.progress.setText(tr("Tour: step {0} of {1}").format(number, total))
        self.title.setText(step.title)
        self.text.setText(step.text)
        self.try_this.setText(tr("<b>Try this:</b> {0}").format(step.try_this))
        self.question.setText(tr("<b>Check:</b> {0}").format(step.question))
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()
        while self.choices_box.count():  # the rows of the step before
            row = self.choices_box.takeAt(0).widget()
            row.deleteLater()
        for i, choice in enumerate(step.choices):  # a radio button and a wrapping label: long answers fit
            row, button, label = QWidget(), QRadioButton(), QLabel(choice.text)
            button.setAccessibleName(choice.text)
            label.setWordWrap(True)
            label.setBuddy(button)
            label.mousePressEvent = lambda _event, b=button: b.click()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(button, 0, Qt.AlignTop)
            line.addWidget(label, 1)
            self.group.addButton(button, i)
            self.choices_box.addWidget(row)
        self.feedback.clear()
        self.back.setEnabled(number > 1)
        self.next.setText(tr("&Next") if number < total else tr("&Finish"))


class TourOverlay(QWidget):
    finished = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window_, self.settings, self.appearance = window, window.settings, window.appearance
        self.steps = tour_steps(STAGES)
        self.index = 0
        self.card = TourCard(window)  # the window's child, not the overlay's: the overlay's mask would clip it
        self.card.hide()
        self.card.back.clicked.connect(lambda: self.go(self.index - 1))
        self.card.next.clicked.connect(self._next)
        self.card.exit.clicked.connect(self.exit)
        self.card.check.clicked.connect(self._check)
        self.escape = QShortcut(QKeySequence(Qt.Key_Escape), window, self.exit)
        self.escape.setEnabled(False)
        self.follow = QTimer(self, interval=250)  # the highlighted widget moves while layouts settle
        self.follow.timeout.connect(self.place)
        window.installEventFilter(self)
        self.appearance.changed.connect(self._restyle)
        self.hide()

    # ---- running --------------------------------------------------------------------------------------
    def start(self, index: int | None = None) -> None:
        if index is None:
            saved = self.settings.value(STEP_KEY, 0)
            index = int(saved) if str(saved).isdigit() and int(saved) < len(self.steps) else 0
        self.setGeometry(self.window_.rect())
        self.show()
        self.raise_()
        self.card.show()
        self.card.raise_()
        self.escape.setEnabled(True)
        self.follow.start()
        self._restyle()
        self.go(index)

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))
        self.settings.setValue(STEP_KEY, self.index)
        step, w = self.steps[self.index], self.window_
        if step.place in TAB_OF:
            w.tabs.setCurrentIndex(TAB_OF[step.place])
        else:
            w.tabs.setCurrentIndex(0)
            w.show_stage(step.place)
            if step.prompt is not None and not w.prompt.isReadOnly() and w.prompt_text() != step.prompt:
                w.set_prompt(step.prompt)
        self.card.show_step(step, self.index + 1, len(self.steps))
        self.card.setFocus()
        self.place()

    def _next(self) -> None:
        if self.index + 1 < len(self.steps):
            self.go(self.index + 1)
        else:
            self.settings.setValue(STEP_KEY, 0)  # finished: next time from the start
            self.exit(save=False)

    def exit(self, save: bool = True) -> None:
        if save:
            self.settings.setValue(STEP_KEY, self.index)
        self.follow.stop()
        self.escape.setEnabled(False)
        self.hide()
        self.card.hide()
        self.finished.emit()

    def _check(self) -> None:
        chosen = self.card.group.checkedId()
        if chosen < 0:
            self.card.feedback.setText(tr("Choose an answer first."))
            return
        choice = self.steps[self.index].choices[chosen]
        # Okabe-Ito blue / vermilion, never green against red; the words say it too
        colour = "#0072B2" if choice.right else "#D55E00"
        mark = tr("Yes.") if choice.right else tr("Not quite.")
        self.card.feedback.setText(f"<span style='color:{colour}'><b>{mark}</b></span> {choice.feedback}")

    # ---- geometry -------------------------------------------------------------------------------------
    def target(self) -> QWidget:
        """The widget the current step highlights."""
        step, w = self.steps[self.index], self.window_
        if step.place in TAB_OF:
            return w.tabs.widget(TAB_OF[step.place])
        panel = w.panels[step.place]
        widget = panel
        for name in filter(None, step.target.split(".")):
            widget = getattr(widget, name, None)
            if not isinstance(widget, QWidget) or not widget.isVisible():
                return panel
        return widget

    def hole(self) -> QRect:
        target = self.target()
        if not target.isVisible():
            return QRect()
        rect = self.on_screen(target)
        return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN).intersected(self.rect())

    def on_screen(self, widget: QWidget) -> QRect:
        """The widget's rectangle in window coordinates, cut to every ancestor (a stage in a scroll area
        shows only the part inside the viewport). Not visibleRegion(): that leaves out the area children
        cover, which for a plot is nearly all of it."""
        rect = QRect(widget.mapTo(self.window_, QPoint(0, 0)), widget.size())
        parent = widget.parentWidget()
        while parent is not None and parent is not self.window_:
            rect = rect.intersected(QRect(parent.mapTo(self.window_, QPoint(0, 0)), parent.size()))
            parent = parent.parentWidget()
        return rect

    def place(self) -> None:
        if not self.isVisible():
            return
        self.setGeometry(self.window_.rect())
        hole = self.hole()
        self.setMask(QRegion(self.rect()).subtracted(QRegion(hole)))
        self._place_card(hole)
        self.hole_rect = hole
        self.update()

    def _place_card(self, hole: QRect) -> None:
        """Beside the hole on the side with most room; over a corner of it when no side has room enough."""
        card, wanted = self.card, int(400 * self.appearance.scale)
        room = {"right": self.width() - hole.right() - 24, "left": hole.left() - 24,
                "below": self.height() - hole.bottom() - 24, "above": hole.top() - 24}
        side = max(room, key=room.get) if not hole.isNull() else "none"
        beside = side in ("right", "left") and room[side] >= min(wanted, 300)
        width = min(wanted, room[side]) if beside else min(wanted, self.width() - 20)
        card.setFixedWidth(max(200, width))
        layout = card.layout()
        needed = layout.totalHeightForWidth(card.width()) if layout.hasHeightForWidth() else card.sizeHint().height()
        card.setFixedHeight(min(needed, self.height() - 20))
        if beside:
            x = hole.right() + 12 if side == "right" else hole.left() - card.width() - 12
            y = hole.top()
        elif side in ("below", "above") and room[side] >= card.height():
            x = hole.left()
            y = hole.bottom() + 12 if side == "below" else hole.top() - card.height() - 12
        else:  # over the hole's bottom-right corner
            x, y = self.width() - card.width() - 16, self.height() - card.height() - 16
        card.move(max(10, min(x, self.width() - card.width() - 10)),
                  max(10, min(y, self.height() - card.height() - 10)))
        card.raise_()

    def _restyle(self) -> None:
        a = self.appearance
        self.card.setFont(a.font())
        self.card.title.setFont(a.font(1.3, bold=True))
        self.card.progress.setStyleSheet(f"color: {a.hex('muted')}")
        pal = self.card.palette()
        pal.setColor(self.card.backgroundRole(), a.color("bg"))
        self.card.setPalette(pal)
        self.card.setObjectName("tourCard")
        self.card.setStyleSheet(f"#tourCard {{ border: {max(2, round(2 * a.scale))}px solid {a.hex('accent')}; "
                                f"border-radius: 6px; background: {a.hex('bg')}; }}")
        self.place()

    # ---- events ---------------------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        if obj is self.window_ and event.type() == QEvent.Resize:
            self.place()
        return False

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(0, 0, 0, 120))  # the mask keeps the hole clear
        if not self.hole_rect.isNull():
            pen = QPen(QColor(self.appearance.hex("accent")), max(3, int(3 * self.appearance.scale)))
            p.setPen(pen)
            p.drawRect(self.hole_rect.adjusted(-2, -2, 1, 1))

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key_Right, Qt.Key_PageDown):
            self._next()
        elif event.key() in (Qt.Key_Left, Qt.Key_PageUp):
            self.go(self.index - 1)
        else:
            super().keyPressEvent(event)

    hole_rect = QRect()


def offer_once(window) -> None:
    """On a first launch, offer the tour once (never again, whatever the answer)."""
    if str(window.settings.value(OFFERED_KEY, "false")).lower() == "true":
        return
    window.settings.setValue(OFFERED_KEY, "true")
    box = QMessageBox(QMessageBox.Question, tr("Welcome to LM Anatomy"),
                      tr("New here? A short guided tour walks through the model stage by stage, with one thing to "
                         "try and one question at each stop. You can open it later from Help ▸ Guided tour."),
                      QMessageBox.Yes | QMessageBox.No, window)
    box.button(QMessageBox.Yes).setText(tr("Start the tour"))
    box.button(QMessageBox.No).setText(tr("Not now"))
    box.setModal(False)
    box.button(QMessageBox.Yes).clicked.connect(lambda: window.tour.start())
    box.show()
    window.tour_offer = box
