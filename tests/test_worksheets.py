"""Worksheets (Help ▸ Worksheets…): one per stage and per training tab, tasks and an answer key, the key
left out of the PDF unless asked, and the answer keys' numbers recomputed from the shipped model.

A number in a worksheet written as <span data-check="NAME">VALUE</span> must equal CHECKS[NAME]()
for the shipped model. `python tests/test_worksheets.py` prints every value (for writing the sheets).
"""
from __future__ import annotations

import functools
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script, it prints the checks

from app.explore.stages import STAGES  # noqa: E402
from app.worksheets import KEY_MARKER, TRAINING_SHEETS, read_sheet, split_sheet, worksheets_dir  # noqa: E402

P_FIRST = "To be, or not to be, that is the question:"  # resources/scenarios/01-first-look
P_CAFE = P_FIRST + " café 🙂"
P_ROMEO = "ROMEO.\nBut soft, what light through yonder window breaks?\nIt is the east, and Juliet is the sun."
P_FRIENDS = "Friends, Romans, countrymen, lend me your"
P_KING = "The king is dead, long live the"  # resources/scenarios/03-decoding
P_REALM = "The king and the queen of England and France"
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


def label(token_id: int) -> str:
    from app.common.textutil import visible

    return visible(shipped().tokenizer.label(int(token_id)))


def pct(p: float) -> str:
    from app.explore.panels.output import pct as shown

    return shown(p)


def cosine_neighbours(word: str, k: int = 3) -> list[tuple[str, float]]:
    from app.explore.panels.embeddings import nearest

    emb = shipped().model.tok_emb.weight.detach().float().numpy()
    unit = emb / np.linalg.norm(emb, axis=1, keepdims=True)
    (token,) = shipped().tokenizer.encode(word)
    ids, sims = nearest(unit, token, k)
    return [(label(i), float(s)) for i, s in zip(ids, sims)]


def neighbours_text(word: str, k: int = 3) -> str:
    return ", ".join(f"{name} {s:+.3f}" for name, s in cosine_neighbours(word, k))


def position_cosine(a: int, b: int) -> str:
    table = shipped().model.pos_emb.weight.detach().float().numpy()
    return f"{table[a] @ table[b] / np.linalg.norm(table[a]) / np.linalg.norm(table[b]):+.2f}"


def first_negative_in_row0() -> str:
    table = shipped().model.pos_emb.weight.detach().float().numpy()
    unit = table / np.linalg.norm(table, axis=1, keepdims=True)
    return str(int(np.argmax(unit @ unit[0] < 0)))


def mean_norm(table) -> str:
    return f"{float(np.linalg.norm(table.detach().float().numpy(), axis=1).mean()):.2f}"


def pca_percent(i: int) -> str:
    from app.explore.engine import pca_2d

    _, explained = pca_2d(shipped().model.tok_emb.weight.detach().float().numpy())
    return f"{explained[i] * 100:.0f}%"


def lens_guess(text: str, layer: int) -> str:
    t = traced(text)
    return f"{label(t.lens_top_ids[layer, -1, 0])} {t.lens_top_probs[layer, -1, 0] * 100:.1f}%"


def top_bars(text: str, n: int, temperature: float = 1.0) -> str:
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
    n = block(text)
    t = traced(text)
    best = np.argsort(-n.probs, kind="stable")[:3]
    return ", ".join(f"“{label(t.token_ids[i])}” {n.probs[i]:.2f}" for i in best)


def biggest_addition(text: str) -> str:
    n = block(text)
    parts = [(float(v), f"block {i + 1} attention") for i, v in enumerate(n.attn_norms)]
    parts += [(float(v), f"block {i + 1} MLP") for i, v in enumerate(n.mlp_norms)]
    value, name = max(parts)
    return f"{name}, {value:.2f}"


