import json
import math

import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_config, tokenizer

from model.checkpoint import load_model
from model.data import Corpus, CorpusError, Document, read_corpus, sample_batch, split_documents, tokenize_documents
from model.train import TrainConfig, Trainer, learning_rate_at, pick_device


def make_trainer(out, steps=40, resume=False, **overrides):
    tok = tokenizer("char")
    ids = np.asarray(tok.encode(TEXT * 40), dtype=np.uint16)
    val = np.asarray(tok.encode(TEXT * 4), dtype=np.uint16)
    settings = dict(steps=steps, batch_size=8, learning_rate=3e-3, warmup_steps=5, log_interval=5,
                    eval_interval=10, eval_batches=2, checkpoint_interval=10, device="cpu", seed=7)
    settings.update(overrides)
    return Trainer(tiny_config(tok.vocab_size, dropout=0.1), tok, ids, val, TrainConfig(**settings), out, resume=resume)


def test_loss_falls_and_records_are_complete(tmp_path):
    records = list(make_trainer(tmp_path / "run", steps=60).run())
    assert [r.step for r in records] == list(range(5, 61, 5))
    assert records[-1].event == "done" and records[-1].checkpoint
    assert records[-1].train_loss < records[0].train_loss - 1.0
    evals = [r for r in records if r.val_loss is not None]
    assert [r.step for r in evals] == [10, 20, 30, 40, 50, 60] and evals[-1].val_loss < evals[0].val_loss
    r = records[3]
    assert r.tokens_seen == 20 * 8 * 32 and r.tokens_per_second > 0 and r.elapsed > 0 and r.eta > 0
    assert r.total_steps == 60 and math.isfinite(r.grad_norm) and r.grad_norm > 0
    assert r.learning_rate == pytest.approx(learning_rate_at(19, TrainConfig(steps=60, learning_rate=3e-3, warmup_steps=5)))
    training = json.loads((tmp_path / "run" / "training.json").read_text())
    assert training["step"] == 60 and len(training["metrics"]) == len(records)
    assert load_model(tmp_path / "run").config.n_layer == 2


def test_learning_rate_schedule():
    cfg = TrainConfig(steps=110, learning_rate=1e-3, min_learning_rate=1e-4, warmup_steps=10)
    assert learning_rate_at(0, cfg) == pytest.approx(1e-4)
    assert learning_rate_at(9, cfg) == pytest.approx(1e-3)
    assert learning_rate_at(60, cfg) == pytest.approx(5.5e-4)
    assert learning_rate_at(110, cfg) == pytest.approx(1e-4)


def test_runs_are_repeatable_with_a_seed(tmp_path):
    a = [r.train_loss for r in make_trainer(tmp_path / "a", steps=20).run()]
    b = [r.train_loss for r in make_trainer(tmp_path / "b", steps=20).run()]
    c = [r.train_loss for r in make_trainer(tmp_path / "c", steps=20, seed=8).run()]
    assert a == b and a != c


def test_stop_saves_and_resume_continues_identically(tmp_path):
    straight = [(r.step, r.train_loss, r.val_loss) for r in make_trainer(tmp_path / "straight").run()]

    first = make_trainer(tmp_path / "resumed")
    seen = []
    for r in first.run():
        if r.event == "stopped":
            stopped = r
            continue
        seen.append((r.step, r.train_loss, r.val_loss))
        if r.step == 20:
            first.request_stop()
    assert stopped.step == 20 and stopped.checkpoint and first.step == 20 and seen[-1][0] == 20
    assert json.loads((tmp_path / "resumed" / "training.json").read_text())["step"] == 20

    second = make_trainer(tmp_path / "resumed", resume=True)
    assert second.step == 20
    rest = [(r.step, r.train_loss, r.val_loss) for r in second.run()]
    combined = seen + rest
    assert [s[0] for s in combined] == [s[0] for s in straight]
    np.testing.assert_allclose([s[1] for s in combined], [s[1] for s in straight], rtol=0, atol=1e-6)
    history = json.loads((tmp_path / "resumed" / "training.json").read_text())["metrics"]
    assert [h["step"] for h in history] == [s[0] for s in straight]


