import pytest
from _engine import TEXT, tokenizer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.tokenizer import TextTokenizer
from model.tokenizer_kinds import TokenizerError, readable

# Every kind of character: emoji, CJK, right-to-left, combining marks, control characters and NUL.
ANY_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list("😀👍🏽北京東京שלוםمرحبا\u200f\u202e\x00\x01\x07\t\r\n é̃")),
    ),
    max_size=60,
)


@pytest.mark.parametrize("kind", ["char", "bpe"])
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT)
def test_decode_encode_round_trips_any_unicode(kind, text):
    tok = tokenizer(kind)
    ids = tok.encode(text)
    assert tok.decode(ids) == text
    assert b"".join(tok.token_bytes(i) for i in ids) == text.encode("utf-8")
    labels = [tok.label(i) for i in ids]
    assert "\ufffd" not in "".join(labels)  # split characters show as ⟨XX⟩, never as "�"


@pytest.mark.parametrize("kind", ["char", "word", "bpe"])
@settings(max_examples=60, deadline=None)
@given(text=ANY_TEXT)
def test_spans_cover_the_text(kind, text):
    tok = tokenizer(kind)
    ids, char_spans, byte_spans = tok.encode_with_spans(text)
    assert len(ids) == len(char_spans) == len(byte_spans)
    raw = text.encode("utf-8")
    for (ca, cb), (ba, bb) in zip(char_spans, byte_spans):
        assert 0 <= ca <= cb <= len(text) and 0 <= ba <= bb <= len(raw)
    if kind != "word":
        assert b"".join(raw[a:b] for a, b in byte_spans) == raw


def test_three_kinds_split_differently():
    text = "When shall we three meet again"
    counts = {k: len(tokenizer(k).encode(text)) for k in ("char", "word", "bpe")}
    assert counts["char"] == len(text)
    assert counts["word"] == 6
    assert counts["word"] < counts["bpe"] < counts["char"]


def test_word_tokenizer_shows_unknown_words():
    tok = tokenizer("word")
    ids = tok.encode("When shall zebras meet")
    assert [tok.label(i) for i in ids] == ["When", "shall", "[UNK]", "meet"]
    assert [tok.is_unknown(i) for i in ids] == [False, False, True, False]
    assert tok.decode(tok.encode("When shall we meet again?\nUpon the heath.")) == "When shall we meet again?\nUpon the heath."


def test_split_characters_are_labelled_readably():
    tok = tokenizer("bpe")
    labels = [tok.label(i) for i in tok.encode("😀")]
    assert labels == ["⟨F0⟩", "⟨9F⟩", "⟨98⟩", "⟨80⟩"]
    assert readable("é".encode() + b"\xf0\x9f") == "é⟨F0 9F⟩"


def test_bpe_merge_steps_end_at_the_real_tokens():
    tok = tokenizer("bpe")
    for word in [" thunder", " hurlyburly", "When", " naïve"]:
        steps = tok.bpe_merge_steps(word)
        assert steps[0] == [readable(bytes([b])) for b in word.encode()] or "⟨" in "".join(steps[0])
        assert steps[-1] == [tok.label(i) for i in tok.encode(word)]
        assert all(len(b) == len(a) - 1 for a, b in zip(steps, steps[1:]))  # one merge per step
        assert "".join(steps[-1]) == word or "⟨" in "".join(steps[-1])
    assert len(tok.bpe_merge_steps(" thunder")) > 2


def test_merge_steps_only_for_bpe():
    with pytest.raises(TokenizerError):
        tokenizer("char").bpe_merge_steps("word")


def test_vocabulary_size_is_honoured():
    assert tokenizer("bpe").vocab_size == 300
    assert tokenizer("word").vocab_size == 37  # 36 distinct words and marks in TEXT, plus [UNK]
    assert TextTokenizer.train("word", [TEXT], 20).vocab_size == 20
    assert TextTokenizer.train("char", [TEXT], 270).vocab_size == 270  # 256 bytes + the 14 most frequent characters
    with pytest.raises(TokenizerError, match="256"):
        TextTokenizer.train("bpe", [TEXT], 100)
    with pytest.raises(TokenizerError, match="kind"):
        TextTokenizer.train("morpheme", [TEXT], 100)


@pytest.mark.parametrize("kind", ["char", "word", "bpe"])
def test_save_and_load(tmp_path, kind):
    tok = tokenizer(kind)
    tok.save(tmp_path / "tokenizer.json")
    again = TextTokenizer.load(tmp_path / "tokenizer.json")
    assert again.kind == kind and again.vocab_size == tok.vocab_size
    assert again.encode(TEXT) == tok.encode(TEXT)


def test_bad_tokenizer_file_is_named(tmp_path):
    bad = tmp_path / "tokenizer.json"
    bad.write_text("{not json")
    with pytest.raises(TokenizerError, match="tokenizer.json"):
        TextTokenizer.load(bad)


def test_a_tokenizer_panic_becomes_a_clear_error():
    from model.tokenizer import _encode_guarded

    class Panicking:
        def encode(self, text):
            raise BaseException("regex backtracked too far")  # tokenizers' PanicException is a BaseException

    with pytest.raises(TokenizerError, match="could not split"):
        _encode_guarded(Panicking(), "text")
