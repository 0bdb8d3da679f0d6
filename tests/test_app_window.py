"""The whole window: typing updates the stages, stale results never show, decoding, presentation, export."""
from __future__ import annotations

import numpy as np
import pytest
from _gui import open_window, type_and_wait
from PySide6.QtCore import QSettings, Qt

from app.common.sample import tiny_model_dir
from app.explore.stages import STAGES
from app.window import MainWindow

TIMEOUT = 20000


@pytest.fixture
def window(qtbot, tmp_path):
    with open_window(qtbot, tmp_path, tiny_model_dir()) as win:
        yield win


def test_typing_updates_the_stages(qtbot, window):
    window.show_stage("tokens")
    trace = type_and_wait(qtbot, window, "the cat sat")
    expected = window.info.tokenizer.encode("the cat sat")
    assert trace.token_ids.tolist() == expected
    tokens = window.panels["tokens"]
    assert tokens.trace is trace
    assert tokens.chip_view.token_ids == expected
    # clicking a chip opens that token's embedding
    qtbot.mouseClick(tokens.chip_view, Qt.LeftButton, pos=tokens.chip_view.rects()[1].center().toPoint())
    assert window.current_stage == "embeddings"
    assert window.panels["embeddings"].selected == expected[1]
    # switching stage renders the same trace there
    window.show_stage("attention")
    assert window.panels["attention"].trace is trace
    assert window.stack.currentWidget() is window.panels["attention"]


def test_superseded_computation_never_reaches_the_screen(qtbot, window):
    shown = []
    window.trace_shown.connect(lambda t: shown.append(t.text))
    for text in ("a", "ab", "abc", "abcd", "hello world"):
        window.set_prompt(text)
        window.session.request_trace()  # no debounce: every keystroke submits a job
    qtbot.waitUntil(lambda: bool(shown) and window.engine_worker.is_idle(), timeout=TIMEOUT)
    qtbot.wait(100)
    assert shown == ["hello world"]
    assert window.trace.text == "hello world"


def test_a_lone_keystroke_is_traced_at_once_and_a_burst_once_it_pauses(qtbot, window):
    type_and_wait(qtbot, window, "the cat")
    qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
    requests = []
    request = window.session.request_trace
    window.session.request_trace = lambda: (requests.append(window.prompt_text()), request())
    shown = []
    window.trace_shown.connect(lambda t: shown.append(t.text))
    window.set_prompt("the cat s")  # no debounce wait: submitted before any event is processed
    assert requests == ["the cat s"]
    for text in ("the cat sa", "the cat sat", "the cat sat "):  # faster than the debounce: held
        window.set_prompt(text)
    assert requests == ["the cat s"]
    qtbot.waitUntil(lambda: window.is_idle() and bool(shown) and shown[-1] == "the cat sat ", timeout=TIMEOUT)
    assert requests == ["the cat s", "the cat sat "]  # the burst: traced once, with its last text
    assert window.trace.text == "the cat sat "


def test_result_superseded_while_computing_is_dropped(qtbot, window):
    import threading

    started, release = threading.Event(), threading.Event()

    def slow():
        started.set()
        release.wait(10)
        return window.session.engine.trace("stale text")

    gen = window.engine_worker.submit("trace", slow)
    assert started.wait(10)
    window.engine_worker.cancel("trace")  # a newer keystroke supersedes it while it runs
    release.set()
    qtbot.waitUntil(window.engine_worker.is_idle, timeout=TIMEOUT)
    qtbot.wait(50)
    assert not window.engine_worker.is_current("trace", gen)
    assert window.trace is None or window.trace.text != "stale text"
    assert window.session.dropped >= 1


def test_empty_prompt_shows_the_empty_state(qtbot, window):
    type_and_wait(qtbot, window, "hello")
    window.set_prompt("")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty, timeout=TIMEOUT)
    assert window.trace is None
    window.empty.buttons[0].click()
    qtbot.waitUntil(lambda: window.trace is not None, timeout=TIMEOUT)


@pytest.mark.parametrize("text", [
    "😀 emoji and 汉字 and עברית שלום and العربية",
    "control \x00\x01\x07\x1b chars \u202e reversed \u200b",
    "x" * 100_000,
])
def test_any_unicode_is_handled(qtbot, window, text):
    window.show_stage("tokens")
    trace = type_and_wait(qtbot, window, text)
    assert trace.n_tokens <= window.info.config["context_length"]
    assert window.stack.currentWidget() is window.panels["tokens"]
    for stage in STAGES:  # every stage copes with it
        window.show_stage(stage)
        assert window.stack.currentWidget() is window.panels[stage]
        if stage != "overview":
            assert window.panels[stage].trace is trace
    window.show_stage("tokens")
    if len(text) > 1000:
        assert trace.truncated_chars > 0
        assert "slides" in window.status.text()
        assert "not shown to the model" in window.panels["tokens"].notice.text()


