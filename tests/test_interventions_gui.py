"""Switching heads and MLPs off in the window: the grid's click modes, before/after, Clear, the status line,
"Which heads matter here?" on the worker, stale scans, exports, a model change, and GPT-2 folders."""
from __future__ import annotations

import csv

import numpy as np
import pytest
import torch
from _gui import TIMEOUT, open_window, type_and_wait
from PySide6.QtCore import QPointF, Qt

from app.common import figures
from app.common.sample import tiny_model_dir
from model.ablation import Ablation

PROMPT = "When shall we three meet again"


@pytest.fixture
def window(qtbot, tmp_path):
    with open_window(qtbot, tmp_path, tiny_model_dir()) as win:
        win.show_stage("attention")
        type_and_wait(qtbot, win, PROMPT)
        yield win


def click_cell(qtbot, panel, layer: int, head: int) -> None:
    """A real mouse click on the middle of (layer, head) in the grid."""
    mosaic = panel.mosaic
    n_layer, n_head, t, sep = mosaic.shape
    centre = QPointF(head * (t + sep) + t / 2, layer * (t + sep) + t / 2)
    scene = mosaic.image.mapToScene(centre)  # the image is drawn in mosaic coordinates (one unit a cell)
    qtbot.mouseClick(mosaic.plot.viewport(), Qt.LeftButton, pos=mosaic.plot.mapFromScene(scene))


def wait_for_trace(qtbot, win, action) -> object:
    with qtbot.waitSignal(win.trace_shown, timeout=TIMEOUT):
        action()
    qtbot.waitUntil(win.is_idle, timeout=TIMEOUT)
    return win.result


def test_a_click_looks_at_a_head_unless_switching_is_chosen(qtbot, window):
    panel = window.panels["attention"]
    controls = panel.ablation
    assert controls.look.isChecked()  # looking is the default: no head is switched off by accident
    click_cell(qtbot, panel, 1, 1)
    qtbot.wait(50)
    assert (panel.layer, panel.head) == (1, 1) and not window.session.ablation
    controls.switch.setChecked(True)
    result = wait_for_trace(qtbot, window, lambda: click_cell(qtbot, panel, 0, 1))
    assert window.session.ablation == Ablation(frozenset({(0, 1)}))
    assert (panel.layer, panel.head) == (1, 1)  # a switching click does not move the selection
    assert result.ablation == window.session.ablation and result.baseline is not None
    assert not panel.mosaic.off_cells.path().isEmpty()
    assert window.ablation_status.isVisible()
    assert window.ablation_status.text() == "1 head switched off: every stage shows the changed model"
    wait_for_trace(qtbot, window, lambda: click_cell(qtbot, panel, 0, 1))  # again: back on
    assert not window.session.ablation and panel.mosaic.off_cells.path().isEmpty()
    assert not window.ablation_status.isVisible()


