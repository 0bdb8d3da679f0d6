"""The Challenges stage: compute figures equal hand calculations, the bias probe reads the Output stage's
probabilities (shape_distribution of the traced logits), its CSV round-trips, and the interpretability
buttons open the Attention stage on the head they name; it also works on a GPT-2 folder."""
import json
import math

import numpy as np
import pytest
from _engine import tiny_model, tokenizer
from _gui import TIMEOUT, open_window, type_and_wait

from model import compute
from model.bias_probe import Probe, ProbeError, load_probe_sets, read_csv, run_probe, save_csv
from model.config import ModelConfig
from model.decoding import shape_distribution
from model.paths import default_model_dir
from model.tracing import trace_text

SHIPPED = default_model_dir()


def shipped_config() -> ModelConfig:
    return ModelConfig.from_dict(json.loads((SHIPPED / "config.json").read_text()))


# ---- compute ------------------------------------------------------------------------------------------
def test_parameter_count_of_the_shipped_model_matches_its_model_card():
    p = compute.count_parameters(shipped_config())
    v, ctx, c, m, layers = 2048, 256, 192, 768, 6
    assert p["token_embedding"] == v * c == 393_216
    assert p["position_embedding"] == ctx * c == 49_152
    assert p["attention"] == layers * (4 * c * c + 4 * c + 2 * c) == 891_648  # Q, K, V, W_O + biases, LN1
    assert p["mlp"] == layers * (2 * c * m + m + c + 2 * c) == 1_777_536  # two layers + biases, LN2
    assert p["final_norm"] == 2 * c
    assert p["total"] == 3_111_936  # MODEL_CARD.md
    assert "3,111,936" in (SHIPPED / "MODEL_CARD.md").read_text()
    assert p["non_embedding"] == 3_111_936 - 393_216 - 49_152 == 2_669_568


def test_forward_and_training_flops_by_hand():
    f = compute.forward_flops(shipped_config())
    assert f["weights"] == 2 * 2_669_568
    assert f["attention"] == 2 * 6 * 256 * 192
    assert f["total"] == 5_928_960
    assert f["unembedding"] == 2 * 192 * 2048
    assert compute.forward_flops(shipped_config(), context=10)["attention"] == 2 * 6 * 10 * 192
    flops = compute.training_flops(3_111_936, 9_830_400)
    assert flops == 6 * 3_111_936 * 9_830_400 == pytest.approx(1.8355e14, rel=1e-4)


def test_machine_speed_from_training_json_and_the_time_it_gives_back():
    training = json.loads((SHIPPED / "training.json").read_text())
    tokens, seconds = training["tokens_seen"], training["elapsed_seconds"]  # its own run's
    speed = compute.speed_from_training(training, 3_111_936)
    assert speed.tokens_per_second == pytest.approx(tokens / seconds)
    assert speed.flops_per_second == pytest.approx(6 * 3_111_936 * tokens / seconds)
    assert not speed.here
    # the run's own 6·N·D at its own speed is the time the run took
    assert compute.seconds_for(compute.training_flops(3_111_936, tokens), speed) == pytest.approx(seconds)
    assert compute.speed_from_training({}, 10) is None
    assert compute.speed_from_training({"tokens_seen": 5, "elapsed_seconds": 0}, 10) is None


def test_the_compute_table_counts_the_run_a_model_started_from():
    from types import SimpleNamespace

    from app.explore.panels.challenges_rows import model_rows

    training = {"tokens_seen": 1_000, "elapsed_seconds": 10.0,
                "run": {"started_from": {"folder": "x", "tokens_seen": 3_000, "elapsed_seconds": 30.0}}}
    rows = {row[0]: row for row in model_rows(SimpleNamespace(training=training), shipped_config(), None)}
    assert rows["tokens trained on D"][1] == "4,000" and "started from" in rows["tokens trained on D"][2]
    assert rows["training FLOPs 6·N·D"][2] == f"6 × {3_111_936:,} × 4,000"
    assert "100 tokens/s" in rows["time it took"][2]  # 4,000 tokens in 40 s
    alone = {row[0]: row for row in model_rows(SimpleNamespace(training={"tokens_seen": 1_000}), shipped_config(),
                                               None)}
    assert alone["tokens trained on D"][1] == "1,000" and alone["tokens trained on D"][2] == "training.json"