def test_forced_token_is_appended_exactly_and_undo_restores(qtbot, window):
    window.show_stage("output")
    before = type_and_wait(qtbot, window, "the cat")
    forced = int(np.argsort(before.next_token_probs)[len(before.next_token_probs) // 2])  # an unlikely one
    with qtbot.waitSignal(window.trace_shown, timeout=TIMEOUT):
        window.session.force(forced)
    after = window.trace
    assert after.token_ids.tolist() == before.token_ids.tolist() + [forced]
    assert window.panels["output"].history.rowCount() == 1
    assert window.panels["output"].history.item(0, 3).text() == "forced"
    with qtbot.waitSignal(window.trace_shown, timeout=TIMEOUT):
        window.undo()
    restored = window.trace
    assert restored.token_ids.tolist() == before.token_ids.tolist()
    np.testing.assert_allclose(restored.next_token_probs, before.next_token_probs, rtol=1e-5, atol=1e-7)
    assert window.panels["output"].history.rowCount() == 0


def test_greedy_step_appends_the_argmax(qtbot, window):
    window.show_stage("output")
    before = type_and_wait(qtbot, window, "the cat")
    window.panels["output"].set_settings(0.0, 0, 1.0)
    with qtbot.waitSignal(window.trace_shown, timeout=TIMEOUT):
        window.step()
    assert window.trace.token_ids[-1] == int(np.argmax(before.final_logits))
    assert window.decoding.history[-1][2] == 1  # rank 1
    generated = window.trace.text[int(window.trace.char_spans[before.n_tokens, 0]):]
    from app.common.textutil import esc

    assert esc(generated).replace("\n", "↵<br>") + "</b>" in window.panels["output"].so_far.text()  # the text so far shows it
    # every stage follows the extended text
    window.show_stage("tokens")
    assert window.panels["tokens"].trace.n_tokens == before.n_tokens + 1
    assert window.panels["tokens"].first_generated == before.n_tokens


def test_play_keeps_stepping_and_typing_stops_it(qtbot, window):
    window.show_stage("output")
    type_and_wait(qtbot, window, "the cat")
    window.panels["output"].controls.speed.setValue(20.0)
    window.panels["output"].play_button.setChecked(True)
    assert window.menus.play_action.isChecked()  # the menu action and the button stay in sync
    qtbot.waitUntil(lambda: len(window.decoding.extra_ids) >= 3, timeout=TIMEOUT)
    window.menus.play_action.setChecked(False)
    assert not window.decoding.playing and not window.panels["output"].play_button.isChecked()
    window.menus.play_action.setChecked(True)
    assert window.decoding.playing
    window.set_prompt("a new prompt")
    assert not window.decoding.playing
    assert not window.menus.play_action.isChecked()
    assert window.decoding.extra_ids == []


def test_presentation_mode_scales_fonts(qtbot, window):
    from PySide6.QtWidgets import QApplication

    type_and_wait(qtbot, window, "hello")
    before = QApplication.font().pointSizeF()
    window.show_stage("tokens")  # stage 1 (Text) is shown first; the chips are drawn when Tokens is
    chips = window.panels["tokens"].chip_view
    box_before = chips.heightForWidth(2000)
    window.set_presentation(True)
    assert QApplication.font().pointSizeF() == pytest.approx(before * 1.6)
    assert chips.heightForWidth(2000) > box_before  # the boxes grew with the text
    assert window.appearance.line_width > 1.5
    window.set_presentation(False)
    assert QApplication.font().pointSizeF() == pytest.approx(before)


def test_preferences_persist(qtbot, window, tmp_path):
    window.set_prompt("remember me")
    window.set_presentation(True)
    window.menus.dark_action.setChecked(True)
    window.show_stage("positions")
    window.save_settings()
    window.set_presentation(False)
    again = MainWindow(settings=window.settings)
    qtbot.addWidget(again)
    assert again.appearance.presentation and again.appearance.theme == "dark"
    assert again.current_stage == "positions"
    assert again.prompt_text() == "remember me"
    assert again.settings.value("settings_version", type=int) == 1
    again.shutdown()
    again.appearance.update(presentation=False, theme="light")


def test_exports(qtbot, window, tmp_path):
    type_and_wait(qtbot, window, "the cat sat on the mat")
    window.show_stage("attention")
    svg = window.exports.stage("svg", str(tmp_path / "a.svg"))
    png = window.exports.stage("png", str(tmp_path / "a.png"))
    import xml.etree.ElementTree as ET

    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    assert len(list(root.iter())) > 20
    assert open(png, "rb").read(8) == b"\x89PNG\r\n\x1a\n"
    npz = window.exports.trace(str(tmp_path / "t.npz"))
    with np.load(npz) as data:
        np.testing.assert_array_equal(data["token_ids"], window.trace.token_ids)
        np.testing.assert_allclose(data["layer0.attn_probs"], window.trace.layers[0].attn_probs)
    csv_path = window.exports.table(str(tmp_path / "lens.csv"))  # the attention weights shown, then the lens beside
    rows = open(csv_path, encoding="utf-8").read().splitlines()
    assert len(rows) == 1 + window.trace.n_tokens
    lens = open(tmp_path / "lens-logit-lens.csv", encoding="utf-8").read().splitlines()
    assert len(lens) == 1 + window.trace.lens_top_ids.shape[0] * window.trace.lens_top_ids.shape[2]
    window.exports.copy()
    from PySide6.QtGui import QGuiApplication

    assert not QGuiApplication.clipboard().pixmap().isNull()


def test_missing_model_shows_a_message_not_a_traceback(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    win.start(str(tmp_path / "nowhere"))
    assert win.stack.currentWidget() is win.message
    assert "does not exist" in win.message.title.text()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "config.json").write_text("{not json")
    with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
        win.open_model(str(bad))
    assert win.info is None
    assert "config.json" in win.message.body.text()
    assert "Traceback" not in win.message.body.text()
    win.shutdown()


def test_stage_shortcuts_cover_every_stage(qtbot, window):
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.menus.presentation_action))}
    for i in range(min(9, len(STAGES))):  # Ctrl+1 to Ctrl+9; a tenth stage is in the View menu only
        assert f"Ctrl+{i + 1}" in shortcuts
    assert "F5" in shortcuts


