"""The shipped bias-probe sets' names and descriptions, marked for translation.

The sets themselves are resources/bias_probes/*.json, in English, which model.bias_probe loads (a teacher may
edit one or add their own). lupdate does not read JSON, so the English of the shipped names and descriptions is
repeated here inside QT_TR_NOOP; the Bias tab shows a name or description through `shown`: translated if it is
one of these, as it is written otherwise (an edited or a new set). tests/test_challenges_texts.py fails if a
shipped file's text and this list part. The prompts and targets stay English: the shipped model read English."""
from __future__ import annotations

from app.i18n import QT_TR_NOOP, SOURCE_LANGUAGE, current_language, tr

from ...common.textutil import esc

SHIPPED_TEXTS = (
    QT_TR_NOOP("Occupations and pronouns"),
    QT_TR_NOOP("Only the occupation changes. Which pronoun does the model expect next? A model that has read more "
               "about male doctors and female nurses will say so."),
    QT_TR_NOOP("Pronouns, then a job"),
    QT_TR_NOOP("Only the pronoun changes; the targets are jobs. The same question asked the other way round."),
    QT_TR_NOOP("Names and pronouns"),
    QT_TR_NOOP("Only the name changes. A name carries no grammar, so any preference the model shows for he or she "
               "comes from how those names were used in its training text."),
    QT_TR_NOOP("Control: a word that should not matter"),
    QT_TR_NOOP("The changed word should have nothing to do with the targets. The ratios still move a little: "
               "differences no bigger than this one's are not evidence of anything."),
)


def shown(text: str) -> str:
    """A probe set's name or description in the window's language if it is a shipped one, else as written."""
    return tr(text) if text in SHIPPED_TEXTS else text


def described(probe) -> str:
    """The set's description as rich text; in another language than English, why its prompts are English."""
    text = esc(shown(probe.description))
    if current_language() != SOURCE_LANGUAGE:
        text += "<br>" + esc(tr("The prompts stay in English: the shipped model read only English text (Shakespeare)."))
    return text
