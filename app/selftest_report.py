"""The self-test's report, and the small helpers its checks use (waiting, requiring, "painted something")."""
from __future__ import annotations

import platform
import sys
import time
from dataclasses import dataclass, field


class StageFailed(Exception):
    """A check's own explanation of what it saw; no traceback in the report."""


@dataclass
class Outcome:
    stage: str
    ok: bool
    seconds: float
    detail: str = ""


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def failed(self) -> Outcome | None:
        return next((o for o in self.outcomes if not o.ok), None)

    def text(self) -> str:
        from . import __version__

        lines = [f"LM Anatomy {__version__} self-test, {time.strftime('%Y-%m-%d %H:%M:%S')}",
                 f"Python {platform.python_version()} on {platform.platform()}"
                 f"{' (bundled)' if getattr(sys, 'frozen', False) else ''}", ""]
        for o in self.outcomes:
            lines.append(f"{'PASS' if o.ok else 'FAIL'}  {o.stage:<11} {o.seconds:6.2f} s  {o.detail}".rstrip())
        failed = self.failed
        lines += ["", f"FAILED at stage '{failed.stage}'" if failed else
                  f"All {len(self.outcomes)} stages passed."]
        return "\n".join(lines) + "\n"


def wait_until(app, predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise StageFailed(f"timed out after {timeout:g} s waiting for {what}")
        app.processEvents()
        time.sleep(0.005)


def require(condition: bool, message: str) -> None:
    if not condition:
        raise StageFailed(message)


def image_varies(widget) -> bool:
    """The widget painted something: its grab has more than one colour."""
    image = widget.grab().toImage()
    if image.isNull() or image.width() < 10 or image.height() < 10:
        return False
    first = image.pixel(0, 0)
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    return any(image.pixel(x, y) != first for x in range(0, image.width(), step_x)
               for y in range(0, image.height(), step_y))
