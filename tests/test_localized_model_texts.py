"""What model/ says, in the window's language: model/ words its errors, notices and run messages in English
(model.messages.Message, which the command line prints), and the window shows them translated
(app.i18n.translated). Each path is driven in Spanish: a bad labelled CSV imported, a broken model folder
opened, the Challenges stage's Compute section, a training run's summary, end and out-of-memory advice; any
run of three English words from a template model/ marks for translation fails the test."""
from __future__ import annotations

import json
import pickle
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest

from model.paths import resources_dir


@pytest.fixture
def spanish(qapp):
    from app.i18n import install

    install(qapp, "es")
    yield
    install(qapp, "en")


# ---- the check -----------------------------------------------------------------------------------------
# Where texts are built in English for the window to translate: model/, the training child's preparers, and the
# shipped bias-probe sets (resources/bias_probes/*.json, their names and descriptions marked in challenges_probes).
BUILT_IN_ENGLISH = ("model/", "app/training/jobs.py", "app/training/child.py", "app/explore/panels/challenges_probes.py")


def model_english() -> set[str]:
    """Runs of three or more English words from every template built in English (BUILT_IN_ENGLISH), placeholders
    cut out, that the Spanish does not share: none may be on screen in Spanish."""
    ts = ElementTree.parse(resources_dir() / "translations" / "lm_anatomy_es.ts")
    found = set()
    for m in ts.iter("message"):
        if any(place in (loc.get("filename") or "") for loc in m.iter("location") for place in BUILT_IN_ENGLISH):
            spanish = m.findtext("translation") or ""  # names and paper titles read the same in both
            found |= {p.strip() for p in re.split(r"\{[^}]*\}|[.;:()]", m.findtext("source"))
                      if len(p.split()) >= 3 and p.strip() not in spanish}
    return found


def assert_spanish(text: str, *expected: str) -> None:
    left = sorted(p for p in model_english() if p in text)
    assert not left, f"English from model/ in the Spanish window: {left} in {text!r}"
    for words in expected:
        assert words in text, f"{words!r} not in {text!r}"


def test_a_message_is_its_english_and_is_shown_translated(qapp, spanish):
    from app.i18n import translated
    from model.folders import CheckpointError, not_json
    from model.messages import Message

    assert len(model_english()) > 100  # the check above knows model/'s wording
    reason = Message("line {0}: no label; skipped", 7)
    said = Message("no usable rows: {0}", reason)
    assert said == "no usable rows: line 7: no label; skipped" and pickle.loads(pickle.dumps(said)).args[0].args == (7,)
    assert translated(said) == "ninguna fila utilizable: línea 7: sin etiqueta; omitida"
    assert translated(Message("{0} million {1}", "3.11", "tokens")) == "3.11 millones de tokens"
    error = pickle.loads(pickle.dumps(CheckpointError("/m/config.json", not_json(json.JSONDecodeError("", "{x", 1)))))
    assert str(error) == "/m/config.json: not valid JSON (the error is at line 1, column 2)"
    assert translated(error) == "/m/config.json: no es JSON válido (el error está en la línea 1, columna 2)"
    assert translated("plain text") == "plain text" and translated(ValueError("as is")) == "as is"


def test_the_explorer_says_why_a_text_has_no_tokens_in_spanish(qapp, spanish):
    """A prompt the model's tokenizer turns into no token (spaces, for a word tokenizer) reaches the status line
    through the worker's error text: in Spanish."""
    from app.common.worker import _describe as error_text
    from model.tracing import trace_ids

    with pytest.raises(ValueError) as raised:
        trace_ids(None, [])
    assert str(raised.value) == "cannot trace an empty prompt: there is no token to start from"
    assert_spanish(error_text(raised.value), "no se puede trazar un texto vacío")


def test_a_bad_labelled_csv_is_refused_in_spanish(qtbot, tmp_path, spanish):
    from app.training.labelled_table import LabelledTable

    table = LabelledTable(None)
    qtbot.addWidget(table)
    (tmp_path / "bad.csv").write_text("text,split\nx,train\n")
    (tmp_path / "rows.csv").write_text("text,label,split\ngood film,positive,train\n,negative,train\nawful\n"
                                       "fine,negative,maybe\nbad,negative,test\n")
    with qtbot.waitSignal(table.imported, timeout=10_000) as refused:
        table.import_file(tmp_path / "bad.csv")
    assert_spanish(table.summary.text() + refused.args[0][0], "no tiene columna label", "llama a las columnas")
    with qtbot.waitSignal(table.imported, timeout=10_000):
        table.import_file(tmp_path / "rows.csv")
    assert_spanish(table.summary.text(), "línea 3: el texto está vacío; omitida", "línea 4: se esperaban texto",
                   "línea 5: split debe ser train o test, no &#x27;maybe&#x27;; omitida")


