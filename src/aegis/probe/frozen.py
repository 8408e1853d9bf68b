"""Starts the probe inside an executable that AEGIS packaged, before the program's own code runs.

    AEGIS_PROBE='{"toolkit": "qt", "report": ..., "shots": ..., "timeout": 20, "settle": 0.3, "options": {}}' ./app

AEGIS's PyInstaller runtime hook calls `start_from_env()`; without AEGIS_PROBE in the environment it does
nothing, so a user's run is untouched. With it, the same report, exception hooks, watchdog and toolkit
session as launch.py are installed (child.begin), and then PyInstaller's bootloader runs the frozen program
as usual: what gets checked is the executable as shipped, not the source. Only AEGIS's package check sets
AEGIS_PROBE (options.ProbeArgs is its value).
"""

from __future__ import annotations

import json
import os

from aegis.probe.child import begin
from aegis.probe.options import PROBE_ENV, ProbeArgs


def start_from_env() -> None:
    raw = os.environ.pop(PROBE_ENV, "")  # popped: programs the app starts are not probed
    if raw:
        begin(ProbeArgs.from_json(json.loads(raw)), frozen=True)
