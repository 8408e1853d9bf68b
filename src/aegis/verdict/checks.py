"""Run acceptance checks against a program: each on a fresh start of the app, under the same probe.

    run_checks(probe, app, out_dir, checks) -> Acceptance
    acceptance_problems(acceptance, severity) -> list[Problem]   one plain sentence per failed check

`probe(out_dir, check, timeout, scratch)` starts the app under the probe to run one check (its wire form;
HeadlessProber does it) and returns the probe's records and the child's ExecResult. The probe reports
AcceptStep and AcceptDone records; an exception, crash or hang during the check fails the check with what
the explorer would have said.

Each check runs in its own scratch copy of the app's folder, with its own home (workspace.py). A check with
`restart` steps runs as several app runs, split at each restart; its runs share that scratch, so what the app
saved persists. The steps of all runs are
reported in one CheckResult; the first failing run ends the check.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from aegis.acceptance import AcceptanceCheck, CheckSet, Restart, describe
from aegis.probe.records import AcceptDone, AcceptStep, Record, of
from aegis.schema import Acceptance, CheckResult, ExecResult, Problem, StepResult
from aegis.verdict.judge import judge
from aegis.verdict.workspace import Scratch

Probe = Callable[[Path, Mapping[str, Any], float, Scratch], tuple[list[Record], ExecResult]]
"""Runs the app under the probe once: (output folder, the check as the probe reads it, seconds allowed, the
scratch the check's runs share)."""
STEP_SECONDS = 2.5
"""Time allowed per step on top of its waits: the settle pause, retried expectations, slow handlers."""
MAX_ACTIONS_SHOWN = 6
SENTENCE_START = "acceptance check "
"""How every failed check's sentence begins (the bench tells acceptance failures from the explorer's by it)."""


def run_checks(probe: Probe, app: Path, out_dir: Path, checks: CheckSet, *, isolation: str) -> Acceptance:
    results = []
    for number, check in enumerate(checks.checks, 1):
        with Scratch.made(app) as scratch:
            run = CheckRun(probe, check, scratch, app, isolation=isolation)
            results.append(run.run(out_dir / "acceptance" / str(number)))
    return Acceptance(source=checks.source, checks=results)


class CheckRun:
    """One check: one app run per stretch of steps between restarts, all in the same scratch."""

    def __init__(self, probe: Probe, check: AcceptanceCheck, scratch: Scratch, app: Path, *, isolation: str) -> None:
        self.probe, self.check, self.scratch, self.app, self.isolation = probe, check, scratch, app, isolation
        self.started = time.time()
        """Sent to the probe as "since": files written before the check began are not the check's."""

    def run(self, folder: Path) -> CheckResult:
        steps: list[StepResult] = []
        stretches = split_at_restarts(self.check)
        for number, indexes in enumerate(stretches):
            if number:
                steps.append(StepResult(step=describe(Restart()), ok=True))
            result = self.run_once(folder / f"after-restart-{number}" if number else folder, indexes)
            steps += result.steps
            if not result.passed:
                return result.model_copy(update={"steps": steps})
        return CheckResult(name=self.check.name, passed=True, steps=steps)

    def run_once(self, folder: Path, indexes: list[int]) -> CheckResult:
        wire = self.check.wire()
        steps = [self.check.steps[i] for i in indexes]
        seconds = sum(getattr(s, "wait", 0.0) for s in steps) + STEP_SECONDS * max(len(steps), 1)
        run = {"name": self.check.name, "steps": [wire["steps"][i] for i in indexes], "since": self.started}
        records, result = self.probe(folder, run, seconds, self.scratch)
        return check_result(self.check, indexes, records, result, self.app, isolation=self.isolation)


def split_at_restarts(check: AcceptanceCheck) -> list[list[int]]:
    """The indexes of the check's steps, one list per app run: a restart step ends a run and starts the next."""
    runs: list[list[int]] = [[]]
    for index, step in enumerate(check.steps):
        if isinstance(step, Restart):
            runs.append([])
        else:
            runs[-1].append(index)
    return runs


def check_result(
    check: AcceptanceCheck,
    indexes: Sequence[int],
    records: Sequence[Record],
    result: ExecResult,
    app: Path,
    *,
    isolation: str,
) -> CheckResult:
    """One run's steps (`indexes`: which of the check's steps the run had, in order) as the probe reported them."""
    steps = [_step(check, indexes, r) for r in of(records, AcceptStep)]
    done = of(records, AcceptDone)
    screenshot = done[0].screenshot if done else ""
    failures = judge(records, result, app, isolation=isolation).failures
    if failures and (not steps or steps[-1].ok):
        failed_at = describe(check.steps[indexes[len(steps)]]) if len(steps) < len(indexes) else "the check"
        steps.append(StepResult(step=failed_at, ok=False, message=failures[0].message))
    passed = bool(done) and done[0].passed and not failures
    if not passed and all(s.ok for s in steps):
        steps.append(StepResult(step="the check", ok=False, message="the check did not finish"))
    return CheckResult(name=check.name, passed=passed, steps=steps, screenshot=screenshot)


def acceptance_problems(acceptance: Acceptance, severity: Literal["fail", "warn"]) -> list[Problem]:
    return [
        Problem(kind="acceptance", message=failure_sentence(check), severity=severity)
        for check in acceptance.checks
        if not check.passed
    ]


def failure_sentence(check: CheckResult) -> str:
    """E.g. "check 'adds': after click '2', click '+', click '3', click '=': no text '5' is shown (seen: '23')"."""
    failed = check.failed_step
    if failed is None:
        return f"{SENTENCE_START}'{check.name}' failed"
    done = [s.step for s in check.steps if s.ok and not s.step.startswith("expect")]
    shown = done[-MAX_ACTIONS_SHOWN:]
    after = f"after {', '.join(shown)}: " if shown else ""
    seen = f" (seen: {failed.seen})" if failed.seen and failed.seen not in failed.message else ""
    return f"{SENTENCE_START}'{check.name}': {after}{failed.message}{seen}"


def _step(check: AcceptanceCheck, indexes: Sequence[int], record: AcceptStep) -> StepResult:
    index = indexes[record.i] if 0 <= record.i < len(indexes) else -1
    words = describe(check.steps[index]) if index >= 0 else record.do
    return StepResult(step=words, ok=record.ok, message=record.message, seen=record.seen)
