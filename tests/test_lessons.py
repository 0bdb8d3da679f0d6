"""The lessons beside each stage and training tab (resources/lessons/en/*.html; the translations are checked
by tests/test_localized_texts.py): one for every stage and tab, each ending with a "Try this" and a
"Question", well-formed, carrying the facts a teacher of machine learning insists on, written in our own
words (no 8-word run shared with the seed article), and quoting the shipped model's numbers as the model
really has them."""
from __future__ import annotations

import ast
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from app.explore.stages import STAGES
from model.paths import default_model_dir, lessons_dir

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "000_0d2ff70b761047a8.txt"
TRY, QUESTION = "Try this", "Question"  # every lesson part ends with <h3>Try this</h3> …, then <h3>Question</h3> …
MAX_WORDS = 420  # one lesson part (an <h2> and what follows), read beside the stage at a projector
SHINGLE = 8  # words in a row that may not be shared with the seed article
QT_TAGS = {"h2", "h3", "p", "ul", "ol", "li", "b", "i", "code", "sub", "sup", "a", "br", "span"}
VOID_TAGS = {"br"}


# ---- reading a lesson ---------------------------------------------------------------------------
class Lesson(HTMLParser):
    """A lesson's text (W<sub>O</sub> reads as W_O), its parts (split at <h2>), each part's headings
    with the text under them, its anchors, and the problems of its markup."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.parts: list[dict] = []  # {"title", "sections": [(h3 title, text under it)]}
        self.anchors: set[str] = set()
        self.problems: list[str] = []
        self.open: list[str] = []
        self.heading: str | None = None  # "h2" or "h3" while inside one
        self.buffer = ""
        self.feed(html)
        self.close()
        self._flush()
        self.problems += [f"<{t}> never closed" for t in self.open]

    def handle_starttag(self, tag, attrs):
        if tag not in QT_TAGS:
            self.problems.append(f"<{tag}> is not a tag the lesson pane renders")
        if tag == "a" and dict(attrs).get("name"):
            self.anchors.add(dict(attrs)["name"])
        if tag in ("h2", "h3"):
            self._flush()
            self.heading = tag
        if tag == "sub":
            self.buffer += "_"
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.open[-1] if self.open else 'nothing'}>")
            return
        self.open.pop()
        if tag in ("h2", "h3"):
            title, self.buffer = " ".join(self.buffer.split()), ""
            if tag == "h2":
                self.parts.append({"title": title, "sections": [("", "")]})
            elif self.parts:
                self.parts[-1]["sections"].append((title, ""))
            else:
                self.problems.append(f"<h3>{title}</h3> before the lesson's <h2> title")
            self.heading = None
        elif tag in ("p", "li"):
            self.buffer += " "

    def handle_data(self, data):
        self.buffer += data

    def _flush(self) -> None:
        if self.heading is None and self.parts and self.buffer.strip():
            title, text = self.parts[-1]["sections"][-1]
            self.parts[-1]["sections"][-1] = (title, " ".join((text + " " + self.buffer).split()))
        if self.heading is None:
            self.buffer = ""

    @property
    def text(self) -> str:
        return " ".join(p["title"] + " " + " ".join(t + " " + body for t, body in p["sections"]) for p in self.parts)


def read(name: str) -> Lesson:
    return Lesson((lessons_dir() / f"{name}.html").read_text(encoding="utf-8"))


def training_lessons() -> list[tuple[str, str]]:
    """(lesson, anchor) of every training panel: the arguments of its lesson_columns(...) call."""
    found = []
    for path in sorted((ROOT / "app" / "training").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "lesson_columns" and len(node.args) >= 5:
                anchor = next((k.value.value for k in node.keywords if k.arg == "anchor"), "")
                found.append((node.args[4].value, anchor))
    return found


OURS = ["text", "tokens", "embeddings", "positions", "attention", "output", "overview", "pretraining", "finetuning"]
EVERY = sorted(set(STAGES) | {name for name, _ in training_lessons()})


# ---- every stage and tab has a lesson, shaped alike -----------------------------------------------
def test_every_stage_and_training_tab_has_a_lesson():
    tabs = training_lessons()
    assert {name for name, _ in tabs} >= {"pretraining", "finetuning"}, tabs  # the search found the tabs
    assert len(tabs) >= 3, tabs  # Pre-train, Fine-tune (classify) and continued training
    for stage in STAGES:
        assert (lessons_dir() / f"{stage}.html").is_file(), f"stage {stage} has no lesson"
    for name, anchor in tabs:
        assert (lessons_dir() / f"{name}.html").is_file(), f"training tab lesson {name} is missing"
        if anchor:
            assert anchor in read(name).anchors, f"{name}.html has no <a name='{anchor}'> for its panel"


@pytest.mark.parametrize("name", EVERY)
def test_lesson_parses_and_each_part_ends_with_try_this_and_a_question(name):
    lesson = read(name)
    assert lesson.problems == [], lesson.problems
    assert lesson.parts, f"{name}.html has no <h2> title"
    for part in lesson.parts:
        titles = [title for title, _ in part["sections"]]
        assert titles[-2:] == [TRY, QUESTION], f"{name}: '{part['title']}' ends with {titles[-2:]}"
        assert titles.count(TRY) == titles.count(QUESTION) == 1, f"{name}: '{part['title']}': one of each"
        try_text, question = part["sections"][-2][1], part["sections"][-1][1]
        assert len(try_text.split()) >= 6, f"{name}: the Try this of '{part['title']}' is empty"
        assert question.rstrip().endswith("?"), f"{name}: the Question of '{part['title']}' asks nothing"


@pytest.mark.parametrize("name", OURS)
def test_lesson_is_short_enough_to_read_beside_its_stage(name):
    for part in read(name).parts:
        words = len(" ".join(t + " " + body for t, body in part["sections"]).split())
        assert words <= MAX_WORDS, f"{name}: '{part['title']}' has {words} words, too long beside a stage"


# ---- the facts --------------------------------------------------------------------------------------
# Per lesson: (pattern that must be found in its text, why). Case-insensitive, over the text with tags
# removed and white space collapsed.
FACTS = {
    "text": [
        (r"multiplies each input by its own weight", "a neuron weights each input"),
        (r"sums the products, adds a bias", "sums and adds a bias"),
        (r"non-linearity", "then applies a non-linearity"),
        (r"uses GELU", "the non-linearity of this model"),
        (r"stacked on each other collapse into a single linear map", "why the non-linearity matters"),
        (r"not masked language modelling", "next-token prediction is not masked language modelling"),
    ],
    "tokens": [
        (r"all 256 byte values are tokens", "why byte-level BPE never meets an unknown"),
        (r"Nothing is ever unknown; that promise needs the bytes", "only byte-level BPE promises it"),
        (r"built before the model trains, in a separate step", "training the tokenizer is not training the model"),
        (r"applied in the order they were learned", "encoding follows the learned merge order"),
    ],
    "embeddings": [
        (r"0 means orthogonal", "cosine 0 is orthogonal"),
        (r"not the same as unrelated", "… not unrelated"),
        (r"random vectors are nearly orthogonal", "random 192-d vectors are near 0 already"),
        (r"weights are tied", "the same table scores the output"),
    ],
    "positions": [
        (r"Three families", "learned, sinusoidal, rotary"),
        (r"leaks a little order through its mask", "a causal mask alone leaks order"),
        (r"The signal is the width of the gold band", "the band's width, not the diagonal"),
        (r"each vector matches itself exactly \(1\)", "the diagonal is always 1"),
    ],
    "attention": [
        (r"divided by √d_head = √32", "scaled dot product"),
        (r"Without the division, scores grow with the vectors. width", "why the scaling"),
        (r"\) has its own query, key and value weights", "each head its own Q, K, V"),
        (r"multiplied by one more matrix, W_O, and added to the token.s vector, the residual stream", "heads → W_O → residual"),
        (r"residual stream", "named where it first appears"),
        (r"layer norm \(", "layer norm explained where it first appears"),
        (r"two thirds of each block's parameters", "the MLP is not small"),
        (r"final layer norm and unembedding, which were trained only on the last layer", "what the lens reads through"),
        (r"output is zeroed before W_O", "what switching a head off does (model/transformer.py)"),
        (r"need not grow surer layer by layer", "the lens is not monotonic"),
    ],
    "output": [
        (r"the logits", "logits named"),
        (r"Temperature divides the logits before softmax", "temperature acts on logits"),
        (r"smallest set of likeliest tokens whose probabilities, after temperature, add up to at least p",
         "top-p: the smallest set reaching at least p"),
        (r"act in this order", "temperature, then top-k, then top-p"),
        (r"renormalised", "kept tokens are renormalised"),
    ],
    "overview": [
        (r"residual stream", "the running vector"),
        (r"layer norm", "each part reads through a layer norm"),
        (r"MLP holds two thirds of the block", "the MLP is most of a block"),
    ],
    "pretraining": [
        (r"points uphill", "the gradient points uphill"),
        (r"against it", "a step goes against the gradient"),
        (r"AdamW", "the optimizer named"),
        (r"warms up, then follows a cosine", "the schedule of model/settings.py"),
        (r"That is a different \"mask\"", "the causal mask is not the mask of masked LM"),
        (r"separate counting job with no network", "tokenizer training is not model training"),
    ],
    "finetuning": [
        (r"act as a validation set", "watched held-out rows are a validation set"),
        (r"one label to almost everything", "an untrained head is not a coin toss"),
        (r"after the final layer norm\) are averaged", "mean pooling, as model/classify.py does"),
    ],
}
# What today's lessons said wrong, never to come back.
WRONG = {
    "embeddings": [r"0 means unrelated"],
    "positions": [r"Two families"],
    "attention": [r"small feed-forward", r"Watch the guess sharpen"],
    "text": [r"adds up its inputs, scales them"],
    "finetuning": [r"answers are a coin toss"],
}


def test_the_facts_are_there_and_the_old_mistakes_are_not():
    missing = []
    for name, facts in FACTS.items():
        text = read(name).text
        missing += [f"{name}: {why} ({pattern!r})" for pattern, why in facts if not re.search(pattern, text, re.I)]
        missing += [f"{name}: still says {p!r}" for p in WRONG.get(name, []) if re.search(p, text, re.I)]
    assert missing == [], "\n".join(missing)


def test_the_output_lesson_lists_the_controls_in_the_order_decoding_applies_them():
    text = read("output").text
    order = [text.index(f"{control} ") for control in ("Temperature divides", "Top-k keeps", "Top-p (nucleus)")]
    assert order == sorted(order)
    import model.decoding as decoding  # the order the code applies them in, as its docstring states it

    assert "temperature, then top-k, then top-p" in decoding.shape_distribution.__doc__


# ---- our own words -----------------------------------------------------------------------------------
def shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'").replace("'", ""))
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@pytest.mark.skipif(not SEED.exists(), reason="the seed article (../shared/seed) is not beside this checkout")
@pytest.mark.parametrize("name", OURS)
def test_no_run_of_eight_words_is_shared_with_the_seed_article(name):
    shared = shingles(read(name).text) & shingles(SEED.read_text(encoding="utf-8"))
    assert shared == set(), [" ".join(s) for s in shared]


def test_the_shingle_check_finds_a_copied_sentence():
    copied = "Transformers lack inherent knowledge of the order of input tokens."
    assert shingles(copied) & shingles("Positional Encoding\nTransformers lack inherent knowledge of the order "
                                       "of input tokens. Positional encoding provides")


# ---- the shipped model's numbers ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped():
    from model.checkpoint import load_model

    return load_model(default_model_dir())


@pytest.fixture(scope="module")
def numbers(shipped) -> dict[str, float]:
    """What the lessons may quote about the shipped model, read from the model itself."""
    from app.explore.panels.output import N_BARS
    from model.masking import MASK_FRACTION

    config, state = shipped.model.config, dict(shipped.model.named_parameters())

    def count(*prefixes: str) -> int:
        return sum(t.numel() for k, t in state.items() if k.startswith(prefixes))

    merges = json.loads((default_model_dir() / "tokenizer.json").read_text(encoding="utf-8"))["model"]["merges"]
    chars = pretrain_tab_characters()
    return dict(
        n_layer=config.n_layer, n_head=config.n_head, d_head=config.d_head, d_model=config.d_model,
        d_mlp=config.d_mlp, vocab=config.vocab_size, context=config.context_length, bytes=256,
        merges=len(merges), attention_block=count("blocks.0.attn.", "blocks.0.ln1."),
        mlp_block=count("blocks.0.mlp.", "blocks.0.ln2."), final_norm=count("ln_f."),
        total=sum(t.numel() for t in state.values()), bars=N_BARS,
        random_cosine=round(1 / math.sqrt(config.d_model), 2), char_loss=round(math.log(chars), 1), chars=chars,
        masked_percent=round(100 * MASK_FRACTION),
    )


def pretrain_tab_characters() -> int:
    """The Pre-train tab's default tokenizer (characters, up to 512) on the bundled plays: its real size."""
    from model.paths import default_corpus_dir
    from model.tokenizer import TextTokenizer

    texts = [p.read_text(encoding="utf-8") for p in sorted(default_corpus_dir().glob("*.txt"))]
    return TextTokenizer.train("char", texts, 512).vocab_size


