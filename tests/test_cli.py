import math
import subprocess
import sys
from pathlib import Path

import pytest
from _engine import TEXT, tiny_model, tokenizer

from model.checkpoint import save_model
from model.cli import eval_main, train_main

ROOT = Path(__file__).parent.parent


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(4):
        (folder / f"doc{i}.txt").write_text(TEXT * 20)
    return folder


def test_train_then_eval(tmp_path, corpus, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "model"
    status = train_main(["--corpus", str(corpus), "--out", str(out), "--tokenizer", "bpe", "--vocab-size", "300",
                         "--preset", "tiny", "--context-length", "32", "--d-model", "32", "--steps", "30",
                         "--batch-size", "4", "--eval-interval", "10", "--quiet", "--val-docs", "doc3"])
    assert status == 0
    printed = capsys.readouterr().out
    assert "validation: doc3" in printed and "saved:" in printed and "sample:" in printed
    assert (out / "model.safetensors").exists()

    assert eval_main(["--model", str(out), str(corpus / "doc3.txt")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("bits_per_byte: ")
    bpb = float(lines[-1].split(": ")[1])
    loss = float(lines[-2].split(": ")[1])
    assert 0 < bpb < 8 and math.isfinite(loss)


def test_eval_bits_per_byte_is_loss_over_bytes(tmp_path, capsys):
    import math as m

    import torch

    from model.cli import evaluate_ids

    model, tok = tiny_model(), tokenizer("bpe")
    folder = save_model(tmp_path / "m", model, tok, {})
    text = TEXT * 3  # longer than one context: windows overlap
    (tmp_path / "t.txt").write_text(text)
    assert eval_main(["--model", str(folder), str(tmp_path / "t.txt")]) == 0
    bpb = float(capsys.readouterr().out.strip().splitlines()[-1].split(": ")[1])
    ids = tok.encode(text)
    nll, n = evaluate_ids(model, ids)
    assert n == len(ids) - 1
    # the same, computed token by token with the full preceding context window
    expected = 0.0
    with torch.no_grad():
        for i in range(1, len(ids)):
            start = max(0, (i - 1) // 16 * 16 - 16) if i > 32 else 0
            logits, _ = model(torch.tensor([ids[start:i]]))
            expected -= torch.log_softmax(logits[0, -1], -1)[ids[i]].item()
    assert nll == pytest.approx(expected, rel=1e-4)
    n_bytes = len(text.encode()) - len(tok.token_bytes(ids[0]))
    assert bpb == pytest.approx(nll / m.log(2) / n_bytes, abs=1e-4)


def test_list_presets_prints_parameter_counts(capsys):
    assert train_main(["--list-presets", "--vocab-size", "2048"]) == 0
    out = capsys.readouterr().out
    assert "tiny" in out and "default" in out and "3,111,936" in out


def test_bad_input_gets_a_message_not_a_traceback(tmp_path):
    cases = [
        (["-m", "model.cli", "--out", str(tmp_path / "o"), "--corpus", str(tmp_path / "nothing")], "no usable text"),
        (["-c", "from model.cli import eval_main; eval_main(['--model', '/nonexistent', 'x.txt'])"], "no such folder"),
        (["-m", "model.cli", "--corpus", str(tmp_path)], "--out is required"),
    ]
    for args, message in cases:
        done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 2, done.stderr
        assert message in done.stderr and "Traceback" not in done.stderr
