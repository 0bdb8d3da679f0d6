"""The layout every training panel shares: its settings on the left, the run in the middle, the
lesson on the right, in a splitter the user can drag."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLayout,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..common.appearance import Appearance
from ..common.pages import LessonPane


def lesson_columns(panel: QWidget, left: QWidget, center: QWidget, appearance: Appearance, lesson: str,
                   sizes: list[int], anchor: str = "") -> LessonPane:
    """Lay `panel` out as left | center | lesson (the lesson named `lesson`, opened at the section
    `anchor` if given); the center takes spare width."""
    if not isinstance(left, QScrollArea):
        # The settings scroll rather than set the window's height: a school laptop's 1024x640 screen
        # has about 520 px for a tab, less than the continued-training column's four groups.
        scroll = QScrollArea()
        scroll.setWidget(left)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(left.minimumSizeHint().width())
        left = scroll
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


def run_column(parts: list, body: QWidget | None = None, stretch: int = 1) -> QWidget:
    """The middle column: `parts` (widgets or layouts: the Start row, the status line, ...) above
    `body`, which takes the spare height."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(4, 0, 4, 0)
    _stack(layout, [*parts, *([(body, stretch)] if body is not None else [])])
    return column


def scrolled(widget: QWidget, min_width: int) -> QScrollArea:
    """`widget` in a vertical scroll area at least `min_width` wide."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setMinimumWidth(min_width)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    return scroll


def splitter(*widgets: QWidget, stretch: tuple[int, ...] = (), vertical: bool = True) -> QSplitter:
    split = QSplitter(Qt.Vertical if vertical else Qt.Horizontal)
    for i, w in enumerate(widgets):
        split.addWidget(w)
        if i < len(stretch):
            split.setStretchFactor(i, stretch[i])
    return split



def group(title: str, *parts) -> QGroupBox:
    """`parts` one under another in a box titled `title`; a part is a widget or layout, or (part, stretch)."""
    box = QGroupBox(title)
    _stack(QVBoxLayout(box), parts)
    return box


def column(*parts, into: QWidget | None = None) -> QWidget:
    """`parts` (as in group) one under another, without a frame or margins (in `into`, or a new widget)."""
    widget = into if into is not None else QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    _stack(layout, parts)
    return widget


def _stack(layout: QVBoxLayout, parts) -> None:
    for part in parts:
        part, stretch = part if isinstance(part, tuple) else (part, 0)
        layout.addLayout(part, stretch) if isinstance(part, QLayout) else layout.addWidget(part, stretch)
