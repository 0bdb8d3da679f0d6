"""Warm-starting a model from another model's weights (lm-anatomy-train --init-from, model/warm_start.py):
every tensor copied where names and shapes match, the embedding grown by the rows of added special
tokens ([MASK]), anything else refused in one line."""
from __future__ import annotations

import dataclasses
import json

import pytest
import torch
from _engine import TEXT, tiny_config, tokenizer

from model.checkpoint import load_model, save_model
from model.cli import train_main
from model.folders import CheckpointError
from model.recipes import build_trainer
from model.settings import TrainConfig
from model.transformer import Transformer
from model.warm_start import NEW_ROW_NOISE, grown_state


def causal_model(seed: int = 0) -> Transformer:
    torch.manual_seed(seed)
    return Transformer(tiny_config(tokenizer("bpe").vocab_size)).eval()


def masked_config(vocab_size: int):
    return dataclasses.replace(tiny_config(vocab_size), objective="masked")


def test_weights_are_copied_and_the_mask_row_starts_near_the_mean_embedding():
    old = causal_model().state_dict()
    vocab = old["tok_emb.weight"].shape[0]
    expected = Transformer(masked_config(vocab + 1)).state_dict()
    grown = grown_state(expected, old, "causal")
    assert set(grown) == set(expected)
    for name, tensor in old.items():
        if name != "tok_emb.weight":
            assert torch.equal(grown[name], tensor), name
    embedding = grown["tok_emb.weight"]
    assert embedding.shape == (vocab + 1, old["tok_emb.weight"].shape[1])
    assert torch.equal(embedding[:vocab], old["tok_emb.weight"])  # every old token keeps its vector
    mean, spread = old["tok_emb.weight"].mean(0), old["tok_emb.weight"].std(0)
    offset = (embedding[vocab] - mean) / spread
    assert 0 < offset.abs().max() < 5 * NEW_ROW_NOISE  # near the mean, but not exactly on it
    assert torch.equal(grown_state(expected, old, "causal")["tok_emb.weight"], embedding)  # seeded


def test_other_shapes_and_names_are_refused():
    old = causal_model().state_dict()
    vocab = old["tok_emb.weight"].shape[0]
    wider = Transformer(dataclasses.replace(masked_config(vocab + 1), d_model=32, d_mlp=64)).state_dict()
    with pytest.raises(CheckpointError, match="has shape .*the new model needs"):
        grown_state(wider, old, "causal")
    deeper = Transformer(dataclasses.replace(masked_config(vocab + 1), n_layer=3)).state_dict()
    with pytest.raises(CheckpointError, match="architectures differ.*missing.*blocks.2"):
        grown_state(deeper, old, "causal")
    smaller = Transformer(masked_config(vocab - 1)).state_dict()  # a vocabulary may grow, never shrink
    with pytest.raises(CheckpointError, match="tok_emb.weight has shape"):
        grown_state(smaller, old, "causal")


@pytest.fixture
def causal_folder(tmp_path):
    return save_model(tmp_path / "causal", causal_model(seed=3), tokenizer("bpe"))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"doc{i}.txt").write_text(TEXT * 20)
    return folder


def test_build_trainer_starts_a_masked_model_from_causal_weights(tmp_path, causal_folder, corpus, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    vocab = tokenizer("bpe").vocab_size
    cfg = TrainConfig(steps=1, batch_size=2, eval_batches=1, device="cpu")
    prepared = build_trainer([str(corpus)], causal_folder / "tokenizer.json", masked_config(vocab), cfg,
                             tmp_path / "out", val_names=["doc2"], init_from=causal_folder)
    assert prepared.tokenizer.mask_id == vocab and prepared.trainer.model_config.vocab_size == vocab + 1
    started, old = prepared.trainer.model.state_dict(), causal_model(seed=3).state_dict()
    assert torch.equal(started["blocks.1.mlp.fc.weight"], old["blocks.1.mlp.fc.weight"])
    assert torch.equal(started["tok_emb.weight"][:vocab], old["tok_emb.weight"])
    assert not torch.equal(started["tok_emb.weight"][vocab], Transformer(masked_config(vocab + 1)).tok_emb.weight[vocab])


def test_cli_refuses_an_incompatible_model_in_one_line(tmp_path, causal_folder, corpus, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pytest.raises(SystemExit) as exit_:
        train_main(["--corpus", str(corpus), "--out", str(tmp_path / "m"), "--objective", "masked", "--init-from",
                    str(causal_folder), "--preset", "tiny", "--context-length", "32", "--d-model", "32",
                    "--steps", "1", "--quiet", "--val-docs", "doc2"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "cannot start from these weights" in err and "\n" not in err


def test_cli_takes_the_shape_from_the_folder_when_no_preset_is_given(tmp_path, causal_folder, corpus, monkeypatch):
    """`--init-from F` alone continues F's own architecture (a preset's shape would not fit its weights)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "more"
    assert train_main(["--corpus", str(corpus), "--out", str(out), "--init-from", str(causal_folder), "--steps", "1",
                       "--batch-size", "2", "--quiet", "--val-docs", "doc2", "--sample-interval", "0"]) == 0
    continued = load_model(out)
    assert continued.config.to_dict() == dataclasses.replace(load_model(causal_folder).config, dropout=0.0).to_dict()
    assert not torch.equal(continued.model.tok_emb.weight, causal_model(seed=3).tok_emb.weight)  # it trained a step


def test_a_continued_model_counts_the_tokens_and_time_of_the_weights_it_started_from(tmp_path, causal_folder, corpus,
                                                                                   monkeypatch):
    """run.started_from in training.json carries every token and second behind the starting weights, and
    compute.trained_total adds them: the Compute tab's D and time are the whole model's, not the last run's."""
    from model import compute

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    common = ["--corpus", str(corpus), "--steps", "2", "--batch-size", "2", "--quiet", "--val-docs", "doc2",
              "--sample-interval", "0"]
    first, second = tmp_path / "first", tmp_path / "second"
    assert train_main(common + ["--out", str(first), "--init-from", str(causal_folder)]) == 0
    assert train_main(common + ["--out", str(second), "--init-from", str(first)]) == 0
    one = json.loads((first / "training.json").read_text(encoding="utf-8"))
    two = json.loads((second / "training.json").read_text(encoding="utf-8"))
    assert two["run"]["started_from"]["folder"] == str(first)
    assert two["run"]["started_from"]["tokens_seen"] == one["tokens_seen"] > 0
    assert two["run"]["started_from"]["elapsed_seconds"] == pytest.approx(one["elapsed_seconds"])
    assert compute.trained_total(two, "tokens_seen") == one["tokens_seen"] + two["tokens_seen"]
    assert compute.trained_total({"tokens_seen": 5}, "tokens_seen") == 5.0
    assert compute.trained_total({"run": {"started_from": {"tokens_seen": 7}}}, "tokens_seen") is None  # own unknown
    assert compute.trained_total({"tokens_seen": 5, "run": {"started_from": "junk"}}, "tokens_seen") == 5.0
