"""Switching heads and MLPs off (model.ablation through run_explicit), the head-importance scan and decoding.

A switched-off head must remove exactly its own contribution: its slice of W_O applied to its output,
nothing else. The checks recompute that by hand from an un-ablated trace and push the changed
residual stream through the later blocks on the fast path, which shares no code with the ablation.
"""
import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_model, tokenizer

from model.ablation import NO_ABLATION, Ablation
from model.decoding import Decoder, generate
from model.interventions import chunk_size, head_importance
from model.tracing import trace_ids

IDS = tokenizer("bpe").encode(TEXT)[:24]


@pytest.fixture(scope="module")
def model():
    return tiny_model("learned", n_layer=3, n_head=4, d_model=32, d_mlp=64)


def rest_of_network(model, resid: torch.Tensor, first_layer: int) -> np.ndarray:
    """Logits at the last position from the residual stream entering block `first_layer` (fast path)."""
    x = resid[None]
    for block in model.blocks[first_layer:]:
        x = block(x)
    return model.unembed(x)[0, -1].detach().numpy()


def head_contribution(model, trace, layer: int, head: int) -> np.ndarray:
    """What head `head` of `layer` adds to the residual stream: its output times its slice of W_O. [T, C]"""
    d = model.config.d_head
    w_o = model.blocks[layer].attn.proj.weight.detach().numpy()  # (C, C): out x in
    return trace["layers"][layer].head_outputs[head] @ w_o[:, head * d : (head + 1) * d].T


@pytest.mark.parametrize("layer,head", [(0, 0), (1, 2), (2, 3)])
def test_a_switched_off_head_removes_exactly_its_contribution(model, layer, head):
    clean = trace_ids(model, IDS)
    off = trace_ids(model, IDS, ablation=Ablation(frozenset({(layer, head)})))
    contribution = head_contribution(model, clean, layer, head)
    assert np.abs(contribution).max() > 1e-2  # the head does add something, so removing it is visible
    # the attention sub-layer's output loses that head's share and nothing else
    np.testing.assert_allclose(off["layers"][layer].attn_out, clean["layers"][layer].attn_out - contribution,
                               atol=1e-5)
    # and the logits are those of the clean stream minus the contribution, run through the rest by hand
    with torch.no_grad():
        mid = torch.from_numpy(clean["layers"][layer].resid_mid - contribution)
        block = model.blocks[layer]
        post = mid + block.mlp(block.ln2(mid))
        by_hand = rest_of_network(model, post, layer + 1)
    np.testing.assert_allclose(off["final_logits"], by_hand, atol=1e-4)
    assert np.abs(off["final_logits"] - clean["final_logits"]).max() > 1e-3
    # every block before it is untouched, bit for bit
    for earlier in range(layer):
        assert np.array_equal(off["layers"][earlier].resid_post, clean["layers"][earlier].resid_post)


def test_a_switched_off_mlp_adds_nothing(model):
    clean = trace_ids(model, IDS)
    off = trace_ids(model, IDS, ablation=Ablation(mlps=frozenset({1})))
    assert np.array_equal(off["layers"][1].resid_post, clean["layers"][1].resid_mid)
    assert not np.any(off["layers"][1].mlp_out)
    with torch.no_grad():
        by_hand = rest_of_network(model, torch.from_numpy(clean["layers"][1].resid_mid), 2)
    np.testing.assert_allclose(off["final_logits"], by_hand, atol=1e-4)
    assert np.abs(off["final_logits"] - clean["final_logits"]).max() > 1e-3


def test_clearing_restores_the_logits_bit_for_bit(model):
    clean = trace_ids(model, IDS)
    trace_ids(model, IDS, ablation=Ablation(frozenset({(0, 1), (2, 0)}), frozenset({1})))
    for cleared in (NO_ABLATION, None, Ablation().toggled_head(0, 1).toggled_head(0, 1)):
        again = trace_ids(model, IDS, ablation=cleared)
        assert np.array_equal(again["final_logits"], clean["final_logits"])
        assert np.array_equal(again["layers"][-1].resid_post, clean["layers"][-1].resid_post)


