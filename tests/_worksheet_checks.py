"""The numbers the worksheets' answer keys quote, recomputed from the shipped model: CHECKS[name]() is the text
a worksheet must write as <span data-check="name">…</span>. `python tests/_worksheet_checks.py` prints them all."""
from __future__ import annotations

import functools
import math
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, it prints the checks

P_FIRST = "To be, or not to be, that is the question:"  # resources/scenarios/01-first-look
P_CAFE = P_FIRST + " café 🙂"
P_ROMEO = "ROMEO.\nBut soft, what light through yonder window breaks?\nIt is the east, and Juliet is the sun."
P_FRIENDS = "Friends, Romans, countrymen, lend me your"
P_KING = "The king is dead, long live the"  # resources/scenarios/03-decoding
CHECK = re.compile(r'<span data-check="([\w.]+)">(.*?)</span>', re.S)


@functools.lru_cache(maxsize=None)
def shipped():
    from model.checkpoint import load_model
    from model.paths import default_model_dir

    return load_model(str(default_model_dir()))


@functools.lru_cache(maxsize=None)
def traced(text: str):
    from model.tracing import trace_text

    return trace_text(shipped().model, shipped().tokenizer, text)


def weights(table: str) -> np.ndarray:
    return getattr(shipped().model, table).weight.detach().float().numpy()


def label(token_id: int) -> str:
    from app.common.textutil import visible

    return visible(shipped().tokenizer.label(int(token_id)))


def neighbours_text(word: str, k: int = 3) -> str:
    """The Embeddings stage's neighbour table for a one-token word: its first k rows."""
    from app.explore.panels.embeddings import nearest

    emb = weights("tok_emb")
    (token,) = shipped().tokenizer.encode(word)
    ids, sims = nearest(emb / np.linalg.norm(emb, axis=1, keepdims=True), token, k)
    return ", ".join(f"{label(i)} {s:+.3f}" for i, s in zip(ids, sims))


def position_cosine(a: int, b: int | None = None) -> str:
    """The similarity map's cell (a, b); without b, where row a first drops below 0."""
    table = weights("pos_emb")
    unit = table / np.linalg.norm(table, axis=1, keepdims=True)
    return str(int(np.argmax(unit @ unit[a] < 0))) if b is None else f"{unit[a] @ unit[b]:+.2f}"


def pca_percent(i: int) -> str:
    from app.explore.engine import pca_2d

    _, explained = pca_2d(weights("tok_emb"))
    return f"{explained[i] * 100:.0f}%"


def lens_guess(text: str, layer: int) -> str:
    t = traced(text)
    return f"{label(t.lens_top_ids[layer, -1, 0])} {t.lens_top_probs[layer, -1, 0] * 100:.1f}%"


def top_bars(text: str, n: int, temperature: float = 1.0) -> str:
    from app.explore.panels.output_history import pct
    from model.decoding import shape_distribution

    probs, _ = shape_distribution(traced(text).final_logits, temperature)
    order = np.argsort(-probs, kind="stable")[:n]
    return ", ".join(f"{label(i)} {pct(probs[i])}" for i in order)


def kept_count(text: str, temperature: float, top_k: int, top_p: float) -> str:
    from model.decoding import shape_distribution

    return f"{int(shape_distribution(traced(text).final_logits, temperature, top_k, top_p)[1].sum()):,}"


def greedy(text: str, steps: int) -> str:
    """The tokens temperature 0 appends, one Step at a time."""
    from model.decoding import Decoder

    decoder, chosen = Decoder(shipped().model, shipped().tokenizer.encode(text), lens_k=1), []
    for _ in range(steps):
        chosen.append(decoder.choose(0.0, 0, 1.0, np.random.default_rng(0)))
        decoder.step(chosen[-1])
    return " ".join(label(i) for i in chosen)


def previous_token_heads(text: str) -> str:
    """The two heads whose rows most often put their largest weight on the token just before."""
    t = traced(text)
    share = {}
    for layer, lt in enumerate(t.layers):
        for head in range(lt.attn_probs.shape[0]):
            rows = lt.attn_probs[head, 1:]
            share[(layer, head)] = float(np.mean(rows.argmax(axis=1) == np.arange(len(rows))))
    best = sorted(share, key=lambda k: -share[k])[:2]
    return ", ".join(f"L{layer + 1} H{head + 1} ({share[(layer, head)] * 100:.0f}%)" for layer, head in best)


def block(text: str, token: int = -1, layer: int = 0, head: int = 0):
    from app.explore.panels.block_steps import block_numbers

    t = traced(text)
    return block_numbers(t, layer, token % t.n_tokens, head, shipped().config.layer_norm_eps)


def block_top_weights(text: str) -> str:
    n, t = block(text), traced(text)
    best = np.argsort(-n.probs, kind="stable")[:3]
    return ", ".join(f"“{label(t.token_ids[i])}” {n.probs[i]:.2f}" for i in best)


