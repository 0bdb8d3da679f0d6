"""The Output stage for a masked-LM model (BERT-style): it predicts hidden tokens, not a next one, so
the stage shows no bars and says why, and Step and Play are off (app.explore.decoding.generates)."""
from __future__ import annotations

import numpy as np

from app.i18n import tr, translated

from ...common.plots import set_title
from ...common.textutil import esc


def show_no_next_token(panel) -> None:
    """Empty the OutputPanel's bars and explain: generation needs a causal model."""
    from model.masking import GENERATION_NEEDS_CAUSAL  # plain text; the engine is loaded by now

    for bars in (panel.raw_bars, panel.cut_bars, panel.kept_bars):
        bars.setOpts(x0=[], y=[], width=[], height=0.8)
    panel.bar_labels.set_labels([], panel.appearance.font(0.9))
    panel.candidates, panel.label_texts = np.zeros(0, np.int64), []
    set_title(panel.plot, tr("No next token: this model fills in blanks"), panel.appearance)
    why = esc(translated(GENERATION_NEEDS_CAUSAL))  # model/ words it in English: shown in the window's language
    panel.summary.setText(why + " " + tr("The <b>Fill the blank</b> stage shows what this model does."))
