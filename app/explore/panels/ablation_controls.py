"""The Attention stage's intervention controls, above and below the layers x heads grid.

Above: what a click on the grid does (look at the head, the default, or switch it off and on: a teacher
who only wants to look never switches a head off by accident) and "Which heads matter here?" with its
progress and Stop. Below: one switch per block's MLP, Clear, and the scan's colour bar. The controls
tell the ExplorerSession what the user asked for and draw what it reports; they compute nothing.
"""
from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.i18n import tr

from ...common.textutil import visible
from .ablation_grid import DropLegend
from .base import note

MLP_COLUMNS = 6  # MLP switches per row (GPT-2's 12 layers take two rows)


class AblationControls(QWidget):
    def __init__(self, mosaic, appearance, parent=None):
        super().__init__(parent)
        self.mosaic, self.appearance, self.session = mosaic, appearance, None
        self.labels: list[str] = []
        self.look = QRadioButton(tr("look at it"))
        self.switch = QRadioButton(tr("switch it off or on"))
        self.switch.setToolTip(tr("A switched-off head adds nothing to the residual stream: its output is "
                                       "zeroed before W_O. Every stage then shows the changed model."))
        self.look.setChecked(True)
        self.modes = QButtonGroup(self)
        for button in (self.look, self.switch):
            self.modes.addButton(button)
        self.switch.toggled.connect(self._mode_changed)
        self.scan_button = QPushButton(tr("Which heads matter here?"))
        self.scan_button.setToolTip(tr("Switch each head off in turn and colour it by how much the top "
                                            "next token's probability falls"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.stop_button = QPushButton(tr("Stop"))
        self.above = QWidget()
        row = QHBoxLayout(self.above)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Click a head to:")))
        row.addWidget(self.look)
        row.addWidget(self.switch)
        row.addStretch(1)
        self.show_scan_box = QCheckBox(tr("colour the grid by it"))
        self.show_scan_box.toggled.connect(self._show_or_hide_scan)
        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.progress, 1)
        scan_row.addWidget(self.stop_button)
        scan_row.addWidget(self.show_scan_box)
        self.clear_button = QPushButton(tr("Clear switched-off parts"))  # shown while any part is off
        scan_row.addWidget(self.clear_button)
        scan_row.addStretch(0)

        self.mlp_checks: list[QCheckBox] = []
        self.mlp_grid = QGridLayout()
        self.mlp_grid.setContentsMargins(0, 0, 0, 0)
        self.legend = DropLegend(appearance)
        self.scan_note = note("", appearance)
        self.below = QWidget()
        bv = QVBoxLayout(self.below)
        bv.setContentsMargins(0, 0, 0, 0)
        self.mlp_row = QWidget()  # shown while switching, or while any part is off
        mlps = QHBoxLayout(self.mlp_row)
        mlps.setContentsMargins(0, 0, 0, 0)
        mlps.addWidget(QLabel(tr("MLP on in layer:")))
        mlps.addLayout(self.mlp_grid)
        mlps.addStretch(1)
        bv.addWidget(self.mlp_row)
        bv.addLayout(scan_row)
        bv.addWidget(self.legend)
        bv.addWidget(self.scan_note)
        self.scan = None
        self.show_running(False)
        self.show_scan(None)
        self.clear_button.hide()
        self.mlp_row.hide()

    def attach(self, session) -> None:
        """Send what the user asks to the session and draw what it reports."""
        self.session = s = session
        self.mosaic.head_toggled.connect(s.toggle_head)
        self.scan_button.clicked.connect(s.scan_heads)
        self.stop_button.clicked.connect(s.stop_scan)
        self.clear_button.clicked.connect(s.clear_ablation)
        s.ablation_changed.connect(self.show_ablation)
        s.scan_running.connect(self.show_running)
        s.scan_progress.connect(self.show_progress)
        s.scan_ready.connect(self.show_scan)
        self.scan_button.setEnabled(True)

    def set_model(self, n_layer: int, labels: list[str]) -> None:
        """One MLP switch per block (rebuilt when the number of layers changes)."""
        self.labels = labels
        if len(self.mlp_checks) == n_layer:
            return
        for box in self.mlp_checks:
            self.mlp_grid.removeWidget(box)
            box.deleteLater()
        self.mlp_checks = []
        for layer in range(n_layer):
            box = QCheckBox(str(layer + 1))
            box.setChecked(True)
            box.setToolTip(tr("Untick to switch off the MLP of layer {0}: it then adds nothing to the "
                                   "residual stream").format(layer + 1))
            box.toggled.connect(lambda _on, lay=layer: self.session and self.session.toggle_mlp(lay))
            self.mlp_grid.addWidget(box, layer // MLP_COLUMNS, layer % MLP_COLUMNS)
            self.mlp_checks.append(box)
        if self.session is not None:
            self.show_ablation(self.session.ablation)

    def _mode_changed(self, switching: bool) -> None:
        self.mosaic.switching = switching
        self.mlp_row.setVisible(switching or bool(self.session and self.session.ablation))

    # ---- what the session reports ---------------------------------------------------------
    def show_ablation(self, ablation) -> None:
        self.mosaic.show_ablation(ablation.heads)
        for layer, box in enumerate(self.mlp_checks):
            box.blockSignals(True)  # showing the state, not changing it
            box.setChecked(not ablation.mlp_off(layer))
            box.blockSignals(False)
        self.clear_button.setVisible(bool(ablation))
        self.mlp_row.setVisible(self.switch.isChecked() or bool(ablation))

    def show_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.stop_button.setVisible(running)
        self.scan_button.setEnabled(not running and self.session is not None)
        if running:
            self.progress.setRange(0, 0)  # busy until the first batch reports

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def show_scan(self, scan) -> None:
        """A HeadScan colours the grid (and shows the colour bar); None puts the attention patterns back."""
        self.scan = scan
        self.show_scan_box.setVisible(scan is not None)
        self.show_scan_box.blockSignals(True)
        self.show_scan_box.setChecked(scan is not None)
        self.show_scan_box.blockSignals(False)
        self._show_or_hide_scan(scan is not None)

    def _show_or_hide_scan(self, on: bool) -> None:
        scan = self.scan if on else None
        self.legend.setVisible(scan is not None)
        self.scan_note.setVisible(scan is not None)
        if scan is None:
            self.mosaic.show_importance(None)
            return
        half = scan.colour_range()
        self.mosaic.show_importance(scan.percentage_points(), half)
        self.legend.set_range(half)
        label = self.labels[scan.top_id] if scan.top_id < len(self.labels) else f"#{scan.top_id}"
        text = tr("Top next token “{0}” ({1:.1f}%): what it loses with each head off.").format(
            visible(label, 16), scan.top_prob * 100)
        self.scan_note.setToolTip(tr("Each tile: the percentage points the top token's probability falls when "
                                          "that head is switched off too. Yellow: the prediction leans on the head; "
                                          "blue: the head was arguing against it."))
        if not scan.complete:
            reached = int(np.isfinite(scan.drops).any(axis=1).sum())
            text += " " + tr("Stopped after {0} of {1} layers.").format(reached, scan.drops.shape[0])
        self.scan_note.setText(text)
