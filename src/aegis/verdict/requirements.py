"""Requirements: what the task asks for, each with what checked it and what was seen.

    requirements_of(task, verdict, checks) -> list[Requirement]
    checks_for(task) -> CheckSet | None     the task's own checks, else the library's for what it names

Every acceptance check is a requirement (passed or failed, with its failed step). Every placeholder the
probe named fails a requirement of its own. What the task says no check can try (a dataset's `unverified`,
with why) is listed as unverified. Unless a dataset's checks say it all, the features the task's wording
names (the offline phrase library, data/requirements.json) that no check covers are listed as unverified,
so "working" is never read as "does everything the sentence says". A check covers a library requirement
when it is named after it, or when its name uses the same phrase ("saves the list" covers saving). Some
library entries come with the checks a user would try first ("a calculator": 2 + 3 = 5); a task without
checks of its own gets those.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from aegis.acceptance import CheckSet
from aegis.schema import Acceptance, Requirement, Task, Verdict

UNCHECKED = "no acceptance check tries it"
PLACEHOLDER_SCAN = "placeholder scan"
NOT_TRIED = "not tried: the program failed before its checks could run"


@dataclass(frozen=True)
class Phrase:
    when: re.Pattern[str]
    requirement: str
    checks: tuple[dict[str, Any], ...] = ()
    """What a user would try first; the entry then stands for a kind of app rather than a feature phrase."""


def requirements_of(task: Task, verdict: Verdict | None, checks: CheckSet | None = None) -> list[Requirement]:
    """`checks`: what the program had to pass; a check the verdict has no result for (the program failed
    before its checks could run) is a failed requirement, not a missing one."""
    acceptance = verdict.acceptance if verdict is not None else None
    found = _checked(acceptance) + _not_tried(checks, acceptance) + _placeholders(verdict)
    found += [
        Requirement(name=u.name, source=task.checks_from, status="unverified", seen=u.why) for u in task.unverified
    ]
    if task.checks and task.checks_from == "dataset":  # its checks and unverified list say it all: no guessing
        return found
    names = [r.name for r in found if r.checked_by != PLACEHOLDER_SCAN]  # checks, and what the task says is unverified
    found += [
        Requirement(name=p.requirement, source="library", status="unverified", seen=UNCHECKED)
        for p in named_in(task.task)
        if not p.checks and not any(name == p.requirement or p.when.search(name) for name in names)
    ]
    return found


def _not_tried(checks: CheckSet | None, acceptance: Acceptance | None) -> list[Requirement]:
    if checks is None:
        return []
    tried = {c.name for c in acceptance.checks} if acceptance is not None else set()
    return [
        Requirement(name=c.name, source=checks.source, status="failed", checked_by=f"check '{c.name}'", seen=NOT_TRIED)
        for c in checks.checks
        if c.name not in tried
    ]


def checks_for(task: Task) -> CheckSet | None:
    """The task's own checks (a dataset's or a file's), else the library's checks for what its sentence names."""
    if task.checks:
        return CheckSet.parse(task.checks_from, task.checks)
    checks = {c["name"]: c for phrase in named_in(task.task) for c in phrase.checks}
    return CheckSet.parse("library", list(checks.values())) if checks else None


def named_in(task: str) -> list[Phrase]:
    """The library's requirements whose phrase the task uses, each once."""
    return [phrase for phrase in _library() if phrase.when.search(task)]


def passed_count(requirements: list[Requirement]) -> int:
    return sum(r.status == "passed" for r in requirements)


def checked_count(requirements: list[Requirement]) -> int:
    return sum(r.status != "unverified" for r in requirements)


def _checked(acceptance: Acceptance | None) -> list[Requirement]:
    if acceptance is None:
        return []
    return [
        Requirement(
            name=check.name,
            source=acceptance.source,
            status="passed" if check.passed else "failed",
            checked_by=f"check '{check.name}'",
            seen=check.failed_step.message if check.failed_step else "",
        )
        for check in acceptance.checks
    ]


def _placeholders(verdict: Verdict | None) -> list[Requirement]:
    problems = [p for p in verdict.failures if p.kind == "placeholder"] if verdict is not None else []
    return [
        Requirement(
            name=_placeholder_name(p.message),
            source="library",
            status="failed",
            checked_by=PLACEHOLDER_SCAN,
            seen=p.message,
        )
        for p in problems
    ]


def _placeholder_name(message: str) -> str:
    """ "the feature behind save() works" for a handler, "the 'Back' button works" for a button."""
    subject = message.split(" (line ")[0]
    return f"{subject} works" if subject.startswith("the ") else f"the feature behind {subject} works"


@cache
def _library() -> tuple[Phrase, ...]:
    text = resources.files("aegis.data").joinpath("requirements.json").read_text(encoding="utf-8")
    entries = json.loads(text)["requirements"]
    return tuple(
        Phrase(re.compile(e["when"], re.IGNORECASE), e["requirement"], tuple(e.get("checks", ()))) for e in entries
    )