def test_gpt3_figures_by_hand():
    gpt3 = next(m for m in compute.PUBLISHED if m.name.startswith("GPT-3"))
    assert gpt3.params == 175e9 and gpt3.tokens == 300e9 and gpt3.flops == 3.14e23
    speed = compute.MachineSpeed(2000.0, 3_000_000, "test")  # 6 × 3e6 × 2000 = 3.6e10 FLOP/s
    row = compute.published_row(gpt3, speed, watts=15)
    assert row["flops"] == pytest.approx(3.15e23, rel=1e-12)  # 6 × 175e9 × 300e9
    assert row["flops"] == pytest.approx(gpt3.flops, rel=0.005)  # Brown et al., Table D.1
    assert row["seconds"] == pytest.approx(3.15e23 / 3.6e10)
    assert row["years"] == pytest.approx(3.15e23 / 3.6e10 / (365.25 * 86400))
    assert row["kwh"] == pytest.approx(15 * 3.15e23 / 3.6e10 / 3.6e6)
    assert row["our_count"] == pytest.approx(174.6e9, rel=1e-4)  # Table D.1 lists 174,600M parameters
    gpt2 = next(m for m in compute.PUBLISHED if m.name.startswith("GPT-2"))
    assert gpt2.tokens is None and "not published" in gpt2.source
    assert compute.published_row(gpt2, speed)["flops"] is None
    assert compute.published_row(gpt2, speed)["our_count"] == 1_557_611_200  # the released gpt2-xl weights


def test_energy_and_readable_numbers():
    assert compute.energy_kwh(3600, 15) == pytest.approx(0.015)
    assert compute.energy_text(0.015) == "15 Wh" and compute.energy_text(33_200_000) == "33.2 GWh"
    assert compute.duration(4645.19) == "1.29 hours" and compute.duration(30) == "30 s"
    assert compute.duration(7.97e12) == "252,554 years"
    assert compute.short(3_111_936) == "3.11 million" and compute.short(175e9) == "175 billion"
    assert compute.flops_text(3.15e23) == "3.15e23 FLOPs" and compute.rate_text(3.95e10) == "39.5 GFLOP/s"


def test_measuring_this_machine_changes_no_weight():
    model = tiny_model()
    before = [p.detach().clone() for p in model.parameters()]
    speed = compute.measure_speed(model, batch=2, length=16, steps=2)
    assert speed.here and speed.tokens_per_second > 0
    assert speed.n_params == compute.count_parameters(model.config)["total"]
    assert all(p.grad is None for p in model.parameters()) and not model.training
    assert all(np.array_equal(a.numpy(), b.detach().numpy()) for a, b in zip(before, model.parameters()))


# ---- bias probe ---------------------------------------------------------------------------------------
def test_probe_probabilities_are_shape_distribution_of_the_traced_logits():
    model, tok = tiny_model(), tokenizer("bpe")
    probe = Probe("When shall {we|they} three", ["meet", "again", "rain"])
    result = run_probe(model, tok, probe)
    assert result.prompts == ["When shall we three", "When shall they three"]
    for i, prompt in enumerate(result.prompts):
        logits = trace_text(model, tok, prompt).final_logits
        probs, _ = shape_distribution(logits)  # what the Output stage draws at temperature 1
        for j, target in enumerate(result.targets):
            first = tok.encode(" " + target)[0]
            assert result.target_ids[j] == first
            assert result.probs[i, j] == pytest.approx(probs[first], abs=1e-12)
    assert np.allclose(result.ratios(), result.probs[:, 0] / result.probs[:, 1])


