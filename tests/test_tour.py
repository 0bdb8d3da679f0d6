"""The guided tour (issue 16): it visits every stage in curriculum order, every highlight is a visible
widget inside the window and outside the card, the keyboard drives it, progress is kept per user, the
check questions answer, and it fits in presentation mode on a small screen."""
from __future__ import annotations

import pytest
from _gui import open_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.explore.stages import STAGES
from app.tour import STEP_KEY, offer_once
from app.tour_steps import tour_steps
from model.paths import default_model_dir


@pytest.fixture
def window(qtbot, tmp_path):
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        yield win
        win.tour.exit()


def test_the_tour_visits_every_stage_and_both_training_tabs():
    places = [s.place for s in tour_steps(STAGES)]
    assert set(STAGES) <= set(places) and {"tab:pretrain", "tab:finetune"} <= set(places)
    assert places[0] == "overview"  # the whole model first, then the data's path through it
    assert all(len(s.choices) >= 2 and sum(c.right for c in s.choices) == 1 for s in tour_steps(STAGES))


@pytest.mark.parametrize("size, presentation", [((1440, 880), False), ((1024, 640), True)])
def test_every_step_highlights_a_visible_widget_beside_the_card(qtbot, window, size, presentation):
    window.resize(*size)
    window.set_presentation(presentation)
    window.tour.start(0)
    try:
        for i in range(len(window.tour.steps)):
            window.tour.go(i)
            qtbot.waitUntil(window.is_idle, timeout=30000)  # a step's prompt is traced first
            qtbot.wait(50)
            window.tour.place()
            step, target = window.tour.steps[i], window.tour.target()
            assert target.isVisible(), step.place
            hole, card = window.tour.hole_rect, window.tour.card.geometry()
            assert not hole.isNull() and window.rect().contains(hole.center()), step.place
            shown = window.tour.on_screen(target)  # the highlight is the target's whole visible part
            assert hole.contains(shown) and shown.width() * shown.height() > 0.5 * target.width() * target.height() \
                or shown.height() >= 200, (step.place, shown, target.size())
            assert window.rect().contains(card), (step.place, card, window.rect())
            if step.place.startswith("tab:"):
                assert window.tabs.currentWidget() is target
            else:
                assert window.tabs.currentIndex() == 0 and window.current_stage == step.place
                assert target is window.panels[step.place] or window.panels[step.place].isAncestorOf(target)
            # the widget under the hole's centre is reachable (the overlay's mask lets clicks through)
            assert not window.tour.mask().contains(hole.center()), step.place
    finally:
        window.set_presentation(False)


def test_the_keyboard_drives_the_tour_and_progress_is_kept(qtbot, window):
    window.tour.start(0)
    window.tour.card.setFocus()
    QTest.keyClick(window.tour, Qt.Key_Right)
    QTest.keyClick(window.tour, Qt.Key_Right)
    assert window.tour.index == 2
    QTest.keyClick(window.tour, Qt.Key_Left)
    assert window.tour.index == 1
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.tour.card.next.setFocus()  # reached with Tab; Space or Return presses it
    QTest.keyClick(window.tour.card.next, Qt.Key_Space)
    QTest.keyClick(window.tour.card.next, Qt.Key_Space)
    assert window.tour.index == 3
    QTest.keyClick(window, Qt.Key_Escape)
    assert not window.tour.isVisible()
    assert int(window.settings.value(STEP_KEY)) == 3
    window.tour.start()  # resumes where it was left
    assert window.tour.index == 3 and window.tour.isVisible()


def test_a_check_question_gives_feedback(qtbot, window):
    window.tour.start(0)
    step = window.tour.steps[0]
    window.tour.card.check.click()
    assert "Choose an answer" in window.tour.card.feedback.text()
    right = next(i for i, c in enumerate(step.choices) if c.right)
    wrong = next(i for i, c in enumerate(step.choices) if not c.right)
    window.tour.card.group.button(wrong).click()
    window.tour.card.check.click()
    assert "Not quite" in window.tour.card.feedback.text()
    window.tour.card.group.button(right).click()
    window.tour.card.check.click()
    assert "Yes." in window.tour.card.feedback.text() and step.choices[right].feedback in window.tour.card.feedback.text()


def test_the_last_step_finishes_and_the_next_tour_starts_over(qtbot, window):
    window.tour.start(len(window.tour.steps) - 1)
    assert window.tour.card.next.text() == "&Finish"
    window.tour.card.next.click()
    assert not window.tour.isVisible() and int(window.settings.value(STEP_KEY)) == 0


def test_a_step_with_a_prompt_sets_it_unless_the_prompt_is_locked(qtbot, window):
    index = next(i for i, s in enumerate(window.tour.steps) if s.prompt)
    window.prompt.setReadOnly(True)  # what a scenario's prompt lock does
    window.set_prompt("teacher's prompt")
    window.tour.start(index)
    assert window.prompt_text() == "teacher's prompt"
    window.prompt.setReadOnly(False)
    window.tour.go(index)
    assert window.prompt_text() == window.tour.steps[index].prompt


def test_the_tour_is_offered_once(qtbot, window):
    offer_once(window)
    first = window.tour_offer
    assert first.isVisible()
    first.close()
    offer_once(window)
    assert window.tour_offer is first  # not offered again
