"""Help ▸ Worksheets…: one printable worksheet per stage (and for the two training tabs), with an
answer key the teacher may leave out of the print.

A worksheet is an HTML file in resources/worksheets/<lang>/<key>.html, shown in the window's language
(English where a translation is missing). Everything after the marker
`<!-- answer key -->` is the key (it starts on a new page: `page-break-before: always`), and a
comment `<!--write:N-->` becomes a box with room for N lines of handwriting.
"""
from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextBlockFormat, QTextDocument, QTextFormat
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from model.paths import resources_dir

from .explore.stages import STAGES
from .i18n import QT_TR_NOOP, SOURCE_LANGUAGE, localized_resource

TRAINING_SHEETS = ("pretrain", "finetune")  # the Pre-train and Fine-tune tabs, in tab order
KEY_MARKER = "<!-- answer key -->"
# Every sheet's key opens with a heading "<this, translated> · <the sheet's title>" (in Spanish "Soluciones · …"):
# marked here so translators give the word the sheets must use (tests/test_localized_texts.py checks them).
ANSWER_KEY_HEADING = QT_TR_NOOP("Answer key")
WRITE_BOX = re.compile(r"<!--write:(\d+)-->")
PRINT_POINT_SIZE = 11  # body text on paper; headings scale from it
PAGE_MARGIN_MM = 18


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # the empty context: app.i18n explains why


def worksheets_dir(language: str = SOURCE_LANGUAGE) -> Path:
    """The worksheets in one language (English, the original, lists which sheets there are)."""
    return resources_dir() / "worksheets" / language


def sheet_keys() -> list[str]:
    """The worksheets there are, in the order of the stage list and then the training tabs."""
    return [key for key in (*STAGES, *TRAINING_SHEETS) if (worksheets_dir() / f"{key}.html").is_file()]


def read_sheet(key: str, language: str | None = None) -> str:
    """The sheet in `language` (default: the window's), or in English where it is not translated."""
    return localized_resource("worksheets", f"{key}.html", language).read_text(encoding="utf-8")


def sheet_title(html: str) -> str:
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    return re.sub(r"\s+", " ", found.group(1)).strip() if found else ""


def split_sheet(html: str) -> tuple[str, str]:
    """(the tasks, the answer key): the key is everything after the marker, up to </body>."""
    tasks, _, key = html.partition(KEY_MARKER)
    return tasks, key.split("</body>")[0]


def sheet_html(key: str, with_answers: bool) -> str:
    """The worksheet as it is shown and printed: write-in boxes drawn, the key kept only when asked."""
    tasks, answers = split_sheet(read_sheet(key))
    html = tasks + (answers if with_answers else "") + "</body></html>"
    return WRITE_BOX.sub(lambda m: write_box(int(m.group(1))), html)


def write_box(lines: int) -> str:
    """A ruled box with room for `lines` lines of handwriting."""
    room = "<br/>".join(["&nbsp;"] * max(1, lines))
    return ("<table width='100%' cellspacing='0' cellpadding='6' style='border-collapse: collapse; "
            f"border: 1px solid #9a9a9a; margin-top: 4px; margin-bottom: 10px'><tr><td>{room}</td></tr></table>")


