"""Classification fine-tuning: labelled CSV parsing, freezing, the head, and a run that beats chance."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from model.classify import (
    Classifier,
    ClassifierTrainer,
    ClassifyConfig,
    LabelledDataError,
    LabelledSet,
    confusion_matrix,
    freeze_all_but,
    hold_out,
    parse_labelled_csv,
    predict,
    read_labelled_csv,
    write_labelled_csv,
)
from model.config import ModelConfig
from model.paths import resources_dir
from model.tokenizer import TextTokenizer
from model.transformer import Transformer

DATASET = resources_dir() / "datasets" / "sentiment.csv"


def test_the_bundled_set_is_balanced_with_a_held_out_part():
    data = read_labelled_csv(DATASET)
    assert not data.problems and len(data.texts) >= 200 and len(set(data.texts)) == len(data.texts)
    assert data.label_names() == ["negative", "positive"]
    for split in ("train", "test"):
        texts, labels = data.part(split)
        assert labels.count("positive") == labels.count("negative") > 10
    assert not set(data.part("train")[0]) & set(data.part("test")[0])


def test_bad_rows_are_reported_with_line_numbers_and_skipped():
    text = ("text,label\n"
            "good film,positive\n"
            "no label here\n"  # line 3
            ",negative\n"  # line 4: empty text
            "\n"
            "\"a quoted, comma\",negative\n"
            "bad split,positive,maybe\n"  # line 7: 3rd column ignored without a split header
            "nothing after comma,\n")  # line 8
    data = parse_labelled_csv(text)
    assert data.texts == ["good film", "a quoted, comma", "bad split"]
    assert data.labels == ["positive", "negative", "positive"]
    assert data.problems == ["line 3: expected text and label separated by a comma; skipped",
                             "line 4: the text is empty; skipped", "line 8: no label; skipped"]
    with_split = parse_labelled_csv("text,label,split\nok,pos,train\nx,neg,later\ny,neg,test\n")
    assert with_split.splits == ["train", "test"] and with_split.problems == [
        "line 3: split must be train or test, not 'later'; skipped"]
    headerless = parse_labelled_csv("fine,positive\nawful,negative\n")
    assert headerless.texts == ["fine", "awful"]
    with pytest.raises(LabelledDataError, match="no usable rows"):
        parse_labelled_csv("text,label\n,\n")


def test_csv_round_trip_and_hold_out(tmp_path):
    data = LabelledSet([f"sentence {i}, with comma" for i in range(10)], ["a", "b"] * 5, ["train"] * 10)
    held = hold_out(data, 0.2)
    assert held.splits.count("test") == 2 and {held.labels[i] for i, s in enumerate(held.splits) if s == "test"} == {"a", "b"}
    write_labelled_csv(tmp_path / "x.csv", held)
    again = read_labelled_csv(tmp_path / "x.csv")
    assert (again.texts, again.labels, again.splits) == (held.texts, held.labels, held.splits)
    (tmp_path / "latin.csv").write_bytes("text,label\ncaf\xe9,a\nok,b\n".encode("latin-1"))
    assert "not valid UTF-8" in read_labelled_csv(tmp_path / "latin.csv").problems[0]


def small_body(tok, n_layer=2):
    torch.manual_seed(0)
    return Transformer(ModelConfig(vocab_size=tok.vocab_size, context_length=48, n_layer=n_layer, n_head=2,
                                   d_model=32, d_mlp=64))


def test_freezing_keeps_all_but_the_last_blocks():
    tok = TextTokenizer.train("char", ["abc def"], 300)
    clf = Classifier(small_body(tok, n_layer=3), 2)
    freeze_all_but(clf, 1)
    trainable = {n for n, p in clf.named_parameters() if p.requires_grad}
    assert any(n.startswith("body.blocks.2.") for n in trainable)
    assert not any(n.startswith(("body.blocks.0.", "body.blocks.1.", "body.tok_emb")) for n in trainable)
    assert {"head.weight", "head.bias", "body.ln_f.weight"} <= trainable
    assert freeze_all_but(clf, 0) == sum(p.numel() for n, p in clf.named_parameters()
                                         if n.startswith(("head.", "body.ln_f.")))
    assert freeze_all_but(clf, 3) == sum(p.numel() for p in clf.parameters())


def test_padding_does_not_change_a_sentence_score():
    tok = TextTokenizer.train("char", ["the cat sat on the mat"], 300)
    clf = Classifier(small_body(tok), 2).eval()
    alone = predict(clf, tok, ["the cat"])
    padded = predict(clf, tok, ["the cat", "the cat sat on the mat and more"])
    np.testing.assert_allclose(alone[0], padded[0], atol=1e-6)
    assert confusion_matrix([0, 1, 1], [0, 0, 1], 2).tolist() == [[1, 0], [1, 1]]


def test_fine_tuning_beats_chance_on_the_held_out_set():
    data = read_labelled_csv(DATASET)
    tok = TextTokenizer.train("word", data.part("train")[0], 1200)
    trainer = ClassifierTrainer(small_body(tok), tok, data, ClassifyConfig(
        steps=100, batch_size=16, learning_rate=3e-3, train_last_blocks=2, eval_interval=50, log_interval=10))
    before = predict(trainer.before, tok, trainer.test_texts)
    records = list(trainer.run())
    last = records[-1]
    assert last.event == "done" and last.step == 100
    assert records[-1].train_loss < records[0].train_loss
    n_test = len(trainer.test_texts)
    assert last.confusion.sum() == n_test and np.trace(last.confusion) / n_test == pytest.approx(last.accuracy)
    assert last.accuracy >= 0.7, last.accuracy  # chance is 0.5 on this balanced held-out set
    after = predict(trainer.classifier, tok, trainer.test_texts)
    assert np.abs(after - before).max() > 0.2  # "before" is the untouched copy