def test_nan_loss_stops_and_keeps_the_last_good_checkpoint(tmp_path):
    trainer = make_trainer(tmp_path / "run", steps=40)
    records = []
    for r in trainer.run():
        records.append(r)
        if r.step == 10:  # a checkpoint was just written; now poison the weights
            with torch.no_grad():
                trainer.model.tok_emb.weight.fill_(float("nan"))
    last = records[-1]
    assert last.event == "diverged" and last.step == 10
    assert "learning rate" in last.message and "step 10" in last.message
    saved = load_model(tmp_path / "run")
    assert torch.isfinite(saved.model.tok_emb.weight).all()
    assert saved.training["step"] == 10


def test_fine_tuning_starts_from_given_weights(tmp_path):
    base = make_trainer(tmp_path / "base", steps=10)
    list(base.run())
    tuned = make_trainer(tmp_path / "tuned", steps=10)
    tuned2 = Trainer(tuned.model_config, tuned.tokenizer, tuned.train_ids, tuned.val_ids, tuned.cfg,
                     tmp_path / "tuned", init_from=tmp_path / "base")
    assert torch.equal(tuned2.model.tok_emb.weight, base.model.tok_emb.weight)


def test_device_auto_selection_falls_back_to_cpu():
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    assert pick_device("auto").type in (expected, "mps")
    assert pick_device("cpu").type == "cpu"


# ---- data ------------------------------------------------------------------------------
def test_read_corpus_reports_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("To be or not to be\r\n")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "notes.md").write_text("not a corpus file")
    corpus = read_corpus([tmp_path, tmp_path / "missing.txt"])
    assert [d.name for d in corpus.documents] == ["good", "latin1"]
    assert corpus.documents[0].text == "To be or not to be\n"
    assert corpus.documents[1].text == "caf\ufffd au lait"
    notes = " | ".join(corpus.notices)
    assert "empty.txt: empty" in notes and "binary.txt: looks like a binary" in notes
    assert "latin1.txt: 1 bytes were not valid UTF-8" in notes and "missing.txt: not found" in notes
    with pytest.raises(CorpusError, match="no usable text"):
        read_corpus([tmp_path / "empty.txt"])


def test_split_holds_out_whole_documents():
    docs = [Document(f"play{i}", f"text of play {i}\n" * (10 + i)) for i in range(20)]
    corpus = Corpus(docs)
    train, val = split_documents(corpus, seed=0)
    assert {d.name for d in train}.isdisjoint({d.name for d in val}) and len(train) + len(val) == 20
    held = sum(len(d.text) for d in val) / corpus.n_chars
    assert 0.05 < held < 0.2
    assert split_documents(corpus, seed=0)[1] == val  # repeatable
    train, val = split_documents(corpus, ["play3", "play7"])
    assert [d.name for d in val] == ["play3", "play7"] and len(train) == 18
    with pytest.raises(CorpusError, match="play99"):
        split_documents(corpus, ["play99"])
    one_train, one_val = split_documents(Corpus([Document("solo", "x" * 1000)]))
    assert len(one_train[0].text) == 900 and len(one_val[0].text) == 100


def test_tokenization_is_cached(tmp_path, monkeypatch):
    tok = tokenizer("bpe")
    docs = [Document("a", TEXT), Document("b", TEXT.upper())]
    ids = tokenize_documents(tok, docs, tmp_path)
    assert ids.tolist() == tok.encode(TEXT) + tok.encode(TEXT.upper())
    assert len(list(tmp_path.glob("tokens-*.npy"))) == 1
    monkeypatch.setattr(type(tok), "encode_batch", lambda *a: pytest.fail("tokenized again"))
    assert tokenize_documents(tok, docs, tmp_path).tolist() == ids.tolist()


def test_batches_are_shifted_windows():
    ids = np.arange(100, dtype=np.uint16)
    x, y = sample_batch(ids, 4, 10, torch.Generator().manual_seed(0))
    assert x.shape == y.shape == (4, 10)
    assert torch.equal(y[:, :-1], x[:, 1:]) and torch.equal(y[:, -1], x[:, -1] + 1)
    with pytest.raises(CorpusError, match="fewer than one training window"):
        sample_batch(ids[:5], 4, 10, torch.Generator())
