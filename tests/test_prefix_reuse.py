"""model.tracing.PrefixReuse: a trace that takes the tokens shared with the last trace from it gives the
numbers of a full pass (causal models), and is not used where it would be wrong (another ablation,
another model, a masked-LM model, a window that slid)."""
from __future__ import annotations

import numpy as np
import pytest

from app.common.sample import tiny_model_dir
from model.ablation import Ablation
from model.checkpoint import load_model
from model.paths import masked_model_dir
from model.trace import LayerTrace
from model.tracing import PrefixReuse, trace_ids


@pytest.fixture(scope="module")
def model():
    return load_model(tiny_model_dir()).model


def assert_same_trace(full: dict, reused: dict, atol: float = 1e-4) -> None:
    assert full.keys() == reused.keys()
    for name, value in full.items():
        other = reused[name]
        if name == "layers":
            for a, b in zip(value, other):
                for field in LayerTrace.__dataclass_fields__:
                    x, y = getattr(a, field), getattr(b, field)
                    assert x.shape == y.shape, field
                    assert (np.isfinite(x) == np.isfinite(y)).all(), field  # the causal mask where it was
                    np.testing.assert_allclose(np.nan_to_num(x, neginf=0), np.nan_to_num(y, neginf=0), atol=atol,
                                               err_msg=field)
        elif isinstance(value, np.ndarray):
            np.testing.assert_allclose(value, other, atol=atol, err_msg=name)
        else:
            assert value == other, name


def test_typing_at_the_end_gives_the_full_pass_numbers(model):
    rng = np.random.default_rng(0)
    vocab = model.config.vocab_size
    reuse = PrefixReuse()
    ids = [int(i) for i in rng.integers(0, vocab, 20)]
    for step in range(12):
        if step % 3 == 0:  # a token more
            ids = ids + [int(rng.integers(0, vocab))]
        elif step % 3 == 1:  # one less
            ids = ids[:-1]
        else:  # the last two tokens replaced (a word merged differently)
            ids = ids[:-2] + [int(i) for i in rng.integers(0, vocab, 2)]
        reused = trace_ids(model, ids, reuse=reuse)
        assert reuse.ids == ids
        assert_same_trace(trace_ids(model, ids), reused)
    # The arrays are the kept records, which the next trace reads: writing into one is refused.
    with pytest.raises(ValueError):
        reused["layers"][0].resid_post[0, 0] += 1.0
    assert trace_ids(model, ids)["layers"][0].resid_post.flags.writeable  # a trace made without reuse: its own


def test_how_much_is_reused_and_when_nothing_is(model):
    reuse = PrefixReuse()
    ids = list(range(10, 30))
    trace_ids(model, ids, reuse=reuse)
    assert reuse.shared(model, ids + [5], None) == 20
    assert reuse.shared(model, ids[:-1], None) == 18  # at least the last token is computed again
    assert reuse.shared(model, [99] + ids[1:], None) == 0  # the window slid: every position changed
    off = Ablation(frozenset({(0, 0)}))
    assert reuse.shared(model, ids + [5], off) == 0  # another ablation: other records
    reused = trace_ids(model, ids + [5], ablation=off, reuse=reuse)
    assert_same_trace(trace_ids(model, ids + [5], ablation=off), reused)
    assert reuse.shared(model, ids + [5, 6], off) == 21 and reuse.shared(model, ids + [5, 6], None) == 0
    other = load_model(tiny_model_dir()).model  # the same weights, another model object
    assert reuse.shared(other, ids + [5, 6], off) == 0


def test_a_masked_model_is_traced_whole():
    masked = load_model(masked_model_dir()).model
    assert masked.config.objective == "masked"
    reuse = PrefixReuse()
    ids = list(range(10, 30))
    trace_ids(masked, ids, reuse=reuse)
    assert reuse.shared(masked, ids + [5], None) == 0  # every position reads the new token too
    assert_same_trace(trace_ids(masked, ids + [5]), trace_ids(masked, ids + [5], reuse=reuse))