def test_shortcuts_dialog_lists_the_stages_and_the_tabs(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.menus import TAB_SHORTCUTS

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    window.menus.show_shortcuts()
    for i in range(min(9, len(STAGES))):
        assert f"<b>Ctrl+{i + 1}</b>" in window.menus.shortcuts_text
    for name, keys, _ in TAB_SHORTCUTS:
        assert f"<b>{keys}</b>" in window.menus.shortcuts_text and f"the {name} tab" in window.menus.shortcuts_text


def test_zoom_and_theme_restyle_the_plots(qtbot, window):
    from PySide6.QtWidgets import QApplication

    type_and_wait(qtbot, window, "hello")
    window.show_stage("output")
    base = QApplication.font().pointSizeF()
    window.zoom(1.15)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.15)
    window.restyle(zoom=1.0)
    assert QApplication.font().pointSizeF() == pytest.approx(base)
    window.menus.dark_action.setChecked(True)
    plot = window.panels["output"].plot
    assert plot.backgroundBrush().color().name() == window.appearance.hex("bg") == "#17171c"
    assert window.lesson.document().defaultStyleSheet().count(window.appearance.hex("fg")) >= 1
    window.menus.dark_action.setChecked(False)
    assert plot.backgroundBrush().color().name() == "#ffffff"


def test_settings_from_a_newer_version_are_reset(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat)
    settings.setValue("settings_version", 99)
    settings.setValue("theme", "no-such-theme")
    win = MainWindow(settings=settings)
    qtbot.addWidget(win)
    assert win.settings.value("settings_version", type=int) == 1
    assert win.appearance.theme == "light"
    win.shutdown()


def test_recent_models_are_remembered(qtbot, window):
    path = window.info.path
    assert window.prefs.recent_models()[0] == path
    assert window.model_combo.findData(path) >= 0
    assert window.model_combo.itemText(window.model_combo.count() - 1).startswith("Open a model folder")


def test_step_pressed_while_computing_runs_after(qtbot, window):
    window.show_stage("output")
    before = type_and_wait(qtbot, window, "the cat")
    window.panels["output"].set_settings(0.0, 0, 1.0)
    window.session.request_trace()  # a trace is in flight
    window.step()
    qtbot.waitUntil(lambda: window.trace.n_tokens == before.n_tokens + 1 and window.is_idle(), timeout=TIMEOUT)
    assert window.trace.token_ids[-1] == int(np.argmax(before.final_logits))


