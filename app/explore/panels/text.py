"""Text: what the model receives, before any splitting: characters, bytes, and the context window."""
from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QProgressBar,
    QTableWidget,
    QTextBrowser,
    QVBoxLayout,
)

from app.i18n import QT_TR_NOOP, tr

from ...common.tables import bulk_fill, set_cell
from ...common.textutil import esc, visible
from .base import Panel, count, heading, note

MAX_CHAR_ROWS = 300


def character_rows(text: str) -> list[tuple[str, str, str, str]]:
    """Each distinct character once, in order of appearance: (shown, code point, name, UTF-8 bytes)."""
    rows = []
    for ch in dict.fromkeys(text):
        rows.append((visible(ch), f"U+{ord(ch):04X}", unicodedata.name(ch, tr("(unnamed)")).lower(),
                     ch.encode("utf-8", errors="surrogatepass").hex(" ").upper()))
        if len(rows) >= MAX_CHAR_ROWS:
            break
    return rows


class TextPanel(Panel):
    name, title = "text", QT_TR_NOOP("Text")

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.stats = heading("", self.appearance)
        self.view = QTextBrowser()
        self.usage = QProgressBar()
        self.usage.setTextVisible(True)
        self.usage_note = note("", self.appearance)
        self.chars = QTableWidget(0, 4)
        self.chars.setHorizontalHeaderLabels([tr("character"), tr("code point"), tr("Unicode name"), tr("UTF-8 bytes")])
        self.chars.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.chars.horizontalHeader().setStretchLastSection(True)
        self.chars.verticalHeader().hide()
        self.chars.setEditTriggers(QAbstractItemView.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stats)
        layout.addWidget(self.view, 1)
        layout.addWidget(heading(tr("How much of the context window this uses"), self.appearance))
        layout.addWidget(self.usage)
        layout.addWidget(self.usage_note)
        layout.addWidget(heading(tr("Every character is stored as 1 to 4 bytes (UTF-8)"), self.appearance))
        layout.addWidget(self.chars, 2)

    def render(self, trace) -> None:
        self.trace = trace
        a = self.appearance
        text = trace.text
        n_bytes = len(text.encode("utf-8"))
        # each tr() outside the f-string: lupdate does not read calls inside an f-string's braces
        characters = count(len(text), tr("character"), tr("characters"))
        utf8 = count(n_bytes, tr("UTF-8 byte"), tr("UTF-8 bytes"))
        self.stats.setText(" · ".join((characters, utf8, count(trace.n_tokens, tr("token"), tr("tokens")))))
        split = int(trace.char_spans[self.first_generated, 0]) if self.first_generated >= 0 else len(text)
        prompt, generated = text[:split], text[split:]
        body = f"<span>{esc(prompt)}</span>"
        if generated:
            body += f"<span style='color:{a.hex('generated')}; font-weight:bold'>{esc(generated)}</span>"
        self.view.setHtml(f"<div style='font-size:{a.point_size * 1.4:.0f}pt; white-space:pre-wrap'>{body}</div>")
        context = self.info.config["context_length"] if self.info else max(1, trace.n_tokens)
        self.usage.setRange(0, context)
        self.usage.setValue(min(context, trace.n_tokens))
        self.usage.setFormat(tr("{0} of {1} tokens").format(trace.n_tokens, context))
        notes = []
        if trace.truncated_chars:
            notes.append(tr("<b>The text is longer than the model can read at once.</b> It sees only the last "
                            "{0} tokens, a sliding window; the first {1} characters are out of its sight and are "
                            "not shown here.").format(trace.n_tokens, f"{trace.truncated_chars:,}"))
        if generated:
            notes.append(tr("<span style='color:{0}'>Coloured text</span> was written by the model, one token at a "
                            "time.").format(a.hex("generated")))
        self.usage_note.setText("<br>".join(notes) or tr("Everything you typed fits in the model's context window."))
        rows = character_rows(text)
        with bulk_fill(self.chars):
            self.chars.setRowCount(len(rows))
            for r, values in enumerate(rows):
                for c, value in enumerate(values):
                    set_cell(self.chars, r, c, value)
        self.view.setFont(a.font())


    def tables(self):
        return {"characters": self.chars}


if __name__ == "__main__":
    import sys

    from ...common.sample import preview

    sys.exit(preview(TextPanel))
