"""Pin the Trace's field names and shapes: every GUI panel renders from them."""
import dataclasses
import math

import numpy as np
import pytest
from _engine import TEXT, tiny_model, tokenizer

from model.trace import LayerTrace, Trace
from model.tracing import trace_text


def test_trace_fields_and_shapes():
    model = tiny_model()
    tok = tokenizer()
    trace = trace_text(model, tok, TEXT[:50], lens_k=7)
    t, c, h, d, m, layers, v = trace.n_tokens, 16, 2, 8, 32, 2, tok.vocab_size
    assert [f.name for f in dataclasses.fields(Trace)] == [
        "text", "token_ids", "token_strs", "char_spans", "byte_spans", "positions", "token_embeddings",
        "positional_vectors", "block_input", "layers", "lens_top_ids", "lens_top_probs", "final_logits",
        "next_token_probs", "rope_angles", "truncated_chars", "objective",
    ]
    assert [f.name for f in dataclasses.fields(LayerTrace)] == [
        "ln1_out", "attn_scores", "attn_probs", "queries", "keys", "values", "head_outputs", "attn_out", "resid_mid",
        "ln2_out", "mlp_pre", "mlp_hidden", "mlp_out", "resid_post",
    ]
    assert trace.token_ids.shape == (t,) and trace.token_ids.dtype == np.int64
    assert len(trace.token_strs) == t
    assert trace.char_spans.shape == trace.byte_spans.shape == (t, 2)
    assert trace.positions.tolist() == list(range(t))
    for name in ("token_embeddings", "positional_vectors", "block_input"):
        assert getattr(trace, name).shape == (t, c) and getattr(trace, name).dtype == np.float32
    assert len(trace.layers) == layers
    for layer in trace.layers:
        assert layer.attn_scores.shape == layer.attn_probs.shape == (h, t, t)
        assert layer.queries.shape == layer.keys.shape == layer.values.shape == layer.head_outputs.shape == (h, t, d)
        for name in ("ln1_out", "attn_out", "resid_mid", "ln2_out", "mlp_out", "resid_post"):
            assert getattr(layer, name).shape == (t, c) and getattr(layer, name).dtype == np.float32
        assert layer.mlp_pre.shape == layer.mlp_hidden.shape == (t, m)
    assert trace.lens_top_ids.shape == trace.lens_top_probs.shape == (layers, t, 7)
    assert trace.final_logits.shape == trace.next_token_probs.shape == (v,)
    assert trace.rope_angles is None and trace.truncated_chars == 0


def test_residual_stream_adds_up():
    trace = trace_text(tiny_model(), tokenizer(), TEXT[:50])
    prev = trace.block_input
    for layer in trace.layers:
        np.testing.assert_allclose(layer.resid_mid, prev + layer.attn_out, atol=1e-5)
        prev = layer.resid_post
    assert not np.allclose(trace.layers[0].resid_post, trace.block_input)


def test_logit_lens_last_layer_is_the_output():
    trace = trace_text(tiny_model(), tokenizer(), TEXT[:50])
    top = np.argsort(-trace.next_token_probs)[:5]
    np.testing.assert_array_equal(trace.lens_top_ids[-1, -1, :5], top)
    np.testing.assert_allclose(trace.lens_top_probs[-1, -1, :5], trace.next_token_probs[top], atol=1e-6)
    assert np.all(np.diff(trace.lens_top_probs, axis=-1) <= 1e-7)  # sorted, most likely first
    np.testing.assert_allclose(trace.next_token_probs.sum(), 1.0, atol=1e-5)


def test_last_position_lens_equals_the_full_lens_last_column():
    model, tok = tiny_model(), tokenizer()
    full = trace_text(model, tok, TEXT[:50], lens_k=7)
    last = trace_text(model, tok, TEXT[:50], lens_k=7, lens_all_positions=False)
    assert last.lens_top_ids.shape == (len(full.layers), 1, 7)
    np.testing.assert_array_equal(last.lens_top_ids[:, -1], full.lens_top_ids[:, -1])
    np.testing.assert_allclose(last.lens_top_probs[:, -1], full.lens_top_probs[:, -1], rtol=1e-5)
    np.testing.assert_array_equal(last.next_token_probs, full.next_token_probs)


