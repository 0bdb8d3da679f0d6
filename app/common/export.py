"""Export the data on screen: CSV tables of what a stage shows (numbers in their own columns), the
trace as .npz; the save dialogs (they open in the folder last saved to) and the plots' right-click
menu. The figures themselves are drawn by figures.py."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QTableWidget, QWidget

from app.i18n import QT_TR_NOOP, tr

from .figures import copy_image, figure_caption, save_png, save_svg

LAST_FOLDER_KEY = "export/last_folder"


# ---- what a figure holds ------------------------------------------------------------------------------
def table_rows(table: QTableWidget) -> list[list[str]]:
    headers = [table.horizontalHeaderItem(c).text() if table.horizontalHeaderItem(c) else tr("column {0}").format(c + 1)
               for c in range(table.columnCount())]
    vertical = [table.verticalHeaderItem(r).text() if table.verticalHeaderItem(r) else "" for r in range(table.rowCount())]
    has_rows = any(vertical) and not table.verticalHeader().isHidden()
    rows = [([""] if has_rows else []) + headers]
    for r in range(table.rowCount()):
        cells = [(table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())]
        rows.append(([vertical[r]] if has_rows else []) + cells)
    return split_numbers(rows)


_VALUE = re.compile(r"^(.*?)\s+(-?\d[\d,]*(?:\.\d+)?)\s*(%?)$", re.S)


def split_numbers(rows: list[list[str]]) -> list[list]:
    """A column whose every cell is "label  number[%]" becomes two: the label, and the number alone
    (a percentage as a fraction of 1), so a spreadsheet can compute with it."""
    if len(rows) < 2:
        return rows
    header, body = rows[0], rows[1:]
    split = []
    for c in range(len(header)):
        matches = [_VALUE.match(r[c]) if c < len(r) and r[c] else None for r in body]
        split.append(all(matches) and any(m.group(1).strip() for m in matches))
    out = [sum(([h, tr("{0} probability").format(h) if all(_VALUE.match(r[c]).group(3) for r in body)
                 else tr("{0} value").format(h)]
                if split[c] else [h] for c, h in enumerate(header)), [])]
    for r in body:
        line = []
        for c, cell in enumerate(r):
            if c < len(split) and split[c]:
                m = _VALUE.match(cell)
                number = float(m.group(2).replace(",", ""))
                line += [m.group(1).strip(), round(number / 100, 6) if m.group(3) else number]
            else:
                line.append(cell)
        out.append(line)
    return out


def stage_tables(panel) -> dict[str, list[list]]:
    """The data a stage shows, as tables (name -> rows, the header first).

    Attention: the selected head's weights (or scores, or the heads' mean) with the query token of
    each row and the key token of each column, then the logit lens (layer, rank, token, probability).
    Other stages: their tables, with "token 42.0%" cells split into a token and a number."""
    trace = getattr(panel, "trace", None)
    if getattr(panel, "name", "") == "attention" and trace is not None:
        return {QT_TR_NOOP("attention weights"): attention_rows(panel), QT_TR_NOOP("logit lens"): logit_lens_rows(panel)}
    return {name: table_rows(table) for name, table in panel.tables().items()}


def attention_rows(panel) -> list[list]:
    trace, matrix = panel.trace, np.asarray(panel.selected_matrix(), dtype=np.float64)
    tokens = list(trace.token_strs)
    scores = panel.showing_scores
    which = tr("mean of all heads") if panel.average.isChecked() else tr("head {0}").format(panel.head + 1)
    what = tr("score") if scores else tr("weight")
    header = [tr("layer {0}, {1}: {2} (row: query, column: key)").format(panel.layer + 1, which, what),
              tr("query position"), tr("query token")]
    header += [tr("key {0}: {1}").format(j, t) for j, t in enumerate(tokens)]
    rows = [header]
    for i, t in enumerate(tokens):
        values = ["" if not np.isfinite(v) else float(f"{v:.6g}") for v in matrix[i]]
        rows.append(["", i, t] + values)
    return rows


def logit_lens_rows(panel) -> list[list]:
    trace = panel.trace
    labels = panel.info.labels if getattr(panel, "info", None) is not None else None
    ids, probs = trace.lens_top_ids[:, -1], trace.lens_top_probs[:, -1]  # [L, K] at the last position
    rows = [[tr("layer"), tr("rank"), tr("token id"), tr("token"), tr("probability")]]
    for layer in range(ids.shape[0]):
        for rank in range(ids.shape[1]):
            tid = int(ids[layer, rank])
            rows.append([layer + 1, rank + 1, tid, labels[tid] if labels and tid < len(labels) else str(tid),
                         float(f"{float(probs[layer, rank]):.6g}")])
    return rows


def write_rows(rows: list[list], path: str | Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def save_tables(tables: dict[str, list[list]], path: str | Path, note: str = "") -> list[str]:
    """The first table to `path`, each other one beside it as `<stem>-<name>.csv`. Returns the paths written.
    A `note` (parts of the model switched off) is each file's first line, so its numbers are not taken for the
    whole model's."""
    path = Path(path)
    written = []
    for i, (name, rows) in enumerate(tables.items()):
        target = path if i == 0 else path.with_name(f"{path.stem}-{name.replace(' ', '-')}{path.suffix or '.csv'}")
        write_rows(([["# " + tr("{0}: these numbers are from the changed model").format(note)]] if note else []) + rows, target)
        written.append(str(target))
    return written


