"""Scenario files (issue 16, the teacher's kit): they round-trip exactly, bad or foreign files get one
clear sentence, and what a scenario locks cannot be changed until File > Leave scenario."""
from __future__ import annotations

import json

import pytest
from _gui import TIMEOUT, open_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.explore.stages import STAGES
from app.scenario import FORMAT, VERSION, Scenario, ScenarioError, from_json, load
from model.paths import default_model_dir

PREPARED = Scenario(prompt="The king is dead, long live the", generated=[260, 45, 1003], stage="attention",
                    temperature=0.7, top_k=40, top_p=0.9, layer=3, head=2, heads_off=[[0, 1], [4, 5]], mlps_off=[2],
                    theme="dark", presentation=False,
                    zoom=1.15, colormap="cividis", text_size="larger", hidden_tabs=["pretrain", "finetune"],
                    locked=["model", "prompt", "sampling"], title="Lesson 3: heads", notes="")


@pytest.fixture
def window(qtbot, tmp_path):
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        yield win
        win.scenarios.leave(quiet=True)
        win.restyle(theme="light", colormap="viridis", text_size="normal")


def open_scenario(qtbot, win, scenario: Scenario, path):
    scenario.save(path)
    with qtbot.waitSignal(win.trace_shown, timeout=TIMEOUT, check_params_cb=lambda _: win.scenarios._pending is None):
        assert win.scenarios.open_file(str(path))
    qtbot.waitUntil(win.is_idle, timeout=TIMEOUT)


def test_a_scenario_file_round_trips_exactly(tmp_path):
    path = tmp_path / "s.lmscenario.json"
    PREPARED.save(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["version"] == VERSION
    assert load(path, STAGES) == PREPARED


def test_opening_a_scenario_sets_the_window_and_saving_gives_it_back(qtbot, window, tmp_path):
    open_scenario(qtbot, window, PREPARED, tmp_path / "in.json")
    assert window.prompt_text() == PREPARED.prompt
    assert window.decoding.extra_ids == PREPARED.generated  # appended one by one, each traced
    assert [how for *_, how in window.decoding.history] == ["forced"] * 3
    assert window.current_stage == "attention"
    att = window.panels["attention"]
    assert (att.layer, att.head) == (3, 2)
    assert window.appearance.theme == "dark" and window.appearance.colormap == "cividis"
    assert window.appearance.text_size == "larger" and window.menus.text_size_actions["larger"].isChecked()
    assert window.panels["output"].settings() == pytest.approx((0.7, 40, 0.9))
    assert window.session.ablation.heads == {(0, 1), (4, 5)} and window.session.ablation.mlps == {2}
    assert window.windowTitle().startswith("Lesson 3: heads")
    saved = tmp_path / "out.json"
    window.scenarios.save_as(str(saved))
    assert load(saved, STAGES) == PREPARED


def test_locked_controls_cannot_be_changed_until_the_scenario_is_left(qtbot, window, tmp_path):
    open_scenario(qtbot, window, PREPARED, tmp_path / "in.json")
    window.prompt.setFocus()
    QTest.keyClicks(window.prompt, " crown")
    assert window.prompt_text() == PREPARED.prompt  # read-only: typing does nothing
    assert not window.model_combo.isEnabled() and not window.menus.lockable["model"][0].isEnabled()
    controls = window.panels["output"].controls
    assert not controls.temperature.isEnabled() and not controls.top_p.isEnabled()
    assert controls.step_button.isEnabled()  # decoding was not locked
    assert not window.tabs.isTabVisible(1) and not window.tabs.isTabVisible(2)
    assert window.scenarios.badge.isVisible() and "Lesson 3: heads" in window.scenarios.badge.text()
    window.menus.tab_actions[1].trigger()  # Ctrl+Shift+P must not reach a hidden tab
    assert window.tabs.currentIndex() == 0
    window.scenarios.leave()
    assert not window.scenarios.badge.isVisible()
    assert window.model_combo.isEnabled() and controls.temperature.isEnabled()
    assert window.tabs.isTabVisible(1) and window.tabs.isTabVisible(2)
    QTest.keyClicks(window.prompt, " crown")
    assert " crown" in window.prompt_text()  # editable again


BAD = [
    ("not json", "not a JSON text file"),
    ('{"prompt": "hi"}', "not an LM Anatomy scenario"),
    ('[1, 2]', "not an LM Anatomy scenario"),
    (json.dumps({"format": FORMAT, "version": VERSION + 1}), "newer LM Anatomy"),
    (json.dumps({"format": FORMAT, "version": 1, "stage": "kitchen"}), "\"stage\" must be one of"),
    (json.dumps({"format": FORMAT, "version": 1, "temperature": "hot"}), "\"temperature\" must be"),
    (json.dumps({"format": FORMAT, "version": 1, "generated": [1, -2]}), "\"generated\" must be"),
    (json.dumps({"format": FORMAT, "version": 1, "locked": ["everything"]}), "\"locked\" must be"),
    (json.dumps({"format": FORMAT, "version": 1, "colour": "red"}), "does not know: colour"),
    (json.dumps({"format": FORMAT, "version": True}), "no valid version"),
]


@pytest.mark.parametrize("text, said", BAD)
def test_bad_or_foreign_files_are_refused_with_one_clear_sentence(tmp_path, text, said):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError, match=said):
        load(path, STAGES)


def test_a_bad_file_leaves_the_window_as_it_was(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    path = tmp_path / "bad.json"
    path.write_text('{"format": "something-else"}', encoding="utf-8")
    window.set_prompt("kept")
    assert not window.scenarios.open_file(str(path))
    assert shown and "not an LM Anatomy scenario" in shown[0]
    assert window.prompt_text() == "kept" and window.scenarios.current is None and window.model_combo.isEnabled()


def test_a_relative_model_folder_is_read_from_the_scenario_folder(tmp_path):
    s = from_json({"format": FORMAT, "version": 1, "model": "models/mine"}, STAGES)
    assert s.model_folder(tmp_path / "lesson.json") == str(tmp_path / "models" / "mine")
    assert Scenario().model_folder(tmp_path / "lesson.json") is None  # the shipped model


def test_the_command_line_takes_a_scenario():
    from app.__main__ import parse_args

    assert parse_args(["--scenario", "lesson.json"]).scenario == "lesson.json"


def test_locked_prompt_survives_keyboard_shortcuts(qtbot, window, tmp_path):
    """Clear (the prompt bar's button) is locked with the prompt."""
    open_scenario(qtbot, window, PREPARED, tmp_path / "in.json")
    assert not window.clear_button.isEnabled()
    QTest.keyClick(window.prompt, Qt.Key_Backspace)
    assert window.prompt_text() == PREPARED.prompt


def test_the_shipped_scenarios_open(qtbot, window):
    from model.paths import resources_dir

    files = sorted((resources_dir() / "scenarios").glob("*.lmscenario.json"))
    assert len(files) >= 3
    for path in files:
        scenario = load(path, STAGES)
        with qtbot.waitSignal(window.trace_shown, timeout=TIMEOUT,
                              check_params_cb=lambda _: window.scenarios._pending is None):
            window.scenarios.apply(scenario, str(path))
        assert window.current_stage == scenario.stage and window.prompt_text() == scenario.prompt
        assert window.scenarios.notes_box.isVisible() and window.scenarios.notes_box.text() == scenario.notes
        window.scenarios.leave(quiet=True)
        assert window.scenarios.notes_box is None
