"""Issue #18 at the training CLI: user folders are never deleted, failed writes fail loudly, every bad
option is one line `error: ...` with status 2, --resume refuses other sizes and repairs killed saves."""
from __future__ import annotations

import errno
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from _engine import TEXT
from _training import read_only_below

import model.checkpoint as checkpoint
import model.cli as cli
import model.recipes as recipes
from model.checkpoint import load_model
from model.cli import train_main

ROOT = Path(__file__).parent.parent
TINY = ["--tokenizer", "char", "--vocab-size", "300", "--context-length", "32", "--d-model", "32", "--d-mlp", "64",
        "--batch-size", "4", "--eval-interval", "10", "--checkpoint-interval", "10", "--warmup", "2", "--quiet"]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"doc{i}.txt").write_text(TEXT * 30)
    return folder


def refused(capsys, argv) -> str:
    """Run the CLI, require status 2 and exactly one line on stderr starting 'error: '; return it."""
    with pytest.raises(SystemExit) as exc:
        train_main(argv)
    err = capsys.readouterr().err.strip()
    assert exc.value.code == 2, err
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err, err
    return err


def contents(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---- item 1 -----------------------------------------------------------------------------------
def test_a_folder_of_user_files_given_as_out_is_refused_and_kept(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    u = tmp_path / "u"
    (u / "sub").mkdir(parents=True)
    (u / "thesis.docx").write_bytes(b"four years of work")
    (u / "sub" / "notes.txt").write_text("notes")
    (u / "corpus.txt").write_text(TEXT * 30)
    before = contents(u)
    err = refused(capsys, ["--corpus", str(u), "--out", str(u), *TINY, "--steps", "5"])
    assert "already holds files LM Anatomy did not write (corpus.txt, sub/, thesis.docx)" in err
    assert "Choose a new or empty folder with --out" in err
    assert contents(u) == before and sorted(p.name for p in tmp_path.iterdir()) == ["u"]


def test_an_existing_model_folder_is_replaced_with_a_note(tmp_path, corpus, capsys):
    out = tmp_path / "model"
    assert train_main(["--corpus", str(corpus), "--out", str(out), *TINY, "--steps", "10"]) == 0
    capsys.readouterr()
    assert train_main(["--corpus", str(corpus), "--out", str(out), *TINY, "--steps", "10", "--seed", "2"]) == 0
    assert "holds a model, which this run replaces (use --resume to continue it instead)" in capsys.readouterr().out


# ---- item 2 -----------------------------------------------------------------------------------
def test_a_full_disk_mid_run_fails_loudly_and_keeps_the_last_checkpoint(tmp_path, corpus, capsys, monkeypatch):
    out = tmp_path / "model"
    real = checkpoint.save_file
    saves = []

    def full_after_first(*args, **kwargs):
        saves.append(1)
        if len(saves) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(checkpoint, "save_file", full_after_first)
    status = train_main(["--corpus", str(corpus), "--out", str(out), *TINY, "--steps", "40"])
    printed = capsys.readouterr()
    assert status == 1 and "saved:" not in printed.out
    assert (f"error: Could not save a checkpoint at step 20 in {out} (No space left on device; is the disk full? "
            "Free some space). The previous checkpoint (step 10) is intact.") in printed.err
    assert "Training stopped; resume with --resume" in printed.err
    assert len(saves) == 2  # it stopped at the failed save instead of training on unsaved
    assert load_model(out).training["step"] == 10
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".model")) == []


def test_a_read_only_out_is_refused_before_reading_the_corpus(tmp_path, corpus, capsys, monkeypatch):
    read_only_below(monkeypatch, tmp_path / "ro")
    monkeypatch.setattr(recipes, "read_corpus", lambda *a: pytest.fail("read the corpus first"))
    err = refused(capsys, ["--corpus", str(corpus), "--out", str(tmp_path / "ro" / "m"), *TINY, "--steps", "5"])
    assert "ro/m: cannot be written (Read-only file system); choose a folder you can write to with --out" in err