# (lesson, pattern, the names of `numbers` its groups quote, in order)
QUOTES = [
    ("text", r"each of the (\d+) blocks holds (\d+) such neurons", ("n_layer", "d_mlp")),
    ("text", r"context window of (\d+) tokens", ("context",)),
    ("tokens", r"([\d,]+) tokens are the (\d+) bytes plus ([\d,]+) merges", ("vocab", "bytes", "merges")),
    ("tokens", r"all (\d+) byte values", ("bytes",)),
    ("embeddings", r"a table of ([\d,]+) rows", ("vocab",)),
    ("embeddings", r"a vector of (\d+) numbers", ("d_model",)),
    ("embeddings", r"(\d+) dimensions cannot be drawn", ("d_model",)),
    ("embeddings", r"all ([\d,]+) vectors", ("vocab",)),
    ("embeddings", r"In (\d+) dimensions even", ("d_model",)),
    ("embeddings", r"within ±(0\.\d+) of 0", ("random_cosine",)),
    ("positions", r"Its (\d+) rows fix the context window at (\d+) tokens", ("context", "context")),
    ("attention", r"Each of a layer's (\d+) heads \(in the shipped model\)", ("n_head",)),
    ("attention", r"\(what it passes on\), (\d+) numbers each", ("d_head",)),
    ("attention", r"√d_head = √(\d+)", ("d_head",)),
    ("attention", r"The (\d+) head outputs, side by side \((\d+) numbers\)", ("n_head", "d_model")),
    ("attention", r"MLP \((\d+) GELU neurons\)", ("d_mlp",)),
    ("output", r"the same ([\d,]+) × (\d+) table", ("vocab", "d_model")),
    ("output", r"turns the ([\d,]+) logits", ("vocab",)),
    ("output", r"show the (\d+) likeliest", ("bars",)),
    ("overview", r"vectors of (\d+) numbers", ("d_model",)),
    ("overview", r"(\d+) Transformer blocks", ("n_layer",)),
    ("overview", r"\((\d+) heads side by side", ("n_head",)),
    ("overview", r"widen (\d+) → (\d+), GELU, narrow back to (\d+)", ("d_model", "d_mlp", "d_model")),
    ("overview", r"([\d,]+) parameters in attention and ([\d,]+) in the MLP", ("attention_block", "mlp_block")),
    ("overview", r"learned in training: ([\d,]+) in the shipped model", ("total",)),
    ("overview", r"into ([\d,]+) scores, yet it has only (\d+) parameters", ("vocab", "final_norm")),
    ("pretraining", r"ln\(vocabulary size\): (\d\.\d) for (\d+) tokens", ("char_loss", "chars")),
    ("pretraining", r"near (\d\.\d) with (\d+) character tokens", ("char_loss", "chars")),
    ("pretraining", r"with a ([\d,]+)-token BPE vocabulary", ("vocab",)),
    ("pretraining", r"(\d+)% of the tokens are picked", ("masked_percent",)),
    ("finetuning", r"the last N of its (\d+) blocks", ("n_layer",)),
    ("finetuning", r"all (\d+) lets the whole network adapt", ("n_layer",)),
]
# Numbers a lesson may write that are not about the shipped model, each with its reason.
OTHER_NUMBERS = {
    "text": set(),
    "tokens": set(),
    "embeddings": {"305", "11", "+1", "0", "−1", "+0.6"},  # two ids as name tags; the cosine scale; a likeness
    "positions": {"+1", "0", "1", "+0.7", "100", "200", "−0.4", "10", "11"},  # cosine scale; band (tested); Question
    "attention": {"0", "1", "1.0", "4", "5", "6"},  # mean 0, spread 1, sum to 1; layers (tested); the top-left cell
    "output": {"0", "1", "2", "0.50", "71"},  # the temperature scale, sum to 1, rank 1; Try this; Question
    "overview": {"0", "1", "5"},  # mean 0 and spread 1; Block 5 in the Try this
    "pretraining": {"0", "1", "2"},  # loss near 0; clipping at 1; settings section 2
    "finetuning": {"50", "1", "6"},  # chance for two labels; the last 1 block, then all 6
}
WORD_NUMBERS = re.compile(r"(?<![\w.,-])[+−]?\d+(?:,\d{3})*(?:\.\d+)?(?!\w)")  # not UTF-8, GPT-2, ⟨F0 9F⟩


