"""The Inside-a-block stage draws the numbers of the traced pass: every vector, score, weight and GELU dot
it shows equals a recomputation in numpy from the model's weights, for the chosen layer, token and head."""
from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from _gui import make_panel
from PySide6.QtCore import QPoint, Qt

from app.common.sample import sample_engine
from app.explore.panels.block import BlockPanel
from app.explore.stages import NEEDS_TRACE, STAGES
from model.paths import default_model_dir, lessons_dir

PROMPT = "ROMEO: But soft, what light through yonder window breaks? It is the east"
ATOL = 2e-4


@pytest.fixture(scope="module")
def shipped():
    if not default_model_dir().exists():
        pytest.skip("the shipped model is not installed")
    return sample_engine(str(default_model_dir()))


def forward_by_hand(loaded, ids: list[int]) -> list[dict]:
    """Each block's steps for every token, recomputed in numpy from the weights (not from the Trace)."""
    cfg = loaded.config
    w = {name: p.detach().double().numpy() for name, p in loaded.model.named_parameters()}
    h, d, eps = cfg.n_head, cfg.d_head, cfg.layer_norm_eps
    t = len(ids)

    def norm(x, prefix=None):
        z = (x - x.mean(-1, keepdims=True)) / np.sqrt(x.var(-1, keepdims=True) + eps)
        return z if prefix is None else z * w[prefix + ".weight"] + w[prefix + ".bias"]

    x = w["tok_emb.weight"][ids] + w["pos_emb.weight"][:t]
    layers = []
    for i in range(cfg.n_layer):
        p = f"blocks.{i}."
        step = {"x_in": x, "ln1_normalised": norm(x), "ln1_out": norm(x, p + "ln1")}
        qkv = step["ln1_out"] @ w[p + "attn.qkv.weight"].T + w[p + "attn.qkv.bias"]
        q, k, v = (part.reshape(t, h, d).transpose(1, 0, 2) for part in np.split(qkv, 3, axis=-1))
        raw = q @ k.transpose(0, 2, 1)
        masked = np.where(np.tril(np.ones((t, t), bool)), raw / math.sqrt(d), -np.inf)
        probs = np.exp(masked - masked.max(-1, keepdims=True))
        probs /= probs.sum(-1, keepdims=True)
        heads = probs @ v  # [H, T, D]
        joined = heads.transpose(1, 0, 2).reshape(t, h * d)
        attn_out = joined @ w[p + "attn.proj.weight"].T + w[p + "attn.proj.bias"]
        mid = x + attn_out
        ln2 = norm(mid, p + "ln2")
        pre = ln2 @ w[p + "mlp.fc.weight"].T + w[p + "mlp.fc.bias"]
        hidden = F.gelu(torch.from_numpy(pre), approximate=cfg.gelu_approximation).numpy()
        mlp_out = hidden @ w[p + "mlp.proj.weight"].T + w[p + "mlp.proj.bias"]
        step.update(q=q, k=k, v=v, raw=raw, masked=masked, probs=probs, heads=heads, joined=joined, attn_out=attn_out,
                    resid_mid=mid, ln2_normalised=norm(mid), ln2_out=ln2, mlp_pre=pre, mlp_hidden=hidden,
                    mlp_out=mlp_out, resid_post=mid + mlp_out)
        layers.append(step)
        x = step["resid_post"]
    return layers


def check_drawn(drawn: dict, by_hand: list[dict], layer: int, token: int, head: int) -> None:
    s = by_hand[layer]
    d = s["q"].shape[-1]
    close = lambda name, want: np.testing.assert_allclose(drawn[name], want, atol=ATOL, rtol=1e-4, err_msg=name)  # noqa
    for name in ("x_in", "ln1_normalised", "ln1_out", "attn_out", "resid_mid", "ln2_normalised", "ln2_out",
                 "mlp_pre", "mlp_hidden", "mlp_out"):
        close(name, s[name][token])
    close("query", s["q"][head, token])
    close("keys", s["k"][head, : token + 1])
    close("values", s["v"][head, : token + 1])
    close("raw_scores", s["raw"][head, token])
    close("scaled_scores", s["raw"][head, token] / math.sqrt(d))
    close("masked_scores", s["masked"][head, token])  # −∞ exactly where the mask is
    close("probs", s["probs"][head, token])
    close("weights", s["probs"][head, token, : token + 1])
    close("head_output", s["heads"][head, token])
    close("heads_joined", s["joined"][token])
    for prefix, parts in (("add1", ("x_in", "attn_out", "resid_mid")), ("add2", ("resid_mid", "mlp_out", "resid_post"))):
        for suffix, part in zip(("x", "added", "sum"), parts):
            close(f"{prefix}_{suffix}", s[part][token])
    close("mlp_in", s["ln2_out"][token])
    top = np.argsort(-s["mlp_hidden"][token])[: len(drawn["top_neurons"])]
    assert drawn["top_neurons"].tolist() == top.tolist()
    close("stream_norms", [np.linalg.norm(by_hand[0]["x_in"][token])] +
          [np.linalg.norm(step["resid_post"][token]) for step in by_hand])
    close("attn_norms", [np.linalg.norm(step["attn_out"][token]) for step in by_hand])
    close("mlp_norms", [np.linalg.norm(step["mlp_out"][token]) for step in by_hand])


