"""Tokens: the text as coloured chips with ids, three tokenizers side by side, BPE merges step by step."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.i18n import QT_TR_NOOP, tr

from ...common.flow import FlowLayout
from ...common.textutil import esc, visible
from .base import Panel, count, heading, note
from .bpe_merges import BpeMerges
from .token_strip import Chip, TokenStrip

KIND_TITLES = {"char": QT_TR_NOOP("Characters"), "word": QT_TR_NOOP("Words"), "bpe": QT_TR_NOOP("Byte-level BPE")}
MAX_COMPARE_CHIPS = 400


class TokensPanel(Panel):
    name, title = "tokens", QT_TR_NOOP("Tokens")
    token_clicked = Signal(int)  # a chip was clicked: show that token's embedding

    def __init__(self, appearance=None, parent=None):
        super().__init__(appearance, parent)
        self.comparison_tokenizers: dict[str, object] = {}
        self.count_label = heading("", self.appearance)
        self.notice = note("", self.appearance)
        self.chip_box = QWidget()
        self.flow = FlowLayout(self.chip_box, spacing=5)
        self.chips: list[Chip] = []
        scroll = self.chip_scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.chip_box)
        scroll.setFrameShape(QFrame.NoFrame)

        self.compare_grid = QGridLayout()
        self.compare_rows: dict[str, tuple[QLabel, TokenStrip]] = {}
        for r, kind in enumerate(("char", "word", "bpe")):
            title, chips = QLabel(), TokenStrip(self.appearance)
            self.compare_grid.addWidget(title, r, 0, Qt.AlignTop)
            self.compare_grid.addWidget(chips, r, 1, Qt.AlignTop)
            self.compare_rows[kind] = (title, chips)
        self.compare_grid.setColumnStretch(1, 1)
        self.merges = BpeMerges(self.appearance)
        lower = QWidget()  # comparison and merges share one scroll area, packed at the top
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(heading(tr("The same text, three ways to split it"), self.appearance))
        lv.addLayout(self.compare_grid)
        lv.addSpacing(12)
        lv.addWidget(heading(tr("Byte-pair encoding, one merge at a time"), self.appearance))
        lv.addWidget(self.merges)
        lv.addStretch(1)
        lower_scroll = QScrollArea()
        lower_scroll.setWidgetResizable(True)
        lower_scroll.setWidget(lower)
        lower_scroll.setFrameShape(QFrame.NoFrame)

        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 3)
        layout.addWidget(lower_scroll, 2)

    # ---- data in -----------------------------------------------------------------------
    def set_model(self, info) -> None:
        super().set_model(info)
        self.comparison_tokenizers = {info.kind: info.tokenizer}  # the other kinds arrive from the worker

    def set_comparison_tokenizers(self, tokenizers: dict[str, object]) -> None:
        self.comparison_tokenizers = dict(tokenizers)
        if self.trace is not None:
            self._render_comparison()
            self.merges.set_tokenizer(self.comparison_tokenizers.get("bpe"), self.trace.text)

    def render(self, trace) -> None:
        self.trace = trace
        first_generated = self.first_generated
        n = trace.n_tokens
        while len(self.chips) < n:
            chip = Chip(self.token_clicked.emit)
            self.chips.append(chip)
            self.flow.addWidget(chip)
        a = self.appearance
        font = a.font(1.0, mono=True)
        encoded = trace.text.encode("utf-8")
        for i, chip in enumerate(self.chips):
            if i >= n:
                chip.hide()
                continue
            tid = int(trace.token_ids[i])
            label = trace.token_strs[i]
            chip.token_id = tid
            b0, b1 = (int(v) for v in trace.byte_spans[i])
            c0, c1 = (int(v) for v in trace.char_spans[i])
            raw = encoded[b0:b1]
            # Each setter re-lays-out or re-polishes the chip; on a keystroke most chips are unchanged,
            # so only what differs is set (the style sheet most of all: it re-polishes the widget).
            html = (f"<span>{esc(visible(label))}</span><br>"
                    f"<span style='font-size:{a.point_size * 0.75:.0f}pt; color:{a.hex('muted')}'>{tid}</span>")
            if chip.text() != html:
                chip.setText(html)
            tip = tr("token id {0}, position {1}\ncharacters {2}–{3}, bytes {4}–{5}\nUTF-8: {6}").format(
                tid, int(trace.positions[i]), c0, c1, b0, b1, raw.hex(" ").upper() or tr("(none)"))
            if "⟨" in label:  # bytes of a character split across tokens: name the character
                chars = trace.text[c0:max(c1, c0 + 1)]
                tip += "\n" + tr("part of {0}").format(", ".join(f"“{ch}” (U+{ord(ch):04X})" for ch in chars[:4]))
            tip += "\n" + tr("click to see its embedding")
            if chip.toolTip() != tip:
                chip.setToolTip(tip)
            if chip.font() != font:
                chip.setFont(font)
            border = a.hex("generated") if 0 <= first_generated <= i else a.hex("grid")
            width = 3 if 0 <= first_generated <= i else 1
            style = (f"QLabel {{ background: {a.category(i).name()}; color: {a.hex('fg')};"
                     f" border: {width}px solid {border}; border-radius: 6px; padding: 3px 6px; }}")
            if chip.styleSheet() != style:
                chip.setStyleSheet(style)
            chip.show()
        self.flow.invalidate()
        self._fit_chips()
        chars = len(trace.text)
        # each tr() outside the f-string: lupdate does not read calls inside an f-string's braces
        tokens, characters = count(n, tr("token"), tr("tokens")), count(chars, tr("character"), tr("characters"))
        n_bytes = count(len(trace.text.encode("utf-8")), tr("byte"), tr("bytes"))
        self.count_label.setText("  ·  ".join((tokens, characters, n_bytes)))
        notes = []
        if trace.truncated_chars:
            notes.append(tr("Only the last {0} tokens fit in the model's context; the first {1} characters are not "
                            "shown to the model.").format(n, trace.truncated_chars))
        if first_generated >= 0:
            notes.append(tr("Tokens with a <b style='color:{0}'>thick outline</b> were generated by the model.")
                         .format(a.hex("generated")))
        notes.append(tr("Hover a chip for its byte span. · marks a space, ↵ a line break, ⟨E2 80⟩ bytes of a split "
                        "character."))
        self.notice.setText("<br>".join(notes))
        self._render_comparison()
        self.merges.set_tokenizer(self.comparison_tokenizers.get("bpe"), trace.text)

    def _fit_chips(self) -> None:
        """As tall as the chips need (up to half the panel), so a short prompt leaves room below."""
        needed = self.flow.heightForWidth(max(200, self.chip_scroll.viewport().width())) + 8
        self.chip_scroll.setMaximumHeight(max(60, min(needed, self.height() // 2)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.trace is not None:
            self._fit_chips()

    # ---- comparison ----------------------------------------------------------------------
    def comparison_counts(self) -> dict[str, int]:
        return {kind: len(tok.encode(self.trace.text)) for kind, tok in self.comparison_tokenizers.items()}

    def _render_comparison(self) -> None:
        a = self.appearance
        for kind, (title, chips) in self.compare_rows.items():
            tok = self.comparison_tokenizers.get(kind)
            if tok is None:
                title.setText(f"<b>{tr(KIND_TITLES[kind])}</b>")
                chips.set_tokens([], tr("training a {0} tokenizer on the corpus…").format(tr(KIND_TITLES[kind]).lower()))
                continue
            ids = tok.encode(self.trace.text)
            unknown = sum(tok.is_unknown(i) for i in ids)
            extra = (f"<br><span style='color:{a.hex('muted')}'>" + tr("{0} unknown").format(unknown) + "</span>"
                     if unknown else "")
            n_tokens = count(len(ids), tr("token"), tr("tokens"))
            title.setText(f"<b>{tr(KIND_TITLES[kind])}</b><br>{n_tokens}<br>"
                          f"<span style='color:{a.hex('muted')}'>" + tr("vocab {0}").format(f"{tok.vocab_size:,}")
                          + f"</span>{extra}")
            more = tr("… and {0} more").format(len(ids) - MAX_COMPARE_CHIPS) if len(ids) > MAX_COMPARE_CHIPS else ""
            chips.set_tokens([tok.label(tid) for tid in ids[:MAX_COMPARE_CHIPS]], more)


if __name__ == "__main__":
    import sys

    from ...common.sample import preview
    from ..engine import comparison_tokenizers

    def make():
        panel = TokensPanel()
        panel.set_comparison_tokenizers(comparison_tokenizers())
        return panel

    sys.exit(preview(make))
