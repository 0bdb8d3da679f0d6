import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_model, tokenizer

from model.decoding import Decoder, generate, sample_from, shape_distribution


def full_logits(model, ids):
    with torch.no_grad():
        logits, _ = model(torch.tensor([ids[-model.config.context_length:]]))
    return logits[0, -1].numpy()


@pytest.mark.parametrize("positional", ["learned", "sinusoidal", "rope"])
def test_cached_decoding_equals_recomputation(positional):
    model, tok = tiny_model(positional), tokenizer()
    ids = tok.encode(TEXT[:40])
    decoder = Decoder(model, ids)
    np.testing.assert_allclose(decoder.logits.numpy(), full_logits(model, ids), atol=1e-5)
    rng = np.random.default_rng(0)
    for _ in range(8):
        token = int(rng.integers(model.config.vocab_size))
        step = decoder.step(token)
        ids = ids + [token]
        np.testing.assert_allclose(step.final_logits, full_logits(model, ids), atol=1e-5)
        assert step.attention.shape == (2, 2, len(ids))
        np.testing.assert_allclose(step.attention.sum(-1), 1.0, atol=1e-5)
    assert decoder.ids == ids


def test_step_attention_equals_the_traced_last_row():
    from model.tracing import trace_ids

    model, tok = tiny_model(), tokenizer()
    ids = tok.encode(TEXT[:30])
    decoder = Decoder(model, ids[:-1])
    step = decoder.step(ids[-1])
    trace = trace_ids(model, ids)
    for layer in range(2):
        np.testing.assert_allclose(step.attention[layer], trace["layers"][layer].attn_probs[:, -1, :], atol=1e-5)


def test_decoding_slides_past_the_context():
    model, tok = tiny_model(), tokenizer()
    ids = tok.encode(TEXT)[:30]
    decoder = Decoder(model, ids)
    for token in range(10):  # 40 tokens > context of 32
        step = decoder.step(token)
        ids = ids + [token]
        np.testing.assert_allclose(step.final_logits, full_logits(model, ids), atol=1e-5)
    assert step.attention.shape[-1] == 32


def test_undo_restores_the_previous_state():
    model, tok = tiny_model(), tokenizer()
    ids = tok.encode(TEXT[:40])
    decoder = Decoder(model, ids)
    before = decoder.logits.clone()
    decoder.step(5)
    decoder.step(6)
    decoder.undo()
    decoder.undo()
    assert decoder.ids == ids
    torch.testing.assert_close(decoder.logits, before, atol=1e-5, rtol=0)
    step = decoder.step(9)  # and the cache still works after undo
    np.testing.assert_allclose(step.final_logits, full_logits(model, ids + [9]), atol=1e-5)


def test_temperature_zero_is_argmax():
    logits = np.array([0.5, 3.0, -1.0, 3.0 - 1e-9, 2.0])
    for t in (0.0, 1e-9):
        probs, kept = shape_distribution(logits, temperature=t)
        assert probs.tolist() == [0, 1, 0, 0, 0] and kept.sum() == 1


def test_low_temperature_is_stable_and_sharpens():
    logits = np.array([1000.0, 999.0, -1000.0])
    probs, _ = shape_distribution(logits, temperature=0.01)
    assert np.all(np.isfinite(probs)) and probs[0] == pytest.approx(1.0)
    p1, _ = shape_distribution(np.array([1.0, 2.0, 3.0]), temperature=1.0)
    p2, _ = shape_distribution(np.array([1.0, 2.0, 3.0]), temperature=2.0)
    np.testing.assert_allclose(p1, np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    assert p2[2] < p1[2] and p2[0] > p1[0]


def test_top_k_keeps_exactly_k():
    logits = np.log(np.array([0.1, 0.4, 0.05, 0.3, 0.15]))
    probs, kept = shape_distribution(logits, top_k=2)
    assert kept.tolist() == [False, True, False, True, False]
    np.testing.assert_allclose(probs, [0, 0.4 / 0.7, 0, 0.3 / 0.7, 0])


def test_top_p_keeps_the_smallest_set_reaching_p():
    logits = np.log(np.array([0.1, 0.4, 0.05, 0.3, 0.15]))
    _, kept = shape_distribution(logits, top_p=0.7)  # 0.4 + 0.3 = 0.7 reaches p
    assert kept.tolist() == [False, True, False, True, False]
    _, kept = shape_distribution(logits, top_p=0.71)  # needs the 0.15 too
    assert kept.tolist() == [False, True, False, True, True]
    _, kept = shape_distribution(logits, top_p=0.01)  # always at least the top token
    assert kept.tolist() == [False, True, False, False, False]
    _, kept = shape_distribution(logits, top_k=2, top_p=0.95)  # both filters apply
    assert kept.sum() == 2


def test_sampling_follows_the_distribution_and_the_seed():
    probs = np.array([0.2, 0.0, 0.8])
    draws = [sample_from(probs, np.random.default_rng(s)) for s in range(400)]
    assert 1 not in draws and 0.7 < draws.count(2) / 400 < 0.9
    a = [sample_from(probs, np.random.default_rng(7)) for _ in range(5)]
    assert len(set(a)) == 1


def test_generate_is_repeatable_with_a_seed():
    model, tok = tiny_model(), tokenizer()
    a = generate(model, tok, "When", 20, temperature=1.0, seed=3)
    b = generate(model, tok, "When", 20, temperature=1.0, seed=3)
    c = generate(model, tok, "When", 20, temperature=1.0, seed=4)
    assert a == b and a != c
    greedy = generate(model, tok, "When", 10, temperature=0.0)
    ids = tok.encode("When")
    for _ in range(10):
        ids.append(int(np.argmax(full_logits(model, ids))))
    assert greedy == tok.decode(ids[len(tok.encode("When")):])