def test_before_and_after_show_both_models_and_clear_restores_bit_for_bit(qtbot, window):
    panel = window.panels["attention"]
    original = window.trace
    assert not panel.comparison.showing
    window.session.toggle_head(0, 0)
    result = wait_for_trace(qtbot, window, lambda: window.session.toggle_mlp(1))
    assert window.session.ablation == Ablation(frozenset({(0, 0)}), frozenset({1}))
    assert not panel.ablation.mlp_checks[1].isChecked() and panel.ablation.mlp_checks[0].isChecked()
    assert panel.comparison.showing and panel.tabs.currentWidget() is panel.comparison
    before, after = panel.comparison.bar_values()
    tokens = panel.comparison.tokens
    assert np.array_equal(before, result.baseline.next_token_probs[tokens])
    assert np.array_equal(after, result.trace.next_token_probs[tokens])
    assert np.abs(before - after).max() > 1e-3 * before.max()  # the distributions differ (a near-uniform tiny model)
    assert np.array_equal(result.baseline.final_logits, original.final_logits)  # Before is the whole model
    assert window.ablation_status.text().startswith("1 head and 1 MLP switched off")
    # the lens beside it: the whole model's on the left, the changed model's on the right
    assert panel.comparison.lens_before.item(0, 0).data(Qt.UserRole) == int(result.baseline.lens_top_ids[0, -1, 0])
    assert panel.comparison.lens_after.item(0, 0).data(Qt.UserRole) == int(result.trace.lens_top_ids[0, -1, 0])
    # one button clears every part: the logits are the original ones, bit for bit
    assert panel.ablation.clear_button.isEnabled()
    cleared = wait_for_trace(qtbot, window, panel.ablation.clear_button.click)
    assert not window.session.ablation and cleared.baseline is None
    assert np.array_equal(cleared.trace.final_logits, original.final_logits)
    assert np.array_equal(cleared.trace.layers[-1].resid_post, original.layers[-1].resid_post)
    assert not panel.comparison.showing and panel.tabs.currentWidget() is panel.heatmap
    assert all(box.isChecked() for box in panel.ablation.mlp_checks) and not window.ablation_status.isVisible()
    # and so does the menu action
    wait_for_trace(qtbot, window, lambda: window.session.toggle_head(1, 0))
    wait_for_trace(qtbot, window, window.menus.clear_ablation_action.trigger)
    assert not window.session.ablation


def test_every_stage_and_decoding_follow_the_ablation_but_training_never_does(qtbot, window):
    model = window.session.engine.loaded.model
    weights = {k: v.clone() for k, v in model.state_dict().items()}
    original = window.trace
    changed = wait_for_trace(qtbot, window, lambda: window.session.toggle_head(1, 1)).trace
    assert not np.array_equal(changed.final_logits, original.final_logits)
    window.show_stage("output")
    assert window.panels["output"].trace is changed  # the Output stage shows the changed model's numbers
    # a decoding step chooses from the changed model's distribution
    wait_for_trace(qtbot, window, lambda: window.session.step(0.0, 0, 1.0))
    assert window.session.decoding.extra_ids == [int(np.argmax(changed.final_logits))]
    # the weights are untouched and the fast path (training, evaluation, export) sees the whole model
    assert all(torch.equal(v, weights[k]) for k, v in model.state_dict().items())
    with torch.no_grad():
        fast = model(torch.tensor([original.token_ids.tolist()]))[0][0, -1].numpy()
    np.testing.assert_allclose(fast, original.final_logits, atol=1e-5)


def test_which_heads_matter_colours_the_grid_with_progress(qtbot, window):
    panel, session = window.panels["attention"], window.session
    controls = panel.ablation
    progress = []
    session.scan_progress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(session.scan_ready, timeout=TIMEOUT, check_params_cb=lambda scan: scan is not None):
        controls.scan_button.click()
        assert controls.stop_button.isVisibleTo(panel) and controls.progress.isVisibleTo(panel)
    scan = session.scan
    n_layer, n_head = scan.drops.shape
    assert scan.complete and progress[-1] == (n_layer * n_head, n_layer * n_head)
    expected = session.engine.scan_heads(window.trace.token_ids, None).drops
    np.testing.assert_allclose(scan.drops, expected, atol=1e-6)
    np.testing.assert_array_equal(panel.mosaic.importance, scan.drops * 100)  # the grid shows those numbers
    assert controls.legend.isVisibleTo(panel) and not controls.stop_button.isVisibleTo(panel)
    high = controls.legend.labels()[2]
    assert high == f"{scan.colour_range():+.1f} pp: fell"
    shown = [item.toPlainText() for item in panel.mosaic.importance_labels.items if item.isVisible()]
    assert len(shown) == n_layer * n_head and all(shown)  # each tile's number, rounded to what fits
    for text, value in zip(shown, (scan.drops * 100).ravel()):
        assert abs(float(text) - value) <= (0.05 if "." in text else 0.5) + 1e-6
    # switching a head off makes the scan stale: the patterns come back
    wait_for_trace(qtbot, window, lambda: session.toggle_head(0, 0))
    assert session.scan is None and panel.mosaic.importance is None and not controls.legend.isVisibleTo(panel)


