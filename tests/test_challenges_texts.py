"""The Bias tab's shipped probe sets in the window's language: their names and descriptions (English in
resources/bias_probes/*.json, marked for translation in challenges_probes) are shown in Spanish, with a note that
the prompts stay English; a set a teacher wrote or edited is shown as written."""
from __future__ import annotations

import json

import pytest
from test_localized_model_texts import assert_spanish, model_english

from app.explore.panels.challenges_probes import SHIPPED_TEXTS, shown
from model.bias_probe import load_probe_sets, probes_dir


@pytest.fixture
def spanish(qapp):
    from app.i18n import install

    install(qapp, "es")
    yield
    install(qapp, "en")


def test_every_shipped_name_and_description_is_marked_for_translation():
    files = sorted(probes_dir().glob("*.json"))
    assert len(files) == len(load_probe_sets()) == 4
    texts = [json.loads(f.read_text(encoding="utf-8"))[key] for f in files for key in ("name", "description")]
    assert sorted(texts) == sorted(SHIPPED_TEXTS)  # an edited shipped file must be edited here too


def test_the_bias_tab_shows_the_shipped_sets_in_spanish(qtbot, engine, info, spanish):
    from _gui import make_panel

    from app.explore.panels.challenges import ChallengesPanel

    assert {"Occupations and pronouns", "a word that should not matter"} <= model_english()  # the check knows them
    panel = make_panel(qtbot, ChallengesPanel, info)
    panel.show_tab("bias")
    bias = panel.bias
    names = [bias.example.itemText(i) for i in range(bias.example.count())]
    assert names == ["Profesiones y pronombres", "Pronombres, luego una profesión", "Nombres y pronombres",
                     "Control: una palabra que no debería importar"]
    for i in range(bias.example.count()):
        bias.example.setCurrentIndex(i)
        assert_spanish(" | ".join(names + [bias.description.text()]), "Los prompts siguen en inglés")
    assert bias.template.text() == "The doctor {said|thought} that"  # the prompts themselves stay English
    assert "cocientes" in bias.description.text()
    from model.bias_probe import run_probe

    bias.show_result(run_probe(engine.loaded.model, engine.loaded.tokenizer, bias.probe()))
    header = [bias.table.horizontalHeaderItem(c).text() for c in range(bias.table.columnCount())]
    assert header == ["palabra del hueco", "P(he)", "P(she)", "he / she"]  # the CSV keeps its English header


def test_a_teachers_own_set_is_shown_as_written(qtbot, spanish):
    assert shown("Occupations and pronouns") == "Profesiones y pronombres"
    assert shown("My own set: kings and queens") == "My own set: kings and queens"
    assert shown("Example") == "Example"  # a name that happens to be a window word is not translated either


def test_an_english_window_has_no_language_note(qtbot, info):
    from _gui import make_panel

    from app.explore.panels.challenges import ChallengesPanel

    panel = make_panel(qtbot, ChallengesPanel, info)
    bias = panel.bias
    assert bias.example.itemText(0) == "Occupations and pronouns"
    assert bias.description.text().startswith("Only the occupation changes.")
    assert "English" not in bias.description.text()
    from app.common.plots import title_text

    assert title_text(bias.plot) == "No probe has run on this model yet"  # room above the top tick, and says why
