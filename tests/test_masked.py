"""The masked-LM objective (issue 15): BERT's 80/10/10 corruption, a loss on chosen positions only,
attention without the causal mask, learning to fill blanks, checkpoints and refusals."""
from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _engine import TEXT, tiny_model, tokenizer

from model.checkpoint import load_model, save_model
from model.config import ModelConfig
from model.decoding import Decoder
from model.evaluate import eval_main
from model.fill_blank import causal_guesses, masked_guesses
from model.folders import CheckpointError
from model.gpt2 import export_gpt2
from model.masking import IGNORE, NotCausalError, mask_tokens, objective_batch, step_generator
from model.settings import TrainConfig
from model.tokenizer import TextTokenizer
from model.tracing import trace_text
from model.train import Trainer


def masked_tok() -> TextTokenizer:
    return tokenizer("bpe").with_mask()


def masked_model(seed: int = 0) -> torch.nn.Module:
    return tiny_model(seed=seed, vocab_size=masked_tok().vocab_size, objective="masked")


def test_mask_token_in_every_tokenizer_kind_is_never_encoded_from_text():
    for kind in ("char", "word", "bpe"):
        plain = tokenizer(kind)
        tok = plain.with_mask()
        assert tok.vocab_size == plain.vocab_size + 1 and tok.mask_id == plain.vocab_size
        assert tok.label(tok.mask_id) == "[MASK]" and tok.token_bytes(tok.mask_id) == b""
        text = "When [MASK] meet again"
        assert tok.encode(text) == plain.encode(text)  # typed "[MASK]" is ordinary text
        assert tok.mask_id not in tok.encode(text)
        assert TextTokenizer.from_str(tok.to_str()).mask_id == tok.mask_id  # survives a save
        assert plain.mask_id is None


def test_corruption_follows_berts_80_10_10_recipe():
    ids = torch.randint(0, 99, (400, 256), generator=torch.Generator().manual_seed(1))
    inputs, targets = mask_tokens(ids, mask_id=99, vocab_size=100, generator=torch.Generator().manual_seed(2))
    chosen = targets != IGNORE
    assert chosen.float().mean().item() == pytest.approx(0.15, abs=0.005)
    assert torch.equal(targets[chosen], ids[chosen]) and torch.equal(inputs[~chosen], ids[~chosen])
    n = chosen.sum().item()
    as_mask = (inputs[chosen] == 99).sum().item() / n
    changed = ((inputs[chosen] != 99) & (inputs[chosen] != ids[chosen])).sum().item() / n
    kept = (inputs[chosen] == ids[chosen]).sum().item() / n
    assert as_mask == pytest.approx(0.8, abs=0.01)
    # a random replacement equals the original 1 time in 99: "changed" is 0.1 * 98/99
    assert changed == pytest.approx(0.1 * 98 / 99, abs=0.006)
    assert kept == pytest.approx(0.1 + 0.1 / 99, abs=0.006)
    assert (inputs != 99).sum() + (inputs == 99).sum() == inputs.numel() and inputs.max() <= 99


def test_corruption_is_seeded_by_step_so_resume_is_exact():
    x = torch.randint(0, 50, (4, 32), generator=torch.Generator().manual_seed(0))
    a = objective_batch(x, x, 50, seed=7, step=3)
    b = objective_batch(x, x, 50, seed=7, step=3)
    c = objective_batch(x, x, 50, seed=7, step=4)
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]) and not torch.equal(a[1], c[1])
    assert objective_batch(x, x[:, 1:], None, 7, 3)[1].shape == (4, 31)  # causal: untouched
    short = mask_tokens(torch.zeros(64, 2, dtype=torch.long), 5, 6, step_generator(0, 0))[1]
    assert ((short != IGNORE).sum(dim=1) >= 1).all()  # every row has a position to learn from


