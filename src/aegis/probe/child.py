"""Starts the probe for one toolkit: launch.py (Qt), tk_launch.py and pygame_launch.py all come here.

    python launch.py|tk_launch.py|pygame_launch.py REPORT SHOTS APP TIMEOUT SETTLE [OPTIONS_JSON]

Same report, exception hooks, watchdog and `__main__` run for all; only the session that hooks the
toolkit's event loop differs. Runs inside the app's child process; never imported by the AEGIS core.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

from aegis.probe.launch import DEFAULTS, Report, Watchdog, install_hooks, run_app


def start(session_module: str) -> None:
    """Runs the app under the probe; `session_module` has `install`, the counterpart of qt_session.install_qt."""
    report_path, shots, app = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]).resolve()
    timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 20.0
    settle = float(sys.argv[5]) if len(sys.argv) > 5 else 0.3
    options = {**DEFAULTS, **(json.loads(sys.argv[6]) if len(sys.argv) > 6 else {})}
    shots.mkdir(parents=True, exist_ok=True)
    report = Report(report_path)
    report.emit("start", pid=os.getpid())
    install_hooks(report)
    watchdog = Watchdog(report, report.started + timeout, float(options["hang_seconds"]))
    watchdog.start()
    try:
        install = importlib.import_module(session_module).install
    except ImportError as exc:  # the toolkit is missing here: the app's own import will say so
        report.emit("note", message=f"{session_module} unavailable: {exc}")
    else:
        install(report, watchdog, shots, settle=settle, deadline=report.started + timeout, options=options)
    run_app(report, app)
