import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_model, tokenizer

from model.config import ModelConfig, parameter_count
from model.tracing import trace_text
from model.transformer import Transformer, apply_rope, evaluating, rope_angles, sinusoidal_table

POSITIONALS = ["learned", "sinusoidal", "rope"]


@pytest.mark.parametrize("positional", POSITIONALS)
def test_traced_logits_equal_fast_path(positional):
    model = tiny_model(positional)
    idx = torch.randint(0, model.config.vocab_size, (3, 20), generator=torch.Generator().manual_seed(1))
    fast, _ = model(idx)
    run = model.run_explicit(idx)
    traced = model.unembed(run["residual"])
    assert torch.allclose(fast, traced, atol=1e-5, rtol=0)
    assert fast.abs().max() > 0.1  # the comparison is not between two zero tensors


@pytest.mark.parametrize("positional", POSITIONALS)
def test_attention_rows_sum_to_one_and_are_causal(positional):
    trace = trace_text(tiny_model(positional), tokenizer(), TEXT[:80])
    t = trace.n_tokens
    for layer in trace.layers:
        assert layer.attn_probs.shape == (2, t, t)
        np.testing.assert_allclose(layer.attn_probs.sum(-1), 1.0, atol=1e-5)
        upper = np.triu(np.ones((t, t), bool), k=1)
        assert np.all(layer.attn_probs[:, upper] == 0.0)
        assert np.all(np.isneginf(layer.attn_scores[:, upper]))
        assert np.all(np.isfinite(layer.attn_scores[:, ~upper]))
        # probabilities are the softmax of the scores
        s = layer.attn_scores[0, -1]
        np.testing.assert_allclose(np.exp(s - s.max()) / np.exp(s - s.max()).sum(), layer.attn_probs[0, -1], atol=1e-5)


@pytest.mark.parametrize("positional", ["learned", "sinusoidal"])
def test_block_input_is_token_plus_position(positional):
    model = tiny_model(positional)
    trace = trace_text(model, tokenizer(), TEXT[:60])
    np.testing.assert_allclose(trace.block_input, trace.token_embeddings + trace.positional_vectors, atol=1e-6)
    expected_tok = model.tok_emb.weight.detach().numpy()[trace.token_ids]
    np.testing.assert_allclose(trace.token_embeddings, expected_tok, atol=1e-7)
    if positional == "learned":
        np.testing.assert_allclose(trace.positional_vectors, model.pos_emb.weight.detach().numpy()[: trace.n_tokens])
    else:
        # position 0: sin(0)=0 on even dims, cos(0)=1 on odd dims
        np.testing.assert_allclose(trace.positional_vectors[0, 0::2], 0.0, atol=1e-7)
        np.testing.assert_allclose(trace.positional_vectors[0, 1::2], 1.0, atol=1e-7)
    assert np.abs(trace.positional_vectors).max() > 0


def test_sinusoidal_matches_the_formula():
    table = sinusoidal_table(torch.arange(50), 16).numpy()
    pos, i = 37, 3
    angle = pos / 10000 ** (2 * i / 16)
    assert table[pos, 2 * i] == pytest.approx(np.sin(angle), abs=1e-5)
    assert table[pos, 2 * i + 1] == pytest.approx(np.cos(angle), abs=1e-5)


def test_rope_preserves_norms_and_depends_only_on_offsets():
    angles = rope_angles(torch.arange(10), 8, 10000.0)
    x = torch.randn(1, 2, 10, 8)
    rotated = apply_rope(x, angles.cos(), angles.sin())
    torch.testing.assert_close(rotated.norm(dim=-1), x.norm(dim=-1))
    assert not torch.allclose(rotated[..., 1:, :], x[..., 1:, :])  # it did rotate
    # q.k after rotation depends on the offset between positions, not on where they sit
    q, k = torch.randn(8), torch.randn(8)
    def dot(pq, pk):
        a = rope_angles(torch.tensor([pq, pk]), 8, 10000.0)
        qq = apply_rope(q.view(1, 1, 1, 8).expand(1, 1, 2, 8), a.cos(), a.sin())[0, 0, 0]
        kk = apply_rope(k.view(1, 1, 1, 8).expand(1, 1, 2, 8), a.cos(), a.sin())[0, 0, 1]
        return float(qq @ kk)
    assert dot(5, 2) == pytest.approx(dot(9, 6), abs=1e-5)


def test_rope_trace_has_angles_and_no_added_vectors():
    trace = trace_text(tiny_model("rope"), tokenizer(), TEXT[:40])
    assert trace.rope_angles.shape == (trace.n_tokens, 4)
    np.testing.assert_allclose(trace.rope_angles[3], 3 * 10000.0 ** (-np.arange(0, 8, 2) / 8), rtol=1e-6)
    assert not trace.positional_vectors.any()


def test_parameter_count_matches_the_module():
    for positional in POSITIONALS:
        model = tiny_model(positional)
        assert parameter_count(model.config)["total"] == sum(p.numel() for p in model.parameters())


def test_head_is_tied_to_the_embedding():
    model = tiny_model()
    idx = torch.tensor([[1, 2, 3]])
    logits, _ = model(idx)
    with torch.no_grad():
        model.tok_emb.weight[7] += 1.0
    logits2, _ = model(idx)
    changed = (logits2 - logits).abs().amax(dim=(0, 1))
    assert changed[7] > 0 and changed.argmax() == 7


def test_config_rejects_bad_shapes():
    with pytest.raises(ValueError, match="divisible"):
        ModelConfig(vocab_size=10, d_model=10, n_head=3)
    with pytest.raises(ValueError, match="positional"):
        ModelConfig(vocab_size=10, positional="alibi")
    with pytest.raises(ValueError, match="context length"):
        Transformer(ModelConfig(vocab_size=10, context_length=4, d_model=8, n_head=2, d_mlp=8))(torch.zeros(1, 5, dtype=torch.long))


def test_tiny_model_overfits_a_short_text():
    text = TEXT[:200]
    tok = tokenizer("char")
    ids = torch.tensor([tok.encode(text)])
    torch.manual_seed(0)
    model = Transformer(ModelConfig(vocab_size=tok.vocab_size, context_length=256, n_layer=2, n_head=2, d_model=64, d_mlp=128))
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3)
    for _ in range(250):
        _, loss = model(ids[:, :-1], ids[:, 1:])
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert loss.item() < 0.05


def test_evaluating_switches_dropout_off_and_restores_the_mode():
    model = Transformer(ModelConfig(vocab_size=40, context_length=16, n_layer=2, n_head=2, d_model=16, d_mlp=32,
                                    dropout=0.5))
    idx = torch.randint(0, 40, (1, 8))
    model.train()
    with evaluating(model), torch.no_grad():
        assert not any(m.training for m in model.modules())
        first, second = model(idx)[0], model(idx)[0]
    assert torch.equal(first, second)  # no dropout inside
    assert all(m.training for m in model.modules())  # training mode back after
    model.eval()
    model.blocks[0].train()  # a mixed state that the block must leave untouched when the model is in eval
    with evaluating(model):
        assert model.blocks[0].training
    assert not model.training and model.blocks[0].training