def test_spans_point_at_the_tokens_text():
    tok = tokenizer()
    text = "When thunder 😀 rolls, naïve 北京\n"
    trace = trace_text(tiny_model(), tok, text)
    raw = text.encode("utf-8")
    pieces = [raw[a:b] for a, b in trace.byte_spans]
    assert b"".join(pieces) == raw
    assert pieces == [tok.token_bytes(i) for i in trace.token_ids]
    for (a, b), label in zip(trace.char_spans, trace.token_strs):
        if "⟨" not in label:
            assert text[a:b] == label
    assert "\ufffd" not in "".join(trace.token_strs)


def test_long_prompt_keeps_the_last_context_tokens():
    model, tok = tiny_model(), tokenizer()
    text = TEXT * 20
    trace = trace_text(model, tok, text)
    assert trace.n_tokens == model.config.context_length
    assert trace.truncated_chars > 0
    assert text.endswith(trace.text) and len(trace.text) + trace.truncated_chars == len(text)
    assert trace.token_ids.tolist() == tok.encode(text)[-32:]


def test_huge_paste_is_cut_before_tokenizing():
    model, tok = tiny_model(), tokenizer()
    trace = trace_text(model, tok, "x" * 50_000 + "😀 " * 50_000)
    assert trace.n_tokens == 32
    assert trace.text.endswith("😀 ")


def test_empty_prompt_is_refused_clearly():
    with pytest.raises(ValueError, match="empty"):
        trace_text(tiny_model(), tokenizer(), "")


def test_npz_export_round_trips(tmp_path):
    trace = trace_text(tiny_model(), tokenizer(), TEXT[:40])
    np.savez(tmp_path / "t.npz", **trace.to_npz_dict())
    with np.load(tmp_path / "t.npz", allow_pickle=False) as data:
        np.testing.assert_array_equal(data["layer1.attn_probs"], trace.layers[1].attn_probs)
        assert list(data["token_strs"]) == trace.token_strs


def test_block_internals_equal_a_recomputation_from_the_weights():
    """Every number the Inside-a-block stage draws, recomputed in numpy from the weights (fp32 tolerance)."""
    model = tiny_model()
    trace = trace_text(model, tokenizer(), TEXT[:50])
    w = {name: p.detach().numpy() for name, p in model.named_parameters()}
    h, d = model.config.n_head, model.config.d_head

    def layer_norm(x, prefix):
        mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + model.config.layer_norm_eps) * w[prefix + ".weight"] + w[prefix + ".bias"]

    x = trace.block_input
    for i, layer in enumerate(trace.layers):
        p = f"blocks.{i}."
        np.testing.assert_allclose(layer.ln1_out, layer_norm(x, p + "ln1"), atol=1e-5)
        qkv = layer.ln1_out @ w[p + "attn.qkv.weight"].T + w[p + "attn.qkv.bias"]
        q, k, v = (part.reshape(-1, h, d).transpose(1, 0, 2) for part in np.split(qkv, 3, axis=-1))
        np.testing.assert_allclose(layer.queries, q, atol=1e-5)
        np.testing.assert_allclose(layer.keys, k, atol=1e-5)
        np.testing.assert_allclose(layer.values, v, atol=1e-5)
        scores = q @ k.transpose(0, 2, 1) / np.sqrt(d)
        scores[:, np.triu(np.ones(scores.shape[1:], bool), 1)] = -np.inf
        np.testing.assert_allclose(layer.attn_scores, scores, atol=1e-5)
        np.testing.assert_allclose(layer.head_outputs, layer.attn_probs @ v, atol=1e-5)
        joined = layer.head_outputs.transpose(1, 0, 2).reshape(-1, h * d)
        np.testing.assert_allclose(layer.attn_out, joined @ w[p + "attn.proj.weight"].T + w[p + "attn.proj.bias"],
                                   atol=1e-5)
        np.testing.assert_allclose(layer.ln2_out, layer_norm(layer.resid_mid, p + "ln2"), atol=1e-5)
        pre = layer.ln2_out @ w[p + "mlp.fc.weight"].T + w[p + "mlp.fc.bias"]
        np.testing.assert_allclose(layer.mlp_pre, pre, atol=1e-5)
        gelu = 0.5 * pre * (1 + np.vectorize(math.erf)(pre / np.sqrt(2)))
        np.testing.assert_allclose(layer.mlp_hidden, gelu, atol=1e-5)
        np.testing.assert_allclose(layer.mlp_out, gelu @ w[p + "mlp.proj.weight"].T + w[p + "mlp.proj.bias"],
                                   atol=1e-5)
        np.testing.assert_allclose(layer.resid_post, layer.resid_mid + layer.mlp_out, atol=1e-5)
        x = layer.resid_post
