"""The headless check: run the app offscreen under the probe, which explores its GUI; judge the report.

PySide6 apps run on Qt's offscreen platform, Tk apps under a private Xvfb, pygame on SDL's dummy driver.
The child gets a 1920x1080 offscreen screen, a scrubbed environment and a scratch copy of its folder with a
home beside it (workspace.py): what it writes stays there. Its report comes through a descriptor only the
probe holds; the report, the PNG screenshots and the child's output land in the check's output folder.
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
from typing import TYPE_CHECKING, Any, Literal

from aegis.config import ProbeConfig
from aegis.errors import ProbeError
from aegis.paths import replace_file
from aegis.precheck.placeholders import find_placeholders
from aegis.precheck.unwired import find_unwired
from aegis.probe.options import ProbeArgs, ProbeOptions
from aegis.probe.records import Record
from aegis.protocols import Runner
from aegis.schema import ExecResult, Problem, Verdict
from aegis.verdict.judge import judge
from aegis.verdict.toolkit import LAUNCHER, Toolkit, VirtualDisplay, detect_toolkit, needs_display, toolkit_env
from aegis.verdict.workspace import ReportChannel, Scratch

if TYPE_CHECKING:
    from aegis.acceptance import CheckSet

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
    def __init__(
        self, runner: Runner, config: ProbeConfig, *, python: str = sys.executable, generated: bool = False
    ) -> None:
        self.runner = runner
        self.config = config
        self.python = python
        self.generated = generated
        """A program written for a task must do what its labels say: a button connected to nothing fails it.
        In a program people wrote it may be a sample (a style gallery), so it is only named."""

    def probe(self, app: Path, out_dir: Path, *, python: str | None = None, checks: CheckSet | None = None) -> Verdict:
        app, out_dir = app.resolve(), out_dir.resolve()
        code = app.read_text(encoding="utf-8", errors="replace")
        toolkit = detect_toolkit(code)
        options = probe_options(self.config)

        def probe(
            folder: Path, check: Mapping[str, Any], seconds: float, scratch: Scratch
        ) -> tuple[list[Record], ExecResult]:
            return self._probe(app, folder, toolkit, python, options.checking(check), seconds, scratch)

        with Scratch.made(app) as scratch:
            records, result = self._probe(app, out_dir, toolkit, python, options, self.config.explore_seconds, scratch)
        verdict = judge(records, result, app, isolation=self.runner.isolation)
        if self.config.find_placeholders:
            verdict = verdict.adding(find_placeholders(code))
            verdict = verdict.adding(find_unwired(code, severity="fail" if self.generated else "warn"))
        if checks is None or not verdict.windows:
            return verdict
        if toolkit != "qt":
            return verdict.adding([Problem(kind="acceptance", message=NOT_QT, severity="warn")])
        from aegis.verdict.checks import acceptance_problems, run_checks  # the acceptance schema: only with checks

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
        scratch: Scratch,
    ) -> tuple[list[Record], ExecResult]:
        """Run the app once under the probe, in `scratch` (one check's runs share it); its report, screenshots
        and output land in out_dir."""
        out_dir.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(scratch.shots, ignore_errors=True)  # the previous run's (a restart)
        scratch.shots.mkdir(parents=True, exist_ok=True)
        with ReportChannel() as channel, child_environment(toolkit, scratch.home) as (_, env):
            args = probe_args(self.config, toolkit, scratch.shots, options, report_fd=channel.fd, key_fd=channel.key_fd)
            result = self.runner.run(
                [python or self.python, _launcher(), *args.to_argv(scratch.app_path(app))],
                cwd=scratch.app_dir,
                timeout=self.config.timeout + seconds + MARGIN_SECONDS,
                env=env,
                writable=[scratch.shots.parent],
                keep_fds=channel.fds,
            )
            records = scratch.bring_back(channel, app, out_dir)
        replace_file(out_dir / "stdout.txt", result.stdout)
        replace_file(out_dir / "stderr.txt", result.stderr)
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


def probe_args(
    config: ProbeConfig, toolkit: Toolkit, shots: Path, options: ProbeOptions, *, report_fd: int, key_fd: int
) -> ProbeArgs:
    """Everything the probe is started with but the app: where it reports, its deadlines, its options."""
    return ProbeArgs(
        report=None,
        report_fd=report_fd,
        key_fd=key_fd,
        shots=shots,
        timeout=config.timeout,
        settle=config.settle,
        options=options,
        toolkit=toolkit,
    )


def _launcher() -> str:
    """The probe's script, in aegis/probe."""
    return str(resources.files("aegis.probe").joinpath(LAUNCHER))
