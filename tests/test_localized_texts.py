"""Lessons and worksheets in every language the window speaks (resources/lessons/<lang>/,
resources/worksheets/<lang>/): each English file has its translation, with the same sections, the same
numbers, the same anchors and answer-key tags, well-formed, and no English sentence left in it; the
window in Spanish shows the Spanish lesson and the Spanish worksheet."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from model.paths import resources_dir

FOLDERS = ("lessons", "worksheets")
# Every language the window ships (a .qm in resources/translations): a new one is checked with no edit here.
TRANSLATED = sorted(p.stem.removeprefix("lm_anatomy_") for p in (resources_dir() / "translations").glob("*.qm"))
# Headings every lesson part has, in each language (tests/test_lessons.py checks the English ones); a
# language not listed here still has its headings counted, in order.
HEADINGS = {"es": {"Try this": "Prueba esto", "Question": "Pregunta", "Tasks": "Tareas",
                   "In your own words": "Con tus propias palabras"}}
VOID = {"br", "meta", "hr", "img"}
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
CHECK_TAG = re.compile(r'<span data-check="([\w.]+)">(.*?)</span>', re.S)
# Text the model reads stays English in every language (the shipped model learned Shakespeare):
# quoted prompts, words typed into the window, tokens. Sentences inside these are not "left untranslated".
QUOTED = re.compile(r"<(i|b|code)>.*?</\1>|<span data-check=.*?</span>|“[^”]*”|\"[^\"]*\"", re.S)


def english(folder: str) -> list[Path]:
    return sorted((resources_dir() / folder / "en").glob("*.html"))


def pairs() -> list[tuple[str, str, str]]:
    return [(folder, lang, path.name) for folder in FOLDERS for lang in TRANSLATED for path in english(folder)]


def both(folder: str, lang: str, name: str) -> tuple[str, str]:
    en = (resources_dir() / folder / "en" / name).read_text(encoding="utf-8")
    translated = resources_dir() / folder / lang / name
    assert translated.is_file(), f"{folder}/{lang}/{name} is missing: every English file needs its translation"
    return en, translated.read_text(encoding="utf-8")


class Shape(HTMLParser):
    """Headings (h1 to h3, their text), anchors, and markup problems of one HTML file."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[str, str]] = []
        self.anchors: list[str] = []
        self.problems: list[str] = []
        self.open: list[str] = []
        self.text = ""
        self.feed(html)
        self.close()
        self.problems += [f"<{t}> never closed" for t in self.open]

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("name"):
            self.anchors.append(dict(attrs)["name"])
        if tag in ("h1", "h2", "h3"):
            self.text = ""
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:  # <br/> arrives as a start and an end
            return
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else 'nothing'}>")
            return
        self.open.pop()
        if tag in ("h1", "h2", "h3"):
            self.headings.append((tag, " ".join(self.text.split())))

    def handle_data(self, data):
        self.text += data


