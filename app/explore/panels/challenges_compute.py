"""Challenges ▸ Compute: what the open model cost to train, the same arithmetic (6·N·D) for any size with
two log-scale sliders, and published models beside it, each with its source (model.compute)."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr, translated
from model import compute
from model.config import ModelConfig

from .base import heading, note
from .challenges_parts import LogSlider, fill, fit_rows, table
from .challenges_rows import comparison_rows, model_rows, say_duration, say_short

N_RANGE, D_RANGE = (4.0, 12.5), (4.0, 13.5)  # log10 of the sliders' ends: 10k..3T parameters, 10k..30T tokens


def height_of(t, rows: int, bar: bool) -> int:
    """A table's height with its header and `rows` rows in view, and room for a horizontal scroll bar if `bar`
    (the published table's eight columns are wider than a small window)."""
    bar_height = t.horizontalScrollBar().sizeHint().height() if bar else 0
    return t.horizontalHeader().sizeHint().height() + rows * t.verticalHeader().defaultSectionSize() + \
        2 * t.frameWidth() + bar_height


class ComputeView(QWidget):
    def __init__(self, appearance, parent=None):
        super().__init__(parent)
        self.appearance, self.info, self.jobs = appearance, None, None
        self.config: ModelConfig | None = None
        self.speed: compute.MachineSpeed | None = None
        self.model_table = table([tr("quantity"), tr("value"), tr("how it is worked out")])
        self.n_slider = LogSlider(tr("N parameters"), "", *N_RANGE, self._what_if)
        self.d_slider = LogSlider(tr("D tokens"), tr("tokens"), *D_RANGE, self._what_if)
        self.watts = QDoubleSpinBox(decimals=0, minimum=1, maximum=100000, value=compute.LAPTOP_WATTS, suffix=" W")
        self.watts.setToolTip(tr("An assumption, not a measurement: 15 W is a typical laptop CPU's sustained power"))
        self.watts.valueChanged.connect(self._refresh)
        self.measure_button = QPushButton(tr("Measure this machine"))
        self.measure_button.setToolTip(tr("Time a few forward + backward passes of the open model here"))
        self.measure_button.clicked.connect(self.measure)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.RichText)
        self.speed_note = note("", appearance)
        self.published = table([tr("model"), tr("parameters"), tr("training tokens"), "6·N·D", tr("published FLOPs"),
                                tr("time at that speed"), tr("energy"), tr("source")])
        self.published.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.published.cellClicked.connect(self._row_clicked)
        self.footnote = note("", appearance)

        controls = QGridLayout()  # name, slider, value: the two sliders share the columns
        self.n_slider.place(controls, 0)
        self.d_slider.place(controls, 1)
        power = QHBoxLayout()
        power.addWidget(self.watts)
        power.addWidget(self.measure_button)
        power.addStretch(1)
        controls.addWidget(QLabel(tr("Power")), 2, 0)
        controls.addLayout(power, 2, 1, 1, 2)
        controls.setColumnStretch(1, 1)
        what_if = QHBoxLayout()
        what_if.addLayout(controls, 3)
        what_if.addWidget(self.result, 2)
        self.headings = [heading(tr("This model"), appearance), heading(tr("What if: 6·N·D"), appearance),
                         heading(tr("Published models (click a row to put it on the sliders)"), appearance)]
        layout = QVBoxLayout(self)
        layout.addWidget(self.headings[0])
        layout.addWidget(self.model_table, 3)
        layout.addWidget(self.headings[1])
        layout.addLayout(what_if)
        layout.addWidget(self.speed_note)
        layout.addWidget(self.headings[2])
        layout.addWidget(self.published, 2)
        layout.addWidget(self.footnote)

    def set_jobs(self, jobs) -> None:
        self.jobs = jobs
        jobs.finished.connect(lambda kind, speed: self._measured(speed) if kind == "measure" else None)
        jobs.failed.connect(lambda kind, why: self._measure_failed(why) if kind == "measure" else None)

    def set_model(self, info) -> None:
        self.info = info
        self.config = ModelConfig.from_dict({k: v for k, v in info.config.items() if k != "d_head"})
        n = compute.count_parameters(self.config)["total"]
        self.speed = compute.speed_from_training(info.training, n)
        trained = compute.trained_total(info.training, "tokens_seen")
        self.n_slider.set_value(n)
        self.d_slider.set_value(float(trained) if trained else 1e6)
        self._refresh()

    # ---- measuring this machine --------------------------------------------------------------------
    def measure(self) -> None:
        if self.jobs is None or self.info is None:
            return
        self.measure_button.setEnabled(False)
        self.speed_note.setText(tr("Measuring: a few forward + backward passes of the open model…"))
        self.jobs.submit("measure", lambda loaded: compute.measure_speed(loaded.model))

    def _measured(self, speed) -> None:
        self.measure_button.setEnabled(True)
        self.speed = speed
        self._refresh()

    def _measure_failed(self, why: str) -> None:
        self.measure_button.setEnabled(True)
        self.speed_note.setText(tr("Could not measure this machine: {0}").format(why))

    # ---- the numbers ---------------------------------------------------------------------------------
    def _refresh(self) -> None:
        if self.config is None:
            return
        fill(self.model_table, model_rows(self.info, self.config, self.speed))
        fill(self.published, *comparison_rows(self.info, self.config, self.speed, self.watts.value()))
        self._fit_tables()
        self.footnote.setText(tr(
            "6·N·D: Kaplan et al. 2020, section 2.1. GPT-3's training used about {0:,} MWh (Patterson et al. 2021). "
            "The wattage is an assumption.").format(compute.GPT3_ENERGY_KWH // 1000))
        self._what_if()

    def _what_if(self) -> None:
        if self.config is None:
            return
        n, d = self.n_slider.value(), self.d_slider.value()
        flops = compute.training_flops(n, d)
        text = tr("6 × {0} × {1} = <b>{2}</b>").format(say_short(n), say_short(d), compute.flops_text(flops))
        if self.speed is None:
            text += tr("<br>This model's folder does not say how fast it trained: press Measure this machine.")
            self.speed_note.setText("")
        else:
            seconds = compute.seconds_for(flops, self.speed)
            where = tr("On this machine") if self.speed.here else tr("At the speed it trained")
            text += tr("<br>{0}: <b>{1}</b><br>Energy at {2:.0f} W: <b>{3}</b>").format(
                where, say_duration(seconds), self.watts.value(),
                compute.energy_text(compute.energy_kwh(seconds, self.watts.value())))
            self.speed_note.setText(tr("Speed: {0} ({1}; 6·N × tokens/s).").format(
                compute.rate_text(self.speed.flops_per_second), translated(self.speed.source)))
        self.result.setText(text)

    def _row_clicked(self, row: int, _column: int) -> None:
        if row == 0:  # the open model
            self.set_model(self.info)
            return
        model = compute.PUBLISHED[row - 1]
        self.n_slider.set_value(model.params)
        if model.tokens:
            self.d_slider.set_value(model.tokens)

    def minimumSizeHint(self) -> QSize:
        # The wrapped texts (the what-if result, the notes) need more lines as the page narrows, and the layout
        # gives them those lines before the tables' minimums: a minimum height that ignored them let the
        # stage's scroll area make the page shorter than that, and the "What if" heading was drawn over the
        # model table's last row. This minimum is at the page's own width, so the stage scrolls instead.
        size = super().minimumSizeHint()
        layout = self.layout()
        return QSize(size.width(), max(size.height(), layout.minimumHeightForWidth(self.width())))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the minimum above follows the width

    def tables(self) -> dict:
        return {"this model": self.model_table, "published models": self.published}

    def apply_appearance(self) -> None:
        for s in (self.n_slider, self.d_slider):
            s.fit()
        self.result.setFont(self.appearance.font(1.1))
        for t in (self.model_table, self.published):
            fit_rows(t, self.appearance)
        self._refresh()

    def _fit_tables(self) -> None:
        """Three rows of the model's table and two of the published ones in view at least (below that the stage
        scrolls); the published table no taller than its rows, so the room left goes to the model's."""
        self.model_table.setMinimumHeight(height_of(self.model_table, 3, False))
        self.published.setMinimumHeight(height_of(self.published, 2, True))
        self.published.setMaximumHeight(height_of(self.published, self.published.rowCount(), True))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:  # F5: measured again once the labels and headers have the new font
            QTimer.singleShot(0, self, self._fit_to_font)

    def _fit_to_font(self) -> None:
        for s in (self.n_slider, self.d_slider):
            s.fit()  # the value column had kept its presentation width after F5 off: short sliders
        self._fit_tables()
