import json
import pickle

import pytest
import torch
from _engine import TEXT, tiny_model, tokenizer

from model.checkpoint import CheckpointError, load_model, save_model


@pytest.fixture
def saved(tmp_path):
    model = tiny_model("rope")
    folder = save_model(tmp_path / "m", model, tokenizer(), {"note": "test"})
    return folder, model


def test_round_trip_is_bit_exact(saved):
    folder, model = saved
    loaded = load_model(folder)
    assert sorted(p.name for p in folder.iterdir()) == ["config.json", "model.safetensors", "tokenizer.json", "training.json"]
    assert loaded.config == model.config and loaded.training == {"note": "test"}
    for (name, a), (name_b, b) in zip(model.state_dict().items(), loaded.model.state_dict().items()):
        assert name == name_b and torch.equal(a, b)
    idx = torch.tensor([tokenizer().encode(TEXT[:30])])
    assert torch.equal(model(idx)[0], loaded.model(idx)[0])


def test_save_replaces_atomically_and_leaves_no_temporaries(saved, tmp_path):
    folder, model = saved
    with torch.no_grad():
        model.tok_emb.weight.add_(1.0)
    save_model(folder, model, tokenizer(), {"note": "second"})
    assert load_model(folder).training == {"note": "second"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_interrupted_save_keeps_the_previous_model(saved, monkeypatch):
    folder, model = saved
    import model.checkpoint as ck

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ck, "save_file", fail)
    with pytest.raises(OSError):
        save_model(folder, model, tokenizer(), {"note": "never written"})
    assert load_model(folder).training == {"note": "test"}
    assert sorted(p.name for p in folder.parent.iterdir()) == ["m"]


@pytest.mark.parametrize("name", ["model.pt", "pytorch_model.bin", "weights.pkl"])
def test_pickle_files_are_refused_unopened(tmp_path, name, monkeypatch):
    path = tmp_path / name
    path.write_bytes(pickle.dumps({"w": [1, 2, 3]}))
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: pytest.fail("unpickled!"))
    with pytest.raises(CheckpointError, match="never loads pickle") as info:
        load_model(path)
    assert name in str(info.value)
    with pytest.raises(CheckpointError, match="never loads pickle"):
        load_model(tmp_path)  # a folder holding only a pickle checkpoint


def test_pickle_disguised_as_safetensors_is_refused(saved):
    folder, _ = saved
    (folder / "model.safetensors").write_bytes(pickle.dumps({"w": 1}))
    with pytest.raises(CheckpointError, match="model.safetensors.*never loads pickle"):
        load_model(folder)


def test_safetensors_whose_header_length_starts_with_0x80_is_not_mistaken_for_a_pickle(saved):
    """The first byte of a safetensors file is its header length's low byte: 0x80 for a header of
    128 (or 384, 640, ...) bytes. Rewrite the weights with the header padded to exactly that."""
    import struct

    folder, model = saved
    path = folder / "model.safetensors"
    data = path.read_bytes()
    (n,) = struct.unpack("<Q", data[:8])
    header, body = data[8 : 8 + n].rstrip(b" "), data[8 + n :]
    padded = 128 + 256 * ((len(header) - 128 + 255) // 256) if len(header) > 128 else 128
    rewritten = struct.pack("<Q", padded) + header.ljust(padded, b" ") + body
    assert rewritten[0] == 0x80
    path.write_bytes(rewritten)
    loaded = load_model(folder)
    for a, b in zip(model.state_dict().values(), loaded.model.state_dict().values()):
        assert torch.equal(a, b)


def test_truncated_weights_are_named(saved):
    folder, _ = saved
    data = (folder / "model.safetensors").read_bytes()
    (folder / "model.safetensors").write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckpointError, match="model.safetensors.*(truncated|corrupted)"):
        load_model(folder)
    (folder / "model.safetensors").write_bytes(data[:5])
    with pytest.raises(CheckpointError, match="model.safetensors.*truncated"):
        load_model(folder)


@pytest.mark.parametrize("key,value,problem", [
    ("d_mlp", 64, r"tensor blocks\.0\.mlp\.fc\.\w+ has shape \(32.*config.json implies \(64"),  # names the tensor
    ("n_layer", 3, "missing tensors.*blocks.2"),  # names the missing ones
])
def test_weights_that_do_not_fit_the_config_are_named(saved, key, value, problem):
    folder, model = saved
    cfg = json.loads((folder / "config.json").read_text())
    cfg[key] = value
    (folder / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(CheckpointError, match=problem):
        load_model(folder)


def test_vocabulary_mismatch_is_refused(saved):
    folder, _ = saved
    tokenizer("char").save(folder / "tokenizer.json")
    tokenizer_size = tokenizer("char").vocab_size
    cfg = json.loads((folder / "config.json").read_text())
    with pytest.raises(CheckpointError, match=f"tokenizer.json: has {tokenizer_size} tokens.*vocab_size {cfg['vocab_size']}"):
        load_model(folder)


@pytest.mark.parametrize("content, problem", [("{broken", "not valid JSON"), ('{"vocab_size": -1}', "not a valid model configuration"),
                                              ('{"vocab_size": 300, "colour": 1}', r"not a valid model configuration \(unknown config keys: \['colour'\]")])
def test_bad_config_is_named(saved, content, problem):
    folder, _ = saved
    (folder / "config.json").write_text(content)
    with pytest.raises(CheckpointError, match=f"config.json: {problem}"):
        load_model(folder)


def test_missing_folder_and_files(tmp_path):
    with pytest.raises(CheckpointError, match="no such folder"):
        load_model(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CheckpointError, match="config.json: missing"):
        load_model(tmp_path / "empty")