def test_a_scan_stops_when_asked_and_a_stale_one_never_shows(qtbot, window):
    session, controls = window.session, window.panels["attention"].ablation
    with qtbot.waitSignal(session.scan_ready, timeout=TIMEOUT):
        session.scan_heads()
        session.stop_scan()  # before the worker reaches its first batch
    assert session.scan is not None and not session.scan.complete
    assert "Stopped after 0 of" in controls.scan_note.text()
    assert not controls.stop_button.isVisibleTo(window.panels["attention"])
    # a scan overtaken by an edit is dropped: the grid is never coloured for another prompt
    shown = []
    session.scan_ready.connect(shown.append)
    session.scan_heads()
    type_and_wait(qtbot, window, PROMPT + " in thunder")
    qtbot.wait(200)
    assert session.scan is None and not session.scanning
    assert all(scan is None for scan in shown)
    assert window.panels["attention"].mosaic.importance is None and not controls.progress.isVisibleTo(controls)


def test_exports_name_the_switched_off_parts(qtbot, window, tmp_path):
    panel = window.panels["attention"]
    assert "switched off" not in figures.figure_caption(panel)[0]
    wait_for_trace(qtbot, window, lambda: window.session.toggle_head(0, 1))
    title = figures.figure_caption(panel)[0]
    assert title.endswith("switched off: L1 H2")
    path = window.exports.table(str(tmp_path / "t.csv"))
    with open(path, encoding="utf-8") as fh:
        first = next(csv.reader(fh))
    assert first == ["# switched off: L1 H2: these numbers are from the changed model"]
    npz = window.exports.trace(str(tmp_path / "t.npz"))
    with np.load(npz) as data:
        assert str(data["ablation"]) == "switched off: L1 H2"
    # a training tab's figures are not the explorer's: no note there
    assert "switched off" not in figures.figure_caption(window.training.tab_pages()[0][0])[0]


def test_a_model_change_clears_the_ablation_and_a_stale_one_is_refused(qtbot, window):
    from model.paths import default_model_dir

    wait_for_trace(qtbot, window, lambda: window.session.toggle_head(1, 1))
    with pytest.raises(ValueError, match="belong to another model.*no head 100 in layer 1"):
        window.session.engine.trace(PROMPT, (), Ablation(frozenset({(0, 99)})))
    if not default_model_dir().exists():
        pytest.skip("no shipped model to switch to")
    with qtbot.waitSignal(window.trace_shown, timeout=TIMEOUT):
        window.open_model(str(default_model_dir()))
    assert not window.session.ablation and window.result.baseline is None
    assert not window.ablation_status.isVisible()


def test_gpt2_folders_take_ablations_and_scans(qtbot, tmp_path):
    pytest.importorskip("transformers")
    from test_gpt2 import random_gpt2, train_vocab

    folder = tmp_path / "gpt2"
    vocab = train_vocab(folder, 300)
    random_gpt2(dict(n_layer=2, n_head=3, n_embd=24, n_positions=64), vocab, seed=1).save_pretrained(folder)
    with open_window(qtbot, tmp_path, str(folder)) as win:
        win.show_stage("attention")
        original = type_and_wait(qtbot, win, PROMPT)
        result = wait_for_trace(qtbot, win, lambda: win.session.toggle_head(1, 2))
        assert np.array_equal(result.baseline.final_logits, original.final_logits)
        assert np.abs(result.trace.final_logits - original.final_logits).max() > 1e-4
        assert len(win.panels["attention"].ablation.mlp_checks) == 2
        with qtbot.waitSignal(win.session.scan_ready, timeout=TIMEOUT):
            win.session.scan_heads()
        assert win.session.scan.drops.shape == (2, 3) and np.isnan(win.session.scan.drops[1, 2])
        cleared = wait_for_trace(qtbot, win, win.session.clear_ablation)
        assert np.array_equal(cleared.trace.final_logits, original.final_logits)
