"""The headless check: run the app offscreen under the probe, which explores its GUI; judge the report.

PySide6 apps run on Qt's offscreen platform, Tk apps under a private Xvfb, pygame on SDL's dummy driver.
The child gets a 1920x1080 offscreen screen, a temporary home and a scrubbed environment; screenshots
and the probe's report land in the check's output folder.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from aegis.acceptance import CheckSet
from aegis.config import ProbeConfig
from aegis.errors import ProbeError
from aegis.paths import replace_file
from aegis.precheck.placeholders import find_placeholders
from aegis.probe.options import ProbeArgs, ProbeOptions
from aegis.probe.records import Record
from aegis.protocols import Runner
from aegis.schema import ExecResult, Problem, Verdict
from aegis.verdict.checks import acceptance_problems, run_checks
from aegis.verdict.judge import judge, read_report
from aegis.verdict.toolkit import LAUNCHER, Toolkit, VirtualDisplay, detect_toolkit, needs_display, toolkit_env

NOT_QT = "acceptance checks need a PySide6 app; skipped"
MARGIN_SECONDS = 10.0
"""Extra time the runner allows beyond the probe's own deadlines (Python and Qt start-up)."""
SCREEN = {
    "name": "aegis",
    "x": 0,
    "y": 0,
    "width": 1920,
    "height": 1080,
    "logicalDpi": 96,
    "logicalDpiX": 96,
    "logicalDpiY": 96,
}


@contextmanager
def child_environment(toolkit: Toolkit, home: Path | None = None) -> Iterator[tuple[Path, dict[str, str]]]:
    """A home and the environment a checked program gets there: the offscreen screen, the toolkit's settings
    and, for Tk, a private Xvfb. The home is `home` when given (the runs of one check share it), else a
    temporary folder gone when the block ends."""
    extra_env = toolkit_env(toolkit)
    with ExitStack() as stack:
        folder = home or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="aegis-home-")))
        screen = folder / "screen.json"
        replace_file(screen, json.dumps({"screens": [SCREEN]}))  # the app may have left a link here (a restart)
        # dated long ago: files written since a check began are the app's
        os.utime(screen, (0, 0), follow_symlinks=False)
        env = {
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "HOME": str(folder),
            "XDG_RUNTIME_DIR": str(folder),
            "PYTHONUNBUFFERED": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            **extra_env,
        }
        if needs_display(toolkit):
            env["DISPLAY"] = stack.enter_context(VirtualDisplay())
        yield folder, env


class HeadlessProber:
    def __init__(self, runner: Runner, config: ProbeConfig, *, python: str = sys.executable) -> None:
        self.runner = runner
        self.config = config
        self.python = python

    def probe(self, app: Path, out_dir: Path, *, python: str | None = None, checks: CheckSet | None = None) -> Verdict:
        app, out_dir = app.resolve(), out_dir.resolve()
        code = app.read_text(encoding="utf-8", errors="replace")
        toolkit = detect_toolkit(code)
        options = probe_options(self.config)

        def probe(
            folder: Path, check: Mapping[str, Any], seconds: float, home: Path
        ) -> tuple[list[Record], ExecResult]:
            return self._probe(app, folder, toolkit, python, options.checking(check), seconds, home)

        records, result = self._probe(app, out_dir, toolkit, python, options, self.config.explore_seconds)
        verdict = judge(records, result, app, isolation=self.runner.isolation)
        if self.config.find_placeholders:
            verdict = verdict.adding(find_placeholders(code))
        if checks is None or not verdict.windows:
            return verdict
        if toolkit != "qt":
            return verdict.adding([Problem(kind="acceptance", message=NOT_QT, severity="warn")])
        acceptance = run_checks(probe, app, out_dir, checks, isolation=self.runner.isolation)
        return verdict.adding(acceptance_problems(acceptance, _severity(self.config)), acceptance=acceptance)

    def _probe(
        self,
        app: Path,
        out_dir: Path,
        toolkit: Toolkit,
        python: str | None,
        options: ProbeOptions,
        seconds: float,
        home: Path | None = None,
    ) -> tuple[list[Record], ExecResult]:
        """Run the app once under the probe; its report, screenshots and output land in out_dir. `home`: the
        home folder to run it with (one check's runs share it), else a fresh one."""
        out_dir.mkdir(parents=True, exist_ok=True)
        report = out_dir / "probe.jsonl"
        report.unlink(missing_ok=True)
        shutil.rmtree(out_dir / "screenshots", ignore_errors=True)
        args = probe_args(self.config, toolkit, report, out_dir / "screenshots", options)
        with child_environment(toolkit, home) as (_, env):
            result = self.runner.run(
                [python or self.python, _launcher(), *args.to_argv(app)],
                cwd=app.parent,
                timeout=self.config.timeout + seconds + MARGIN_SECONDS,
                env=env,
                writable=[out_dir],
            )
        replace_file(out_dir / "stdout.txt", result.stdout)  # the program may have left links here
        replace_file(out_dir / "stderr.txt", result.stderr)
        records = read_report(report)
        if not records and result.signal is None:
            raise ProbeError(f"the check's probe did not start: {result.stderr.strip()[-300:]}")
        return records, result


def _severity(config: ProbeConfig) -> Literal["fail", "warn"]:
    return "fail" if config.require_acceptance else "warn"


def probe_options(config: ProbeConfig) -> ProbeOptions:
    """The exploration settings the probe reads (its OPTIONS_JSON argument)."""
    return ProbeOptions(
        explore=config.explore,
        max_actions=config.max_actions,
        seed=config.seed,
        explore_seconds=config.explore_seconds,
        hang_seconds=config.hang_seconds,
    )


def probe_args(config: ProbeConfig, toolkit: Toolkit, report: Path, shots: Path, options: ProbeOptions) -> ProbeArgs:
    """Everything the probe is started with but the app: where it reports, its deadlines, its options."""
    return ProbeArgs(
        report=report, shots=shots, timeout=config.timeout, settle=config.settle, options=options, toolkit=toolkit
    )


def _launcher() -> str:
    """The probe's script, in aegis/probe."""
    return str(resources.files("aegis.probe").joinpath(LAUNCHER))
