"""Theme, presentation mode, zoom and colour maps, shared by every panel.

Panels connect to `Appearance.changed` and restyle themselves; nothing is rebuilt.
Colour maps are colour-blind safe: viridis / cividis for magnitudes, CET-CBD1 (blue through
grey to gold, made for colour-vision deficiency) for signed values, Okabe-Ito for categories.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

SEQUENTIAL_MAPS = ("viridis", "cividis")
DIVERGING_MAP = "CET-CBD1"
PRESENTATION_SCALE = 1.6
BASE_POINT_SIZE = 10.0
# View > Text size: a factor on every font, the plots' titles, axis labels and tick text included (and on
# the room kept for text), apart from zoom (which also thickens lines) and presentation mode.
TEXT_SIZES = {"smaller": 0.85, "normal": 1.0, "larger": 1.25, "largest": 1.5}
# Okabe & Ito's palette, distinguishable with every common colour-vision deficiency.
OKABE_ITO = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]
CATEGORY_COUNT = 7  # token chips cycle through the first seven (the grey is left out)

THEMES = {
    "light": dict(bg="#ffffff", fg="#1b1b1f", muted="#6b6b76", panel="#f4f4f6", accent="#0072B2",
                  cut="#b0b0b8", grid="#d0d0d6", generated="#D55E00"),
    "dark": dict(bg="#17171c", fg="#ececf1", muted="#a0a0ab", panel="#23232a", accent="#56B4E9",
                 cut="#5c5c66", grid="#3a3a44", generated="#E69F00"),
}


class Appearance(QObject):
    changed = Signal()

    def __init__(self, theme: str = "light", presentation: bool = False, zoom: float = 1.0,
                 colormap: str = "viridis", text_size: str = "normal", parent=None):
        super().__init__(parent)
        self.theme = theme if theme in THEMES else "light"
        self.presentation = presentation
        self.zoom = zoom
        self.colormap = colormap if colormap in SEQUENTIAL_MAPS else "viridis"
        self.text_size = text_size if text_size in TEXT_SIZES else "normal"

    # ---- derived values ------------------------------------------------------------------
    @property
    def scale(self) -> float:
        return self.zoom * TEXT_SIZES.get(self.text_size, 1.0) * (PRESENTATION_SCALE if self.presentation else 1.0)

    @property
    def point_size(self) -> float:
        return BASE_POINT_SIZE * self.scale

    @property
    def line_width(self) -> float:
        return (3.0 if self.presentation else 1.5) * self.zoom

    def color(self, name: str) -> QColor:
        return QColor(THEMES[self.theme][name])

    def hex(self, name: str) -> str:
        return THEMES[self.theme][name]

    def font(self, relative: float = 1.0, bold: bool = False, mono: bool = False) -> QFont:
        f = QFont("DejaVu Sans Mono" if mono else QApplication.font().family())
        f.setPointSizeF(max(6.0, self.point_size * relative))
        f.setBold(bold)
        return f

    def category(self, i: int, alpha: float = 0.35) -> QColor:
        """A light (or dark-theme) tint of the i-th Okabe-Ito colour, for token chips."""
        base = QColor(OKABE_ITO[i % CATEGORY_COUNT])  # skip the grey
        bg = self.color("bg")
        mix = lambda a, b: int(a * alpha + b * (1 - alpha))  # noqa: E731
        return QColor(mix(base.red(), bg.red()), mix(base.green(), bg.green()), mix(base.blue(), bg.blue()))

    def sequential(self):
        import pyqtgraph as pg

        return pg.colormap.get(self.colormap)

    def diverging(self):
        import pyqtgraph as pg

        return pg.colormap.get(DIVERGING_MAP)

    # ---- changes -------------------------------------------------------------------------
    def update(self, **changes) -> None:
        for key, value in changes.items():
            setattr(self, key, value)
        self.apply_to_app()
        self.changed.emit()

    def apply_to_app(self) -> None:
        app = QApplication.instance()
        if app is None:
            return
        font = app.font()
        font.setPointSizeF(self.point_size)
        app.setFont(font)
        pal = QPalette()
        t = THEMES[self.theme]
        pal.setColor(QPalette.Window, QColor(t["panel"]))
        pal.setColor(QPalette.WindowText, QColor(t["fg"]))
        pal.setColor(QPalette.Base, QColor(t["bg"]))
        pal.setColor(QPalette.AlternateBase, QColor(t["panel"]))
        pal.setColor(QPalette.Text, QColor(t["fg"]))
        pal.setColor(QPalette.Button, QColor(t["panel"]))
        pal.setColor(QPalette.ButtonText, QColor(t["fg"]))
        pal.setColor(QPalette.ToolTipBase, QColor(t["bg"]))
        pal.setColor(QPalette.ToolTipText, QColor(t["fg"]))
        pal.setColor(QPalette.Highlight, QColor(t["accent"]))
        pal.setColor(QPalette.HighlightedText, QColor("#ffffff"))
        pal.setColor(QPalette.PlaceholderText, QColor(t["muted"]))
        for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):  # disabled controls look disabled
            pal.setColor(QPalette.Disabled, role, QColor(t["cut"]))
        app.setPalette(pal)
        # The style draws a check box's or radio button's outline a shade darker than the window colour:
        # on the dark theme's panel it vanished ("average over heads" could not be seen). Their own
        # palette gives them a light window colour, so the outline shows. (A palette, not an application
        # style sheet: removing one re-styles every widget, and a test run crashed soon after.)
        marks = QPalette(pal)
        if self.theme == "dark":
            marks.setColor(QPalette.Window, QColor(t["muted"]))
        for cls in ("QCheckBox", "QRadioButton"):
            app.setPalette(marks, cls)
