"""The Tokens stage's comparison row (TokenStrip): boxes wrap like words, heights follow the width, and
what is drawn is also said (accessible description)."""
from __future__ import annotations

from PySide6.QtGui import QFontMetricsF

from app.common.appearance import Appearance
from app.explore.panels.token_strip import FONT_SCALE, TokenStrip


def test_boxes_wrap_to_the_width_and_the_height_counts_the_lines(qtbot):
    strip = TokenStrip(Appearance())
    qtbot.addWidget(strip)
    labels = [" to", " be", ",", " or", " not"] * 8
    strip.set_tokens(labels, "… and 3 more")
    metrics = QFontMetricsF(strip.appearance.font(FONT_SCALE))
    line = metrics.height() + 4
    widest = sum(strip._widths) + metrics.horizontalAdvance(" ") * len(labels) + 400
    assert strip.heightForWidth(int(widest)) == int(line) + 1  # one line holds every box and the note
    places, height, more_at = strip._places(120)
    rows = sorted({y for _x, y in places})
    assert len(rows) > 3 and height == (more_at[1] + line)
    for (x, y), w in zip(places, strip._widths):  # no box runs past the width unless it starts a line
        assert x == 0 or x + w <= 120
    assert strip.accessibleDescription().startswith("·to | ·be | , | ·or | ·not")
    assert strip.accessibleDescription().endswith("… and 3 more")


def test_a_new_text_size_measures_again(qtbot):
    appearance = Appearance()
    strip = TokenStrip(appearance)
    qtbot.addWidget(strip)
    strip.set_tokens([" king"])
    before = strip._widths[0]
    appearance.zoom = 2.0
    strip.set_tokens([" king"])  # the same tokens, a larger font: the boxes grow
    assert strip._widths[0] > 1.6 * before
