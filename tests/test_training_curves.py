"""The live training curves: what they draw equals the records, and the ranges the panel sets.

The x axis spans the whole run and the y axis starts at 0 and only grows, by round numbers, so
that a redraw does not move the axes (which cost a second paint of every plot, see curves.py)."""
from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytest import approx

from app.common.appearance import Appearance
from app.training.curves import TrainingCurves, round_up
from model.train import Metrics


def record(step: int, loss: float, lr: float = 1e-3, total: int = 500, val=None, tps=20_000.0, grad=1.0) -> Metrics:
    return Metrics(step=step, total_steps=total, tokens_seen=step * 100, train_loss=loss, val_loss=val,
                   learning_rate=lr, grad_norm=grad, tokens_per_second=tps, elapsed=0.0, eta=1.0)


@pytest.fixture
def curves(qtbot):
    c = TrainingCurves(Appearance())
    qtbot.addWidget(c)
    c.resize(800, 500)
    c.show()
    return c


def view(curves, key):
    (x0, x1), (y0, y1) = curves.plots[key].getViewBox().viewRange()
    return x0, x1, y0, y1


@pytest.mark.parametrize("value, expected", [(0.0031, 0.004), (3.0, 3.0), (7.7, 8.0), (8.1, 10.0), (1.01, 1.2),
                                             (37_000, 40_000), (0.95, 1.0), (120, 120)])
def test_round_up_picks_the_next_round_number(value, expected):
    assert math.isclose(round_up(value), expected)


def test_round_up_refuses_what_has_no_scale():
    for bad in (0.0, -1.0, math.nan, math.inf):
        with pytest.raises(ValueError):
            round_up(bad)


def test_the_curves_draw_the_records_and_span_the_whole_run(curves):
    curves.add([record(s, 6.0 - s / 100, lr=s * 1e-5, val=5.9 if s == 20 else None) for s in range(5, 55, 5)])
    xs, ys = curves.train_curve.getData()
    assert list(xs) == list(range(5, 55, 5)) and np.allclose(ys, [6.0 - s / 100 for s in xs])
    assert list(curves.val_curve.getData()[1]) == [5.9]
    for key in curves.plots:  # the x axis is the run's 500 steps, not the 50 trained so far
        assert view(curves, key)[:2] == approx((0, 500))
    assert view(curves, "loss")[2:] == approx((0, 8.0))  # 1.05 × 5.95, rounded up
    assert view(curves, "lr")[2:] == approx((0, 0.0006))  # 1.05 × 5e-4 = 5.25e-4 -> 6e-4
    assert view(curves, "tps")[2:] == approx((0, 25_000))  # 1.1 × 20,000 = 22,000 -> 25,000


def test_the_y_range_only_grows_and_starts_once_there_is_data(curves):
    curves.add([record(5, 2.0, lr=0.0)])  # warm-up: the learning rate is still 0
    assert view(curves, "loss")[2:] == approx((0, 2.5))
    assert "lr" not in curves.y_top  # nothing to scale to yet: the range waits for data
    curves.add([record(10, 1.0, lr=2e-3)])
    assert view(curves, "loss")[2:] == approx((0, 2.5))  # the loss fell: the axis stays
    assert view(curves, "lr")[2:] == approx((0, 0.0025))
    curves.add([record(15, 3.5)])
    assert view(curves, "loss")[2:] == approx((0, 4.0))  # a rise beyond the top moves it up


def test_a_hand_zoom_is_kept_until_a_double_click_gives_the_range_back(qtbot, curves):
    curves.add([record(5, 4.0)])
    vb = curves.plots["loss"].getViewBox()
    vb.scaleBy((0.5, 0.5))  # as a mouse wheel would, then say it was the user
    vb.sigRangeChangedManually.emit(vb.state["mouseEnabled"])
    zoomed = view(curves, "loss")
    curves.add([record(10, 3.9)])
    assert view(curves, "loss") == zoomed and not curves.following["loss"]
    assert view(curves, "lr")[:2] == approx((0, 500))  # the other plots still follow
    # a double-click in the plot gives the range back; QTest's mouseDClick sends the double-click
    # event alone, so send what a real double-click delivers: press, release, double-click, release
    viewport = curves.plots["loss"].viewport()
    centre = viewport.rect().center()
    qtbot.mouseClick(viewport, Qt.LeftButton, pos=centre)
    assert not curves.following["loss"]  # a single click does not
    qtbot.mouseDClick(viewport, Qt.LeftButton, pos=centre)
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=centre)
    assert curves.following["loss"]
    assert view(curves, "loss") == approx((0, 500, 0, 5.0))


def test_load_spans_the_finished_run_and_overlays_widen_the_view(curves):
    steps = np.arange(10, 310, 10, dtype=float)
    curves.load({"step": steps, "train_loss": 5 - steps / 100, "val_loss": np.full_like(steps, np.nan),
                 "learning_rate": np.full_like(steps, 1e-3), "tokens_per_second": np.full_like(steps, 1e4),
                 "grad_norm": np.ones_like(steps)})
    assert view(curves, "loss")[:2] == approx((0, 300)) and curves.point_count() == 30
    longer = {"step": np.arange(0, 1001, 100, dtype=float), "train_loss": np.linspace(9, 2, 11)}
    curves.set_overlays({"older": ("older run", longer)})
    assert view(curves, "loss") == approx((0, 1000, 0, 10.0))  # the overlay's 9.0 × 1.05, rounded up


def test_the_run_length_spans_the_x_axes_before_the_first_point(curves):
    curves.add([record(5, 3.0)])
    curves.clear()
    curves.set_run_length(1200)
    for key in curves.plots:
        assert view(curves, key)[:2] == approx((0, 1200))
    curves.add([record(5, 3.0, total=1200)])
    assert view(curves, "loss") == approx((0, 1200, 0, 4.0))
