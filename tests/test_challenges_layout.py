"""The Challenges ▸ Compute page at a small projector's 1024x640, presentation mode on and off: no two of its
widgets overlap (the "What if" heading was drawn over the model table's last row); the page scrolls instead."""
from __future__ import annotations

import pytest
from _gui import open_window
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget


def overlaps(page: QWidget) -> list[tuple[str, str, QRect, QRect]]:
    """Pairs of visible widgets laid out on `page` (its direct children) whose rectangles, mapped to the page,
    share pixels."""
    kids = [w for w in page.findChildren(QWidget) if w.parentWidget() is page and w.isVisible()]
    rects = [(w, QRect(w.mapTo(page, w.rect().topLeft()), w.size())) for w in kids]
    found = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1:]:
            if ra.intersects(rb):
                name = lambda w: f"{type(w).__name__}({getattr(w, 'text', lambda: '')()!r:.30})"  # noqa: E731
                found.append((name(a), name(b), ra, rb))
    return found


@pytest.fixture
def language(qapp, request):
    from app.i18n import install

    install(qapp, request.param)
    yield request.param
    install(qapp, "en")


@pytest.mark.parametrize("language, presentation", [("en", True), ("en", False), ("es", True)], indirect=["language"])
def test_no_compute_widgets_overlap_at_1024x640(qtbot, tmp_path, language, presentation):
    from test_layout_small import model_dir, resize, settle

    with open_window(qtbot, tmp_path, model_dir()) as win:
        resize(qtbot, win, 1024, 640)
        win.appearance.update(presentation=presentation)
        settle(qtbot, win, "challenges")
        panel = win.panels["challenges"]
        panel.show_tab("compute")
        qtbot.wait(150)
        page = panel.compute
        assert page.isVisible() and page.height() > 0
        assert overlaps(page) == []
        assert (win.width(), win.height()) == (1024, 640)