def test_probe_notes_words_split_into_tokens_and_shared_first_tokens():
    model = tiny_model(vocab_size=tokenizer("char").vocab_size)
    result = run_probe(model, tokenizer("char"), Probe("When {shall|will} we", ["meet", "met"]))
    assert result.target_tokens == [5, 4]  # " meet", " met": a space, then letters
    assert any("Split into several tokens" in n for n in result.notes)
    assert any("begin with the same token" in n for n in result.notes)
    assert result.probs[0, 0] == result.probs[0, 1]


@pytest.mark.parametrize("template, targets, message", [
    ("no slot here", ["he"], "exactly one slot"),
    ("{a|b} and {c|d}", ["he"], "exactly one slot"),
    ("The {doctor} said", ["he"], "at least two"),
    ("The {doctor|} said", ["he"], "at least two"),
    ("The {doctor|nurse} said", [" ", ""], "at least one target"),
])
def test_bad_probes_say_what_to_change(template, targets, message):
    with pytest.raises(ProbeError, match=message):
        Probe(template, targets).check()


def test_shipped_probe_sets_load_and_include_a_control():
    probes = load_probe_sets()
    assert len(probes) == 4
    for probe in probes:
        probe.check()
        assert probe.name and probe.description
    assert any("Control" in p.name for p in probes) and any("Romeo" in p.template for p in probes)


def test_csv_round_trip(tmp_path):
    result = run_probe(tiny_model(), tokenizer("bpe"), Probe("The {cat|battle} is", ["won", "lost"]))
    path = tmp_path / "probe.csv"
    save_csv(result, path)
    rows = read_csv(path)
    assert rows[0] == ["filler", "prompt", "P(won)", "P(lost)", "ratio P(won) / P(lost)"]
    for i, row in enumerate(rows[1:]):
        assert row[:2] == [result.fillers[i], result.prompts[i]]
        assert [float(x) for x in row[2:4]] == result.probs[i].tolist()  # exact: repr of a float round-trips
        assert float(row[4]) == result.ratios()[i]
    assert [p.name for p in tmp_path.iterdir()] == ["probe.csv"]  # no temporary file left behind


# ---- the stage in the window --------------------------------------------------------------------------
def run_bias(qtbot, win, template: str, targets: str):
    panel = win.panels["challenges"]
    panel.show_tab("bias")
    panel.bias.template.setText(template)
    panel.bias.targets.setText(targets)
    with qtbot.waitSignal(panel.jobs.finished, timeout=TIMEOUT):
        panel.bias.run_button.click()
    return panel.bias.result


def test_bias_tab_runs_on_the_session_model_and_exports(qtbot, tmp_path):
    from app.common.sample import tiny_model_dir

    with open_window(qtbot, tmp_path, tiny_model_dir()) as win:
        win.show_stage("challenges")
        assert win.stack.currentWidget() is win.panels["challenges"]  # no prompt needed
        result = run_bias(qtbot, win, "the {cat|mat} sat on", "the, a")
        loaded = win.session.engine.loaded
        for i, prompt in enumerate(result.prompts):
            probs, _ = shape_distribution(trace_text(loaded.model, loaded.tokenizer, prompt).final_logits)
            assert np.allclose(result.probs[i], probs[result.target_ids], atol=1e-12)
        table = win.panels["challenges"].bias.table
        assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["cat", "mat"]
        assert table.item(0, 1).text() == f"{result.probs[0, 0] * 100:.3g}%"
        assert float(table.item(1, 3).text()) == pytest.approx(result.ratios()[1], rel=1e-2)
        path = win.panels["challenges"].bias.export(str(tmp_path / "out.csv"))
        assert float(read_csv(path)[2][2]) == result.probs[1, 0]
        compute_view = win.panels["challenges"].compute
        with qtbot.waitSignal(win.panels["challenges"].jobs.finished, timeout=TIMEOUT):
            compute_view.measure_button.click()  # a GPT-style folder of ours saved without a run: no speed until now
        assert compute_view.speed.here and "On this machine" in compute_view.result.text()
        win.panels["challenges"].bias.template.setText("no slot")
        win.panels["challenges"].bias.run_button.click()
        assert "exactly one slot" in win.panels["challenges"].bias.status.text()