# ---- item 4 -----------------------------------------------------------------------------------
@pytest.mark.parametrize("options, message", [
    (["--threads", "-1"], "--threads must be at least 1, not -1"),
    (["--threads", "0"], "--threads must be at least 1, not 0"),
    (["--batch-size", "0"], "--batch-size must be at least 1, not 0"),
    (["--steps", "-5"], "--steps must be at least 1, not -5"),
    (["--steps", "0"], "--steps must be at least 1, not 0"),
    (["--eval-interval", "0"], "--eval-interval must be at least 1, not 0"),
    (["--checkpoint-interval", "0"], "--checkpoint-interval must be at least 1, not 0"),
    (["--layers", "0"], "--layers must be at least 1, not 0"),
    (["--lr", "nan"], "--lr must be a positive number, not nan"),
    (["--dropout", "1.5"], "--dropout must be at least 0 and below 1, not 1.5"),
    (["--steps", "abc"], "argument --steps: invalid int value: 'abc' (see lm-anatomy-train --help)"),
    (["--device", "cuda"], "--device cuda: CUDA is not available here"),
    (["--device", "tpu"], "--device tpu: "),
])
def test_each_bad_option_is_one_line_and_status_2(tmp_path, corpus, capsys, monkeypatch, options, message):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    out = tmp_path / "model"
    err = refused(capsys, ["--corpus", str(corpus), "--out", str(out), *TINY, *options])
    assert message in err
    assert not out.exists()  # nothing written, never "saved:"


def test_a_short_corpus_at_default_settings_says_what_to_change(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "short.txt").write_text("To be, or not to be, that is the question.\n")
    err = refused(capsys, ["--corpus", str(tmp_path / "short.txt"), "--out", str(tmp_path / "m"), "--quiet"])
    assert "error: the training text has" in err and "fewer than one training window of 129" in err
    assert "give more text or a context of at most" in err and "(--context-length" in err


def test_an_absurd_context_is_refused_by_its_memory(tmp_path, corpus, capsys, monkeypatch):
    monkeypatch.setattr(cli, "memory_available", lambda device: 8 * 2**30)
    monkeypatch.setattr(recipes, "tokenize_documents", lambda *a: pytest.fail("tokenized before refusing"))
    args = ["--corpus", str(corpus), "--out", str(tmp_path / "m"), "--tokenizer", "char", "--vocab-size", "300",
            "--context-length", "100000", "--quiet"]
    err = refused(capsys, args)
    assert "one training step would need about" in err and "batch 16 x context 100000" in err
    assert "more than the 8.0 GB this computer has; lower --context-length or --batch-size" in err
    need = float(err.split("about ")[1].split(" GB")[0])
    assert 20 < need < 60  # logits alone: 16 x 100,000 x 300 x 4 bytes x 3 = 5.4 GB; activations more


def test_the_cli_prints_one_line_and_no_traceback_in_a_real_process(tmp_path):
    env_cmd = [sys.executable, "-m", "model.cli", "--out", str(tmp_path / "o"), "--batch-size", "0"]
    done = subprocess.run(env_cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 2 and done.stderr == "error: --batch-size must be at least 1, not 0\n"


# ---- --resume ---------------------------------------------------------------------------------
@pytest.fixture
def trained(tmp_path, corpus, capsys):
    out = tmp_path / "model"
    assert train_main(["--corpus", str(corpus), "--out", str(out), *TINY, "--steps", "10"]) == 0
    capsys.readouterr()
    return out


@pytest.mark.parametrize("options, says", [
    (["--context-length", "64"], "--context-length asks for context_length 64, the checkpoint has 32"),
    (["--preset", "small"], "--preset small asks for n_layer 4, the checkpoint has 2"),
    (["--positional", "rope"], "--positional asks for positional rope, the checkpoint has learned"),
    (["--tokenizer", "bpe"], "--tokenizer bpe, the checkpoint's tokenizer is char"),
])
def test_resume_refuses_sizes_that_differ_from_the_checkpoint(trained, corpus, capsys, options, says):
    before = contents(trained)
    at = TINY.index("--context-length")
    base = TINY[:at] + TINY[at + 2:]
    err = refused(capsys, ["--corpus", str(corpus), "--out", str(trained), "--resume", *base, "--steps", "20", *options])
    assert says in err and "Leave out those options to resume, or start a new model in another --out" in err
    assert contents(trained) == before


def test_resume_repairs_a_save_killed_between_its_renames(trained, corpus, capsys):
    (trained.parent / ".model.abcd1234.tmp").mkdir()  # the half-built new folder
    trained.rename(trained.parent / ".model.old")  # the kill came after the first rename
    status = train_main(["--corpus", str(corpus), "--out", str(trained), "--resume", *TINY, "--steps", "20"])
    assert status == 0 and "saved:" in capsys.readouterr().out
    assert load_model(trained).training["step"] == 20
    assert sorted(p.name for p in trained.parent.iterdir() if p.name.startswith(".model")) == []


def test_resume_without_a_checkpoint_says_so(tmp_path, corpus, capsys):
    err = refused(capsys, ["--corpus", str(corpus), "--out", str(tmp_path / "none"), "--resume", *TINY])
    assert "holds no saved model to continue" in err and "leave out --resume" in err
