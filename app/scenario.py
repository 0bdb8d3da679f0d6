"""Scenario files: a teacher's prepared set-up of the window, as plain versioned JSON.

A scenario names the model, the prompt and the tokens generated after it, the stage on screen, the
sampling settings, the selected layer and head, any heads or MLPs switched off, the look (theme,
presentation, zoom, colour map), and which training tabs are hidden and which controls are locked.
`docs/SCENARIOS.md` documents the format. Reading checks every field and says in one sentence what is
wrong with a bad or foreign file; nothing here touches the window (scenario_apply.py does).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.i18n import tr
from model.files import atomic_write_json

from .common.appearance import TEXT_SIZES

FORMAT = "lm-anatomy-scenario"
VERSION = 1
SHIPPED = "shipped"  # the "model" value that means the default model shipped with the app
TABS = ("pretrain", "finetune")  # training tabs a scenario may hide
LOCKABLE = ("model", "device", "prompt", "sampling", "decoding", "stage")
THEMES, COLORMAPS = ("light", "dark"), ("viridis", "cividis")
MAX_PROMPT = 20_000
MAX_GENERATED = 512


class ScenarioError(ValueError):
    """The file is not a scenario this version can open; the message says why, for the user."""


@dataclass
class Scenario:
    model: str = SHIPPED  # "shipped", or a model folder (relative paths are relative to the scenario file)
    prompt: str = ""
    generated: list[int] = field(default_factory=list)  # token ids appended after the prompt, in order
    stage: str = "text"
    temperature: float = 1.0
    top_k: int = 0  # 0: no top-k cut
    top_p: float = 1.0
    layer: int = 0  # the Attention stage's selected layer and head (0-based)
    head: int = 0
    heads_off: list[list[int]] = field(default_factory=list)  # [layer, head] pairs switched off
    mlps_off: list[int] = field(default_factory=list)  # layers whose MLP is switched off
    theme: str = "light"
    presentation: bool = False
    zoom: float = 1.0
    colormap: str = "viridis"
    text_size: str = "normal"  # View > Text size: smaller, normal, larger, largest
    hidden_tabs: list[str] = field(default_factory=list)  # of TABS
    locked: list[str] = field(default_factory=list)  # of LOCKABLE
    title: str = ""  # shown in the title bar and the status line while the scenario is open
    notes: str = ""  # the teacher's instructions, shown when the scenario opens

    def to_json(self) -> dict:
        return {"format": FORMAT, "version": VERSION, **asdict(self)}

    def save(self, path: str | Path) -> None:
        atomic_write_json(path, self.to_json())

    def model_folder(self, scenario_path: str | Path | None) -> str | None:
        """The model folder to open: None for the shipped model; a relative path is read from the
        scenario's own folder, so a scenario and its model can be copied to a USB stick together."""
        if self.model == SHIPPED:
            return None
        folder = Path(self.model).expanduser()
        if not folder.is_absolute() and scenario_path is not None:
            folder = Path(scenario_path).resolve().parent / folder
        return str(folder)


def load(path: str | Path, stages: tuple[str, ...] | list[str]) -> Scenario:
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise ScenarioError(tr("Could not read {0}: {1}").format(path, e.strerror or e)) from None
    if len(raw) > 2_000_000:
        raise ScenarioError(tr("{0} is too large to be a scenario file.").format(Path(path).name))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ScenarioError(tr("{0} is not a scenario: it is not a JSON text file.").format(Path(path).name)) from None
    return from_json(data, stages)


def from_json(data, stages) -> Scenario:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ScenarioError(tr("This file is not an LM Anatomy scenario (it has no \"format\": \"{0}\").")
                            .format(FORMAT))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ScenarioError(tr("This scenario has no valid version number."))
    if version > VERSION:
        raise ScenarioError(tr("This scenario was made by a newer LM Anatomy (format version {0}; this one reads "
                               "up to {1}). Update the app to open it.").format(version, VERSION))
    fields = Scenario.__dataclass_fields__
    unknown = sorted(set(data) - set(fields) - {"format", "version"})
    if unknown:
        raise ScenarioError(tr("This scenario has settings this version does not know: {0}.").format(", ".join(unknown)))
    s = Scenario(**{k: v for k, v in data.items() if k in fields})
    check(s, stages)
    return s


def check(s: Scenario, stages) -> None:
    """Every field of the right type and range, or ScenarioError naming the first that is not."""
    def bad(name: str, what: str):
        raise ScenarioError(tr("The scenario's \"{0}\" must be {1}.").format(name, what))

    def is_int(v) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    def is_num(v) -> bool:
        return (is_int(v) or isinstance(v, float)) and v == v

    for name in ("model", "prompt", "stage", "theme", "colormap", "title", "notes"):
        if not isinstance(getattr(s, name), str):
            bad(name, tr("text"))
    if len(s.prompt) > MAX_PROMPT:
        bad("prompt", tr("at most 20,000 characters"))
    if not (isinstance(s.generated, list) and len(s.generated) <= MAX_GENERATED
            and all(is_int(t) and t >= 0 for t in s.generated)):
        bad("generated", tr("a list of at most 512 token ids (whole numbers from 0)"))
    if s.stage not in stages:
        bad("stage", tr("one of {0}").format(", ".join(stages)))
    if not (is_num(s.temperature) and 0 <= s.temperature <= 2):
        bad("temperature", tr("a number from 0 to 2"))
    if not (is_int(s.top_k) and s.top_k >= 0):
        bad("top_k", tr("a whole number from 0 (0: no cut)"))
    if not (is_num(s.top_p) and 0 < s.top_p <= 1):
        bad("top_p", tr("a number above 0 and at most 1"))
    for name in ("layer", "head"):
        if not (is_int(getattr(s, name)) and getattr(s, name) >= 0):
            bad(name, tr("a whole number from 0"))
    if not (isinstance(s.heads_off, list) and all(isinstance(p, list) and len(p) == 2 and all(is_int(v) and v >= 0
                                                                                           for v in p)
                                                   for p in s.heads_off)):
        bad("heads_off", tr("a list of [layer, head] pairs of whole numbers"))
    if not (isinstance(s.mlps_off, list) and all(is_int(v) and v >= 0 for v in s.mlps_off)):
        bad("mlps_off", tr("a list of layer numbers"))
    if s.theme not in THEMES:
        bad("theme", tr("\"light\" or \"dark\""))
    if s.colormap not in COLORMAPS:
        bad("colormap", tr("\"viridis\" or \"cividis\""))
    if s.text_size not in TEXT_SIZES:
        bad("text_size", tr("one of {0}").format(", ".join(f"\"{k}\"" for k in TEXT_SIZES)))
    if not isinstance(s.presentation, bool):
        bad("presentation", tr("true or false"))
    if not (is_num(s.zoom) and 0.5 <= s.zoom <= 3):
        bad("zoom", tr("a number from 0.5 to 3"))
    if not (isinstance(s.hidden_tabs, list) and set(s.hidden_tabs) <= set(TABS)):
        bad("hidden_tabs", tr("a list of \"pretrain\" and \"finetune\""))
    if not (isinstance(s.locked, list) and set(s.locked) <= set(LOCKABLE)):
        bad("locked", tr("a list of {0}").format(", ".join(f"\"{c}\"" for c in LOCKABLE)))
