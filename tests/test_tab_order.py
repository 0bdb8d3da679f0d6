"""Tab order (#16 item 4) on every explorer stage and both training tabs: from the page's first control, Tab
walks the whole window and comes back to it; every visible, enabled control on the page is reached on the way;
focus never stays put; every widget it reaches shows the focus as app/common/focus.py draws it (a ring of its
own, or the one ring that follows the focus over Qt's controls); a scroll area is a stop only while it has
something to scroll. Shift+Tab walks the same way back."""
from __future__ import annotations

import pytest
from _gui import open_window, type_and_wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QRadioButton, QScrollArea, QWidget

from app.common import access
from app.common.focus import FocusRing
from app.explore.stages import NEEDS_TRACE, STAGES
from model.paths import default_model_dir

PROMPT = "To be, or not to be, that is the question"
MAX_PRESSES = 500  # a full lap of the busiest page is under 150 presses
MAX_STAY = 40  # presses one widget may keep the focus: a lesson walks its links with Tab before letting go


@pytest.fixture
def window(qtbot, tmp_path):
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        type_and_wait(qtbot, win, PROMPT)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
        yield win


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.TabFocus) and widget.isVisible() and widget.isEnabled()


def operable(page: QWidget) -> list[QWidget]:
    """The page's controls on screen, and its plots and pictures that take the keyboard focus."""
    return [w for w in page.findChildren(QWidget) if access.needs_text(w) and w.isVisible() and w.isEnabled()
            and (isinstance(w, access.INPUTS) or w.focusPolicy() & Qt.TabFocus)]


def first_control(page: QWidget) -> QWidget:
    """The page's first widget in the focus chain that Tab stops at."""
    w = page.nextInFocusChain()
    while w is not page:
        if page.isAncestorOf(w) and takes_tab(w) and w.focusProxy() is None:
            return w
        w = w.nextInFocusChain()
    raise AssertionError(f"{type(page).__name__} has no control that Tab stops at")


def ring_shown(win, widget: QWidget) -> bool:
    """focus.py's rule: a widget with a ring of its own shows it; any other shows the follower's ring."""
    own = getattr(widget, "_focus_ring", None)
    follower = win.focus_follower.ring
    ring = own if isinstance(own, FocusRing) else (follower if follower is not None and follower.target is widget
                                                    else None)
    return ring is not None and ring.isVisible() and ring.geometry() == widget.rect() and not widget.rect().isEmpty()


def can_scroll(area: QScrollArea) -> bool:
    """A scroll area is worth a Tab stop only while its keys scroll it (the long block stage, a small screen)."""
    return area.verticalScrollBar().maximum() > 0 or area.horizontalScrollBar().maximum() > 0


def lap(qtbot, win, first: QWidget, key) -> tuple[list[QWidget], list[str]]:
    """Press `key` from `first` until the focus is back on it: the widgets reached, in order, and problems."""
    first.setFocus(Qt.TabFocusReason)
    qtbot.waitUntil(first.hasFocus, timeout=5000)
    reached, problems, stay = [first], [], 0
    for _ in range(MAX_PRESSES):
        before = QApplication.focusWidget()
        qtbot.keyClick(before, key)
        now = QApplication.focusWidget()
        if now is None:
            return reached, problems + [f"the focus left the window after {name(before)}"]
        stay = stay + 1 if now is before else 0
        if stay > MAX_STAY:
            return reached, problems + [f"stuck on {name(now)}"]
        if not ring_shown(win, now):
            problems.append(f"no focus ring on {name(now)}")
        if isinstance(now, QScrollArea) and not can_scroll(now):
            problems.append(f"a stop that does nothing: {name(now)} has nothing to scroll")
        if now is first:
            return reached, problems
        if now is not before:
            reached.append(now)
    return reached, problems + [f"never came back to {name(first)} in {MAX_PRESSES} presses"]


def name(widget: QWidget) -> str:
    return f"{access.owner_key(widget)} ({type(widget).__name__}: {access.accessible_text(widget)[0]!r})"


def missed(page: QWidget, seen: set) -> list[str]:
    # Tab reaches the checked button of a group of radio buttons; the arrow keys move within the group
    def reached(w):
        return w in seen or (isinstance(w, QRadioButton) and any(
            isinstance(s, QRadioButton) and s.parentWidget() is w.parentWidget() for s in seen))

    return [name(w) for w in operable(page) if not reached(w)]


def pages(qtbot, win):
    """(label, page) for each explorer stage, shown and drawn, then each training tab."""
    for key in STAGES:
        win.show_stage(key)
        if key in NEEDS_TRACE:
            qtbot.waitUntil(lambda: win.panels[key].trace is not None, timeout=20000)
        qtbot.wait(50)
        yield key, win.tabs.widget(0)  # the stage with the prompt bar, stage list and lesson around it
    for index in range(1, win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        yield win.tabs.tabText(index), win.tabs.widget(index)


def test_tab_walks_every_page_and_comes_back(qtbot, window):
    assert window.tabs.count() == 3  # the explorer and both training tabs
    problems = {}
    for label, page in pages(qtbot, window):
        first = first_control(page)
        forward, trouble = lap(qtbot, window, first, Qt.Key_Tab)
        trouble += missed(page, set(forward))
        backward, back_trouble = lap(qtbot, window, first, Qt.Key_Backtab)
        trouble += back_trouble
        # the same widgets the other way round (a widget passed twice, a lesson's links, counts once)
        distinct = lambda ws: list(dict.fromkeys(ws))  # noqa: E731
        if not trouble and distinct(forward[1:])[::-1] != distinct(backward[1:]):
            trouble.append("Shift+Tab does not retrace Tab")
        if trouble:
            problems[label] = trouble
    assert problems == {}, "\n".join(f"{page}: {line}" for page, lines in problems.items() for line in lines)