def params(part: str) -> str:
    from model.config import parameter_count

    counts = parameter_count(shipped().config)
    per_block = {"attention": counts["attention"] // shipped().config.n_layer,
                 "mlp": counts["mlp"] // shipped().config.n_layer}
    return f"{per_block.get(part, counts.get(part, 0)):,}"


def mflops() -> str:
    from model.config import flops_per_token

    return f"{flops_per_token(shipped().config) / 1e6:.2f}"


def comparison_count(kind: str) -> str:
    from app.explore.engine import comparison_tokenizers

    return f"{len(comparison_tokenizers(shipped().tokenizer)[kind].encode(P_FIRST)):,}"


def comparison_vocab(kind: str) -> str:
    from app.explore.engine import comparison_tokenizers

    return f"{comparison_tokenizers(shipped().tokenizer)[kind].vocab_size:,}"


def compute_text(kind: str, value: float) -> str:
    from model.compute import flops_text, short

    return short(value) if kind == "short" else flops_text(value)


def probe_ratios(name_start: str) -> str:
    from model.bias_probe import load_probe_sets, run_probe

    probe = next(p for p in load_probe_sets() if p.name.startswith(name_start))
    result = run_probe(shipped().model, shipped().tokenizer, probe)
    return ", ".join(f"{filler} {ratio:.1f}" for filler, ratio in zip(result.fillers, result.ratios()))


def training_numbers() -> tuple[int, int]:
    from model.config import parameter_count

    return parameter_count(shipped().config)["total"], int(shipped().training["tokens_seen"])


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

    trainer = untrained_classifier()
    probs = predict(trainer.before, shipped().tokenizer, [sentence])[0]
    return f"{trainer.labels[int(np.argmax(probs))]} {probs.max():.0%}"


def before_confusion() -> str:
    accuracy, confusion = untrained_classifier().evaluate()
    return f"{accuracy:.1%}, {confusion.tolist()}"


CHECKS = {
    # Text
    "text.chars": lambda: str(len(P_FIRST)),
    "text.bytes": lambda: str(len(P_FIRST.encode("utf-8"))),
    "text.tokens": lambda: str(traced(P_FIRST).n_tokens),
    "text.context": lambda: str(shipped().config.context_length),
    "text.left": lambda: str(shipped().config.context_length - traced(P_FIRST).n_tokens),
    "text.per_token": lambda: f"{len(P_FIRST) / traced(P_FIRST).n_tokens:.1f}",
    "text.distinct": lambda: str(len(set(P_FIRST))),
    "text.cafe_chars": lambda: str(len(P_CAFE)),
    "text.cafe_bytes": lambda: str(len(P_CAFE.encode("utf-8"))),
    "text.cafe_tokens": lambda: str(traced(P_CAFE).n_tokens),
    # Tokens
    "tokens.count": lambda: str(traced(P_FIRST).n_tokens),
    "tokens.be": lambda: str(shipped().tokenizer.encode(" be")[0]),
    "tokens.comma": lambda: str(shipped().tokenizer.encode(",")[0]),
    "tokens.To": lambda: str(shipped().tokenizer.encode("To")[0]),
    "tokens.to": lambda: str(shipped().tokenizer.encode(" to")[0]),
    "tokens.chars": lambda: comparison_count("char"),
    "tokens.words": lambda: comparison_count("word"),
    "tokens.bpe": lambda: comparison_count("bpe"),
    "tokens.char_vocab": lambda: comparison_vocab("char"),
    "tokens.word_vocab": lambda: comparison_vocab("word"),
    "tokens.bpe_vocab": lambda: comparison_vocab("bpe"),
    "tokens.question": lambda: " | ".join(shipped().tokenizer.bpe_merge_steps("question")[-1]),
    "tokens.question_merges": lambda: str(len(shipped().tokenizer.bpe_merge_steps("question")) - 1),
    "tokens.smartphone": lambda: " | ".join(shipped().tokenizer.bpe_merge_steps("smartphone")[-1]),
    # Embeddings
    "embeddings.pc1": lambda: pca_percent(0),
    "embeddings.pc2": lambda: pca_percent(1),
    "embeddings.king": lambda: neighbours_text(" king"),
    "embeddings.queen": lambda: neighbours_text(" queen"),
    "embeddings.england": lambda: neighbours_text(" England", 5),
    # Positions
    "positions.rows": lambda: str(shipped().config.context_length),
    "positions.cos_10_11": lambda: position_cosine(10, 11),
    "positions.cos_10_110": lambda: position_cosine(10, 110),
    "positions.cos_10_210": lambda: position_cosine(10, 210),
    "positions.row0_negative": first_negative_in_row0,
    "positions.token_length": lambda: mean_norm(shipped().model.tok_emb.weight),
    "positions.position_length": lambda: mean_norm(shipped().model.pos_emb.weight),
    # Attention
    "attention.romeo_tokens": lambda: str(traced(P_ROMEO).n_tokens),
    "attention.previous_heads": lambda: previous_token_heads(P_ROMEO),
    "attention.lens4": lambda: lens_guess(P_FRIENDS, 3),
    "attention.lens5": lambda: lens_guess(P_FRIENDS, 4),
    "attention.lens6": lambda: lens_guess(P_FRIENDS, 5),
    # Inside a block
    "block.x_length": lambda: f"{np.linalg.norm(block(P_FIRST).x_in):.2f}",
    "block.norm_length": lambda: f"{np.linalg.norm(block(P_FIRST).ln1_normalised):.2f}",
    "block.sqrt_c": lambda: f"{math.sqrt(shipped().config.d_model):.2f}",
    "block.weights": lambda: block_top_weights(P_FIRST),
    "block.masked": lambda: str(int(np.sum(~np.isfinite(block(P_FIRST, 4).masked_scores)))),
    "block.attn_length": lambda: f"{np.linalg.norm(block(P_FIRST).attn_out):.2f}",
    "block.mid_length": lambda: f"{np.linalg.norm(block(P_FIRST).resid_mid):.2f}",
    "block.biggest": lambda: biggest_addition(P_FIRST),
    "block.final_length": lambda: f"{block(P_FIRST).stream_norms[-1]:.2f}",
    # Output
    "output.king_top3": lambda: top_bars(P_KING, 3),
    "output.question_top": lambda: top_bars(P_FIRST, 1),
    "output.king_kept_p50": lambda: kept_count(P_KING, 1.0, 0, 0.5),
    "output.question_kept_p50": lambda: kept_count(P_FIRST, 1.0, 0, 0.5),
    "output.king_t05": lambda: top_bars(P_KING, 1, 0.5),
    "output.king_t2": lambda: top_bars(P_KING, 1, 2.0),
    "output.greedy": lambda: greedy(P_KING, 3),
    # Challenges
    "challenges.n": lambda: compute_text("short", training_numbers()[0]),
    "challenges.d": lambda: compute_text("short", training_numbers()[1]),
    "challenges.flops": lambda: compute_text("flops", 6.0 * training_numbers()[0] * training_numbers()[1]),
    "challenges.occupations": lambda: probe_ratios("Occupations"),
    "challenges.control": lambda: probe_ratios("Control"),
    # Fill the blank
    "fill_blank.to": lambda: causal_blank(P_FIRST[:-1], 5),
    "fill_blank.ion": lambda: causal_blank(P_FIRST[:-1], 13),
    # Fine-tune
    "finetune.examples": lambda: str(sum(len(sentiment().part(p)[0]) for p in ("train", "test"))),
    "finetune.held_out": lambda: str(len(sentiment().part("test")[0])),
    "finetune.train_rows": lambda: str(len(sentiment().part("train")[0])),
    "finetune.before_positive": lambda: before_answer("What a wonderful day, I loved every minute."),
    "finetune.before_negative": lambda: before_answer("What an awful day, everything went wrong."),
    "finetune.before_confusion": before_confusion,
    # Model overview
    "overview.embedding": lambda: params("token_embedding"),
    "overview.position": lambda: params("position_embedding"),
    "overview.attention": lambda: params("attention"),
    "overview.mlp": lambda: params("mlp"),
    "overview.final": lambda: params("final_norm"),
    "overview.total": lambda: params("total"),
    "overview.mflops": mflops,
}


def all_sheets() -> list[str]:
    return [*STAGES, *TRAINING_SHEETS]


def checked_numbers() -> list[tuple[str, str, str]]:
    """(sheet, check name, the value written in the sheet) for every tagged number."""
    return [(key, name, value) for key in all_sheets() if (worksheets_dir() / f"{key}.html").is_file()
            for name, value in CHECK.findall(read_sheet(key))]


# ---- the files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("key", all_sheets())
def test_every_stage_and_training_tab_has_a_worksheet_with_tasks_and_a_key(key):
    html = read_sheet(key)
    tasks, answers = split_sheet(html)
    assert KEY_MARKER in html and html.count(KEY_MARKER) == 1
    task_list = re.search(r'<ol class="tasks">(.*?)</ol>', tasks, re.S)
    assert task_list, f"{key}: no task list"
    assert 4 <= task_list.group(1).count("<li>") <= 6, f"{key}: 4 to 6 tasks"
    assert "In your own words" in tasks, f"{key}: no explain-in-your-own-words question"
    assert "page-break-before: always" in answers.split(">")[0], f"{key}: the key must start on a new page"
    key_list = re.search(r"<ol>(.*?)</ol>", answers, re.S)
    assert key_list and key_list.group(1).count("<li>") >= task_list.group(1).count("<li>"), \
        f"{key}: an answer for every task"
    assert "data-check" not in tasks, f"{key}: an answer's number sits in the tasks"


# ---- the numbers ---------------------------------------------------------------------------------
def test_every_check_is_used_by_a_worksheet_and_every_tag_has_a_check():
    used = {name for _, name, _ in checked_numbers()}
    assert used <= set(CHECKS), f"tags without a check: {sorted(used - set(CHECKS))}"
    assert set(CHECKS) <= used, f"checks no worksheet uses: {sorted(set(CHECKS) - used)}"


@pytest.mark.parametrize("key", all_sheets())
def test_the_answer_keys_numbers_are_the_shipped_models(key):
    written = [(name, " ".join(value.replace("&amp;", "&").split())) for sheet, name, value in checked_numbers()
               if sheet == key]
    wrong = [(name, value, CHECKS[name]()) for name, value in written if CHECKS[name]() != value]
    assert not wrong, f"{key}: (check, written, the model gives) {wrong}"


if __name__ == "__main__":
    for name, compute in CHECKS.items():
        print(f"{name:28} {compute()}")


# ---- print and PDF -------------------------------------------------------------------------------
def pdf_pages(path: Path) -> int:
    """Pages of a PDF Qt wrote: its page objects (the page tree itself is /Type /Pages)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


@pytest.mark.parametrize("key", ["text", "attention"])
def test_the_answer_key_is_left_out_of_the_pdf_unless_asked(qapp, tmp_path, key):
    from PySide6.QtGui import QPageSize

    from app.worksheets import save_pdf, sheet_html

    assert "Answer key" not in sheet_html(key, False) and "Answer key" in sheet_html(key, True)
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    save_pdf(key, str(tmp_path / "tasks.pdf"), False, a4)
    save_pdf(key, str(tmp_path / "all.pdf"), True, a4)
    tasks, everything = pdf_pages(tmp_path / "tasks.pdf"), pdf_pages(tmp_path / "all.pdf")
    assert tasks >= 1
    assert everything == tasks + 1  # the key starts on a page of its own and fits on it


def test_a_pdf_that_cannot_be_written_says_so(qapp, tmp_path):
    from app.worksheets import WorksheetDialog

    dialog = WorksheetDialog(None, "tokens")
    assert dialog.save_as_pdf(str(tmp_path / "no such folder" / "sheet.pdf")) == ""
    assert "Could not save" in dialog.view.toPlainText()
    dialog.close()


def test_the_dialog_toggles_the_key_and_saves_what_it_shows(qapp, tmp_path):
    from app.worksheets import WorksheetDialog, sheet_keys

    dialog = WorksheetDialog(None, "output")
    assert dialog.key == "output" and dialog.picker.count() == len(sheet_keys()) == len(all_sheets())
    assert "Answer key" not in dialog.view.toPlainText() and not dialog.answers.isChecked()
    dialog.answers.setChecked(True)
    assert "Answer key" in dialog.view.toPlainText()
    path = dialog.save_as_pdf(str(tmp_path / "output.pdf"))
    assert path and pdf_pages(Path(path)) >= 2
    dialog.select("finetune")
    assert dialog.key == "finetune" and "Fine-tune" in dialog.view.toPlainText()
    dialog.close()


# ---- opened from the window ----------------------------------------------------------------------
def test_help_worksheets_opens_on_the_stage_and_the_tab_on_screen(qtbot, tmp_path):
    from _gui import open_window

    from app.common.sample import tiny_model_dir
    from app.worksheets import WorksheetDialog

    with open_window(qtbot, tmp_path, tiny_model_dir()) as window:
        action = next(a for menu in window.menuBar().actions() if menu.menu()
                      for a in menu.menu().actions() if a.text() == "Worksheets…")
        window.show_stage("positions")
        action.trigger()
        dialog = window.findChild(WorksheetDialog)
        assert dialog.isVisible() and not dialog.isModal() and dialog.key == "positions"
        dialog.close()
        window.tabs.setCurrentIndex(1)  # Pre-train
        action.trigger()
        assert window.findChild(WorksheetDialog) is dialog and dialog.isVisible() and dialog.key == "pretrain"
        window.tabs.setCurrentIndex(0)
        window.show_stage("attention")
        action.trigger()
        assert dialog.key == "attention" and "Attention" in dialog.picker.currentText()