def test_the_stage_comes_after_attention_and_has_a_lesson():
    assert STAGES.index("block") == STAGES.index("attention") + 1 and "block" in NEEDS_TRACE
    lesson = (lessons_dir() / "block.html").read_text(encoding="utf-8")
    assert lesson.index("<h3>Try this</h3>") < lesson.index("<h3>Question</h3>")
    assert "√d_head" in lesson and "W_O" in lesson and "GELU" in lesson


def test_drawn_numbers_equal_a_recomputation_from_the_weights(qtbot, shipped):
    trace = shipped.trace(PROMPT).trace
    by_hand = forward_by_hand(shipped.loaded, trace.token_ids.tolist())
    panel = make_panel(qtbot, BlockPanel, shipped.info())
    panel.render(trace)
    last = trace.n_tokens - 1
    check_drawn(panel.drawn(), by_hand, 0, last, 0)  # the default: layer 1, head 1, the last token
    assert not np.isinf(panel.drawn()["masked_scores"]).any()  # the last token sees every token
    panel.select_layer(3)
    panel.head_box.setCurrentIndex(2)  # the head picker
    panel.select_token(7)
    drawn = panel.drawn()
    check_drawn(drawn, by_hand, 3, 7, 2)
    assert np.isinf(drawn["masked_scores"][8:]).all() and np.isfinite(drawn["masked_scores"][:8]).all()
    assert (drawn["probs"][8:] == 0).all() and drawn["probs"].sum() == pytest.approx(1.0, abs=1e-5)
    assert panel.steps["attention"].keys.matrix.shape == (8, trace.layers[0].keys.shape[-1])
    assert f"sees 8 of {trace.n_tokens} tokens; the {trace.n_tokens - 8} after it are set to −∞" in \
        panel.steps["attention"].mask_line.text


