"""Issue #18, items 3 and 7: corpora are tokenized in bounded pieces into small integer arrays, with
exactly the ids of the whole text; NUL bytes anywhere in a file are noticed."""
from __future__ import annotations

import numpy as np
import pytest

import model.tokenizer_kinds as tokenizer_module
from model.data import Document, id_dtype, read_corpus, tokenize_documents
from model.tokenizer import TextTokenizer
from model.tokenizer_kinds import chunks

# Runs of spaces and line breaks, tabs, punctuation, contractions, digits, accents, an emoji, CJK,
# a non-breaking space: everything whose pre-tokens a careless cut would change.
TRICKY = ("It's   the  end\n\n\nof the world, as we know it:  123 45.6 — naïve café\u00a0crème 😀 漢字かな\n"
          "\tTabs\tand  trailing spaces   \nx_y don't won't they'll 1st 2nd\n  \n") * 40


@pytest.mark.parametrize("kind", ["char", "word", "bpe"])
def test_pieces_tokenize_exactly_like_the_whole(monkeypatch, kind):
    vocab = {"char": 400, "word": 300, "bpe": 600}[kind]
    whole_tok = TextTokenizer.train(kind, [TRICKY], vocab)
    whole_ids = whole_tok.encode(TRICKY)
    monkeypatch.setattr(tokenizer_module, "CHUNK_CHARS", 37)  # many cuts, in every kind of place
    pieces = list(chunks(TRICKY))
    assert len(pieces) > 50 and "".join(pieces) == TRICKY
    chunked_tok = TextTokenizer.train(kind, [TRICKY], vocab)  # trained on the pieces
    assert chunked_tok.to_str() == whole_tok.to_str()
    ids = tokenize_documents(whole_tok, [Document("a", TRICKY)], None, batch_chars=100)
    assert ids.tolist() == whole_ids and ids.dtype == np.uint16


def test_a_document_without_a_final_line_break_gets_one_without_changing_its_last_token(monkeypatch):
    tok = TextTokenizer.train("bpe", [TRICKY], 600)
    text = "the end   "  # trailing spaces: the added line break joins them in one pre-token, as before
    monkeypatch.setattr(tokenizer_module, "CHUNK_CHARS", 4)
    assert tokenize_documents(tok, [Document("a", text)], None).tolist() == tok.encode(text + "\n")


def test_encoding_works_on_bounded_pieces(monkeypatch):
    """The tokenizer never sees a whole large document at once (it kept per-token objects for all of
    it: 10 GB for a 50 MB file). Before, one call encoded the 3 MB text whole."""
    tok = TextTokenizer.train("bpe", [TRICKY], 600)
    text = TRICKY * 30  # about 0.3 M characters, cut at about 4,096
    monkeypatch.setattr(tokenizer_module, "CHUNK_CHARS", 4096)
    seen = []
    real = TextTokenizer.encode_batch

    def spy(self, texts):
        seen.append(sum(len(t) for t in texts))
        return real(self, texts)

    monkeypatch.setattr(TextTokenizer, "encode_batch", spy)
    ids = tokenize_documents(tok, [Document("big", text)], None)
    assert len(seen) > 5 and max(seen) <= 8 * 4096 + 4096 + 200
    monkeypatch.setattr(TextTokenizer, "encode_batch", real)
    assert ids.tolist() == tok.encode(text)


def test_ids_are_stored_in_the_smallest_unsigned_type():
    assert id_dtype(300) == np.uint16 and id_dtype(65536) == np.uint16
    assert id_dtype(65537) == np.uint32 and id_dtype(200_000) == np.uint32


def test_nul_bytes_after_the_first_8_kb_are_noticed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("To be or not to be\n" * 10)
    late = tmp_path / "late_nul.txt"
    late.write_bytes(b"plain text line\n" * 1000 + b"\x00\x00 hidden" + b"more text\n" * 10)
    corpus = read_corpus([str(good), str(late)])
    assert [d.name for d in corpus.documents] == ["good"]
    note = next(n for n in corpus.notices if n.startswith("late_nul.txt"))
    assert "binary" in note and "NUL byte at byte 16,000" in note and "remove them" in note
    assert all("\x00" not in d.text for d in corpus.documents)


def test_a_300_mb_file_is_read_whole():
    """Before, files over 200 MB were cut ("only the first part is used"); memory is bounded now."""
    import model.data

    assert model.data.MAX_FILE_BYTES >= 300 * 2**20
