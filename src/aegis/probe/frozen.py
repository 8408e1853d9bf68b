"""Starts the probe inside an executable that AEGIS packaged, before the program's own code runs.

    AEGIS_PROBE='{"toolkit": "qt", "report": ..., "shots": ..., "timeout": 20, "settle": 0.3, "options": {}}' ./app

AEGIS's PyInstaller runtime hook calls `start_from_env()`; without AEGIS_PROBE in the environment it does
nothing, so a user's run is untouched. With it, the same report, exception hooks, watchdog and toolkit
session as launch.py are installed, and then PyInstaller's bootloader runs the frozen program as usual:
what gets checked is the executable as shipped, not the source. Only AEGIS's package check sets AEGIS_PROBE.
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any

from aegis.probe.launch import DEFAULTS, Report, Watchdog, install_hooks

ENV_VAR = "AEGIS_PROBE"
SESSIONS = {
    "qt": ("aegis.probe.qt.session", "install_qt"),
    "tk": ("aegis.probe.tk.session", "install"),
    "pygame": ("aegis.probe.pygame.session", "install"),
}


def start_from_env() -> None:
    raw = os.environ.pop(ENV_VAR, "")  # popped: programs the app starts are not probed
    if raw:
        start(json.loads(raw))


def start(spec: dict[str, Any]) -> None:
    shots, timeout, settle = Path(spec["shots"]), float(spec["timeout"]), float(spec["settle"])
    options = {**DEFAULTS, **spec.get("options", {})}
    shots.mkdir(parents=True, exist_ok=True)
    report = Report(Path(spec["report"]))
    report.emit("start", pid=os.getpid(), frozen=True)
    install_hooks(report)
    watchdog = Watchdog(report, report.started + timeout, float(options["hang_seconds"]))
    watchdog.start()
    module, function = SESSIONS[spec.get("toolkit", "qt")]
    install = getattr(importlib.import_module(module), function)
    install(report, watchdog, shots, settle=settle, deadline=report.started + timeout, options=options)
