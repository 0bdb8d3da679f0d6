"""Byte-pair encoding replayed for one word: a slider from raw bytes to the final tokens."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from app.i18n import tr, translated

from ...common.appearance import Appearance
from ...common.textutil import esc, visible


def pieces(n: int) -> str:
    """ "1 piece", "2 pieces" (the plural form follows the number)."""
    return (tr("{0} piece") if n == 1 else
            tr("{0} pieces")).format(n)


class BpeMerges(QWidget):
    def __init__(self, appearance: Appearance, parent=None):
        super().__init__(parent)
        self.appearance = appearance
        self.tokenizer = None  # a byte-level BPE TextTokenizer
        self.text = ""
        self.merge_states: list[list[str]] = []
        self.word_combo = QComboBox()
        self.word_combo.setEditable(True)
        self.word_combo.setMinimumContentsLength(14)
        self.merge_slider = QSlider(Qt.Horizontal)
        self.merge_step_label = QLabel()
        self.merge_view = QLabel()
        self.merge_view.setTextFormat(Qt.RichText)
        self.merge_view.setWordWrap(True)
        self.word_combo.currentTextChanged.connect(self._word_changed)
        self.merge_slider.valueChanged.connect(self._show_merge_state)
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Word:")))
        row.addWidget(self.word_combo)
        row.addWidget(QLabel(tr("raw bytes")))
        row.addWidget(self.merge_slider, 1)
        row.addWidget(QLabel(tr("final tokens")))
        row.addWidget(self.merge_step_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.merge_view)

    def set_tokenizer(self, tokenizer, text: str) -> None:
        self.tokenizer, self.text = tokenizer, text
        self._fill_words()

    def _fill_words(self) -> None:
        words = []
        for w in re.findall(r"\S+", self.text):
            w = w.strip(".,;:!?\"'()[]") or w
            if w not in words:
                words.append(w)
        words.sort(key=len, reverse=True)
        current = self.word_combo.currentText()
        self.word_combo.blockSignals(True)
        self.word_combo.clear()
        self.word_combo.addItems(words[:60])
        keep = current if current in words else (words[0] if words else "")
        self.word_combo.setCurrentText(keep)
        self.word_combo.blockSignals(False)
        self._word_changed(keep)

    def _word_changed(self, word: str) -> None:
        tok = self.tokenizer
        if tok is None or not word:
            self.merge_states = []
            self.merge_view.setText(tr("Preparing a byte-level BPE tokenizer…") if word
                                    else tr("Type a word above to see how BPE builds it."))
            return
        try:
            self.merge_states = tok.bpe_merge_steps(word)
        except Exception as exc:  # a TokenizerError: show it, keep going
            self.merge_states = []
            self.merge_view.setText(esc(translated(exc)))
            return
        self.merge_slider.blockSignals(True)
        self.merge_slider.setRange(0, len(self.merge_states) - 1)
        self.merge_slider.setValue(len(self.merge_states) - 1)
        self.merge_slider.blockSignals(False)
        self._show_merge_state(self.merge_slider.value())

    def _show_merge_state(self, step: int) -> None:
        if not self.merge_states:
            return
        a = self.appearance
        state = self.merge_states[step]
        chips = " ".join(f"<span style='background:{a.category(j).name()}; color:{a.hex('fg')}; "
                         f"font-family:DejaVu Sans Mono'>&nbsp;{esc(visible(p))}&nbsp;</span>" for j, p in enumerate(state))
        last = len(self.merge_states) - 1
        self.merge_step_label.setText(tr("merge {0} of {1}").format(step, last))
        what = tr("raw UTF-8 bytes, one token each") if step == 0 else (
            tr("the final tokens") if step == last else
            tr("after 1 merge") if step == 1 else tr("after {0} merges").format(step))
        self.merge_view.setText(f"<span style='font-size:{a.point_size * 1.3:.0f}pt'>{chips}</span>"
                                f"&nbsp;&nbsp;<span style='color:{a.hex('muted')}'>{pieces(len(state))}: {what}</span>")
