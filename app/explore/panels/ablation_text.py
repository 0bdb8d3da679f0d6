"""How switched-off parts are named: in the status line, on the before/after panel and in exports.

Layers and heads count from 1 on screen ("L1 H2"), as the attention grid labels them.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.i18n import tr


def ablation_parts(ablation) -> str:
    """ "switched off: L1 H2, L3 H1, MLP 2" ('' for the whole model); layers and heads count from 1."""
    if not ablation:
        return ""
    parts = [f"L{layer + 1} H{head + 1}" for layer, head in sorted(ablation.heads)]
    parts += [tr("MLP {0}").format(layer + 1) for layer in sorted(ablation.mlps)]
    return tr("switched off: {0}").format(", ".join(parts))


def ablation_summary(ablation) -> str:
    """The status line's warning: how many parts are off and what that means for the numbers on screen."""
    if not ablation:
        return ""
    heads, mlps = len(ablation.heads), len(ablation.mlps)
    counts = [tr("1 head") if heads == 1 else tr("{0} heads").format(heads)] if heads else []
    counts += [tr("1 MLP") if mlps == 1 else tr("{0} MLPs").format(mlps)] if mlps else []
    return tr("{0} switched off: every stage shows the changed model").format(
        tr(" and ").join(counts))


class AblationStatus(QLabel):
    """In the window's status bar while parts are switched off (hidden otherwise): an ablated model's numbers
    are never taken for the whole model's, on any stage or tab."""

    def __init__(self, session, appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        appearance.changed.connect(self._style)
        session.ablation_changed.connect(self.show_ablation)
        self._style()
        self.show_ablation(session.ablation)

    def _style(self) -> None:
        self.setStyleSheet(f"color: {self.appearance.hex('generated')}; font-weight: bold")
        self.setMinimumWidth(self.sizeHint().width() if self.text() else 0)  # presentation fonts are wider

    def show_ablation(self, ablation) -> None:
        self.setText(ablation_summary(ablation))
        self.setToolTip(ablation_parts(ablation))
        self.setMinimumWidth(self.sizeHint().width())  # never cut: the trace's status line beside it yields first
        self.setVisible(bool(ablation))
