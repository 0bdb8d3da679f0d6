"""The Spanish translation is complete, compiled, faithful to its placeholders, and really shown.

Static: every message of each .ts is translated; lupdate run now finds nothing the .ts lacks; the
committed .qm is what lrelease makes; {0}, %n and HTML tags survive translation; literals handed to Qt
text setters go through tr(). At run time: the real window in Spanish, every stage and training tab
visited, shows no text that is still an English source text (a missing wrap or a context mismatch).
"""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
TS_FILES = sorted(TRANSLATIONS.glob("lm_anatomy_*.ts"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[nvm]")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def messages(ts: Path) -> list[dict]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for msg in context.iter("message"):
            t = msg.find("translation")
            forms = [f.text or "" for f in t.iter("numerusform")] if msg.get("numerus") == "yes" else [t.text or ""]
            comment = msg.find("comment")
            out.append({"context": context.findtext("name") or "", "source": msg.findtext("source") or "",
                        "comment": comment.text if comment is not None else None, "forms": forms,
                        "type": t.get("type"), "where": (msg.find("location").get("filename", "")
                                                         if msg.find("location") is not None else "")})
    return out


def test_there_is_a_spanish_translation():
    assert [p.name for p in TS_FILES] == ["lm_anatomy_es.ts"] or "lm_anatomy_es.ts" in [p.name for p in TS_FILES]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_every_message_is_translated(ts):
    unfinished = [m["source"][:60] for m in messages(ts)
                  if m["type"] in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in m["forms"])]
    assert not unfinished, f"{len(unfinished)} untranslated in {ts.name}, e.g. {unfinished[:5]}"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_lupdate_finds_nothing_new(ts, tmp_path):
    """Run lupdate over app/ into a copy: any source text it adds was never translated."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    from app.i18n import translated_sources

    sources = translated_sources()
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(copy)], cwd=ROOT,
                   check=True, capture_output=True)
    known = {(m["context"], m["source"], m["comment"]) for m in messages(ts)}
    new = [m["source"][:60] for m in messages(copy) if (m["context"], m["source"], m["comment"]) not in known]
    assert not new, f"{len(new)} source texts are not in {ts.name} (run python -m app.i18n --update): {new[:5]}"
    contexts = {m["context"] for m in messages(copy)}
    assert contexts == {""}, f"texts outside the app's one (empty) context: {contexts - {''}} (see app/i18n.py)"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_committed_qm_is_what_lrelease_makes(ts, tmp_path):
    made = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(made)], check=True, capture_output=True)
    assert ts.with_suffix(".qm").read_bytes() == made.read_bytes(), "run python -m app.i18n --update"


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.stem)
def test_placeholders_and_tags_survive(ts):
    bad = []
    for m in messages(ts):
        for form in m["forms"]:
            if sorted(PLACEHOLDER.findall(m["source"])) != sorted(PLACEHOLDER.findall(form)):
                bad.append(("placeholders", m["source"][:50], form[:50]))
            if sorted(TAG.findall(m["source"])) != sorted(TAG.findall(form)):
                bad.append(("tags", m["source"][:50], form[:50]))
            if m["source"].count("&") != form.count("&") and "&nbsp;" not in m["source"] + form:
                bad.append(("accelerator", m["source"][:50], form[:50]))
    assert not bad, bad[:10]


def test_placeholder_check_catches_a_lost_placeholder():
    assert sorted(PLACEHOLDER.findall("{0} of {1:,} tokens")) != sorted(PLACEHOLDER.findall("{0} de tokens"))
    assert sorted(TAG.findall("<b>x</b>")) != sorted(TAG.findall("<i>x</i>"))


# ---- the static check: literals given to Qt text setters are wrapped ---------------------------------------
SETTERS = {"setText", "setToolTip", "setPlaceholderText", "setWindowTitle", "addTab", "setTabText", "setTabToolTip",
           "addItem", "addItems", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setLabel", "setTitle",
           "addMenu", "addAction", "setFormat", "setSpecialValueText", "setStatusTip", "setWhatsThis", "addRow",
           "heading", "note", "muted_label", "set_title", "step_plot", "showMessage", "say", "group"}
WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
           "QListWidgetItem", "QTableWidgetItem"}
BOXES = {"information", "warning", "critical", "question", "about"}


def _texty(node) -> bool:
    """A literal with words in it outside its HTML tags (not a key, an acronym, a colour or a shortcut)."""
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    elif isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    else:
        return False
    words = re.sub(r"<[^>]*>|&\w+;", " ", text)
    return bool(re.search(r"[A-Za-z]{2}", words)) and not re.fullmatch(
        r"(Ctrl|Shift|Alt|F\d)[+\w]*|[a-z_]+|[A-Z0-9]+|#[0-9a-fA-F]+", text)


def unwrapped_literals(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else ""
        if name in SETTERS or name in WIDGETS or (owner == "QMessageBox" and name in BOXES):
            args = list(node.args) + [k.value for k in node.keywords if k.arg in ("text", "title", "name")]
            for arg in args:
                for item in (arg.elts if isinstance(arg, (ast.List, ast.Tuple)) else [arg]):
                    if _texty(item):
                        found.append((node.lineno, ast.unparse(item)[:60]))
    return found


def translation_calls(source: str) -> list[tuple[int, str]]:
    """self.tr(...) and translate("Context", ...) with a context lupdate would not give them."""
    bad = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "tr" and isinstance(node.func.value, ast.Name):
                bad.append((node.lineno, f"{node.func.value.id}.tr"))
            if (node.func.attr == "translate" and node.args and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value != ""):
                bad.append((node.lineno, f"translate({node.args[0].value!r}, ...)"))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr" and node.args:
            if isinstance(node.args[0], ast.JoinedStr):
                bad.append((node.lineno, "tr(f'...'): lupdate extracts the braces unfilled"))
        if isinstance(node, ast.FormattedValue):  # lupdate does not look inside an f-string's braces
            for inner in ast.walk(node.value):
                if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name) and inner.func.id == "tr"
                        and inner.args and isinstance(inner.args[0], ast.Constant)):
                    bad.append((inner.lineno, f"f'{{tr({inner.args[0].value!r})}}': lupdate misses it"))
    return bad


def test_static_check_finds_what_it_should():
    code = ("QLabel('Hello there')\nb.setToolTip(f'Open {x}')\nQLabel(tr('Fine'))\nw.addItems(['One', tr('Two')])\n"
            "QMessageBox.question(w, 'Delete run', 'Sure?')\nw.setShortcut('Ctrl+Q')\nself.tr('x')\n"
            "QCoreApplication.translate('Ctx', 'y')\ntr(f'z {a}')\nx = f\"{tr('inside')} {n}\"\n")
    assert [line for line, _ in unwrapped_literals(code)] == [1, 2, 4, 5, 5]
    assert unwrapped_literals("QLabel(f\"<b style='color:{c}'>{name}</b>\")\nQLabel('CPU')") == []
    assert [line for line, _ in translation_calls(code)] == [7, 8, 9, 10]


TERMINAL = {"app/__main__.py", "app/selftest.py", "app/selftest_report.py"}  # command-line output, for developers


def test_app_hands_qt_no_untranslated_literal():
    problems = []
    for path in sorted(p for p in (ROOT / "app").rglob("*.py") if p.relative_to(ROOT).as_posix() not in TERMINAL):
        source = path.read_text(encoding="utf-8")
        rel = path.relative_to(ROOT)
        problems += [f"{rel}:{line}: {text}" for line, text in unwrapped_literals(source)]
        if rel.as_posix() != "app/i18n.py":
            problems += [f"{rel}:{line}: {text}" for line, text in translation_calls(source)]
    assert not problems, "\n".join(problems)


# ---- at run time: the window in Spanish shows no English source text --------------------------------------
def visible_texts(win) -> dict[str, str]:
    """Every text the window shows now: widgets, tabs, combo items, table headers, menus, tooltips, plot titles
    and axis labels (text -> where)."""
    import pyqtgraph as pg
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QLabel,
        QLineEdit,
        QListWidget,
        QPlainTextEdit,
        QTableWidget,
        QTabWidget,
    )

    seen: dict[str, str] = {}

    def add(text, where):
        if text:
            for part in re.split(r"<[^>]+>|\n", text):
                if part.strip():
                    seen.setdefault(part.strip(), where)
            seen.setdefault(text.strip(), where)

    def walk(root):
        for w in [root, *root.findChildren(QLabel), *root.findChildren(QAbstractButton),
                  *root.findChildren(QGroupBox), *root.findChildren(QTabWidget), *root.findChildren(QComboBox),
                  *root.findChildren(QTableWidget), *root.findChildren(QLineEdit), *root.findChildren(QPlainTextEdit),
                  *root.findChildren(QListWidget), *root.findChildren(pg.PlotWidget)]:
            if not w.isVisible():
                continue
            where = type(w).__name__
            add(w.toolTip(), where + " tooltip")
            if isinstance(w, (QLabel, QAbstractButton)):
                add(w.text(), where)
            if isinstance(w, QGroupBox):
                add(w.title(), where)
            if isinstance(w, QTabWidget):
                for i in range(w.count()):
                    add(w.tabText(i), "tab")
                    add(w.tabToolTip(i), "tab tooltip")
            if isinstance(w, QComboBox):
                for i in range(w.count()):
                    add(w.itemText(i), "combo item")
            if isinstance(w, QTableWidget):
                for c in range(w.columnCount()):
                    item = w.horizontalHeaderItem(c)
                    add(item.text() if item else "", "table header")
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                add(w.placeholderText(), "placeholder")
            if isinstance(w, QListWidget):
                for i in range(min(w.count(), 30)):
                    add(w.item(i).text(), "list item")
                    add(w.item(i).toolTip(), "list tooltip")
            if isinstance(w, pg.PlotWidget):
                item = w.getPlotItem()
                add(item.titleLabel.text, "plot title")
                for side in ("left", "bottom"):
                    add(item.getAxis(side).labelText, "axis label")
                if item.legend is not None:
                    for _, label in item.legend.items:
                        add(label.text, "legend")

    walk(win)
    for action in win.menuBar().actions():
        add(action.text(), "menu")
        if action.menu() is not None:
            for sub in action.menu().actions():
                add(sub.text(), "menu item")
                add(sub.toolTip() if sub.toolTip() != sub.text().replace("&", "") else "", "menu tooltip")
                if sub.menu() is not None:
                    for subsub in sub.menu().actions():
                        add(subsub.text(), "submenu item")
    return seen


@pytest.fixture
def spanish(qapp):
    from app.i18n import install

    install(qapp, "es")
    yield
    install(qapp, "en")


def test_the_window_in_spanish_shows_no_english(qtbot, tmp_path, spanish):
    from model.paths import default_model_dir
    from tests._gui import open_window, type_and_wait

    def pieces(text: str) -> set[str]:
        return {p.strip() for p in [text, *re.split(r"<[^>]+>|\n", text)] if p.strip()}

    english = {}
    for m in messages(TRANSLATIONS / "lm_anatomy_es.ts"):
        same = pieces(m["forms"][0])  # texts the same in both languages (LM Anatomy, Top-k) prove nothing
        for text in pieces(m["source"]) - same:
            if len(text) > 3 and re.search(r"[a-z]{3}", text) and "{" not in text:
                english.setdefault(text, m["source"])
    with open_window(qtbot, tmp_path, str(default_model_dir())) as win:
        win.resize(1440, 880)
        type_and_wait(qtbot, win, "To be, or not to be, that is the question:")
        found: dict[str, str] = {}
        shown: set[str] = set()
        for stage in win.panels:
            win.show_stage(stage)
            qtbot.wait(30)
            texts = visible_texts(win)
            shown |= set(texts)
            found |= {t: f"{stage}: {where}" for t, where in texts.items() if t in english}
        for i in range(1, win.tabs.count()):
            win.tabs.setCurrentIndex(i)
            qtbot.wait(30)
            texts = visible_texts(win)
            shown |= set(texts)
            found |= {t: f"tab {i}: {where}" for t, where in texts.items() if t in english}
        win.tabs.setCurrentIndex(0)
    # the walk reaches what it checks: a stage name, a plot title, an axis label, a legend, a menu, a group box
    for english_text, spanish_text in (("Attention", "Atención"), ("query (looking)", "consulta (mira)"),
                                       ("Loss (lower is better)", "Pérdida (cuanto menor, mejor)"),
                                       ("validation", "validación"), ("&View", "&Ver"), ("3  Model", "3  Modelo")):
        assert english_text in english and spanish_text in shown, english_text
    assert not found, "\n".join(f"{where}: {text!r}" for text, where in sorted(found.items(), key=lambda kv: kv[1]))
