"""Issue #18, item 8: labelled CSVs name their columns or are refused; UTF-16 / BOM files read; a big
import does not freeze the window."""
from __future__ import annotations

import csv
import random
import time

import pytest

from model.labelled import LabelledDataError, parse_labelled_csv, read_labelled_csv

ROWS = "good film,positive\nawful film,negative\nloved it,positive\nhated it,negative\nfine,positive\nbad,negative\n"


def test_a_header_without_a_label_column_is_refused_naming_it():
    with pytest.raises(LabelledDataError, match=r"has no label column; name the columns text,label"):
        parse_labelled_csv("text,split\ngood film,train\nawful,test\n")


def test_a_header_of_other_names_with_split_is_refused_naming_both():
    with pytest.raises(LabelledDataError, match=r"\(sentence, category, split\) has no text and no label column"):
        parse_labelled_csv("sentence,category,split\n" + ROWS.replace("\n", ",train\n"))


def test_an_unknown_header_is_not_imported_as_an_example():
    # Before: ("review", "sentiment") became a training example with its own label.
    with pytest.raises(LabelledDataError, match=r"first row \(review, sentiment\) looks like a header"):
        parse_labelled_csv("review,sentiment\n" + ROWS)


def test_columns_are_found_by_name_in_any_order():
    data = parse_labelled_csv("id,split,label,text\n1,test,positive,good film\n2,train,negative,awful\n")
    assert data.texts == ["good film", "awful"] and data.labels == ["positive", "negative"]
    assert data.splits == ["test", "train"] and not data.problems
    headerless = parse_labelled_csv(ROWS)  # no header at all is still fine: text,label
    assert headerless.texts[0] == "good film" and len(headerless.texts) == 6


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_utf16_and_bom_files_are_read(tmp_path, encoding):
    path = tmp_path / "x.csv"
    path.write_bytes("text,label\ncafé crème,positive\nnaïve plot,negative\n".encode(encoding))
    data = read_labelled_csv(path)
    assert data.texts == ["café crème", "naïve plot"] and data.labels == ["positive", "negative"]
    assert not data.problems and not any("\x00" in t for t in data.texts + data.labels)


def test_other_files_with_nul_bytes_are_refused(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00text,label\nx,y\n")
    with pytest.raises(LabelledDataError, match="holds NUL bytes.*save it as CSV UTF-8"):
        read_labelled_csv(path)


def _write_rows(path, n):
    rng = random.Random(0)
    words = "good bad film plot actor boring great awful loved hated scene music".split()
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text", "label", "split"])
        for _ in range(n):
            w.writerow([" ".join(rng.choices(words, k=12)), rng.choice(["positive", "negative"]), "train"])


def test_importing_100k_rows_keeps_the_window_responsive(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    from app.training.labelled_table import LabelledTable

    path = tmp_path / "big.csv"
    _write_rows(path, 100_000)
    table = LabelledTable(None)
    qtbot.addWidget(table)
    table.resize(800, 500)
    table.show()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "CSV (*.csv)")))
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    qtbot.wait(50)
    started = time.perf_counter()
    table._import()  # what the Import… button does
    returned = time.perf_counter() - started
    qtbot.waitUntil(lambda: table.table.rowCount() == 100_000 and not table.importing(), timeout=120_000)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:]) if b > started]
    assert returned < 0.2, f"the Import button blocked for {returned:.2f} s"
    # Filling 300,000 cells on the GUI thread in one go took 3.0 s here, one gap and no ticks between; in
    # slices of 25 ms the event loop runs between them many times. The bound on the longest gap is half the
    # one-go time, not a speed target: it must hold on a machine shared with other runs (0.62 s was seen there).
    assert len(gaps) >= 20, f"the event loop ran only {len(gaps)} times during the import"
    assert max(gaps) < 1.5, f"the event loop stalled {max(gaps):.2f} s"
    assert table.table.item(99_999, 1).text() in ("positive", "negative")
    assert "100000 examples" in table.summary.text()
    assert table.table.isEnabled()


def test_a_set_rows_during_an_import_wins(qtbot, tmp_path):
    from app.training.labelled_table import LabelledTable

    path = tmp_path / "big.csv"
    _write_rows(path, 20_000)
    table = LabelledTable(None)
    qtbot.addWidget(table)
    table.import_file(path)
    table.set_rows(["only"], ["one"], ["train"])
    qtbot.wait(1500)
    assert table.table.rowCount() == 1 and not table.importing() and table.table.isEnabled()


def test_an_import_error_is_shown(qtbot, tmp_path):
    from app.training.labelled_table import LabelledTable

    path = tmp_path / "bad.csv"
    path.write_text("text,split\nx,train\n")
    table = LabelledTable(None)
    qtbot.addWidget(table)
    with qtbot.waitSignal(table.imported, timeout=10_000) as done:
        table.import_file(path)
    assert "no label column" in done.args[0][0] and "Could not import" in table.summary.text()
