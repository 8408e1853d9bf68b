"""The headless check of a packaged executable: the same probe and the same judge as the source check.

HeadlessProber starts the source under the probe script; a frozen executable cannot be handed a script, so
every package AEGIS builds carries the probe (aegis/probe, a few dozen KB of bytecode) behind a PyInstaller
runtime hook that does nothing unless AEGIS_PROBE is set (aegis/probe/frozen.py). This check sets it and
runs the executable as a user would: from an empty folder, never next to the source, in the offscreen
environment of the source check. The report is judged exactly like the source's, so a package that cannot
find a file, lacks a module or a Qt plugin, or crashes, fails here as it would for the user.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from aegis.config import ProbeConfig
from aegis.paths import replace_file
from aegis.probe.options import PROBE_ENV
from aegis.probe.records import Fault, Frame, Record
from aegis.protocols import Runner
from aegis.schema import ExecResult, Problem, Verdict
from aegis.verdict.headless import MARGIN_SECONDS, child_environment, probe_args, probe_options
from aegis.verdict.judge import judge
from aegis.verdict.toolkit import detect_toolkit
from aegis.verdict.workspace import ReportChannel, Scratch

APP_MODULE = "aegis_app"
"""The app's module name inside a package (aegis/data/pyinstaller/main.py runs its code as `__main__`)."""
UNPACK_SECONDS = 20.0
"""Extra time for a one-file executable to unpack itself before Python starts."""


class ExecutableProber:
    def __init__(self, runner: Runner, config: ProbeConfig) -> None:
        self.runner = runner
        self.config = config

    def probe(self, exe: Path, app: Path, out_dir: Path) -> Verdict:
        """Run `exe` (built from the source `app`) under its probe; screenshots and logs go to out_dir."""
        out_dir = out_dir.resolve()
        out_dir.mkdir(parents=True, exist_ok=True)
        toolkit = detect_toolkit(app.read_text(encoding="utf-8", errors="replace"))
        with Scratch.made() as scratch, ReportChannel() as channel:
            args = probe_args(
                self.config,
                toolkit,
                scratch.shots,
                probe_options(self.config),
                report_fd=channel.fd,
                key_fd=channel.key_fd,
            )
            with child_environment(toolkit, scratch.home) as (home, env):
                result = self.runner.run(
                    [str(exe.resolve())],
                    cwd=scratch.app_dir,
                    timeout=self.config.timeout + self.config.explore_seconds + MARGIN_SECONDS + UNPACK_SECONDS,
                    env={**env, "TMPDIR": str(home), PROBE_ENV: json.dumps(args.to_json())},  # one-file unpacks here
                    writable=[scratch.shots.parent],
                    keep_fds=channel.fds,
                )
            replace_file(out_dir / "stdout.txt", result.stdout)
            replace_file(out_dir / "stderr.txt", result.stderr)
            records = [_with_app_frames(record, app) for record in scratch.bring_back(channel, app, out_dir)]
        if not records:
            return Verdict.failing(_no_start(result), isolation=self.runner.isolation)
        return judge(records, result, app, isolation=self.runner.isolation)


def _with_app_frames(record: Record, app: Path) -> Record:
    """Frames of the app's module carry the source's path, so the judge keeps them as the program's own."""
    if not isinstance(record, Fault):
        return record
    own, source = f"{APP_MODULE}.py", str(app.resolve())
    frames: list[Frame] = [(source, *f[1:]) if f[0] == own else f for f in record.frames]
    return dataclasses.replace(record, frames=frames)


def _no_start(result: ExecResult) -> Problem:
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    why = lines[-1][:300] if lines else f"exit code {result.returncode}"
    if result.timed_out:
        why = "it showed nothing before the time limit"
    return Problem(kind="package", message=f"the packaged executable did not start: {why}")