def test_loss_counts_only_the_chosen_positions():
    model = masked_model()
    tok = masked_tok()
    x = torch.tensor([tok.encode(TEXT)[:32]] * 2)
    inputs, targets = mask_tokens(x, tok.mask_id, tok.vocab_size, step_generator(0, 0))
    logits, loss = model(inputs, targets)
    chosen = targets != IGNORE
    expected = F.cross_entropy(logits[chosen], targets[chosen])
    assert loss.item() == pytest.approx(expected.item(), rel=1e-6)
    # Changing the logits at unchosen positions leaves the loss as it was; at a chosen one it does not.
    noisy = logits.clone()
    noisy[~chosen] += torch.randn_like(noisy[~chosen]) * 10
    assert F.cross_entropy(noisy.reshape(-1, noisy.shape[-1]), targets.reshape(-1)).item() == pytest.approx(loss.item(), rel=1e-6)
    noisy[chosen] += torch.randn_like(noisy[chosen]) * 10
    assert abs(F.cross_entropy(noisy.reshape(-1, noisy.shape[-1]), targets.reshape(-1)).item() - loss.item()) > 0.1


def test_masked_attention_has_no_causal_mask():
    model, tok = masked_model(), masked_tok()
    ids = tok.encode(TEXT)[:20]
    later = ids[:-1] + [(ids[-1] + 1) % tok.mask_id]
    first = model(torch.tensor([ids]))[0][0, 0]
    assert not torch.allclose(first, model(torch.tensor([later]))[0][0, 0], atol=1e-4)  # a later token changes position 0
    causal = tiny_model(vocab_size=tok.vocab_size)
    causal.load_state_dict(model.state_dict())
    assert torch.allclose(causal(torch.tensor([ids]))[0][0, 0], causal(torch.tensor([later]))[0][0, 0], atol=1e-6)
    trace = trace_text(model, tok, TEXT[:60])
    assert trace.objective == "masked"
    for layer in trace.layers:
        assert np.isfinite(layer.attn_scores).all()  # no -inf cell
        assert (layer.attn_probs[:, 0, 1:] > 0).all()  # the first token attends to later ones
    # Both paths still agree without the mask.
    explicit = model.run_explicit(torch.tensor([ids]))
    assert torch.allclose(model.unembed(explicit["residual"]), model(torch.tensor([ids]))[0], atol=1e-5)


WORDS = "When shall we three meet again in thunder lightning or rain".split()
CYCLE = " ".join(WORDS[i % len(WORDS)] for i in range(3000))  # each word is fixed by either neighbour


def _train_tiny(tmp_path, steps: int):
    tok = TextTokenizer.train("word", [CYCLE], 30).with_mask()
    ids = np.array(tok.encode(CYCLE), dtype=np.int64)
    config = ModelConfig(vocab_size=tok.vocab_size, context_length=32, n_layer=2, n_head=2, d_model=32, d_mlp=64,
                         objective="masked")
    cfg = TrainConfig(steps=steps, batch_size=16, learning_rate=1e-2, warmup_steps=10, eval_interval=steps,
                      checkpoint_interval=steps, log_interval=steps, eval_batches=2, device="cpu")
    trainer = Trainer(config, tok, ids, ids, cfg, tmp_path / "m")
    records = list(trainer.run())
    return trainer, records, ids


