"""The guided tour's steps: the curriculum in order, one stop per stage or training tab.

Each step names where it goes (a stage key or a tab), which widget it highlights (an attribute path on
that stage's panel; the whole panel when the attribute is missing), an optional prompt, what to look at,
one thing to try, and a check question with feedback for every choice. Steps for stages this build does
not have are left out (tour_steps() filters them), so the tour always matches the stage list.
"""
from __future__ import annotations

from dataclasses import dataclass

from app.i18n import tr


@dataclass(frozen=True)
class Choice:
    text: str
    right: bool
    feedback: str


@dataclass(frozen=True)
class TourStep:
    place: str  # a stage key, or "tab:pretrain" / "tab:finetune"
    target: str  # attribute path on the panel (e.g. "mosaic"), "" for the whole panel or tab page
    title: str
    text: str  # what the highlighted view shows
    try_this: str
    question: str
    choices: tuple[Choice, ...]
    prompt: str | None = None  # set in the prompt box when the step opens (None: keep the reader's)


def _steps() -> list[TourStep]:
    c = Choice
    return [
        TourStep("overview", "", tr("The whole model at a glance"),
                 tr("This diagram is the model you are about to explore, drawn from its real sizes: text becomes "
                    "tokens, tokens become vectors, the vectors pass through a stack of identical blocks "
                    "(attention, then an MLP, each adding to the residual stream), and the last vector is turned "
                    "into a score for every token in the vocabulary."),
                 tr("Count the blocks, and read on the boxes how many numbers make up each token's vector."),
                 tr("What does the model produce at the very end of one forward pass?"),
                 (c(tr("A probability for every token in its vocabulary, for the next position"), True,
                    tr("Right: one score (logit) per vocabulary token, turned into probabilities by softmax.")),
                  c(tr("The whole next sentence"), False,
                    tr("Not at once: one pass gives one next token's distribution; a sentence takes many passes.")),
                  c(tr("A corrected version of the prompt"), False,
                    tr("No: it only scores what could come next after the last token.")))),
        TourStep("text", "", tr("Text is bytes"),
                 tr("The model never sees letters. Here every character of the prompt is shown with the bytes "
                    "UTF-8 stores it as: most English letters take one byte, accented letters two, an emoji four."),
                 tr("Type an accented letter (é) and an emoji into the prompt and find their bytes."),
                 tr("How many bytes does UTF-8 use for the letter é?"),
                 (c(tr("1"), False, tr("1 byte covers only the 128 ASCII characters; é is not one of them.")),
                  c(tr("2"), True, tr("Right: é is U+00E9, stored as the two bytes C3 A9.")),
                  c(tr("4"), False, tr("4 bytes are for characters beyond U+FFFF, such as most emoji."))),
                 prompt="Café au lait ☕"),
        TourStep("tokens", "", tr("Tokens: the pieces the model reads"),
                 tr("The tokenizer cuts the text into pieces from a fixed vocabulary and gives each an id. Common "
                    "words are one piece; rare words are split into several. The model only ever sees the ids."),
                 tr("Type a long, rare word (e.g. 'incomprehensibilities') and count its pieces."),
                 tr("Can this byte-level tokenizer meet a piece of text it cannot encode at all?"),
                 (c(tr("Yes, rare words become an 'unknown' token"), False,
                    tr("Not here: every byte is in the vocabulary, so the worst case is one token per byte.")),
                  c(tr("No: any text falls back to single bytes"), True,
                    tr("Right: byte-level BPE starts from all 256 bytes, so nothing is ever unknown."))),
                 prompt="To be, or not to be: incomprehensibilities!"),
        TourStep("embeddings", "", tr("Embeddings: a vector for every token"),
                 tr("Each token id picks one learned vector (a row of the embedding matrix). The map squeezes "
                    "those vectors onto two dimensions; tokens used in similar ways tend to end up near each other."),
                 tr("Click a token in the map and read its nearest neighbours in the table."),
                 tr("Two random vectors of 192 numbers have a cosine similarity near 0. What does 0 mean?"),
                 (c(tr("The two tokens are unrelated in meaning"), False,
                    tr("Too strong: cosine 0 only says the vectors are orthogonal; random vectors in many "
                       "dimensions are nearly orthogonal anyway.")),
                  c(tr("The vectors are orthogonal (at right angles)"), True,
                    tr("Right: that is all the number says. Meaning has to be read from many such comparisons.")))),
        TourStep("positions", "similarity", tr("Positions: where each token stands"),
                 tr("Attention by itself does not know the order of tokens, so a vector for each position is added "
                    "to each token's vector. This stage shows those position vectors and how alike they are."),
                 tr("Look at the similarity of positions: how wide is the bright band around the diagonal?"),
                 tr("Why is the diagonal of the position-similarity map always at its brightest?"),
                 (c(tr("Every vector is most similar to itself"), True,
                    tr("Right: the diagonal compares each position with itself, so it says nothing; the band's "
                       "width around it is what the model learned.")),
                  c(tr("The model learned that neighbours matter most"), False,
                    tr("That is what the width of the band may show, not the diagonal itself.")))),
        TourStep("attention", "mosaic", tr("Attention: tokens look at each other"),
                 tr("Every small square is one head of one layer. Row i shows where token i looks among the tokens "
                    "before it; each row's weights sum to 1. The grey triangle is the causal mask: no token sees "
                    "the future."),
                 tr("Click a few heads. Find one whose bright cells sit just left of the diagonal: it looks back "
                    "one token."),
                 tr("The scores q·k are divided by √d_head before the softmax. Why?"),
                 (c(tr("To keep the scores from growing with the vector width, so softmax does not saturate"), True,
                    tr("Right: a dot product of d numbers grows like √d; without the division softmax puts "
                       "almost all weight on one token and its gradient nearly vanishes.")),
                  c(tr("To make every row sum to 1"), False, tr("That is the softmax's job, not the division's.")),
                  c(tr("To hide future tokens"), False, tr("That is the causal mask (−∞ before the softmax)."))),
                 prompt="ROMEO.\nBut soft, what light through yonder window breaks?"),
        TourStep("block", "", tr("Inside a block"),
                 tr("One block, step by step, for one token: layer norm, each head's query, keys and values, the "
                    "scaled scores, the weighted sum, W_O, the first residual add; then the MLP widens the vector, "
                    "applies GELU, narrows it again, and adds it back."),
                 tr("Change the layer and watch how much each block adds to the residual stream."),
                 tr("Which part of a block holds most of its parameters?"),
                 (c(tr("The attention heads"), False,
                    tr("Attention holds about a third: 4·d² weights (queries, keys, values and W_O).")),
                  c(tr("The MLP"), True, tr("Right: its two matrices of d × 4d hold 8·d², about two thirds.")),
                  c(tr("The layer norms"), False, tr("They hold only 2·d numbers each: a scale and a shift.")))),
        TourStep("output", "plot", tr("Choosing the next token"),
                 tr("The bars are the model's probabilities for the next token. Temperature divides the logits "
                    "before the softmax; top-k keeps the k likeliest; top-p keeps the smallest set whose "
                    "probability adds up to at least p. Step appends one token and runs the model again."),
                 tr("Press Step a few times; then set the temperature to 0 and step again."),
                 tr("What does temperature 0 do?"),
                 (c(tr("Always picks the most likely token (greedy)"), True,
                    tr("Right: the same prompt then always gives the same continuation.")),
                  c(tr("Picks tokens uniformly at random"), False,
                    tr("That is the limit of a very high temperature, not 0.")))),
        TourStep("fill_blank", "chip_scroll", tr("Two ways to train: next token or fill the blank"),
                 tr("GPT-style models are trained to predict the next token from the left only (the causal mask); "
                    "BERT-style models hide about 15% of the tokens and guess them from both sides. Here a masked "
                    "model and the causal model guess the same hidden token, side by side."),
                 tr("Click a word in the middle of the prompt to hide it, and compare the two charts."),
                 tr("Why can a masked model not write a story one token at a time?"),
                 (c(tr("It was trained to read both sides of a blank; when writing, the right side does not exist "
                       "yet"), True,
                    tr("Right: generation needs a model that predicts from the left only, as it was trained to.")),
                  c(tr("Its vocabulary has no words, only [MASK]"), False,
                    tr("No: it has the same vocabulary; [MASK] is one extra token that marks a blank.")),
                  c(tr("It is too small"), False,
                    tr("Size is not the reason: even a large masked model is not trained to continue text.")))),
        TourStep("tab:pretrain", "", tr("Pre-training"),
                 tr("Here a model learns from scratch: it predicts every next token of a text, the loss measures "
                    "how wrong it was, and each step moves the weights a little against the gradient (AdamW)."),
                 tr("Start a run with the smallest model size and watch the loss curve fall in the first minute."),
                 tr("The gradient of the loss points in which direction?"),
                 (c(tr("Uphill: where the loss grows fastest, so the step goes the other way"), True,
                    tr("Right: gradient descent steps against the gradient.")),
                  c(tr("Downhill, straight to the best weights"), False,
                    tr("No: it points uphill, and only locally; the optimizer steps the opposite way.")))),
        TourStep("tab:finetune", "", tr("Fine-tuning"),
                 tr("Fine-tuning starts from a trained model and trains a little more on a task: a new head that "
                    "labels sentences, or more text in one style. Examples held out from training show whether "
                    "it generalises."),
                 tr("Start a short run on the bundled labelled examples and watch the held-out accuracy."),
                 tr("What are held-out examples watched during training called?"),
                 (c(tr("A validation set"), True, tr("Right: they are never trained on; they measure progress.")),
                  c(tr("The training set"), False, tr("No: those are the examples the weights learn from.")))),
        TourStep("challenges", "", tr("What is hard about language models"),
                 tr("Three challenges, live: the compute a model costs (training takes about 6·N·D operations), "
                    "the biases it repeats from its training text, and how hard it is to say why it answered as it "
                    "did."),
                 tr("In Compute, slide N and D up to GPT-3's size and read how long this laptop would need."),
                 tr("A model trained on old plays prefers 'he' after 'The doctor said that'. What does that show?"),
                 (c(tr("That doctors are men"), False,
                    tr("No: it shows a pattern of the text the model learned from, nothing about the world.")),
                  c(tr("That the training text paired those words more often"), True,
                    tr("Right: a model repeats the statistics of its data, biases included.")))),
    ]


def tour_steps(stages) -> list[TourStep]:
    """The steps whose stage exists in this build, in curriculum order."""
    return [s for s in _steps() if s.place.startswith("tab:") or s.place in stages]
