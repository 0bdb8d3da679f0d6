"""The row above the stages: the prompt box (plain text, capped in size), Clear, the model pickers."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QWidget

from app.i18n import tr

from .model_picker import ModelPicker

# The model reads at most its context window (256 tokens for the shipped model, 1,024 for GPT-2), a
# few thousand characters. The box holds far more than that, but not megabytes: a 1 MB paste froze
# the window for 45 s and every key in a 1 MB prompt cost 0.8 s of text layout.
MAX_PROMPT_CHARS = 20_000


class PromptEdit(QPlainTextEdit):
    clipped = Signal(int)  # characters that did not fit

    def __init__(self):
        super().__init__()
        self.setPlaceholderText(tr("Type a prompt… (for example: To be, or not to be)"))
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source) -> None:
        """A paste or a drop that would overfill the box is cut before it is laid out."""
        text = source.text() if source.hasText() else ""
        selected = len(self.textCursor().selectedText())
        room = MAX_PROMPT_CHARS - (len(self.toPlainText()) - selected)
        if len(text) <= room:
            super().insertFromMimeData(source)
            return
        self.textCursor().insertText(text[:max(0, room)])
        self.clipped.emit(len(text) - max(0, room))

    def set_text(self, text: str) -> None:
        self.setPlainText(text[:MAX_PROMPT_CHARS])
        if len(text) > MAX_PROMPT_CHARS:
            self.clipped.emit(len(text) - MAX_PROMPT_CHARS)

    def keyPressEvent(self, event) -> None:
        full = len(self.toPlainText()) >= MAX_PROMPT_CHARS and not self.textCursor().hasSelection()
        if full and event.text() and event.text().isprintable():
            self.clipped.emit(len(event.text()))
            return
        super().keyPressEvent(event)


class PromptBar(QWidget):
    def __init__(self, picker: ModelPicker):
        super().__init__()
        self.prompt = PromptEdit()
        self.prompt.setMaximumHeight(72)
        self.clear_button = QPushButton(tr("Clear"))
        self.clear_button.setToolTip(tr("Empty the prompt box and the generated text"))
        self.clear_button.clicked.connect(lambda: self.prompt.set_text(""))
        self.picker = picker
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.prompt, 1)
        row.addWidget(self.clear_button, 0, Qt.AlignTop)
        row.addWidget(self.picker)
