"""Worksheets (Help ▸ Worksheets…): one per stage and per training tab, tasks and an answer key, the key
left out of the PDF unless asked, and the answer keys' numbers recomputed from the shipped model.

A number in a worksheet written as <span data-check="NAME">VALUE</span> must equal CHECKS[NAME]() for the
shipped model (tests/_worksheet_checks.py, which prints every value when run as a script).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from _worksheet_checks import CHECK, CHECKS

from app.explore.stages import STAGES
from app.worksheets import KEY_MARKER, TRAINING_SHEETS, read_sheet, split_sheet, worksheets_dir


def all_sheets() -> list[str]:
    return [*STAGES, *TRAINING_SHEETS]


def checked_numbers() -> list[tuple[str, str, str]]:
    """(sheet, check name, the value written in the sheet) for every tagged number."""
    return [(key, name, value) for key in all_sheets() if (worksheets_dir() / f"{key}.html").is_file()
            for name, value in CHECK.findall(read_sheet(key))]


# ---- the files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("key", all_sheets())
def test_every_stage_and_training_tab_has_a_worksheet_with_tasks_and_a_key(key):
    html = read_sheet(key)
    tasks, answers = split_sheet(html)
    assert KEY_MARKER in html and html.count(KEY_MARKER) == 1
    task_list = re.search(r'<ol class="tasks">(.*?)</ol>', tasks, re.S)
    assert task_list, f"{key}: no task list"
    assert 4 <= task_list.group(1).count("<li>") <= 6, f"{key}: 4 to 6 tasks"
    assert "In your own words" in tasks, f"{key}: no explain-in-your-own-words question"
    assert "page-break-before: always" in answers.split(">")[0], f"{key}: the key must start on a new page"
    key_list = re.search(r"<ol>(.*?)</ol>", answers, re.S)
    assert key_list and key_list.group(1).count("<li>") >= task_list.group(1).count("<li>"), \
        f"{key}: an answer for every task"
    assert "data-check" not in tasks, f"{key}: an answer's number sits in the tasks"


# ---- the numbers ---------------------------------------------------------------------------------
def test_every_check_is_used_by_a_worksheet_and_every_tag_has_a_check():
    used = {name for _, name, _ in checked_numbers()}
    assert used <= set(CHECKS), f"tags without a check: {sorted(used - set(CHECKS))}"
    assert set(CHECKS) <= used, f"checks no worksheet uses: {sorted(set(CHECKS) - used)}"


@pytest.mark.parametrize("key", all_sheets())
def test_the_answer_keys_numbers_are_the_shipped_models(key):
    written = [(name, " ".join(value.replace("&amp;", "&").split())) for sheet, name, value in checked_numbers()
               if sheet == key]
    wrong = [(name, value, CHECKS[name]()) for name, value in written if CHECKS[name]() != value]
    assert not wrong, f"{key}: (check, written, the model gives) {wrong}"




# ---- print and PDF -------------------------------------------------------------------------------
def pdf_pages(path: Path) -> int:
    """Pages of a PDF Qt wrote: its page objects (the page tree itself is /Type /Pages)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


@pytest.mark.parametrize("key", ["text", "attention"])
def test_the_answer_key_is_left_out_of_the_pdf_unless_asked(qapp, tmp_path, key):
    from PySide6.QtGui import QPageSize

    from app.worksheets import save_pdf, sheet_html

    assert "Answer key" not in sheet_html(key, False) and "Answer key" in sheet_html(key, True)
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    save_pdf(key, str(tmp_path / "tasks.pdf"), False, a4)
    save_pdf(key, str(tmp_path / "all.pdf"), True, a4)
    tasks, everything = pdf_pages(tmp_path / "tasks.pdf"), pdf_pages(tmp_path / "all.pdf")
    assert tasks >= 1
    assert everything == tasks + 1  # the key starts on a page of its own and fits on it


def test_a_pdf_that_cannot_be_written_says_so(qapp, tmp_path):
    from app.worksheets import WorksheetDialog

    dialog = WorksheetDialog(None, "tokens")
    assert dialog.save_as_pdf(str(tmp_path / "no such folder" / "sheet.pdf")) == ""
    assert "Could not save" in dialog.view.toPlainText()
    dialog.close()


def test_the_dialog_toggles_the_key_and_saves_what_it_shows(qapp, tmp_path):
    from app.worksheets import WorksheetDialog, sheet_keys

    dialog = WorksheetDialog(None, "output")
    assert dialog.key == "output" and dialog.picker.count() == len(sheet_keys()) == len(all_sheets())
    assert "Answer key" not in dialog.view.toPlainText() and not dialog.answers.isChecked()
    dialog.answers.setChecked(True)
    assert "Answer key" in dialog.view.toPlainText()
    path = dialog.save_as_pdf(str(tmp_path / "output.pdf"))
    assert path and pdf_pages(Path(path)) >= 2
    dialog.select("finetune")
    assert dialog.key == "finetune" and "Fine-tune" in dialog.view.toPlainText()
    dialog.close()


# ---- opened from the window ----------------------------------------------------------------------
def test_help_worksheets_opens_on_the_stage_and_the_tab_on_screen(qtbot, tmp_path):
    from _gui import open_window

    from app.common.sample import tiny_model_dir
    from app.worksheets import WorksheetDialog

    with open_window(qtbot, tmp_path, tiny_model_dir()) as window:
        action = next(a for menu in window.menuBar().actions() if menu.menu()
                      for a in menu.menu().actions() if a.text() == "Worksheets…")
        window.show_stage("positions")
        action.trigger()
        dialog = window.findChild(WorksheetDialog)
        assert dialog.isVisible() and not dialog.isModal() and dialog.key == "positions"
        dialog.close()
        window.tabs.setCurrentIndex(1)  # Pre-train
        action.trigger()
        assert window.findChild(WorksheetDialog) is dialog and dialog.isVisible() and dialog.key == "pretrain"
        window.tabs.setCurrentIndex(0)
        window.show_stage("attention")
        action.trigger()
        assert dialog.key == "attention" and "Attention" in dialog.picker.currentText()
