"""Issue #18, items 1, 2, 6, 7 at the checkpoint level: user folders are never replaced, failed writes
are reported, leftovers of killed saves are cleaned, non-float weights and foreign tokenizers noticed."""
from __future__ import annotations

import errno
import json

import numpy as np
import pytest
import torch
from _engine import TEXT, tiny_config, tiny_model, tokenizer
from _training import read_only_below, saves_fail_after
from safetensors.torch import load_file, save_file

import model.checkpoint as checkpoint
from model.checkpoint import load_model, save_model
from model.folders import CheckpointError, FolderInUseError
from model.train import TrainConfig, Trainer


@pytest.fixture
def saved(tmp_path):
    return save_model(tmp_path / "m", tiny_model(), tokenizer(), {"note": "first"})


def user_folder(root):
    folder = root / "u"
    (folder / "sub").mkdir(parents=True)
    (folder / "thesis.docx").write_bytes(b"four years of work")
    (folder / "sub" / "notes.txt").write_text("notes")
    (folder / "corpus.txt").write_text(TEXT)
    return folder


def contents(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_of_user_files_is_never_replaced(tmp_path):
    folder = user_folder(tmp_path)
    before = contents(folder)
    with pytest.raises(FolderInUseError, match=r"already holds files LM Anatomy did not write \(corpus.txt, sub/, "
                                               r"thesis.docx\).*Choose a new or empty folder"):
        save_model(folder, tiny_model(), tokenizer(), {})
    assert contents(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["u"]  # no temporary left beside it


def test_empty_folders_and_our_own_model_folders_are_replaced(saved, tmp_path):
    (tmp_path / "empty").mkdir()
    assert load_model(save_model(tmp_path / "empty", tiny_model(), tokenizer(), {"x": 1})).training == {"x": 1}
    save_model(saved, tiny_model(), tokenizer(), {"note": "second"}, extra_files={"head.safetensors": b"x"})
    assert load_model(saved).training == {"note": "second"}
    save_model(saved, tiny_model(), tokenizer(), {"note": "third"})  # its classifier file is ours too
    assert load_model(saved).training == {"note": "third"}


def test_leftovers_of_killed_saves_are_cleaned_on_the_next_save(saved, tmp_path):
    for name in (".m.abcd1234.tmp", ".m.zz_9yy8x.tmp", ".m.old"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "model.safetensors").write_bytes(b"half")
    (tmp_path / ".m.x.abcd1234.tmp").mkdir()  # another folder's ("m.x") save: not ours to touch
    (tmp_path / "notes.tmp").write_text("the user's")
    save_model(saved, tiny_model(), tokenizer(), {"note": "second"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [".m.x.abcd1234.tmp", "m", "notes.tmp"]
    assert load_model(saved).training == {"note": "second"}


def test_a_save_killed_between_its_renames_is_repaired_by_the_next_save(saved, tmp_path):
    saved.rename(tmp_path / ".m.old")  # the kill came after the first rename
    (tmp_path / ".m.abcd1234.tmp").mkdir()
    save_model(saved, tiny_model(), tokenizer(), {"note": "second"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


@pytest.mark.parametrize("dtype", [torch.uint8, torch.int64, torch.bool, torch.float8_e4m3fn])
def test_non_float_weights_are_refused(saved, dtype):
    path = saved / "model.safetensors"
    state = load_file(str(path))
    state["tok_emb.weight"] = (state["tok_emb.weight"] * 10).to(dtype)
    save_file(state, str(path))
    name = str(dtype).replace("torch.", "")
    with pytest.raises(CheckpointError, match=rf"tensor tok_emb.weight is stored as {name}, not as floating-point"):
        load_model(saved)


def test_half_precision_weights_still_load(saved):
    path = saved / "model.safetensors"
    save_file({k: v.to(torch.bfloat16) for k, v in load_file(str(path)).items()}, str(path))
    assert load_model(saved).model.tok_emb.weight.dtype == torch.float32


def test_a_tokenizer_from_another_model_is_noticed(saved):
    assert load_model(saved).warnings == []
    spec = json.loads((saved / "tokenizer.json").read_text())
    vocab = spec["model"]["vocab"]
    a, b = list(vocab)[300 - 40], list(vocab)[300 - 41]  # two merged tokens swap ids: same size, other meaning
    vocab[a], vocab[b] = vocab[b], vocab[a]
    (saved / "tokenizer.json").write_text(json.dumps(spec))
    loaded = load_model(saved)
    assert loaded.tokenizer.vocab_size == loaded.config.vocab_size
    assert len(loaded.warnings) == 1 and "is not the tokenizer these weights were trained with" in loaded.warnings[0]


def test_folders_from_before_the_fingerprint_load_without_a_warning(saved):
    path = saved / "model.safetensors"
    save_file(load_file(str(path)), str(path))  # no metadata, as every folder saved before
    assert checkpoint.recorded_fingerprint(path) is None and load_model(saved).warnings == []


# ---- the trainer ---------------------------------------------------------------------------------
def small_trainer(out, **changes):
    tok = tokenizer("char")
    ids = np.asarray(tok.encode(TEXT * 40), dtype=np.uint16)
    cfg = TrainConfig(steps=20, batch_size=4, warmup_steps=2, log_interval=5, eval_interval=100, eval_batches=1,
                      checkpoint_interval=10, device="cpu", **changes)
    return Trainer(tiny_config(tok.vocab_size), tok, ids, ids, cfg, out)


def test_a_read_only_output_is_refused_before_the_first_step(tmp_path, monkeypatch):
    read_only_below(monkeypatch, tmp_path / "ro")
    with pytest.raises(CheckpointError, match=r"ro/run: cannot be written \(Read-only file system\); choose a folder"):
        small_trainer(tmp_path / "ro" / "run")


def test_too_little_disk_space_is_refused_before_the_first_step(tmp_path, monkeypatch):
    import shutil

    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9 - 5000, 5000))
    with pytest.raises(CheckpointError, match=r"a checkpoint needs about [\d.]+ MB free, but the disk has only 0.0 MB"):
        small_trainer(tmp_path / "run")


def test_a_user_folder_as_trainer_output_is_refused_before_the_first_step(tmp_path):
    folder = user_folder(tmp_path)
    before = contents(folder)
    with pytest.raises(FolderInUseError):
        small_trainer(folder)
    assert contents(folder) == before


def test_a_read_only_folder_mid_run_says_so_and_keeps_the_last_checkpoint(tmp_path, monkeypatch):
    trainer = small_trainer(tmp_path / "run")
    saves_fail_after(monkeypatch, trainer, 10, errno.EROFS, "Read-only file system")
    records = list(trainer.run())
    at10, last = next(r for r in records if r.step == 10), records[-1]
    assert at10.checkpoint and not at10.save_error
    assert last.step == 20 and last.checkpoint is None
    assert last.save_error.startswith(f"Could not save a checkpoint at step 20 in {tmp_path / 'run'} "
                                      "(Read-only file system; the folder cannot be written.")
    assert "previous checkpoint (step 10) is intact" in last.save_error
    assert load_model(tmp_path / "run").training["step"] == 10