def local_page_size() -> QPageSize:
    """Letter where the locale measures in inches (the United States and a few others), A4 elsewhere."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize(QPageSize.PageSizeId.Letter if imperial else QPageSize.PageSizeId.A4)


def printable(key: str, with_answers: bool, printer: QPrinter) -> QTextDocument:
    """A document laid out on the printer's pages: black on white at a readable size, whatever the window's
    theme, with the own-words question (the tasks' last heading) moved to the next page rather than split
    from its heading."""
    doc = QTextDocument()
    font = QFont()
    font.setPointSizeF(PRINT_POINT_SIZE)
    doc.setDefaultFont(font)
    doc.setHtml(sheet_html(key, with_answers))
    doc.setPageSize(printer.pageRect(QPrinter.Unit.Point).size())
    tasks, answers = split_sheet(read_sheet(key))
    keep_together(doc, headings(tasks)[-1] if headings(tasks) else "",
                  headings(answers)[0] if with_answers and headings(answers) else "")
    return doc


def headings(html: str) -> list[str]:
    """The plain text of each <h2>, as the laid-out document spells it (read from the sheet, so in its language)."""
    found = re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found]


def keep_together(doc: QTextDocument, heading: str, next_heading: str) -> None:
    """Start `heading` on a new page when what follows it, up to `next_heading` (or the end), would cross one."""
    start = doc.find(heading) if heading else None
    if start is None or start.isNull():
        return
    after = doc.find(next_heading, start) if next_heading else None
    end_block = after.block().previous() if after is not None and not after.isNull() else doc.lastBlock()
    layout, page = doc.documentLayout(), doc.pageSize().height()
    first = int(layout.blockBoundingRect(start.block()).top() // page)
    last_rect = layout.blockBoundingRect(end_block)
    if int((last_rect.bottom() - 1) // page) != first:
        fmt = QTextBlockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        start.mergeBlockFormat(fmt)


def prepare_printer(printer: QPrinter, page_size: QPageSize | None = None) -> None:
    printer.setPageSize(page_size or local_page_size())
    printer.setPageMargins(QMarginsF(*[PAGE_MARGIN_MM] * 4), QPageLayout.Unit.Millimeter)


def save_pdf(key: str, path: str, with_answers: bool = False, page_size: QPageSize | None = None) -> None:
    """Print worksheet `key` to a PDF file (the answer key only when asked). OSError if it cannot be written
    (QPrinter itself fails silently)."""
    with open(path, "ab"):
        pass
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setDocName(sheet_title(read_sheet(key)))
    prepare_printer(printer, page_size)
    printable(key, with_answers, printer).print_(printer)


class WorksheetDialog(QDialog):
    """A stage picker, the worksheet, "include the answer key", Print… and Save as PDF…; non-modal."""

    def __init__(self, parent=None, key: str = ""):
        super().__init__(parent)
        self.setWindowTitle(tr("Worksheets"))
        self.setModal(False)
        self.picker = QComboBox()
        for k in sheet_keys():
            self.picker.addItem(sheet_title(read_sheet(k)), k)
        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(False)
        self.answers = QCheckBox(tr("Include the answer key"))
        self.answers.setToolTip(tr("Show the answers and add them to the print and the PDF, on their own page"))
        self.last_pdf = ""  # where the last PDF was saved (tests read it)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answers)
        buttons.addStretch(1)
        for text, slot in ((tr("Print…"), self.print_sheet), (tr("Save as PDF…"), lambda: self.save_as_pdf()),
                           (tr("Close"), self.close)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Worksheet:")))
        top.addWidget(self.picker, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.picker.currentIndexChanged.connect(self.show_sheet)
        self.answers.toggled.connect(self.show_sheet)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(760, int(screen.width() * 0.9)), min(820, int(screen.height() * 0.9)))
        self.select(key)

    @property
    def key(self) -> str:
        return self.picker.currentData() or ""

    def select(self, key: str) -> None:
        index = self.picker.findData(key)
        self.picker.setCurrentIndex(max(0, index))
        self.show_sheet()

    def show_sheet(self, *_) -> None:
        if not self.key:
            self.view.setHtml(tr("<p>No worksheets were found in {0}.</p>").format(worksheets_dir()))
            return
        self.view.setHtml(sheet_html(self.key, self.answers.isChecked()))

    def print_sheet(self) -> None:
        if not self.key:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("Print worksheet"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            printable(self.key, self.answers.isChecked(), printer).print_(printer)

    def save_as_pdf(self, path: str = "") -> str:
        if not self.key:
            return ""
        suffix = "-with-answers" if self.answers.isChecked() else ""
        path = path or QFileDialog.getSaveFileName(self, tr("Save worksheet as PDF"),
                                                   f"worksheet-{self.key}{suffix}.pdf", tr("PDF (*.pdf)"))[0]
        if path:
            try:
                save_pdf(self.key, path, self.answers.isChecked())
            except OSError as exc:
                self.view.append(tr("<p><b>Could not save {0}:</b> {1}</p>").format(path, exc))
                return ""
            self.last_pdf = path
        return path


def sheet_for(window) -> str:
    """The worksheet for what the window shows: the training tab's, or the explorer's current stage."""
    tab = window.tabs.currentIndex()
    if 1 <= tab <= len(TRAINING_SHEETS):
        return TRAINING_SHEETS[tab - 1]
    return window.current_stage


def open_worksheets(window) -> WorksheetDialog:
    """Help ▸ Worksheets…: one dialog per window (shown again if open), on the sheet for what is on screen."""
    dialog = window.findChild(WorksheetDialog)
    if dialog is None:
        dialog = WorksheetDialog(window, sheet_for(window))  # the window owns it; closing only hides it
    else:
        dialog.select(sheet_for(window))
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
