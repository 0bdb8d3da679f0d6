"""Export what is on screen: PNG, SVG (through QSvgGenerator), clipboard, CSV tables, trace .npz."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QTableWidget, QWidget


def save_png(widget: QWidget, path: str | Path) -> bool:
    return widget.grab().save(str(path), "PNG")


def save_svg(widget: QWidget, path: str | Path, title: str = "LM Anatomy") -> None:
    """Render a widget (plots included) as vector SVG. pyqtgraph's own SVG exporter fails on Qt 6."""
    size = widget.size()
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(QSize(size.width(), size.height()))
    gen.setViewBox(QRect(0, 0, size.width(), size.height()))
    gen.setTitle(title)
    gen.setDescription("Exported from LM Anatomy")
    painter = QPainter(gen)
    try:
        QWidget.render(widget, painter, QPoint())  # not widget.render: panels define render(trace)
    finally:
        painter.end()


def copy_image(widget: QWidget) -> None:
    QGuiApplication.clipboard().setPixmap(widget.grab())


def table_rows(table: QTableWidget) -> list[list[str]]:
    headers = [table.horizontalHeaderItem(c).text() if table.horizontalHeaderItem(c) else f"column {c + 1}"
               for c in range(table.columnCount())]
    rows = [headers]
    for r in range(table.rowCount()):
        rows.append([(table.item(r, c).text() if table.item(r, c) else "") for c in range(table.columnCount())])
    return rows


def save_csv(table: QTableWidget, path: str | Path) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(table_rows(table))


def save_trace(trace, path: str | Path) -> None:
    np.savez_compressed(str(path), **trace.to_npz_dict())


def install_context_menu(widget: QWidget, name: str, on_saved=None) -> None:
    """Right-click a plot: save it as PNG or SVG, or copy it (pyqtgraph's own export menu is off)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog, QGraphicsView, QMenu

    def ask_and_save(fmt: str) -> None:
        default = str(Path.home() / f"{name.replace(' ', '-')}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(widget, f"Save {name} as {fmt.upper()}", default, f"*.{fmt}")
        if path:
            save_svg(widget, path, name) if fmt == "svg" else save_png(widget, path)
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
