"""Export what is on screen, fit for a paper or a slide: figures (PNG at 2×, SVG through QSvgGenerator)
with a title and the prompt above the plots, the clipboard, CSV tables of the data shown (numbers in
their own columns), trace .npz. The save dialogs open in the folder last saved to.

A stage's figure holds its plots only (Panel.plots() that are on screen, where they are on screen):
no drop-downs, check boxes or tab bars. A stage without plots is drawn whole.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QTableWidget, QWidget

SCALE = 2  # PNG pixels per screen pixel
PAD = 16  # around the figure, in screen pixels
LAST_FOLDER_KEY = "export/last_folder"


def tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


# ---- what a figure holds ------------------------------------------------------------------------------
def figure_parts(widget: QWidget) -> list[QWidget]:
    """The plots of a stage that are on screen, or the widget itself (a single plot, or a stage without plots)."""
    plots = getattr(widget, "plots", None)
    if callable(plots):
        shown = [w for w in plots().values() if w.isVisible() and w.width() > 0 and w.height() > 0]
        if shown:
            return shown
    return [widget]


def figure_caption(widget: QWidget, title: str | None = None, prompt: str | None = None) -> tuple[str, str]:
    """The figure's title (the stage, the model) and its prompt line (what the model read)."""
    window = widget.window()
    panel = widget
    while panel is not None and not hasattr(panel, "info"):
        panel = panel.parentWidget()
    if title is None:
        title = getattr(panel, "title", "") or getattr(window, "windowTitle", lambda: "")()
        info = getattr(panel, "info", None)
        if info is not None and getattr(info, "name", ""):
            from ..training.timeline import run_label  # a run's "checkpoint" folder: named by its run

            title = f"{title} · {run_label(info.path) or info.name}"
    if prompt is None:
        prompt = ""
        trace = getattr(panel, "trace", None)
        if trace is not None and getattr(trace, "text", None):
            prompt = trace.text
        elif callable(getattr(window, "prompt_text", None)):
            prompt = window.prompt_text()
    return title or "LM Anatomy", prompt


class _Figure:
    """Where the header and each part go, in screen pixels."""

    def __init__(self, widget: QWidget, title: str, prompt: str):
        self.parts = figure_parts(widget)
        origin = widget
        rects = [QRect(p.mapTo(origin, QPoint(0, 0)), p.size()) if p is not origin else QRect(QPoint(0, 0), p.size())
                 for p in self.parts]
        bounds = rects[0]
        for r in rects[1:]:
            bounds = bounds.united(r)
        self.title_font = QFont(widget.font())
        self.title_font.setPointSizeF(widget.font().pointSizeF() * 1.35)
        self.title_font.setBold(True)
        self.prompt_font = QFont(widget.font())
        width = max(bounds.width(), 320)
        self.title = title
        tm, pm = QFontMetrics(self.title_font), QFontMetrics(self.prompt_font)
        self.title_rect = QRect(PAD, PAD, width, tm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextWordWrap,
                                                                 title).height())
        self.prompt = tr("Prompt: ") + f"“{_one_line(prompt)}”" if prompt else ""
        prompt_h = pm.boundingRect(QRect(0, 0, width, 10_000), Qt.TextWordWrap, self.prompt).height() if prompt else 0
        self.prompt_rect = QRect(PAD, self.title_rect.bottom() + 6, width, prompt_h)
        top = self.prompt_rect.bottom() + PAD
        self.offsets = [QPoint(PAD + r.x() - bounds.x(), top + r.y() - bounds.y()) for r in rects]
        self.size = QSize(width + 2 * PAD, top + bounds.height() + PAD)

    def paint(self, painter: QPainter, background: QColor, foreground: QColor, muted: QColor) -> None:
        painter.fillRect(QRect(QPoint(0, 0), self.size), background)
        painter.setPen(foreground)
        painter.setFont(self.title_font)
        painter.drawText(self.title_rect, Qt.TextWordWrap, self.title)
        if self.prompt:
            painter.setPen(muted)
            painter.setFont(self.prompt_font)
            painter.drawText(self.prompt_rect, Qt.TextWordWrap, self.prompt)
        for part, offset in zip(self.parts, self.offsets):
            painter.save()
            painter.translate(offset)
            QWidget.render(part, painter, QPoint())  # not part.render: panels define render(trace)
            painter.restore()