def plain(html: str) -> str:
    html = re.sub(r"<style.*?</style>|<title>.*?</title>|<!--.*?-->", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ").split())


def sentences(html: str, words: int = 6) -> list[str]:
    """The English prose of a file: its sentences of `words` words (of letters) or more, quoted prompts and
    the model's answers left out (so sums, byte lists and token pieces are not prose)."""
    text = plain(QUOTED.sub(" ", html))
    return [s.strip() for s in re.split(r"[.!?:;()]", text) if len(re.findall(r"[A-Za-z]{2,}", s)) >= words]


# ---- every file has its translation --------------------------------------------------------------
def test_english_lives_in_its_folder_and_every_translation_has_an_original():
    assert "es" in TRANSLATED
    for folder in FOLDERS:
        assert len(english(folder)) >= 12, folder
        stray = sorted(p.name for p in (resources_dir() / folder).glob("*.html"))
        assert not stray, f"{folder}: files outside a language folder are never shown: {stray}"
        for lang in TRANSLATED:
            translated = {p.name for p in (resources_dir() / folder / lang).glob("*.html")}
            extra = translated - {p.name for p in english(folder)}
            assert not extra, f"{folder}/{lang}: no English original for {sorted(extra)}"


@pytest.mark.parametrize("folder,lang,name", pairs())
def test_the_translation_keeps_sections_numbers_and_anchors(folder, lang, name):
    en, translated = both(folder, lang, name)
    shape_en, shape = Shape(en), Shape(translated)
    assert not shape.problems, shape.problems
    assert [t for t, _ in shape.headings] == [t for t, _ in shape_en.headings], "the same headings, in order"
    renamed = HEADINGS.get(lang, {})
    for (_, heading_en), (_, heading) in zip(shape_en.headings, shape.headings):
        if heading_en in renamed:
            assert heading == renamed[heading_en], f"{heading_en!r} is {renamed[heading_en]!r}, not {heading!r}"
    assert shape.anchors == shape_en.anchors, "anchors are names the code opens a lesson at"
    numbers = set(NUMBER.findall(plain(translated)))
    lost = sorted(set(NUMBER.findall(plain(en))) - numbers)
    assert not lost, f"numbers of the English file missing from the translation: {lost}"
    assert translated.count("<li") == en.count("<li") and translated.count("<p") == en.count("<p")


@pytest.mark.parametrize("folder,lang,name", pairs())
def test_no_english_sentence_is_left(folder, lang, name):
    en, translated = both(folder, lang, name)
    text = plain(translated)
    left = [s for s in sentences(en) if s in text]
    assert not left, f"English left in {folder}/{lang}/{name}: {left}"


def test_the_leftover_check_finds_english():
    en = "<p>The gradient of the loss points uphill. Then <i>To be, or not to be, that is</i> it.</p>"
    assert sentences(en) == ["The gradient of the loss points uphill"]
    assert sentences("<p>U+1F642, bytes F0 9F 99 82 and 3,111,936 = 393,216 + 49,152 + 384.</p>") == []
    assert "The gradient of the loss points uphill" in plain("<p>Hola. The gradient of the loss points uphill.</p>")


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("name", [p.name for p in english("worksheets")])
def test_worksheets_keep_their_tasks_write_boxes_and_checked_answers(lang, name):
    from app.worksheets import KEY_MARKER, split_sheet

    en, translated = both("worksheets", lang, name)
    assert translated.count(KEY_MARKER) == 1
    assert re.findall(r"<!--write:\d+-->", translated) == re.findall(r"<!--write:\d+-->", en)
    assert CHECK_TAG.findall(translated) == CHECK_TAG.findall(en), "the answer key's numbers are the model's"
    tasks, answers = split_sheet(translated)
    assert tasks.count("<li>") == split_sheet(en)[0].count("<li>")
    assert "data-check" not in tasks and "page-break-before: always" in answers.split(">")[0]
    assert re.search(r"<h2[^>]*>" + re.escape(translation(lang, "Answer key")) + " · ", answers), "the key's heading"


def translation(lang: str, text: str) -> str:
    """`text` as the window spells it in `lang` (resources/translations/lm_anatomy_<lang>.ts)."""
    from xml.etree import ElementTree

    ts = ElementTree.parse(resources_dir() / "translations" / f"lm_anatomy_{lang}.ts")
    return next(m.findtext("translation") for m in ts.iter("message") if m.findtext("source") == text)


# ---- the window in Spanish -----------------------------------------------------------------------
@pytest.fixture
def spanish(qapp):
    from app.i18n import install

    install(qapp, "es")
    yield
    install(qapp, "en")


def test_the_spanish_window_shows_spanish_lessons_and_worksheets(qtbot, tmp_path, spanish):
    from _gui import open_window

    from app.common.pages import LessonPane
    from app.common.sample import tiny_model_dir
    from app.worksheets import WorksheetDialog, open_worksheets, read_sheet, sheet_title

    with open_window(qtbot, tmp_path, tiny_model_dir()) as window:
        for stage, title in (("attention", "Atención: los tokens se miran entre sí"),
                             ("output", "Salida: elegir el siguiente token")):
            window.show_stage(stage)
            text = window.lesson.toPlainText()
            assert title in text and "Prueba esto" in text and "Try this" not in text
        pretrain_lesson = window.tabs.widget(1).findChild(LessonPane)  # the Pre-train tab's lesson
        assert "Preentrenamiento: aprender a adivinar el siguiente token" in pretrain_lesson.toPlainText()
        window.show_stage("positions")
        dialog = open_worksheets(window)
        assert isinstance(dialog, WorksheetDialog) and dialog.key == "positions"
        assert dialog.picker.currentText() == sheet_title(read_sheet("positions", "es"))
        assert dialog.picker.currentText() != sheet_title(read_sheet("positions", "en"))
        shown = dialog.view.toPlainText()
        assert "Tareas" in shown and "Tasks" not in shown and "Soluciones" not in shown
        dialog.answers.setChecked(True)
        assert "Soluciones · " in dialog.view.toPlainText()
        pdf = dialog.save_as_pdf(str(tmp_path / "hoja.pdf"))
        assert pdf and Path(pdf).stat().st_size > 1000
        dialog.close()


def test_english_is_the_fallback_for_an_untranslated_file(qapp, spanish):
    from app.i18n import localized_resource

    assert localized_resource("lessons", "attention.html").parent.name == "es"
    assert localized_resource("lessons", "attention.html", "en").parent.name == "en"
    assert localized_resource("lessons", "no-such-lesson.html").parent.name == "en"
    assert localized_resource("lessons", "attention.html", "fr").parent.name == "en"


@pytest.mark.parametrize("key", ["attention", "finetune"])
def test_a_spanish_pdf_has_as_many_task_pages_as_the_english_and_its_key_after_them(qapp, tmp_path, key):
    from PySide6.QtGui import QPageSize
    from test_worksheets import pdf_pages

    from app.i18n import install
    from app.worksheets import save_pdf

    a4, pages = QPageSize(QPageSize.PageSizeId.A4), {}
    try:
        for lang in ("en", "es"):
            install(qapp, lang)
            save_pdf(key, str(tmp_path / f"{lang}-tasks.pdf"), False, a4)
            save_pdf(key, str(tmp_path / f"{lang}-all.pdf"), True, a4)
            pages[lang] = pdf_pages(tmp_path / f"{lang}-tasks.pdf"), pdf_pages(tmp_path / f"{lang}-all.pdf")
    finally:
        install(qapp, "en")
    (tasks_en, _), (tasks_es, all_es) = pages["en"], pages["es"]
    assert tasks_es == tasks_en, "the students' pages: as many in Spanish as in English"
    assert tasks_es < all_es <= tasks_es + 2, "the key starts on a page of its own"