def test_ablation_of_a_part_the_model_lacks_is_refused(model):
    with pytest.raises(ValueError, match="no head 5 in layer 1"):
        head_importance(model, IDS, Ablation(frozenset({(0, 4)})))
    with pytest.raises(ValueError, match="no MLP in layer 4"):
        Decoder(model, IDS, ablation=Ablation(mlps=frozenset({3})))


def single_head_drop(model, ids, base: Ablation, layer: int, head: int, top: int) -> float:
    p_base = trace_ids(model, ids, ablation=base)["next_token_probs"][top]
    p_off = trace_ids(model, ids, ablation=base.toggled_head(layer, head))["next_token_probs"][top]
    return float(p_base - p_off)


@pytest.mark.parametrize("base", [NO_ABLATION, Ablation(frozenset({(1, 1)}), frozenset({0}))])
def test_the_scan_equals_each_single_head_ablation_run_alone(model, base):
    scan = head_importance(model, IDS, base)
    top = int(np.argmax(trace_ids(model, IDS, ablation=base)["next_token_probs"]))
    assert scan.top_id == top and scan.complete
    expected = np.full(scan.drops.shape, np.nan, np.float32)
    for layer in range(3):
        for head in range(4):
            if (layer, head) not in base.heads:
                expected[layer, head] = single_head_drop(model, IDS, base, layer, head, top)
    np.testing.assert_allclose(scan.drops, expected, atol=2e-6)  # NaN exactly where a head was already off
    assert np.nanmax(np.abs(expected)) > 1e-3


def test_the_scan_batches_in_chunks_when_memory_is_tight(model, monkeypatch):
    whole = head_importance(model, IDS).drops
    monkeypatch.setattr("model.interventions.ATTENTION_FLOATS_PER_CHUNK", 1)
    assert chunk_size(model.config, len(IDS)) == 1
    seen = []
    chunked = head_importance(model, IDS, progress=lambda done, total: seen.append((done, total)))
    np.testing.assert_allclose(chunked.drops, whole, atol=2e-6)
    assert seen[-1] == (12, 12) and [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_scan_stops_when_asked(model):
    asked = []

    def stop_after_first_layer():
        asked.append(1)
        return len(asked) > 1  # the first layer's batch runs, then the answer is "stop"

    scan = head_importance(model, IDS, should_stop=stop_after_first_layer)
    assert not scan.complete
    assert np.isfinite(scan.drops[0]).all() and np.isnan(scan.drops[1:]).all()


def test_decoding_and_generation_follow_the_ablation(model):
    ablation = Ablation(frozenset({(0, 0), (2, 1)}))
    decoder = Decoder(model, IDS[:10], ablation=ablation)
    for token in IDS[10:16]:
        step = decoder.step(token)
    full = trace_ids(model, IDS[:16], ablation=ablation)
    np.testing.assert_allclose(step.final_logits, full["final_logits"], atol=1e-4)  # cached steps = a full pass
    plain = trace_ids(model, IDS[:16])
    assert np.abs(step.final_logits - plain["final_logits"]).max() > 1e-3
    text = generate(model, tokenizer("bpe"), "When shall", 8, temperature=0.0, ablation=ablation)
    ids = tokenizer("bpe").encode("When shall")
    for _ in range(8):  # greedy under the ablation, one full pass a token
        ids.append(int(np.argmax(trace_ids(model, ids, ablation=ablation)["final_logits"])))
    assert text == tokenizer("bpe").decode(ids[-8:])


def test_training_path_has_no_ablation(model):
    """The fast forward (training, evaluation, export) ignores any ablation that tracing used."""
    idx = torch.tensor([IDS])
    before = model(idx)[0].detach().clone()
    trace_ids(model, IDS, ablation=Ablation(frozenset({(0, 0)}), frozenset({2})))
    assert torch.equal(model(idx)[0], before)
    np.testing.assert_allclose(before[0, -1].numpy(), trace_ids(model, IDS)["final_logits"], atol=1e-5)
