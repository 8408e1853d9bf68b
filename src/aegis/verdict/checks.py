"""Run acceptance checks against a program: each on a fresh start of the app, under the same probe.

    run_checks(probe, app, out_dir, checks) -> Acceptance
    acceptance_problems(acceptance, severity) -> list[Problem]   one plain sentence per failed check

`probe(out_dir, check, timeout)` starts the app under the probe to run one check (its wire form; HeadlessProber
does it) and returns the probe's records and the child's ExecResult. The probe reports AcceptStep and
AcceptDone records; an exception, crash or hang during the check fails the check with what the explorer
would have said.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

from aegis.acceptance import AcceptanceCheck, CheckSet, describe
from aegis.probe.records import AcceptDone, AcceptStep, Record, of
from aegis.schema import Acceptance, CheckResult, ExecResult, Problem, StepResult
from aegis.verdict.judge import judge

Probe = Callable[[Path, Mapping[str, Any], float], tuple[list[Record], ExecResult]]
"""Runs the app under the probe once: (output folder, the check as the probe reads it, seconds allowed)."""
STEP_SECONDS = 2.5
"""Time allowed per step on top of its waits: the settle pause, retried expectations, slow handlers."""
MAX_ACTIONS_SHOWN = 6
SENTENCE_START = "acceptance check "
"""How every failed check's sentence begins (the bench tells acceptance failures from the explorer's by it)."""


def run_checks(probe: Probe, app: Path, out_dir: Path, checks: CheckSet, *, isolation: str) -> Acceptance:
    results = []
    for number, check in enumerate(checks.checks, 1):
        folder = out_dir / "acceptance" / str(number)
        timeout = sum(getattr(s, "wait", 0.0) for s in check.steps) + STEP_SECONDS * len(check.steps)
        records, result = probe(folder, check.wire(), timeout)
        results.append(check_result(check, records, result, app, isolation=isolation))
    return Acceptance(source=checks.source, checks=results)


def check_result(
    check: AcceptanceCheck, records: Sequence[Record], result: ExecResult, app: Path, *, isolation: str
) -> CheckResult:
    steps = [_step(check, r) for r in of(records, AcceptStep)]
    done = of(records, AcceptDone)
    screenshot = done[0].screenshot if done else ""
    failures = judge(records, result, app, isolation=isolation).failures
    if failures and (not steps or steps[-1].ok):
        failed_at = describe(check.steps[len(steps)]) if len(steps) < len(check.steps) else "the check"
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


def _step(check: AcceptanceCheck, record: AcceptStep) -> StepResult:
    index = record.i
    words = describe(check.steps[index]) if 0 <= index < len(check.steps) else record.do
    return StepResult(step=words, ok=record.ok, message=record.message, seen=record.seen)
