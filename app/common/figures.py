"""Figures of what is on screen, fit for a paper or a slide: PNG at 2x and SVG (through QSvgGenerator:
pyqtgraph 0.14's own SVG exporter fails on Qt 6), with a title and the prompt above the plots, or on
the clipboard.

A stage's figure holds its plots only (Panel.plots() that are on screen, where they are on screen):
no drop-downs, check boxes or tab bars. A stage without plots is drawn whole.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from app.i18n import tr

SCALE = 2  # PNG pixels per screen pixel
PAD = 16  # around the figure, in screen pixels


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
        session = getattr(window, "session", None)  # the explorer's: parts of its model may be switched off
        if session is not None and panel is not window and session.trace is not None and \
                getattr(panel, "trace", None) is session.trace:  # a stage's figure (not a training tab's)
            title = " · ".join(filter(None, (title, session.ablation_note())))  # never taken for the whole model's
    if prompt is None:
        prompt = ""
        trace = getattr(panel, "trace", None)
        if trace is not None and getattr(trace, "text", None):
            prompt = trace.text
        elif callable(getattr(window, "prompt_text", None)):
            prompt = window.prompt_text()
    return title or tr("LM Anatomy"), prompt


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
    gen.setDescription(prompt or tr("Exported from LM Anatomy"))
    painter = QPainter(gen)
    try:
        fig.paint(painter, *_colours(widget))
    finally:
        painter.end()


def copy_image(widget: QWidget) -> None:
    QGuiApplication.clipboard().setImage(figure_image(widget))


# ---- tables --------------------------------------------------------------------------------------------
