"""Make any token label safe and visible on screen (spaces, line breaks, control and bidi marks)."""
from __future__ import annotations

import html
import unicodedata

_SPECIAL = {" ": "·", "\n": "↵", "\t": "→", "\r": "␍", "\x7f": "␡"}


def visible(label: str, max_len: int = 40) -> str:
    """A label with whitespace and invisible characters shown as symbols; never empty."""
    out = []
    for ch in label:
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ord(ch) < 32:
            out.append(chr(0x2400 + ord(ch)))  # the Unicode "control pictures"
        elif unicodedata.category(ch) in ("Cf", "Cc", "Zl", "Zp", "Cs", "Co", "Cn"):
            out.append(f"⟨U+{ord(ch):04X}⟩")  # bidi overrides, zero-width joiners, ...
        else:
            out.append(ch)
    text = "".join(out) or "∅"
    if len(text) > max_len:
        text = text[: max_len - 1] + "…"
    return text


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def isolate(text: str) -> str:
    """Wrap in a Unicode first-strong isolate so right-to-left text cannot reorder its neighbours."""
    return "\u2068" + text + "\u2069"
