"""Fill the blank (issue 15 item 3): the masked model's and the causal model's guesses come from the
right models and equal a direct forward pass; chips mark and unmark blanks; a masked open model's
attention is a full square; the Output stage and decoding refuse to continue a masked model's text;
the Pre-train form carries the objective."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_model, tokenizer
from _gui import TIMEOUT, make_panel

from app.common.worker import Worker
from app.explore import fill_blank as job
from model.checkpoint import save_model

PROMPT = TEXT[:60]  # 30 tokens: inside the tiny models' context of 32


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> tuple[str, str]:
    """A tiny causal model and a tiny masked one that number tokens alike (the masked one adds [MASK])."""
    root = tmp_path_factory.mktemp("pair")
    plain, masked_tok = tokenizer("bpe"), tokenizer("bpe").with_mask()
    causal = save_model(root / "causal", tiny_model(seed=1, vocab_size=plain.vocab_size), plain, {})
    masked = save_model(root / "masked", tiny_model(seed=2, vocab_size=masked_tok.vocab_size, objective="masked"),
                        masked_tok, {})
    return str(causal), str(masked)


@pytest.fixture
def shipped(monkeypatch, folders):
    """The tiny pair stands in for the shipped shakespeare-bpe and shakespeare-bpe-masked."""
    monkeypatch.setattr(job, "default_model_dir", lambda: Path(folders[0]))
    monkeypatch.setattr(job, "masked_model_dir", lambda: Path(folders[1]))
    job._loaded.clear()
    return folders


def direct(folder: str, ids: list[int]) -> torch.Tensor:
    from model.checkpoint import load_model

    model = load_model(folder).model
    return torch.softmax(model(torch.tensor([ids]))[0][0], dim=-1)


def test_guesses_come_from_the_right_models_and_equal_a_direct_forward_pass(shipped):
    causal_dir, masked_dir = shipped
    tok = tokenizer("bpe").with_mask()
    ids = tok.encode(PROMPT)
    first = job.fill_blanks(PROMPT, [], [], causal_dir, "causal")
    assert first.ids == ids and first.blanks == [] and first.masked == {}  # no blanks yet: only the chips
    result = job.fill_blanks(PROMPT, [3, 7], ids, causal_dir, "causal")
    assert (result.masked_name, result.causal_name) == ("masked", "causal") and result.blanks == [3, 7]
    hidden = list(ids)
    hidden[3] = hidden[7] = tok.mask_id
    both_sides = direct(masked_dir, hidden)
    left_only = direct(causal_dir, ids[:7])[-1]  # the causal model given only the tokens before the blank
    for b, probs in ((3, both_sides[3]), (7, both_sides[7])):
        top = probs.topk(len(result.masked[b].probs))
        assert result.masked[b].labels == [tok.label(int(i)) for i in top.indices]
        assert np.allclose(result.masked[b].probs, top.values.detach().numpy(), atol=1e-6)
        assert result.masked[b].answer_prob == pytest.approx(probs[ids[b]].item(), rel=1e-5)
    top = left_only.topk(len(result.causal[7].probs))
    assert result.causal[7].labels == [tok.label(int(i)) for i in top.indices]
    assert result.causal[7].answer_prob == pytest.approx(left_only[ids[7]].item(), rel=1e-5)
    # The open model is the masked one: the shipped causal model is the comparison.
    again = job.fill_blanks(PROMPT, [0], ids, masked_dir, "masked")
    assert again.causal[0] is None and again.masked[0].answer_prob > 0  # nothing left of the first token
    # A blank whose token changed with the prompt is dropped.
    assert job.fill_blanks("Upon the heath" + PROMPT, [3], ids, causal_dir, "causal").blanks == []


def test_the_example_blank_is_the_longest_whole_word_with_both_sides():
    labels = ["ROM", "E", "O", ":", " But", " so", "ft", ",", " what", " light", " through", " y", "onder", " break",
              "s", "?"]
    assert job.example_blank(labels) == 10  # " through": " break" is part of "breaks", "ROM" has no left side
    assert job.example_blank([" a", " cat", " b"]) == 1
    assert job.example_blank([" x", " one", " two", "."]) == 2  # the later of equals
    assert job.example_blank(["x", " breaks", "s", "."]) == 1  # no whole word: the longest token of letters
    assert job.example_blank(["W", "h", "e", "n"]) == 2 and job.example_blank([" Juliet"]) is None
    assert job.example_blank(["1", "2", ",", "3"]) is None


def test_clicking_chips_marks_and_unmarks_blanks(qtbot, shipped):
    from app.explore.engine import Engine
    from app.explore.panels.fill_blank import FillBlankPanel

    engine = Engine()
    engine.load(shipped[0])
    panel = make_panel(qtbot, FillBlankPanel, engine.info())
    worker = Worker("fill-test")
    panel.attach(worker)
    try:
        with qtbot.waitSignal(worker.done, timeout=TIMEOUT):
            panel.render(engine.trace(PROMPT).trace)
        ids = tokenizer("bpe").encode(PROMPT)
        assert sum(chip.isVisible() for chip in panel.chips) == len(ids)
        # before any click, an example word is hidden, so the stage opens with two charts to compare
        example = job.example_blank([tokenizer("bpe").decode([i]) for i in ids])
        assert example not in (None, 4, 9) and panel.result.suggested and panel.result.blanks == [example]
        assert panel.chips[example].text() == "[MASK]" and "example blank" in panel.caption.text()
        with qtbot.waitSignal(worker.done, timeout=TIMEOUT):
            panel.chips[4].click()  # the first click replaces the example
        assert panel.result.blanks == [4] and panel.chips[4].isChecked() and panel.chips[4].text() == "[MASK]"
        assert not panel.result.suggested and "example blank" not in panel.caption.text()
        guesses = panel.result.masked[4]
        assert np.allclose(panel.bars[0].opts["width"], guesses.probs)
        assert np.allclose(panel.bars[1].opts["width"], panel.result.causal[4].probs)
        assert "rank" in panel.caption.text()
        with qtbot.waitSignal(worker.done, timeout=TIMEOUT):
            panel.chips[9].click()
        assert panel.result.blanks == [4, 9] and panel.which.currentData() == 9  # the newest blank is shown
        with qtbot.waitSignal(worker.done, timeout=TIMEOUT):
            panel.chips[4].click()
        assert panel.result.blanks == [9] and not panel.chips[4].isChecked()
        assert panel.chips[4].text() == tokenizer("bpe").label(tokenizer("bpe").encode(PROMPT)[4])
    finally:
        worker.stop()


def test_on_its_stage_the_guesses_start_with_the_trace_not_after_it(qtbot, shipped, tmp_path):
    """The guesses need only the text: asked for when the trace is (StageView._prompt_sent), once."""
    from _gui import open_window

    with open_window(qtbot, tmp_path, shipped[0]) as window:
        panel = window.panels["fill_blank"]
        window.show_stage("fill_blank")
        asked = []
        original = panel.worker.submit
        panel.worker.submit = lambda kind, fn: (asked.append((kind, window.session.result)), original(kind, fn))[1]
        before = window.session.result
        with qtbot.waitSignal(panel.worker.done, timeout=TIMEOUT):
            window.set_prompt(PROMPT)
        qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
        assert [kind for kind, _ in asked] == ["fill_blank"]  # once: render found it asked for
        assert asked[0][1] is before  # asked before the new trace came back
        assert panel.result.text == window.trace.text and panel.result.blanks
        window.show_stage("tokens")  # on another stage the guesses wait for the Fill the blank stage
        asked.clear()
        window.set_prompt(PROMPT[:40])
        qtbot.waitUntil(window.is_idle, timeout=TIMEOUT)
        assert asked == []


def test_a_masked_open_model_has_full_square_attention_and_no_next_token(qtbot, shipped):
    from app.explore.decoding import DecodingSession
    from app.explore.engine import Engine
    from app.explore.panels.attention import AttentionPanel, masked_probs
    from app.explore.panels.output import OutputPanel

    engine = Engine()
    engine.load(shipped[1])
    trace = engine.trace(PROMPT).trace
    assert trace.objective == "masked"
    for layer in trace.layers:
        assert np.isfinite(layer.attn_scores).all()  # no −∞ cell: nothing is hidden
        assert not np.isnan(masked_probs(layer)).any()  # the heatmap is a full square
    attention = make_panel(qtbot, AttentionPanel, engine.info())
    attention.render(trace)
    assert not np.isnan(attention.heatmap.matrix).any()
    assert "no causal mask" in attention.caption.text()
    assert "own position, not the next one" in attention.lens_heading.text()  # its lens reads the token there
    output = make_panel(qtbot, OutputPanel, engine.info())
    output.render(trace)
    assert not output.controls.step_button.isEnabled() and not output.play_button.isEnabled()
    assert "needs a causal model" in output.summary.text() and len(output.candidates) == 0
    decoding = DecodingSession(seed=0)
    assert decoding.step(trace, engine.info().labels, 1.0, 0, 1.0) == -1 and decoding.extra_ids == []
    causal = Engine()
    causal.load(shipped[0])
    output.render(causal.trace(PROMPT).trace)  # a causal model again: the controls come back
    assert output.controls.step_button.isEnabled() and len(output.candidates) > 0


def test_pretrain_form_offers_the_objective(qtbot):
    from app.common.appearance import Appearance
    from app.training.form import PretrainForm
    from model.settings import TrainingSettings

    form = PretrainForm(Appearance())
    qtbot.addWidget(form)
    assert form.settings().model.objective == "causal"
    form.objective_combo.setCurrentIndex(form.objective_combo.findData("masked"))
    settings = TrainingSettings.from_dict(form.settings().to_dict())  # as the run's run.json holds it
    assert settings.model.objective == "masked" and not form.sample_spin.isEnabled()
    other = PretrainForm(Appearance())
    qtbot.addWidget(other)
    other.set_settings(settings)
    assert other.objective_combo.currentData() == "masked"