def save_csv(table: QTableWidget, path: str | Path) -> None:
    write_rows(table_rows(table), path)


def save_trace(trace, path: str | Path, note: str = "") -> None:
    """The trace's arrays; `note` (parts switched off) is stored as "ablation" beside them."""
    np.savez_compressed(str(path), **trace.to_npz_dict(), **({"ablation": np.array(note)} if note else {}))


# ---- where to save ---------------------------------------------------------------------------------------
def _settings(settings: QSettings | None) -> QSettings:
    return settings if settings is not None else QSettings("LM Anatomy", "lm-anatomy")


def last_folder(settings: QSettings | None = None) -> Path:
    """The folder last saved to (if it still exists), else the home folder."""
    value = _settings(settings).value(LAST_FOLDER_KEY, "")
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_folder(path: str | Path, settings: QSettings | None = None) -> None:
    _settings(settings).setValue(LAST_FOLDER_KEY, str(Path(path).parent))


def ask_save_path(parent: QWidget, title: str, filename: str, filt: str, settings: QSettings | None = None) -> str | None:
    """A save dialog opening in the folder last saved to; remembers the folder chosen."""
    from PySide6.QtWidgets import QFileDialog

    path, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder(settings) / filename), filt)
    if path:
        remember_folder(path, settings)
    return path or None


def install_context_menu(widget: QWidget, name: str, on_saved=None, settings: QSettings | None = None) -> None:
    """Right-click a plot: save it as PNG or SVG, or copy it (pyqtgraph's own export menu is off)."""
    from PySide6.QtWidgets import QGraphicsView, QMenu

    def ask_and_save(fmt: str) -> None:
        path = ask_save_path(widget, tr("Save {0} as {1}").format(name, fmt.upper()), f"{name.replace(' ', '-')}.{fmt}",
                             f"*.{fmt}",
                             settings if settings is not None else getattr(widget.window(), "settings", None))
        if path:
            caption = figure_caption(widget)
            title = f"{caption[0]} · {name}"
            save_svg(widget, path, title) if fmt == "svg" else save_png(widget, path, title)
            if on_saved:
                on_saved(path)

    def show_menu(pos) -> None:
        menu = QMenu(widget)
        menu.addAction(tr("Save {0} as PNG…").format(name), lambda: ask_and_save("png"))
        menu.addAction(tr("Save {0} as SVG…").format(name), lambda: ask_and_save("svg"))
        menu.addAction(tr("Copy image"), lambda: copy_image(widget))
        menu.exec(widget.cursor().pos())

    for target in [widget, *widget.findChildren(QGraphicsView)]:
        target.setContextMenuPolicy(Qt.CustomContextMenu)
        target.customContextMenuRequested.connect(show_menu)
