"""The layout every training panel shares: its settings on the left, the run in the middle, the
lesson on the right, in a splitter the user can drag."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ..appearance import Appearance
from ..pages import LessonPane


def lesson_columns(panel: QWidget, left: QWidget, center: QWidget, appearance: Appearance, lesson: str,
                   sizes: list[int], anchor: str = "") -> LessonPane:
    """Lay `panel` out as left | center | lesson (the lesson named `lesson`, opened at the section
    `anchor` if given); the center takes spare width."""
    pane = LessonPane(appearance)
    pane.setMinimumWidth(200)
    pane.show_lesson(lesson, anchor)
    split = QSplitter(Qt.Horizontal)
    split.addWidget(left)
    split.addWidget(center)
    split.addWidget(pane)
    split.setStretchFactor(1, 1)
    split.setSizes(sizes)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(split)
    return pane
