"""GPT-2 folders in the Hugging Face layout open in our model and behave exactly like `transformers`.

Small random GPT2LMHeadModels of several shapes are saved with save_pretrained, opened with
model.checkpoint.load_model, and must give the same token ids, logits (atol 1e-4, fp32),
attention patterns and 20-token greedy continuations. Our models exported with export_gpt2 must
load in transformers with the same logits. transformers is a test-only dependency.
"""
import json
import pickle
import shutil

import numpy as np
import pytest
import torch
from safetensors.torch import save_file

transformers = pytest.importorskip("transformers")
from _engine import TEXT, tiny_model, tokenizer  # noqa: E402
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers  # noqa: E402
from transformers import GPT2Config, GPT2LMHeadModel, GPT2TokenizerFast  # noqa: E402

from model.checkpoint import CheckpointError, load_model, save_model  # noqa: E402
from model.decoding import Decoder, generate  # noqa: E402
from model.gpt2 import export_gpt2  # noqa: E402
from model.gpt2_format import END_OF_TEXT, is_hf_folder, is_hf_gpt2_folder  # noqa: E402
from model.tracing import trace_text  # noqa: E402

ATOL = 1e-4
CORPUS = [
    TEXT * 4,
    "Hello world! It's a test: don't we've they're 12345 3.14 … «quotes» — dashes.\n" * 6,
    "中文字符测试，日本語のテキスト、한국어 문장. 😀 👍🏽 🎉 emoji and café naïve résumé\n" * 6,
    "\tTabs\tand  double  spaces,\n\nblank lines and    runs of spaces.\n" * 6,
]
PROMPTS = [
    "When shall we three meet again",
    " leading space",
    "   three leading spaces",
    "line one\nline two\n\n\nline five",
    "emoji 😀👍🏽 and 🎉!",
    "中文字符测试 and 日本語のテキスト",
    "tabs\tand  double  spaces",
    "numbers 12345, 3.14 and … «quotes»",
    f"before{END_OF_TEXT} after {END_OF_TEXT}",
    "don't we've they're",
    "x",
]
# (GPT2Config overrides, tokenizer vocabulary size, tokenizer file(s) to keep)
SHAPES = [
    (dict(n_layer=1, n_head=1, n_embd=8, n_positions=64), 300, "tokenizer.json"),
    (dict(n_layer=2, n_head=4, n_embd=32, n_positions=96, n_inner=48, layer_norm_epsilon=1e-3,
          activation_function="gelu"), 420, "vocab+merges"),
    (dict(n_layer=3, n_head=2, n_embd=24, n_positions=80, activation_function="gelu_new"), 360, "tokenizer.json"),
    (dict(n_layer=2, n_head=3, n_embd=12, n_ctx=72, n_positions=72, activation_function="gelu_pytorch_tanh",
          layer_norm_epsilon=1e-6), 300, "vocab+merges"),
]


