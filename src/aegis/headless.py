"""The headless check: run the app offscreen under the probe and turn what it reports into a Verdict.

Fails on an uncaught exception (at start-up or from a timer), a crash, an early exit, no window, or a
start-up that never finishes. The GUI explorer (issue #4) replaces this class behind the same Check seam.
"""

from __future__ import annotations

import json
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any

from aegis.config import CheckConfig
from aegis.diagnose import exception_problem, library_problem_from_text
from aegis.errors import CheckError
from aegis.protocols import Runner
from aegis.schema import ExecResult, Problem, Verdict, WindowInfo

PROBE_FRAME = str(Path("aegis", "probe", "launch.py"))
"""How the probe's own frames show in a fault report; they are dropped so only the program's remain."""
MARGIN_SECONDS = 10.0
"""Extra time the runner allows beyond the probe's own deadline (Python and Qt start-up)."""


class HeadlessCheck:
    def __init__(self, runner: Runner, config: CheckConfig, *, python: str = sys.executable) -> None:
        self.runner = runner
        self.config = config
        self.python = python

    def check(self, app: Path, out_dir: Path) -> Verdict:
        app, out_dir = app.resolve(), out_dir.resolve()
        out_dir.mkdir(parents=True, exist_ok=True)
        report = out_dir / "probe.jsonl"
        report.unlink(missing_ok=True)
        with tempfile.TemporaryDirectory(prefix="aegis-home-") as home:
            result = self.runner.run(
                self._argv(app, report, out_dir / "screenshots"),
                cwd=app.parent,
                timeout=self.config.timeout + MARGIN_SECONDS,
                env={
                    "QT_QPA_PLATFORM": "offscreen",
                    "HOME": home,
                    "XDG_RUNTIME_DIR": home,
                    "PYTHONUNBUFFERED": "1",
                    "PYTHONDONTWRITEBYTECODE": "1",
                },
            )
        (out_dir / "stdout.txt").write_text(result.stdout, encoding="utf-8")
        (out_dir / "stderr.txt").write_text(result.stderr, encoding="utf-8")
        records = read_report(report)
        if not records and result.signal is None:
            raise CheckError(f"the check's probe did not start: {result.stderr.strip()[-300:]}")
        return judge(records, result, app, isolation=self.runner.isolation)

    def _argv(self, app: Path, report: Path, shots: Path) -> list[str]:
        probe = resources.files("aegis.probe").joinpath("launch.py")
        return [
            self.python,
            str(probe),
            str(report),
            str(shots),
            str(app.resolve()),
            str(self.config.timeout),
            str(self.config.settle),
        ]


def read_report(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    records = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut short by a crash
    return records


def judge(records: list[dict[str, Any]], result: ExecResult, app: Path, *, isolation: str) -> Verdict:
    kinds = {r["kind"] for r in records}
    problems = [exception_problem(r, app) for r in records if r["kind"] == "exception"]
    problems += _ending_problems(kinds, records, result)
    library = library_problem_from_text(result.stderr)
    if library and not any(p.kind == "missing_library" for p in problems):
        problems.insert(0, library)
    windows = [_window(w) for r in records if r["kind"] == "windows" for w in r["windows"]]
    shots = [w["screenshot"] for r in records if r["kind"] == "windows" for w in r["windows"] if "screenshot" in w]
    failed = any(p.severity == "fail" for p in problems)
    return Verdict(
        status="fail" if failed else "pass",
        problems=problems,
        windows=windows,
        screenshots=shots,
        timings={"total": round(result.seconds, 3), **_timing(records, "window_shown", "start_up")},
        isolation=isolation,
    )


def _ending_problems(kinds: set[str], records: list[dict[str, Any]], result: ExecResult) -> list[Problem]:
    if "windows" in kinds:
        return []
    if "no_window" in kinds:
        return [Problem(kind="no_window", message="the event loop ran but no window was ever shown")]
    if result.signal is not None and not result.timed_out:
        return [
            Problem(
                kind="crash",
                message=f"the program was killed by signal {result.signal}",
                traceback=_fault_dump(result.stderr),
            )
        ]
    if result.timed_out:
        where = "after starting its event loop" if "event_loop" in kinds else "before starting its event loop"
        return [Problem(kind="timeout", message=f"the program hung {where} (no window within the time limit)")]
    if "exception" in kinds:
        return []  # the exception already explains the exit
    return [_early_exit(kinds, records, result)]


def _early_exit(kinds: set[str], records: list[dict[str, Any]], result: ExecResult) -> Problem:
    code = next((r.get("code") for r in records if r["kind"] == "exit"), result.returncode)
    if "event_loop" in kinds:
        message = (
            f"the program quit (code {code}) just after starting its event loop, before its window stayed open; "
            "look for a quit(), exit() or close() that runs at start-up"
        )
    else:
        message = (
            f"the program exited (code {code}) without running its event loop; "
            "create a QApplication, show the main window and call app.exec()"
        )
    return Problem(kind="early_exit", message=message)


def _fault_dump(stderr: str) -> str:
    """Python's fault report, without the frames of the probe that ran the program."""
    start = stderr.find("Fatal Python error")
    dump = stderr[start:] if start >= 0 else stderr[-2000:]
    lines = [line for line in dump.splitlines() if "<frozen runpy>" not in line and PROBE_FRAME not in line]
    return "\n".join(lines)[:2000]


def _window(raw: dict[str, Any]) -> WindowInfo:
    return WindowInfo(
        title=raw["title"], cls=raw["cls"], width=raw["width"], height=raw["height"], widgets=raw["widgets"]
    )


def _timing(records: list[dict[str, Any]], kind: str, label: str) -> dict[str, float]:
    times = [float(r["t"]) for r in records if r["kind"] == kind]
    return {label: times[0]} if times else {}