def test_every_number_quoted_for_the_shipped_model_is_the_model_s(numbers):
    wrong, unexplained, matched, stale = [], [], 0, []
    for name in OURS:
        text, covered, others = read(name).text, [], set()
        for lesson, pattern, keys in QUOTES:
            if lesson != name:
                continue
            found = list(re.finditer(pattern, text))
            assert found, f"{name}: the quote {pattern!r} is gone: update QUOTES with the lesson"
            for m in found:
                matched += 1
                covered.append(m.span())
                for key, value in zip(keys, m.groups()):
                    if float(value.replace(",", "")) != numbers[key]:
                        wrong.append(f"{name}: says {value} for {key}, the model has {numbers[key]}")
        for m in WORD_NUMBERS.finditer(text):
            if any(a <= m.start() < b for a, b in covered):
                continue
            others.add(m.group())
            if m.group() not in OTHER_NUMBERS[name]:
                unexplained.append(f"{name}: {m.group()!r} in “…{text[max(0, m.start() - 40):m.end() + 20]}…”")
        stale += [f"{name}: {n}" for n in OTHER_NUMBERS[name] - others]
    assert matched >= 30
    assert wrong == [], "\n".join(wrong)
    assert stale == [], "OTHER_NUMBERS allows numbers the lessons no longer write"
    assert unexplained == [], "numbers with no source (add a QUOTES pattern or an OTHER_NUMBERS reason):\n" + \
        "\n".join(unexplained)


