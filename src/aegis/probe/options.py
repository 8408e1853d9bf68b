"""How AEGIS starts a probe run, typed once for both sides: the probe's arguments and exploration options.

    AEGIS (verdict.headless, package.verify)                        probe (child.py, frozen.py)
    ProbeArgs.to_argv(app) / to_json()  ->  a launcher's argv / AEGIS_PROBE  ->  ProbeArgs.from_argv / from_json

ProbeOptions holds the exploration settings and their defaults (ProbeConfig takes its defaults from it),
SESSIONS each toolkit's session module, AEGIS_OUTPUTS what AEGIS writes beside a checked program. Standard
library only, nothing done at import: AEGIS imports it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SESSIONS: dict[str, str] = {
    "qt": "aegis.probe.qt.session",
    "tk": "aegis.probe.tk.session",
    "pygame": "aegis.probe.pygame.session",
}
"""Each toolkit's probe session: a module with `install(report, watchdog, shots, *, settle, deadline, options)`."""
AEGIS_OUTPUTS = (
    "probe.jsonl",
    "stdout.txt",
    "stderr.txt",
    "verdict.json",
    "requirements.txt",
    "screenshots",
    "acceptance",
)
"""What AEGIS writes in the folder a checked program runs from (a build's attempt folder is both): never the
program's own files, whatever their dates."""
FD_PREFIX = "fd:"
"""A launcher's REPORT argument naming an open descriptor rather than a file."""
PROBE_ENV = "AEGIS_PROBE"
"""Set to a ProbeArgs's JSON, it wakes the probe packaged inside an executable (frozen.py)."""


@dataclass(frozen=True, kw_only=True)
class ProbeOptions:
    """What the probe does once a window is up (a launcher's OPTIONS_JSON); the defaults are AEGIS's."""

    explore: bool = True
    """Explore the GUI after start-up; off: start-up checks only."""
    max_actions: int = 60
    """Most GUI interactions in one exploration."""
    seed: int = 0
    """Exploration order: 0 keeps the toolkit's natural order; others shuffle."""
    explore_seconds: float = 15.0
    """Time budget for one exploration."""
    hang_seconds: float = 2.0
    """An event loop blocked this long counts as a hang."""
    accept: dict[str, Any] | None = None
    """An acceptance check as the probe reads it (AcceptanceCheck.wire()); its steps run instead of exploring."""

    def checking(self, check: Mapping[str, Any]) -> ProbeOptions:
        return dataclasses.replace(self, explore=False, accept=dict(check))

    def to_json(self) -> dict[str, Any]:
        """The fields, without `accept` when there is no check."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> ProbeOptions:
        default = cls()
        return cls(
            explore=bool(raw.get("explore", default.explore)),
            max_actions=int(raw.get("max_actions", default.max_actions)),
            seed=int(raw.get("seed", default.seed)),
            explore_seconds=float(raw.get("explore_seconds", default.explore_seconds)),
            hang_seconds=float(raw.get("hang_seconds", default.hang_seconds)),
            accept=raw.get("accept"),
        )


@dataclass(frozen=True, kw_only=True)
class ProbeArgs:
    """How one probe run starts: a launcher script's arguments, or a packaged program's AEGIS_PROBE."""

    report: Path | None
    """The report file, when not `report_fd`."""
    shots: Path
    report_fd: int | None = None
    """An open descriptor to write the report to (AEGIS's checks: the program has no path to it)."""
    key_fd: int | None = None
    """With report_fd: a pipe holding the key that signs each line (signing.py)."""
    timeout: float = 20.0
    """Seconds the program may take to start its event loop and show a window."""
    settle: float = 0.3
    """Seconds the program runs after its window appears, before the probe looks at it."""
    options: ProbeOptions = field(default_factory=ProbeOptions)
    toolkit: str = "qt"

    def to_argv(self, app: Path) -> list[str]:
        """TOOLKIT REPORT SHOTS APP TIMEOUT SETTLE OPTIONS_JSON, as launch.py reads them; REPORT is fd:N for a
        descriptor."""
        options = json.dumps(self.options.to_json())
        report = str(self.report)
        if self.report_fd is not None:
            report = f"{FD_PREFIX}{self.report_fd}" + ("" if self.key_fd is None else f",{self.key_fd}")
        return [self.toolkit, report, str(self.shots), str(app), str(self.timeout), str(self.settle), options]

    @classmethod
    def from_argv(cls, argv: Sequence[str]) -> tuple[ProbeArgs, Path]:
        """The arguments and the app from launch.py's arguments; TIMEOUT, SETTLE and OPTIONS_JSON may be left out."""
        toolkit, report, shots, app = argv[:4]
        timeout, settle, options = [*argv[4:7], "", "", ""][:3]
        fds = [int(fd) for fd in report.removeprefix(FD_PREFIX).split(",")] if report.startswith(FD_PREFIX) else []
        args = cls(
            report=None if fds else Path(report),
            report_fd=fds[0] if fds else None,
            key_fd=fds[1] if len(fds) > 1 else None,
            shots=Path(shots),
            timeout=float(timeout or cls.timeout),
            settle=float(settle or cls.settle),
            options=ProbeOptions.from_json(json.loads(options or "{}")),
            toolkit=toolkit,
        )
        return args, Path(app).resolve()

    def to_json(self) -> dict[str, Any]:
        return {
            "toolkit": self.toolkit,
            "report": None if self.report is None else str(self.report),
            "report_fd": self.report_fd,
            "key_fd": self.key_fd,
            "shots": str(self.shots),
            "timeout": self.timeout,
            "settle": self.settle,
            "options": self.options.to_json(),
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> ProbeArgs:
        return cls(
            report=Path(raw["report"]) if raw.get("report") else None,
            report_fd=None if raw.get("report_fd") is None else int(raw["report_fd"]),
            key_fd=None if raw.get("key_fd") is None else int(raw["key_fd"]),
            shots=Path(raw["shots"]),
            timeout=float(raw.get("timeout", cls.timeout)),
            settle=float(raw.get("settle", cls.settle)),
            options=ProbeOptions.from_json(raw.get("options") or {}),
            toolkit=str(raw.get("toolkit", "qt")),
        )