def test_a_tiny_corpus_learns_to_fill_blanks_above_chance(tmp_path):
    trainer, records, ids = _train_tiny(tmp_path, 300)
    assert records[-1].sample is None  # a masked model gives no text sample
    model, tok = trainer.model.eval(), trainer.tokenizer
    correct = total = 0
    for start in range(0, 32 * 10, 32):
        window = ids[start : start + 32].tolist()
        for guess in masked_guesses(model, window, list(range(start // 32 % 7, 32, 6)), tok.mask_id):
            correct += guess.answer_rank == 1
            total += 1
    chance = np.bincount(ids).max() / len(ids)  # always guessing the commonest word: 1 in 11
    assert correct / total > chance + 0.5, (correct / total, chance)


def test_masked_checkpoint_round_trips_and_old_config_reads_as_causal(tmp_path):
    model, tok = masked_model(), masked_tok()
    folder = save_model(tmp_path / "m", model, tok, {"step": 1})
    assert json.loads((folder / "config.json").read_text())["objective"] == "masked"
    loaded = load_model(folder)
    assert loaded.config.objective == "masked" and loaded.tokenizer.mask_id == tok.mask_id
    ids = torch.tensor([tok.encode(TEXT)[:16]])
    assert torch.equal(loaded.model(ids)[0], model(ids)[0])
    # A masked model whose tokenizer has no [MASK] is refused, naming the file.
    tokenizer("bpe").save(folder / "tokenizer.json")
    config = json.loads((folder / "config.json").read_text())
    (folder / "config.json").write_text(json.dumps({**config, "vocab_size": tokenizer("bpe").vocab_size}))
    with pytest.raises(CheckpointError, match=r"tokenizer.json.*\[MASK\]"):
        load_model(folder)
    # A config.json written before the objective existed is causal.
    old = {k: v for k, v in dataclasses.asdict(ModelConfig(vocab_size=10)).items() if k != "objective"}
    assert ModelConfig.from_dict(old).objective == "causal"
    with pytest.raises(ValueError, match="objective"):
        ModelConfig(vocab_size=10, objective="bidirectional")


def test_export_and_generation_refuse_a_masked_model(tmp_path):
    model, tok = masked_model(), masked_tok()
    with pytest.raises(CheckpointError, match="cannot export a masked-LM model as GPT-2"):
        export_gpt2(model, tmp_path / "gpt2", tok)
    assert not (tmp_path / "gpt2").exists()
    with pytest.raises(NotCausalError, match="Generating text needs a causal model"):
        Decoder(model, tok.encode("When shall"))


def test_fill_blank_guesses_equal_a_direct_forward_pass():
    masked, tok = masked_model(), masked_tok()
    causal = tiny_model(seed=1, vocab_size=tok.vocab_size)
    ids = tok.encode(TEXT)[:20]
    guesses = masked_guesses(masked, ids, [4, 9], tok.mask_id, k=5)
    hidden = list(ids)
    hidden[4] = hidden[9] = tok.mask_id
    probs = torch.softmax(masked(torch.tensor([hidden]))[0][0], dim=-1)
    for g in guesses:
        top = probs[g.position].topk(5)
        assert g.top_ids.tolist() == top.indices.tolist()
        assert np.allclose(g.top_probs, top.values.detach().numpy(), atol=1e-6)
        assert g.answer == ids[g.position] and g.answer_prob == pytest.approx(probs[g.position, g.answer].item())
    left = causal_guesses(causal, ids, [0, 9], k=5)
    assert left[0] is None  # nothing to the left of the first token
    alone = torch.softmax(causal(torch.tensor([ids[:9]]))[0][0, -1], dim=-1)  # only the left side exists
    assert left[1].top_ids.tolist() == alone.topk(5).indices.tolist()
    assert left[1].answer_prob == pytest.approx(alone[ids[9]].item(), rel=1e-5)


def test_eval_reports_masked_token_accuracy_and_loss(tmp_path, capsys):
    trainer, _, _ = _train_tiny(tmp_path, 40)
    (tmp_path / "text.txt").write_text(CYCLE)
    assert eval_main(["--model", str(tmp_path / "m"), str(tmp_path / "text.txt")]) == 0
    out = capsys.readouterr().out
    values = dict(line.split(": ") for line in out.splitlines() if line.startswith(("masked_token", "recipe")))
    assert 0 < float(values["masked_token_accuracy"]) <= 1
    assert 0 < float(values["masked_token_loss"]) < np.log(trainer.tokenizer.vocab_size) + 1