def train_vocab(folder, vocab_size):
    """A byte-level BPE like GPT-2's, saved as its two original files, vocab.json and merges.txt."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  special_tokens=[END_OF_TEXT], show_progress=False)
    tok.train_from_iterator(CORPUS, trainer)
    folder.mkdir(parents=True, exist_ok=True)
    tok.model.save(str(folder))
    return tok.get_vocab_size()


def random_gpt2(overrides, vocab_size, seed):
    """A GPT2LMHeadModel with every parameter (LayerNorms and biases too) visibly non-default."""
    torch.manual_seed(seed)
    config = GPT2Config(vocab_size=vocab_size, bos_token_id=0, eos_token_id=0, **overrides)
    model = GPT2LMHeadModel(config)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p) * 0.2)  # GPT-2's 0.02 init gives near-uniform attention and logits
    return model.eval()


@pytest.fixture(scope="module", params=range(len(SHAPES)), ids=[f"shape{i}" for i in range(len(SHAPES))])
def pair(request, tmp_path_factory):
    """(folder, their model, their tokenizer, our LoadedModel) for one shape."""
    overrides, vocab_size, tokenizer_files = SHAPES[request.param]
    folder = tmp_path_factory.mktemp(f"gpt2_{request.param}")
    vocab_size = train_vocab(folder, vocab_size)
    theirs = random_gpt2(overrides, vocab_size, seed=request.param)
    theirs.save_pretrained(folder, safe_serialization=True)
    their_tok = GPT2TokenizerFast.from_pretrained(folder)
    if tokenizer_files == "tokenizer.json":  # as transformers writes it; vocab.json + merges.txt removed
        their_tok.save_pretrained(folder)
        (folder / "vocab.json").unlink()
        (folder / "merges.txt").unlink()
    assert (folder / "tokenizer.json").exists() == (tokenizer_files == "tokenizer.json")
    return folder, theirs, their_tok, load_model(folder)


def their_logits(model, ids):
    with torch.no_grad():
        return model(torch.tensor([ids])).logits[0]


def test_config_maps_every_setting(pair):
    folder, theirs, _, ours = pair
    hf = theirs.config
    c = ours.config
    assert (c.n_layer, c.n_head, c.d_model, c.context_length, c.vocab_size) == (
        hf.n_layer, hf.n_head, hf.n_embd, hf.n_positions, hf.vocab_size)
    assert c.d_mlp == (hf.n_inner or 4 * hf.n_embd)
    assert c.layer_norm_eps == hf.layer_norm_epsilon
    assert c.gelu_approximation == ("none" if hf.activation_function == "gelu" else "tanh")
    assert c.positional == "learned" and is_hf_gpt2_folder(folder)
    params = list(ours.model.parameters())  # real, trainable parameters, not meta placeholders
    assert all(isinstance(p, torch.nn.Parameter) and p.requires_grad and p.device.type == "cpu" for p in params)
    assert sum(p.numel() for p in params) == sum(p.numel() for p in theirs.transformer.parameters())


def test_tokenization_is_identical(pair):
    _, _, their_tok, ours = pair
    for prompt in PROMPTS + [""]:
        assert ours.tokenizer.encode(prompt) == their_tok(prompt)["input_ids"], prompt
    ids = ours.tokenizer.encode(PROMPTS[4])
    assert ours.tokenizer.decode(ids) == their_tok.decode(ids) == PROMPTS[4]
    assert len(ours.tokenizer.encode(f"a{END_OF_TEXT}b")) == 3  # the special token is never split


def test_token_spans_cover_the_text(pair):
    _, _, _, ours = pair
    for prompt in PROMPTS:
        ids, chars, byts = ours.tokenizer.encode_with_spans(prompt)
        raw = prompt.encode("utf-8")
        assert b"".join(raw[a:b] for a, b in byts) == raw
        for token, (a, b) in zip(ids, chars):  # a whole-character token's span is exactly its text
            piece = ours.tokenizer.token_bytes(token).decode("utf-8", errors="ignore")
            if piece.encode("utf-8") == ours.tokenizer.token_bytes(token):
                assert prompt[a:b] == piece, (prompt, piece)


def test_logits_match_on_every_prompt(pair):
    _, theirs, _, ours = pair
    for prompt in PROMPTS:
        ids = ours.tokenizer.encode(prompt)
        assert len(ids) <= ours.config.context_length
        with torch.no_grad():
            mine = ours.model(torch.tensor([ids]))[0][0]
        expected = their_logits(theirs, ids)
        assert expected.abs().max() > 1.0  # the comparison would be vacuous on near-zero logits
        torch.testing.assert_close(mine, expected, atol=ATOL, rtol=0)


def test_traced_path_matches_hidden_states_and_attention(pair):
    folder, _, _, ours = pair
    eager = GPT2LMHeadModel.from_pretrained(folder, attn_implementation="eager").eval()
    prompt = PROMPTS[3]
    trace = trace_text(ours.model, ours.tokenizer, prompt)
    with torch.no_grad():
        out = eager(torch.tensor([trace.token_ids.tolist()]), output_hidden_states=True, output_attentions=True)
    np.testing.assert_allclose(trace.final_logits, out.logits[0, -1].numpy(), atol=ATOL, rtol=0)
    np.testing.assert_allclose(trace.block_input, out.hidden_states[0][0].numpy(), atol=ATOL, rtol=0)
    for i, layer in enumerate(trace.layers):
        np.testing.assert_allclose(layer.attn_probs, out.attentions[i][0].numpy(), atol=ATOL, rtol=0)
        if i + 1 < len(trace.layers):  # transformers' last hidden state is after ln_f
            np.testing.assert_allclose(layer.resid_post, out.hidden_states[i + 1][0].numpy(), atol=ATOL, rtol=0)


def test_greedy_continuations_match_for_20_tokens(pair):
    _, theirs, their_tok, ours = pair
    theirs.generation_config.eos_token_id = None  # run all 20 steps, as ours does
    theirs.generation_config.pad_token_id = 0
    for prompt in (PROMPTS[0], PROMPTS[4], PROMPTS[5]):
        ids = ours.tokenizer.encode(prompt)
        with torch.no_grad():
            out = theirs.generate(torch.tensor([ids]), attention_mask=torch.ones(1, len(ids), dtype=torch.long),
                                  max_new_tokens=20, do_sample=False)
        their_new = out[0, len(ids):].tolist()
        decoder = Decoder(ours.model, ids)
        our_new = []
        for _ in range(20):
            our_new.append(decoder.choose(0.0, 0, 1.0, np.random.default_rng(0)))
            decoder.step(our_new[-1])
        assert our_new == their_new, prompt
        text = generate(ours.model, ours.tokenizer, prompt, max_new_tokens=20, temperature=0)
        assert text == their_tok.decode(their_new)


def test_keys_without_prefix_with_mask_buffers_and_tied_head_load(pair, tmp_path):
    """The original GPT-2 upload names tensors "h.0..." and also stores the causal-mask buffers."""
    folder, theirs, _, _ = pair
    shutil.copytree(folder, tmp_path / "m")
    state = {k.removeprefix("transformer."): v.contiguous() for k, v in theirs.state_dict().items()}
    n = theirs.config.n_positions
    for i in range(theirs.config.n_layer):
        state[f"h.{i}.attn.bias"] = torch.ones(1, 1, n, n).tril()
        state[f"h.{i}.attn.masked_bias"] = torch.tensor(-1e4)
    state["lm_head.weight"] = state["wte.weight"].clone()
    save_file(state, str(tmp_path / "m" / "model.safetensors"))
    ours = load_model(tmp_path / "m")
    ids = ours.tokenizer.encode(PROMPTS[0])
    torch.testing.assert_close(ours.model(torch.tensor([ids]))[0][0], their_logits(theirs, ids), atol=ATOL, rtol=0)

    state["lm_head.weight"] = state["lm_head.weight"] + 1.0
    save_file(state, str(tmp_path / "m" / "model.safetensors"))
    with pytest.raises(CheckpointError, match="model.safetensors.*lm_head.weight differs"):
        load_model(tmp_path / "m")


@pytest.mark.parametrize("dtype", [torch.int64, torch.uint8])
def test_gpt2_weights_stored_as_integers_are_refused_by_name(pair, tmp_path, dtype):
    """As for our own folders (issue #18, item 7): a cast would give a model that runs and is wrong."""
    folder, theirs, _, _ = pair
    shutil.copytree(folder, tmp_path / "m")
    state = {k: v.clone().contiguous() for k, v in theirs.state_dict().items()
             if not k.endswith("attn.bias") and k != "lm_head.weight"}
    state["transformer.h.0.mlp.c_fc.weight"] = state["transformer.h.0.mlp.c_fc.weight"].to(dtype)
    save_file(state, str(tmp_path / "m" / "model.safetensors"))
    with pytest.raises(CheckpointError, match=r"h\.0\.mlp\.c_fc\.weight is stored as u?int(64|8), not as floating"):
        load_model(tmp_path / "m")


# ---- the other direction: our models exported to the same layout ----------------------------
@pytest.mark.parametrize("overrides", [
    dict(),  # exact GELU, d_mlp = 2 * d_model
    dict(gelu_approximation="tanh", layer_norm_eps=1e-3, d_mlp=24, n_head=4),
])
def test_exported_models_load_in_transformers_with_the_same_logits(tmp_path, overrides):
    model = tiny_model("learned", seed=3, **overrides)
    tok = tokenizer("bpe")
    folder = export_gpt2(model, tmp_path / "exported", tok)
    assert sorted(p.name for p in folder.iterdir()) == [
        "config.json", "merges.txt", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "vocab.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exported"]  # no temporaries left behind
    assert {p.stat().st_mode & 0o777 for p in folder.iterdir()} == {0o644}
    theirs = GPT2LMHeadModel.from_pretrained(folder).eval()
    their_tok = GPT2TokenizerFast.from_pretrained(folder)
    for prompt in (TEXT[:60], " the heath.\nUpon", "x"):
        ids = tok.encode(prompt)
        assert their_tok(prompt)["input_ids"] == ids
        with torch.no_grad():
            torch.testing.assert_close(their_logits(theirs, ids), model(torch.tensor([ids]))[0][0], atol=ATOL, rtol=0)
    again = load_model(folder)  # and back: bit-exact
    for name, tensor in model.state_dict().items():
        assert torch.equal(again.model.state_dict()[name], tensor), name
    assert again.config == model.config


def test_export_replaces_an_existing_folder_and_round_trips_an_import(pair, tmp_path):
    _, theirs, _, ours = pair
    target = export_gpt2(ours, tmp_path / "copy")
    export_gpt2(ours, target)  # overwrite in place
    reloaded = GPT2LMHeadModel.from_pretrained(target).eval()
    ids = ours.tokenizer.encode(PROMPTS[5])
    torch.testing.assert_close(their_logits(reloaded, ids), their_logits(theirs, ids), atol=ATOL, rtol=0)
    assert load_model(target).tokenizer.encode(PROMPTS[5]) == ids


def test_only_learned_position_models_export(tmp_path):
    with pytest.raises(CheckpointError, match="rope positions.*only learned-position models export"):
        export_gpt2(tiny_model("rope"), tmp_path / "x", tokenizer("bpe"))
    assert not (tmp_path / "x").exists()


# ---- what is refused, and how ---------------------------------------------------------------
@pytest.fixture
def small_folder(tmp_path):
    folder = tmp_path / "gpt2"
    vocab_size = train_vocab(folder, 300)
    random_gpt2(dict(n_layer=1, n_head=2, n_embd=8, n_positions=16), vocab_size, seed=0).save_pretrained(folder)
    return folder


def edit_config(folder, **changes):
    path = folder / "config.json"
    path.write_text(json.dumps(json.loads(path.read_text()) | changes))


def test_other_architectures_are_refused_by_name(small_folder):
    edit_config(small_folder, model_type="llama", architectures=["LlamaForCausalLM"])
    assert is_hf_folder(small_folder) and not is_hf_gpt2_folder(small_folder)
    with pytest.raises(CheckpointError, match=r"config.json.*'llama'.*LlamaForCausalLM.*opens GPT-2-family"):
        load_model(small_folder)


@pytest.mark.parametrize("change, message", [
    (dict(scale_attn_by_inverse_layer_idx=True), "scale_attn_by_inverse_layer_idx.*only standard GPT-2"),
    (dict(reorder_and_upcast_attn=True), "reorder_and_upcast_attn"),
    (dict(tie_word_embeddings=False), "tie_word_embeddings"),
    (dict(activation_function="relu"), "activation_function 'relu' is not supported.*gelu_new"),
    (dict(n_embd=10), r"model.safetensors: does not match config.json: tensor wte.weight has shape \(\d+, 8\), "
                      r"but config.json implies \(\d+, 10\)"),
])
def test_unsupported_settings_are_refused(small_folder, change, message):
    edit_config(small_folder, **change)
    with pytest.raises(CheckpointError, match=message):
        load_model(small_folder)


def test_half_precision_weights_open_in_fp32(small_folder):
    from safetensors.torch import load_file

    state = load_file(str(small_folder / "model.safetensors"))
    save_file({k: v.half() for k, v in state.items()}, str(small_folder / "model.safetensors"))
    ours = load_model(small_folder).model.state_dict()
    assert ours["blocks.0.attn.qkv.weight"].dtype == torch.float32
    assert torch.equal(ours["blocks.0.attn.qkv.weight"], state["transformer.h.0.attn.c_attn.weight"].half().float().t())


def test_missing_files_are_named(small_folder):
    (small_folder / "merges.txt").unlink()
    with pytest.raises(CheckpointError, match=r"tokenizer.json: missing, and so is vocab.json \+ merges.txt"):
        load_model(small_folder)
    train_vocab(small_folder, 300)
    (small_folder / "model.safetensors").unlink()
    with pytest.raises(CheckpointError, match=r"model.safetensors: missing\. LM Anatomy opens GPT-2"):
        load_model(small_folder)


def test_pickle_only_checkpoint_is_refused_unopened(small_folder, monkeypatch):
    (small_folder / "model.safetensors").unlink()
    (small_folder / "pytorch_model.bin").write_bytes(pickle.dumps({"wte.weight": [1.0]}))
    monkeypatch.setattr(pickle, "loads", lambda *a, **k: pytest.fail("unpickled!"))
    monkeypatch.setattr(torch, "load", lambda *a, **k: pytest.fail("torch.load called!"))
    with pytest.raises(CheckpointError, match="pytorch_model.bin.*never loads pickle.*model.safetensors"):
        load_model(small_folder)


def test_our_own_folders_still_open_as_before(tmp_path):
    folder = save_model(tmp_path / "ours", tiny_model("rope"), tokenizer("bpe"))
    assert not is_hf_folder(folder)
    assert load_model(folder).config.positional == "rope"
