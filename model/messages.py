"""Messages that the window can show in its own language, built without Qt.

A `Message` is the English text the command line prints (it is a `str`, so every caller that expects a
string keeps working) that also remembers how it was made: an English template with `{0}`, `{1}`
placeholders and the values that fill them. The app translates the template and fills it again
(`app.i18n.translated`); numbers stay numbers until then, so `{0:,}` formats them after translation.

Each template is written once, where the message is made, inside `QT_TR_NOOP(...)` so that lupdate
(run over model/ as well as app/, see app/i18n.py) puts it in the translation file. An argument may
itself be a Message (a reason inside a sentence); it is translated too.
"""
from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for; no Qt is imported)
    """Marks a template for lupdate; the app translates it where it is shown."""
    return text


class Message(str):
    """English text that carries its template and arguments (see the module docstring)."""

    template: str
    args: tuple

    def __new__(cls, template: str, *args) -> Message:
        self = super().__new__(cls, template.format(*args) if args else template)
        self.template, self.args = template, args
        return self

    def __reduce__(self):  # pickled into and out of the training child with its parts
        return (type(self), (self.template, *self.args))

    def to_json(self) -> dict:
        """For a run's run.json: the parts, nested messages included (arguments are plain JSON values)."""
        return {"template": self.template, "args": [a.to_json() if isinstance(a, Message) else a
                                                    if isinstance(a, (str, int, float, bool)) else str(a)
                                                    for a in self.args]}

    @classmethod
    def from_json(cls, data) -> Message | str:
        if isinstance(data, dict) and isinstance(data.get("template"), str):
            return cls(data["template"], *(cls.from_json(a) for a in data.get("args", [])))
        return data


def joined(*parts: str, separator: str = " ") -> str:
    """Sentences one after another, each kept translatable: Message("{0} {1}", a, b), empty parts left out."""
    kept = [p for p in parts if p]
    if len(kept) <= 1:
        return kept[0] if kept else ""
    return Message(separator.join("{%d}" % i for i in range(len(kept))), *kept)


def message_of(exc: BaseException) -> str:
    """An exception's message: the Message it was raised with, else its English text."""
    return exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], Message) else str(exc)