def biggest_addition(text: str) -> str:
    n = block(text)
    parts = [(float(v), f"block {i + 1} attention") for i, v in enumerate(n.attn_norms)]
    parts += [(float(v), f"block {i + 1} MLP") for i, v in enumerate(n.mlp_norms)]
    value, name = max(parts)
    return f"{name}, {value:.2f}"


def params(part: str) -> str:
    from model.config import flops_per_token, parameter_count

    if part == "mflops":
        return f"{flops_per_token(shipped().config) / 1e6:.2f}"
    counts, n_layer = parameter_count(shipped().config), shipped().config.n_layer
    per_block = {"attention": counts["attention"] // n_layer, "mlp": counts["mlp"] // n_layer}
    return f"{per_block.get(part, counts.get(part, 0)):,}"


def comparison(kind: str, what: str) -> str:
    """The Tokens stage's comparison row of `kind`: its token count for P_FIRST, or its vocabulary size."""
    from app.explore.engine import comparison_tokenizers

    tok = comparison_tokenizers(shipped().tokenizer)[kind]
    return f"{len(tok.encode(P_FIRST)) if what == 'count' else tok.vocab_size:,}"


def training_cost(what: str) -> str:
    """N, D and 6·N·D as the Compute tab writes them."""
    from model.compute import flops_text, short, trained_total

    n, d = int(params("total").replace(",", "")), int(trained_total(shipped().training, "tokens_seen"))
    return {"n": short(n), "d": short(d), "flops": flops_text(6.0 * n * d)}[what]


def probe_ratios(name_start: str) -> str:
    from model.bias_probe import load_probe_sets, run_probe

    probe = next(p for p in load_probe_sets() if p.name.startswith(name_start))
    result = run_probe(shipped().model, shipped().tokenizer, probe)
    return ", ".join(f"{filler} {ratio:.1f}" for filler, ratio in zip(result.fillers, result.ratios()))


def causal_blank(text: str, position: int) -> str:
    from model.fill_blank import causal_guesses

    (guess,) = causal_guesses(shipped().model, shipped().tokenizer.encode(text), [position])
    top = ", ".join(f"{label(i)} {p * 100:.1f}%" for i, p in zip(guess.top_ids[:3], guess.top_probs[:3]))
    return f"{top}; {label(guess.answer)} {guess.answer_prob * 100:.1f}%, rank {guess.answer_rank}"


@functools.lru_cache(maxsize=None)
def untrained_classifier():
    """The Fine-tune tab's classifier before its first step (the tab's settings; the head seeded as it seeds it)."""
    from model.classify import ClassifierTrainer, ClassifyConfig

    cfg = ClassifyConfig(steps=200, learning_rate=1e-3, train_last_blocks=1, batch_size=16, eval_interval=10)
    return ClassifierTrainer(shipped().model, shipped().tokenizer, sentiment(), cfg)


@functools.lru_cache(maxsize=None)
def sentiment():
    from model.labelled import read_labelled_csv
    from model.paths import resources_dir

    return read_labelled_csv(resources_dir() / "datasets" / "sentiment.csv")


def before_answer(sentence: str) -> str:
    """What Try a sentence says before fine-tuning: the label and its probability, as the tab writes it."""
    from model.classify import predict

    trainer = untrained_classifier()  # the tab's "before": its classifier as built, seed 0
    probs = predict(trainer.before, shipped().tokenizer, [sentence])[0]
    return f"{trainer.labels[int(np.argmax(probs))]} {probs.max():.0%}"


def before_confusion() -> str:
    accuracy, confusion = untrained_classifier().evaluate()
    return f"{accuracy:.1%}, {confusion.tolist()}"


CHECKS = {
    "text.chars": lambda: str(len(P_FIRST)),  # Text
    "text.bytes": lambda: str(len(P_FIRST.encode("utf-8"))),
    "text.tokens": lambda: str(traced(P_FIRST).n_tokens),
    "text.context": lambda: str(shipped().config.context_length),
    "text.left": lambda: str(shipped().config.context_length - traced(P_FIRST).n_tokens),
    "text.per_token": lambda: f"{len(P_FIRST) / traced(P_FIRST).n_tokens:.1f}",
    "text.distinct": lambda: str(len(set(P_FIRST))),
    "text.cafe_chars": lambda: str(len(P_CAFE)),
    "text.cafe_bytes": lambda: str(len(P_CAFE.encode("utf-8"))),
    "text.cafe_tokens": lambda: str(traced(P_CAFE).n_tokens),
    "tokens.count": lambda: str(traced(P_FIRST).n_tokens),  # Tokens
    "tokens.be": lambda: str(shipped().tokenizer.encode(" be")[0]),
    "tokens.comma": lambda: str(shipped().tokenizer.encode(",")[0]),
    "tokens.To": lambda: str(shipped().tokenizer.encode("To")[0]),
    "tokens.to": lambda: str(shipped().tokenizer.encode(" to")[0]),
    "tokens.chars": lambda: comparison("char", "count"),
    "tokens.words": lambda: comparison("word", "count"),
    "tokens.bpe": lambda: comparison("bpe", "count"),
    "tokens.char_vocab": lambda: comparison("char", "vocab"),
    "tokens.word_vocab": lambda: comparison("word", "vocab"),
    "tokens.bpe_vocab": lambda: comparison("bpe", "vocab"),
    "tokens.question": lambda: " | ".join(shipped().tokenizer.bpe_merge_steps("question")[-1]),
    "tokens.question_merges": lambda: str(len(shipped().tokenizer.bpe_merge_steps("question")) - 1),
    "tokens.smartphone": lambda: " | ".join(shipped().tokenizer.bpe_merge_steps("smartphone")[-1]),
    "embeddings.pc1": lambda: pca_percent(0),  # Embeddings
    "embeddings.pc2": lambda: pca_percent(1),
    "embeddings.king": lambda: neighbours_text(" king"),
    "embeddings.queen": lambda: neighbours_text(" queen"),
    "embeddings.england": lambda: neighbours_text(" England", 5),
    "positions.rows": lambda: str(shipped().config.context_length),  # Positions
    "positions.cos_10_11": lambda: position_cosine(10, 11),
    "positions.cos_10_110": lambda: position_cosine(10, 110),
    "positions.cos_10_210": lambda: position_cosine(10, 210),
    "positions.row0_negative": lambda: position_cosine(0),
    "positions.token_length": lambda: f"{np.linalg.norm(weights('tok_emb'), axis=1).mean():.2f}",
    "positions.position_length": lambda: f"{np.linalg.norm(weights('pos_emb'), axis=1).mean():.2f}",
    "attention.romeo_tokens": lambda: str(traced(P_ROMEO).n_tokens),  # Attention
    "attention.previous_heads": lambda: previous_token_heads(P_ROMEO),
    "attention.lens4": lambda: lens_guess(P_FRIENDS, 3),
    "attention.lens5": lambda: lens_guess(P_FRIENDS, 4),
    "attention.lens6": lambda: lens_guess(P_FRIENDS, 5),
    "block.x_length": lambda: f"{np.linalg.norm(block(P_FIRST).x_in):.2f}",  # Inside a block
    "block.norm_length": lambda: f"{np.linalg.norm(block(P_FIRST).ln1_normalised):.2f}",
    "block.sqrt_c": lambda: f"{math.sqrt(shipped().config.d_model):.2f}",
    "block.weights": lambda: block_top_weights(P_FIRST),
    "block.masked": lambda: str(int(np.sum(~np.isfinite(block(P_FIRST, 4).masked_scores)))),
    "block.attn_length": lambda: f"{np.linalg.norm(block(P_FIRST).attn_out):.2f}",
    "block.mid_length": lambda: f"{np.linalg.norm(block(P_FIRST).resid_mid):.2f}",
    "block.biggest": lambda: biggest_addition(P_FIRST),
    "block.final_length": lambda: f"{block(P_FIRST).stream_norms[-1]:.2f}",
    "output.king_top3": lambda: top_bars(P_KING, 3),  # Output
    "output.question_top": lambda: top_bars(P_FIRST, 1),
    "output.king_kept_p50": lambda: kept_count(P_KING, 1.0, 0, 0.5),
    "output.question_kept_p50": lambda: kept_count(P_FIRST, 1.0, 0, 0.5),
    "output.king_t05": lambda: top_bars(P_KING, 1, 0.5),
    "output.king_t2": lambda: top_bars(P_KING, 1, 2.0),
    "output.greedy": lambda: greedy(P_KING, 3),
    "challenges.n": lambda: training_cost("n"),  # Challenges
    "challenges.d": lambda: training_cost("d"),
    "challenges.flops": lambda: training_cost("flops"),
    "challenges.occupations": lambda: probe_ratios("Occupations"),
    "challenges.control": lambda: probe_ratios("Control"),
    "fill_blank.to": lambda: causal_blank(P_FIRST[:-1], 5),  # Fill the blank
    "fill_blank.ion": lambda: causal_blank(P_FIRST[:-1], 13),
    "finetune.examples": lambda: str(sum(len(sentiment().part(p)[0]) for p in ("train", "test"))),  # Fine-tune
    "finetune.held_out": lambda: str(len(sentiment().part("test")[0])),
    "finetune.train_rows": lambda: str(len(sentiment().part("train")[0])),
    "finetune.before_positive": lambda: before_answer("What a wonderful day, I loved every minute."),
    "finetune.before_negative": lambda: before_answer("What an awful day, everything went wrong."),
    "finetune.before_confusion": before_confusion,
    "overview.embedding": lambda: params("token_embedding"),  # Model overview
    "overview.position": lambda: params("position_embedding"),
    "overview.attention": lambda: params("attention"),
    "overview.mlp": lambda: params("mlp"),
    "overview.final": lambda: params("final_norm"),
    "overview.total": lambda: params("total"),
    "overview.mflops": lambda: params("mflops"),
}


if __name__ == "__main__":
    for name, compute in CHECKS.items():
        print(f"{name:28} {compute()}")
