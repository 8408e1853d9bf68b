"""Starts the probe for one toolkit: launch.py and frozen.py come here.

    python launch.py TOOLKIT REPORT SHOTS APP TIMEOUT SETTLE [OPTIONS_JSON]

Same report, exception hooks, watchdog and `__main__` run for all; only the session that hooks the
toolkit's event loop differs. Runs inside the app's child process; never imported by the AEGIS core.
"""

from __future__ import annotations

import importlib
import os
import sys

from aegis.probe.common import Setup
from aegis.probe.options import SESSIONS, ProbeArgs
from aegis.probe.records import Note, Start
from aegis.probe.runtime import Report, Watchdog, install_hooks, run_app


def start() -> None:
    """Runs the app under the probe, as the launcher script's arguments say."""
    args, app = ProbeArgs.from_argv(sys.argv[1:])
    report = begin(args)
    run_app(report, app)


def begin(args: ProbeArgs, *, frozen: bool | None = None) -> Report:
    """The report, hooks, watchdog and toolkit session, installed before the app's first line runs."""
    args.shots.mkdir(parents=True, exist_ok=True)
    report = _open_report(args)
    report.emit(Start(pid=os.getpid(), frozen=frozen))
    install_hooks(report)
    deadline = report.started + args.timeout
    watchdog = Watchdog(report, deadline, args.options.hang_seconds)
    watchdog.start()
    module = SESSIONS[args.toolkit]
    try:
        install = importlib.import_module(module).install
    except ImportError as exc:  # the toolkit is missing here: the app's own import will say so
        report.emit(Note(message=f"{module} unavailable: {exc}"))
    else:
        install(Setup(report, watchdog, args.shots, args.settle, deadline, args.options))
    return report


def _open_report(args: ProbeArgs) -> Report:
    if args.report_fd is not None:
        return Report.to_fd(args.report_fd, args.key_fd)
    if args.report is None:
        raise SystemExit("aegis probe: no report given")
    return Report.to_path(args.report)
