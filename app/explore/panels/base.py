"""What every stage panel shares: the appearance, a model, a trace, an optional notice line."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget

from app.i18n import tr

from ...common.appearance import Appearance


class Panel(QWidget):
    name = ""  # the stage key: "tokens", "attention", ...
    title = ""  # marked QT_TR_NOOP in each panel; an instance holds it translated
    stage_requested = Signal(str)  # ask the window to show another stage

    def __init__(self, appearance: Appearance | None = None, parent=None):
        super().__init__(parent)
        self.appearance = appearance or Appearance()
        self.title = tr(type(self).title) if type(self).title else ""
        self.info = None  # app.engine.ModelInfo
        self.trace = None
        self.first_generated = -1  # index in the trace of the first token the model generated (-1: none)
        self.appearance.changed.connect(self.apply_appearance)

    def set_model(self, info) -> None:
        self.info = info

    def set_generated_from(self, index: int) -> None:
        self.first_generated = index

    def render(self, trace) -> None:
        self.trace = trace

    def apply_appearance(self) -> None:
        """Restyle: re-render now if on screen, otherwise when next shown (the window checks `trace`)."""
        if self.trace is not None:
            if self.isVisible():
                self.render(self.trace)
            else:
                self.trace = None

    def tables(self) -> dict[str, QTableWidget]:
        """Tables this panel can export to CSV."""
        return {}

    def plots(self) -> dict[str, QWidget]:
        """Plots this panel can export as images (name -> widget)."""
        return {}


def count(n: int, one: str, many: str) -> str:
    """ "1 token", "2 tokens", "1,024 tokens": the noun agrees with the number."""
    return f"{n:,} {one if n == 1 else many}"


def heading(text: str, appearance: Appearance) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)  # long headings wrap rather than widen the window
    label.setFont(appearance.font(1.15, bold=True))
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    appearance.changed.connect(lambda: label.setFont(appearance.font(1.15, bold=True)))
    return label


def note(text: str = "", appearance: Appearance | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.RichText)
    if appearance is not None:
        label.setStyleSheet(f"color: {appearance.hex('muted')}")
        appearance.changed.connect(lambda: label.setStyleSheet(f"color: {appearance.hex('muted')}"))
    return label