def _one_line(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _colours(widget: QWidget) -> tuple[QColor, QColor, QColor]:
    pal = widget.palette()
    muted = QColor(pal.color(pal.ColorRole.PlaceholderText))
    return pal.color(pal.ColorRole.Window), pal.color(pal.ColorRole.WindowText), muted


def figure_image(widget: QWidget, title: str | None = None, prompt: str | None = None, scale: int = SCALE) -> QImage:
    fig = _Figure(widget, *figure_caption(widget, title, prompt))
    image = QImage(fig.size * scale, QImage.Format_ARGB32)
    image.setDevicePixelRatio(scale)  # text and plots drawn at full resolution, not an enlarged screen grab
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setRenderHint(QPainter.TextAntialiasing)
        fig.paint(painter, *_colours(widget))
    finally:
        painter.end()
    return image


def save_png(widget: QWidget, path: str | Path, title: str | None = None, prompt: str | None = None,
             scale: int = SCALE) -> bool:
    """The figure (title, prompt, the plots on screen) at `scale`× the screen's pixels."""
    return figure_image(widget, title, prompt, scale).save(str(path), "PNG")


def save_svg(widget: QWidget, path: str | Path, title: str | None = None, prompt: str | None = None) -> None:
    """The same figure as vector SVG (pyqtgraph's own SVG exporter fails on Qt 6)."""
    title, prompt = figure_caption(widget, title, prompt)
    fig = _Figure(widget, title, prompt)
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(fig.size)
    gen.setViewBox(QRect(QPoint(0, 0), fig.size))
    gen.setResolution(widget.logicalDpiX())  # text measured as on screen: wrapped lines keep their words
    gen.setTitle(title)
    gen.setDescription(prompt or "Exported from LM Anatomy")
    painter = QPainter(gen)
    try:
        fig.paint(painter, *_colours(widget))
    finally:
        painter.end()


def copy_image(widget: QWidget) -> None:
    QGuiApplication.clipboard().setImage(figure_image(widget))


# ---- tables --------------------------------------------------------------------------------------------
def table_rows(table: QTableWidget) -> list[list[str]]:
    headers = [table.horizontalHeaderItem(c).text() if table.horizontalHeaderItem(c) else f"column {c + 1}"
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
    out = [sum(([h, f"{h} probability" if all(_VALUE.match(r[c]).group(3) for r in body) else f"{h} value"]
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
        return {"attention weights": attention_rows(panel), "logit lens": logit_lens_rows(panel)}
    return {name: table_rows(table) for name, table in panel.tables().items()}


def attention_rows(panel) -> list[list]:
    trace, matrix = panel.trace, np.asarray(panel.selected_matrix(), dtype=np.float64)
    tokens = list(trace.token_strs)
    scores = panel.showing_scores
    which = "mean of all heads" if panel.average.isChecked() else f"head {panel.head + 1}"
    what = "score" if scores else "weight"
    header = [f"layer {panel.layer + 1}, {which}: {what} (row: query, column: key)", "query position", "query token"]
    header += [f"key {j}: {t}" for j, t in enumerate(tokens)]
    rows = [header]
    for i, t in enumerate(tokens):
        values = ["" if not np.isfinite(v) else float(f"{v:.6g}") for v in matrix[i]]
        rows.append(["", i, t] + values)
    return rows


def logit_lens_rows(panel) -> list[list]:
    trace = panel.trace
    labels = panel.info.labels if getattr(panel, "info", None) is not None else None
    ids, probs = trace.lens_top_ids[:, -1], trace.lens_top_probs[:, -1]  # [L, K] at the last position
    rows = [["layer", "rank", "token id", "token", "probability"]]
    for layer in range(ids.shape[0]):
        for rank in range(ids.shape[1]):
            tid = int(ids[layer, rank])
            rows.append([layer + 1, rank + 1, tid, labels[tid] if labels and tid < len(labels) else str(tid),
                         float(f"{float(probs[layer, rank]):.6g}")])
    return rows


def write_rows(rows: list[list], path: str | Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def save_tables(tables: dict[str, list[list]], path: str | Path) -> list[str]:
    """The first table to `path`, each other one beside it as `<stem>-<name>.csv`. Returns the paths written."""
    path = Path(path)
    written = []
    for i, (name, rows) in enumerate(tables.items()):
        target = path if i == 0 else path.with_name(f"{path.stem}-{name.replace(' ', '-')}{path.suffix or '.csv'}")
        write_rows(rows, target)
        written.append(str(target))
    return written


def save_csv(table: QTableWidget, path: str | Path) -> None:
    write_rows(table_rows(table), path)


def save_trace(trace, path: str | Path) -> None:
    np.savez_compressed(str(path), **trace.to_npz_dict())


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
        path = ask_save_path(widget, f"Save {name} as {fmt.upper()}", f"{name.replace(' ', '-')}.{fmt}", f"*.{fmt}",
                             settings if settings is not None else getattr(widget.window(), "settings", None))
        if path:
            caption = figure_caption(widget)
            title = f"{caption[0]} · {name}"
            save_svg(widget, path, title) if fmt == "svg" else save_png(widget, path, title)
            if on_saved:
                on_saved(path)

    def show_menu(pos) -> None:
        menu = QMenu(widget)
        menu.addAction(f"Save {name} as PNG…", lambda: ask_and_save("png"))
        menu.addAction(f"Save {name} as SVG…", lambda: ask_and_save("svg"))
        menu.addAction("Copy image", lambda: copy_image(widget))
        menu.exec(widget.cursor().pos())

    for target in [widget, *widget.findChildren(QGraphicsView)]:
        target.setContextMenuPolicy(Qt.CustomContextMenu)
        target.customContextMenuRequested.connect(show_menu)