def test_a_broken_model_folder_is_explained_in_spanish(qtbot, tmp_path, spanish):
    from PySide6.QtCore import QSettings

    from app.common.sample import tiny_model_dir
    from app.window import MainWindow

    broken = tmp_path / "broken"
    shutil.copytree(tiny_model_dir(), broken)
    (broken / "model.safetensors").write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00{}")
    win = MainWindow(settings=QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat))
    qtbot.addWidget(win)
    win.show()
    try:
        with qtbot.waitSignal(win.model_changed, timeout=30_000):
            win.start(str(broken))
        assert win.info is None
        assert_spanish(win.message.title.text() + " " + win.message.body.text(), "truncado o no es un archivo safetensors")
    finally:
        win.shutdown()


def test_the_compute_section_speaks_spanish(qtbot, info, spanish):
    import dataclasses

    from _gui import make_panel

    from app.explore.panels.challenges import ChallengesPanel

    panel = make_panel(qtbot, ChallengesPanel, dataclasses.replace(
        info, training={"tokens_seen": 9_830_400, "elapsed_seconds": 4645.2, "device": "cpu"}))
    view = panel.compute
    cells = [t.item(r, c).text() for t in (view.model_table, view.published) for r in range(t.rowCount())
             for c in range(t.columnCount())] + [view.published.item(r, 0).toolTip() for r in range(4)]
    view.d_slider.set_value(1.4e12)
    shown = " | ".join(cells + [view.result.text(), view.speed_note.text(), view.d_slider.value_label.text()])
    assert_spanish(shown, "9.83 millones", "1.29 horas", "mil millones", "tabla 2", "tablas 2.1 y D.1",
                   "1.4 billones de tokens", "training.json: 9,830,400 tokens en 4,645 s en cpu")
    assert not re.search(r"\b(million|billion|trillion|hours|days|years|Table)\b", shown), shown


def test_a_training_run_reports_in_spanish(qtbot, tmp_path, monkeypatch, spanish):
    from _engine import TEXT
    from _training import flat_settings

    from app.i18n import translated
    from app.training.controller import ending_text
    from app.training.runs import RunStore
    from app.training.worker import TrainingWorker

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "corpus.txt").write_text(TEXT * 40)
    settings = flat_settings(name="es", corpus=[str(tmp_path / "corpus.txt")], vocab_size=300, preset="custom",
                             n_layer=1, n_head=2, d_model=16, d_mlp=32, context_length=16, batch_size=4, steps=6,
                             checkpoint_interval=100, sample_interval=0, snapshots=0)
    store = RunStore(tmp_path / "runs")
    worker = TrainingWorker(settings, store.create("es", {}), mode="thread")
    prepared = []
    worker.prepared.connect(prepared.append)
    with qtbot.waitSignal(worker.ended, timeout=60_000) as ended:
        worker.start()
    worker.wait()
    event, message = ended.args
    assert event == "done" and message == "Terminados los 6 pasos." and ending_text(event, message) == message
    assert_spanish(prepared[0]["summary"], "documentos", "tokens de entrenamiento y")
    assert ending_text("stopped", "Detenido en el paso 3; punto de control guardado.").startswith("Detenido en")
    run = store.runs()[0]
    assert run.info["message"] == "Finished 6 steps." and run.message() == "Finished 6 steps."
    assert translated(run.message()) == "Terminados los 6 pasos."  # the run list reads run.json's parts

    def oom(*args, **kwargs):
        raise RuntimeError("CUDA out of memory. Tried to allocate 20.00 MiB")

    worker = TrainingWorker(settings, store.create("oom", {}), prepare=oom)
    with qtbot.waitSignal(worker.ended, timeout=60_000) as ended:
        worker.start()
    worker.wait()
    assert ended.args[0] == "failed"
    assert_spanish(ended.args[1], "El dispositivo se quedó sin memoria", "tamaño de lote (ahora 4)")


# ---- model/ words what the window shows as Messages ----------------------------------------------------
SHOWN_ERRORS = {"CheckpointError", "FolderInUseError", "LabelledDataError", "CorpusError", "TokenizerError",
                "ProbeError", "NotCausalError"}
SHOWN_LISTS = {"problems", "notices", "notes", "warnings"}  # lists of texts the window lists


def plain_strings(source: str) -> list[int]:
    """Lines where model/ builds a shown text from a literal or an f-string instead of a Message."""
    import ast

    def literal(node) -> bool:
        return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)) \
            or (isinstance(node, ast.BinOp) and (literal(node.left) or literal(node.right)))

    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
        said = node.args[-1] if name in SHOWN_ERRORS else node.args[0] if (name == "append" and owner in SHOWN_LISTS) \
            else None
        if said is not None and literal(said):
            found.append(node.lineno)
    return found


def test_model_words_what_the_window_shows_as_messages():
    assert plain_strings('raise CheckpointError(p, f"bad {x}")\nproblems.append("line")\n'
                         'raise CorpusError(Message("ok"))\nraise CheckpointError(p, Message(T, 1))\n') == [1, 2]
    files = sorted((Path(__file__).resolve().parent.parent / "model").glob("*.py"))
    assert len(files) > 20
    left = {p.name: lines for p in files if (lines := plain_strings(p.read_text()))}
    assert not left, f"texts the window shows, built without model.messages.Message (never translated): {left}"