def test_the_mlp_holds_two_thirds_of_a_block(numbers):
    d, m = numbers["d_model"], numbers["d_mlp"]
    assert numbers["attention_block"] == 4 * d * d + 4 * d + 2 * d  # Q, K, V, W_O with biases; ln1
    assert numbers["mlp_block"] == 2 * d * m + m + d + 2 * d  # up, down with biases; ln2
    share = numbers["mlp_block"] / (numbers["attention_block"] + numbers["mlp_block"])
    assert abs(share - 2 / 3) < 0.01, share


def test_random_vectors_of_the_model_s_width_are_nearly_orthogonal(numbers):
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((2, 20000, numbers["d_model"]))
    cosine = (a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    assert abs(cosine.mean()) < 0.005
    assert round(float(cosine.std()), 2) == numbers["random_cosine"]  # "typically within ±0.07 of 0"


def test_the_position_band_is_as_the_lesson_says(shipped):
    table = shipped.model.pos_emb.weight.detach().numpy()
    unit = table / np.linalg.norm(table, axis=1, keepdims=True)
    similarity = unit @ unit.T

    def apart(k: int) -> float:
        return float(np.mean(np.diagonal(similarity, k)))

    assert np.allclose(np.diagonal(similarity), 1.0, atol=1e-5)  # the diagonal says nothing
    assert abs(apart(1) - 0.7) < 0.1 and abs(apart(100)) < 0.1 and abs(apart(200) + 0.4) < 0.1
    assert similarity[0, 255] < 0 < similarity[0, 1]  # "row 0 falls from 1 to below 0"
    tokens = np.linalg.norm(shipped.model.tok_emb.weight.detach().numpy(), axis=1).mean()
    assert np.linalg.norm(table, axis=1).mean() < tokens / 2  # "position vectors are much shorter"


# Ten lines from the plays, read with the logit lens: the lesson says layer 5 was surer than layer 6 on four.
LENS_LINES = [
    "ROMEO: But soft, what light through yonder window breaks? It is the east, and Juliet is the",
    "To be, or not to be, that is the", "KING HENRY.\nNow, my lords, what say you to the",
    "First Citizen:\nBefore we proceed any further, hear me", "O Romeo, Romeo, wherefore art thou",
    "Friends, Romans, countrymen, lend me your", "All the world's a stage, and all the men and women merely",
    "Now is the winter of our discontent\nMade glorious summer by this sun of", "HAMLET.\nWhat a piece of work is a",
    "The quality of mercy is not",
]


def test_the_logit_lens_at_layer_5_is_often_surer_than_at_layer_6(shipped):
    from model.tracing import trace_text

    surest = [trace_text(shipped.model, shipped.tokenizer, line).lens_top_probs[:, -1, 0] for line in LENS_LINES]
    assert sum(top[4] > top[5] for top in surest) == 4  # "on ten lines from the plays … on four"
    assert "layer 5 was surer than layer 6 on four" in read("attention").text
    romeo = surest[LENS_LINES.index("O Romeo, Romeo, wherefore art thou")]  # the Try this: layer 5 surest
    assert romeo[4] > romeo[3] and romeo[4] > romeo[5]
    assert "Type O Romeo, Romeo, wherefore art thou and compare" in read("attention").text


def test_bpe_merges_apply_in_learned_order(shipped):
    steps = shipped.tokenizer.bpe_merge_steps("through")
    first = {piece: next(i for i, state in enumerate(steps) if piece in state) for piece in ("ou", "th")}
    assert first["ou"] < first["th"]  # "o+u join before t+h"
    assert steps[-1] == ["th", "r", "ough"] and shipped.tokenizer.encode(" through") == [1527]  # the Question


def test_the_far_clump_of_the_embedding_map_is_tokens_the_plays_never_use(shipped):
    from model.paths import default_corpus_dir

    table = shipped.model.tok_emb.weight.detach().numpy()
    centred = table - table.mean(0)
    first = centred @ np.linalg.svd(centred, full_matrices=False)[2][0]  # the map's x axis, up to its sign
    the = shipped.tokenizer.encode(" the")[0]
    far = np.argsort(np.sign(first[the]) * first)[:100]  # the 100 farthest from the side where ·the lies
    plays = b"".join(path.read_bytes() for path in sorted(default_corpus_dir().glob("*.txt")))
    absent = [plays.find(shipped.tokenizer.token_bytes(int(i))) < 0 for i in far]  # so never a token there
    assert np.mean(absent) >= 0.9  # "almost every token in that clump never occurs in the tokenized plays"


def test_an_untrained_head_gives_one_label_to_almost_everything(shipped):
    import torch

    from model.classify import Classifier, encode_batch, read_labelled_csv
    from model.paths import resources_dir

    data = read_labelled_csv(resources_dir() / "datasets" / "sentiment.csv")
    idx, mask = encode_batch(shipped.tokenizer, list(data.texts), shipped.model.config.context_length)
    pooling = Classifier(shipped.model, 1).eval()
    pooling.head = torch.nn.Identity()  # what the head receives: the final residual, normed and averaged
    with torch.no_grad():
        pooled = pooling(idx, mask)
    one_label = 0
    for seed in range(10):
        torch.manual_seed(seed)
        with torch.no_grad():
            guesses = Classifier(shipped.model, len(data.label_names())).head(pooled).argmax(1).numpy()
        one_label += np.bincount(guesses).max() >= 0.8 * len(guesses)
    assert one_label >= 6  # "usually": most random heads put 80% or more of the sentences under one label


# Controls a lesson names, as the app labels them: renaming one in the app must update the lesson.
CONTROLS = {
    "attention": ["Click a head to:", "switch it off or on", "MLP on in layer:", "Which heads matter here?",
                  "Before / after", "scores (before softmax)"],
    "output": ["Temperature", "Top-k", "Top-p", "Step", "Play", "Undo"],
    "tokens": ["Word"],
    "finetuning": ["Try a sentence", "Before", "After"],
    "pretraining": ["Samples", "Checkpoints", "Objective"],
    "overview": ["MLP", "self-attention"],
}


def test_the_controls_a_lesson_names_are_labelled_so_in_the_app():
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "app").rglob("*.py"))
    missing = [f"{name}: {label}" for name, labels in CONTROLS.items() for label in labels
               if label not in read(name).text or label not in source]
    assert missing == [], missing