def test_clicking_a_token_and_a_layer_follows_them(qtbot, shipped):
    trace = shipped.trace(PROMPT).trace
    by_hand = forward_by_hand(shipped.loaded, trace.token_ids.tolist())
    panel = make_panel(qtbot, BlockPanel, shipped.info(), wait=True)
    panel.render(trace)
    row = panel.tokens
    x0, x1 = row.spans[2]
    qtbot.mouseClick(row, Qt.LeftButton, pos=QPoint(int((x0 + x1) / 2), row.height() // 2))
    assert panel.token_index() == 2
    qtbot.keyClick(row, Qt.Key_Right)
    assert panel.token_index() == 3
    chart = panel.steps["layers"].chart
    box = chart.plot_rect()
    slot = box.width() / (len(trace.layers) + 1)
    qtbot.mouseClick(chart, Qt.LeftButton, pos=QPoint(int(box.left() + 5.5 * slot), int(box.center().y())))
    assert panel.layer == 4 and panel.layer_box.currentIndex() == 4
    check_drawn(panel.drawn(), by_hand, 4, 3, 0)
    panel.select_token(trace.n_tokens - 1)  # the last token again: it follows the prompt as it grows
    longer = shipped.trace(PROMPT + ", and Juliet").trace
    panel.render(longer)
    assert panel.token_index() == longer.n_tokens - 1


def test_gelu_dots_lie_on_the_curve_drawn(qtbot, shipped):
    panel = make_panel(qtbot, BlockPanel, shipped.info())
    panel.render(shipped.trace(PROMPT).trace)
    plot = panel.steps["mlp"].gelu
    expected = F.gelu(torch.from_numpy(plot.dots_x.astype(np.float64)), approximate="none").numpy()
    np.testing.assert_allclose(plot.dots_y, expected, atol=1e-5)
    from app.explore.panels.block_steps import gelu  # the curve the plot draws
    grid = np.linspace(-6, 6, 101)
    for approximation in ("none", "tanh"):
        np.testing.assert_allclose(gelu(grid, approximation),
                                   F.gelu(torch.from_numpy(grid), approximate=approximation).numpy(), atol=1e-12)
    lo, hi = plot.x_range()
    assert lo <= plot.dots_x.min() and plot.dots_x.max() <= hi  # every dot inside the plot


def test_one_token_and_256_tokens(qtbot, shipped):
    panel = make_panel(qtbot, BlockPanel, shipped.info(), wait=True)
    one = shipped.trace("A").trace
    assert one.n_tokens == 1
    panel.render(one)
    drawn = panel.drawn()
    assert drawn["keys"].shape[0] == 1 and drawn["probs"].tolist() == [pytest.approx(1.0)]
    np.testing.assert_allclose(drawn["head_output"], one.layers[0].values[0, 0], atol=1e-6)  # weight 1 on itself
    long = shipped.trace("To be, or not to be, that is the question. " * 40).trace
    assert long.n_tokens == 256
    panel.render(long)
    panel.select_layer(5)
    drawn = panel.drawn()
    assert drawn["keys"].shape[0] == 256 and drawn["raw_scores"].shape == (256,)
    np.testing.assert_allclose(drawn["add2_sum"], long.layers[5].resid_post[-1], atol=1e-6)
    panel.grab()  # paints every picture at this size without an error


def test_captions_never_overlap_the_pictures(qtbot, shipped):
    """The panel is as tall as its steps need with their wrapped captions, at any width and font size."""
    panel = make_panel(qtbot, BlockPanel, shipped.info(), wait=True)
    panel.render(shipped.trace(PROMPT).trace)
    for width, presentation in ((1000, False), (700, True)):
        panel.appearance.update(presentation=presentation)
        panel.resize(width, 600)
        qtbot.wait(20)
        panel.resize(width, panel.minimumHeight())
        qtbot.wait(20)
        for step in panel.steps.values():
            assert step.height() >= step.layout().totalHeightForWidth(step.width()), type(step).__name__
    panel.appearance.update(presentation=False)


def test_a_switched_off_head_is_said_to_be_off(qtbot, shipped):
    trace = shipped.trace(PROMPT).trace
    layer = trace.layers[0]
    silent = layer.head_outputs.copy()
    silent[1] = 0.0
    changed = dataclasses.replace(trace, layers=[dataclasses.replace(layer, head_outputs=silent)] + trace.layers[1:])
    panel = make_panel(qtbot, BlockPanel, shipped.info(), wait=True)
    panel.render(changed)
    panel.select_head(1)
    d = layer.head_outputs.shape[-1]
    assert not panel.drawn()["heads_joined"][d : 2 * d].any()
    assert panel.steps["attention"].off.isVisibleTo(panel)
    assert "Head 2 is switched off" in panel.steps["join"].caption.text()
    panel.select_head(0)
    assert not panel.steps["attention"].off.isVisibleTo(panel)


def test_a_gpt2_shaped_folder(qtbot, tmp_path):
    pytest.importorskip("transformers")
    from test_gpt2 import random_gpt2, train_vocab

    folder = Path(tmp_path) / "gpt2"
    vocab = train_vocab(folder, 300)
    random_gpt2(dict(n_layer=2, n_head=4, n_embd=32, n_positions=64, activation_function="gelu_new",
                     layer_norm_epsilon=1e-5), vocab, seed=3).save_pretrained(folder, safe_serialization=True)
    engine = sample_engine(str(folder))
    trace = engine.trace("When shall we three meet again").trace
    panel = make_panel(qtbot, BlockPanel, engine.info())
    panel.render(trace)
    panel.select_layer(1)
    panel.select_head(3)
    panel.select_token(2)
    check_drawn(panel.drawn(), forward_by_hand(engine.loaded, trace.token_ids.tolist()), 1, 2, 3)
    plot = panel.steps["mlp"].gelu
    assert plot.approximation == "tanh"
    np.testing.assert_allclose(plot.dots_y, F.gelu(torch.from_numpy(plot.dots_x.astype(np.float64)),
                                                   approximate="tanh").numpy(), atol=1e-5)
    panel.grab()