def test_text_without_tokens_shows_the_empty_state(qtbot, tmp_path):
    import torch

    from model import ModelConfig, TextTokenizer, Transformer, save_model

    torch.manual_seed(0)
    tok = TextTokenizer.train("word", ["the cat sat on the mat"], 20)
    cfg = ModelConfig(vocab_size=tok.vocab_size, context_length=8, n_layer=1, n_head=1, d_model=8, d_mlp=16)
    save_model(tmp_path / "word", Transformer(cfg), tok, {})
    win = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.model_changed, timeout=TIMEOUT):
        win.start(str(tmp_path / "word"))
    type_and_wait(qtbot, win, "the cat")
    with qtbot.waitSignal(win.trace_failed, timeout=TIMEOUT):
        win.set_prompt("    ")  # spaces: the word tokenizer makes no token of them
    assert win.trace is None
    assert win.stack.currentWidget() is win.empty
    assert "Nothing to show" in win.status.text()
    win.shutdown()


def test_a_bad_model_keeps_the_one_already_open(qtbot, window, tmp_path):
    type_and_wait(qtbot, window, "the cat")
    before = window.info
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "config.json").write_text("{not json")
    with qtbot.waitSignal(window.model_changed, timeout=TIMEOUT):
        window.open_model(str(bad))
    assert window.info is before and window.trace is not None
    assert window.stack.currentWidget() is window.panels[window.current_stage]
    assert "config.json" in window.status.text()
    assert window.model_combo.currentData() == before.path
    window.open_model(str(tmp_path / "missing"))
    assert window.info is before and "no model folder" in window.status.text()


def test_the_start_up_heap_is_frozen_once_the_model_is_loaded(window):
    """gc.freeze() after the first model: full collections then skip the start-up objects, which
    stalled the window for 40-140 ms at a time while training (benchmarks/bench_training_gui.py)."""
    import gc

    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # torch, Qt and the model: far more than the window's own objects
    window.session._model_loaded(window.info)  # a second model does not freeze again
    assert gc.get_freeze_count() == frozen


def test_a_model_that_loads_with_a_warning_says_so_in_the_window(qtbot, window, tmp_path):
    """A tokenizer.json from another model with the same vocabulary size loads (issue #18, item 7);
    the window says so in the status line and a message box, not only the CLI."""
    import json
    import shutil

    from PySide6.QtWidgets import QMessageBox

    folder = tmp_path / "mixed"
    shutil.copytree(tiny_model_dir(), folder)
    spec = json.loads((folder / "tokenizer.json").read_text())
    vocab = spec["model"]["vocab"]
    a, b = list(vocab)[-1], list(vocab)[-2]  # two tokens swap ids: same size, other meaning
    vocab[a], vocab[b] = vocab[b], vocab[a]
    (folder / "tokenizer.json").write_text(json.dumps(spec))
    with qtbot.waitSignal(window.model_changed, timeout=TIMEOUT):
        window.open_model(str(folder))
    assert window.info.path == str(folder) and window.info.warnings
    assert "is not the tokenizer these weights were trained with" in window.status.text()
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "is not the tokenizer" in boxes[-1].text()


def test_disabled_controls_and_check_boxes_are_visible_as_such_in_both_themes(qtbot, window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    for dark in (False, True):
        window.menus.dark_action.setChecked(dark)
        pal = QApplication.palette()
        assert pal.color(QPalette.Disabled, QPalette.ButtonText) != pal.color(QPalette.Active, QPalette.ButtonText)
        marks = QApplication.palette("QCheckBox").color(QPalette.Window)
        assert (marks != pal.color(QPalette.Window)) == dark  # the dark theme lightens their outline
        assert QApplication.instance().styleSheet() == ""
    window.menus.dark_action.setChecked(False)


def test_next_and_previous_stage_reach_every_stage(qtbot, window):
    """Ctrl+PgDown walks the stages in order, past the ninth (which has no Ctrl+number)."""
    window.show_stage(STAGES[0])
    seen = [window.current_stage]
    for _ in range(len(STAGES)):
        window.menus.step_stage(1)
        seen.append(window.current_stage)
    assert seen == STAGES + [STAGES[-1]]  # stops at the last
    window.menus.step_stage(-1)
    assert window.current_stage == STAGES[-2]
    keys = {a.shortcut().toString() for a in window.menus.lockable["stage"]}
    assert {"Ctrl+PgDown", "Ctrl+PgUp"} <= keys