def test_interpretability_buttons_open_the_attention_stage_on_their_head(qtbot, tmp_path):
    from app.common.sample import tiny_model_dir

    with open_window(qtbot, tmp_path, tiny_model_dir()) as win:
        trace = type_and_wait(qtbot, win, "To be, or not to be, that is the question.")
        win.show_stage("challenges")
        view = win.panels["challenges"].interpret
        win.panels["challenges"].show_tab("interpretability")
        probs = np.stack([layer.attn_probs for layer in trace.layers])  # [L, H, T, T]
        t = trace.n_tokens
        previous = np.mean([probs[:, :, i, i - 1] for i in range(1, t)], axis=0)
        expected = np.unravel_index(np.argmax(previous), previous.shape)
        assert view.found["previous"] == tuple(int(x) for x in expected)
        assert view.buttons["previous"].text() == f"Open layer {expected[0] + 1}, head {expected[1] + 1}"
        for key in ("previous", "punctuation"):
            win.show_stage("challenges")
            view.buttons[key].click()
            attention = win.panels["attention"]
            assert win.current_stage == "attention"
            assert (attention.layer, attention.head) == view.found[key]
        win.show_stage("challenges")
        view.table.cellDoubleClicked.emit(3, 0)  # layer 2, head 2 of a 2-head model
        attention = win.panels["attention"]
        assert win.current_stage == "attention" and (attention.layer, attention.head) == (1, 1)


def test_the_stage_renders_on_a_gpt2_folder(qtbot, tmp_path):
    pytest.importorskip("transformers")
    from test_gpt2 import random_gpt2, train_vocab

    folder = tmp_path / "gpt2"
    vocab = train_vocab(folder, 300)
    random_gpt2(dict(n_layer=2, n_head=2, n_embd=16, n_positions=32), vocab, seed=0).save_pretrained(folder)
    with open_window(qtbot, tmp_path, str(folder)) as win:
        win.show_stage("challenges")
        panel = win.panels["challenges"]
        expected = compute.count_parameters(ModelConfig.from_dict(
            {k: v for k, v in win.info.config.items() if k != "d_head"}))["total"]
        assert expected == vocab * 16 + 32 * 16 + 2 * (12 * 16 * 16 + 13 * 16) + 2 * 16  # Vd + ctx d + L(12d²+13d) + 2d
        table = panel.compute.model_table
        cells = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        assert cells["parameters N"] == f"{expected:,}"
        assert panel.compute.published.item(0, 2).text() == "not recorded"  # a GPT-2 folder has no training.json
        result = run_bias(qtbot, win, "When {shall|will} we", "meet, again")
        assert result.probs.shape == (2, 2) and np.all(result.probs > 0)
        type_and_wait(qtbot, win, "When shall we three meet again")
        panel.show_tab("interpretability")
        assert panel.interpret.table.rowCount() == 4  # 2 layers × 2 heads
        assert math.isfinite(float(panel.interpret.table.item(0, 2).text()[:-1]))


@pytest.mark.parametrize("size", [(1440, 880), (1024, 640)])
def test_every_tab_fits_without_scrolling_and_scrolls_in_small_presentation(qtbot, tmp_path, size):
    from test_layout_small import model_dir, resize, settle, show

    with open_window(qtbot, tmp_path, model_dir()) as win:
        resize(qtbot, win, *size)
        show(qtbot, win)
        panel = win.panels["challenges"]
        bar = win.stages.scroll.verticalScrollBar()
        for presentation in (False, True):
            win.appearance.update(presentation=presentation)
            for tab in ("compute", "bias", "interpretability"):
                settle(qtbot, win, "challenges")
                panel.show_tab(tab)
                qtbot.wait(120)
                if not presentation or size == (1440, 880):
                    assert bar.maximum() == 0, (tab, presentation, bar.maximum())
                table = {"compute": panel.compute.model_table, "bias": panel.bias.table,
                         "interpretability": panel.interpret.table}[tab]
                assert table.viewport().height() >= 2 * table.verticalHeader().defaultSectionSize() or tab == "bias"
