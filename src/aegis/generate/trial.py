"""From a model's answer to a verdict: what happens to the program before and while it runs.

    Trial.run(answer, folder, checks) -> (code, Verdict)
        PrecheckedTrial   AEGIS: deterministic pre-check fixes, the dependency step, then the probe
        PlainTrial        the program exactly as written, straight to the probe (the seed's way)

Either way the program is written to `folder/app.py` before it runs, and the probe's output lands beside it.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from aegis.acceptance import CheckSet
from aegis.config import DepsConfig
from aegis.deps.prepare import OnEvent, prepare
from aegis.generate.ask import Answer
from aegis.paths import APP_FILE
from aegis.precheck.static import precheck
from aegis.protocols import Prober
from aegis.schema import Problem, Verdict

log = logging.getLogger("aegis")
REQUIREMENTS = "requirements.txt"
"""Written beside app.py when the program needs packages of its own."""


class Trial(Protocol):
    def run(self, answer: Answer, folder: Path, checks: CheckSet | None) -> tuple[str, Verdict]:
        """The program as it was run (after any pre-check fixes) and its verdict."""
        ...


def no_code(answer: Answer) -> Verdict:
    return Verdict.failing(Problem(kind="no_code", message=answer.reason or "the answer contains no Python code"))


class PrecheckedTrial:
    def __init__(self, prober: Prober, deps: DepsConfig, on_event: OnEvent) -> None:
        self.prober = prober
        self.deps = deps
        self.on_event = on_event

    def run(self, answer: Answer, folder: Path, checks: CheckSet | None) -> tuple[str, Verdict]:
        if not answer.code:
            return "", no_code(answer)
        checked = precheck(answer.code)
        for fix in checked.fixes:
            log.info("pre-check fixed: %s", fix)
        if checked.skipped:
            log.warning("pre-check skipped: %s", checked.skipped)
        if checked.problems:
            return checked.code, Verdict.failing(*checked.problems)
        prepared = prepare(checked.code, self.deps, self.on_event)
        if prepared.problems:
            return checked.code, Verdict.failing(*prepared.problems)
        app = folder / APP_FILE
        app.write_text(checked.code, encoding="utf-8")
        if prepared.requirements:
            (folder / REQUIREMENTS).write_text(prepared.requirements, encoding="utf-8")
        return checked.code, self.prober.probe(app, folder, python=prepared.python, checks=checks)


class PlainTrial:
    def __init__(self, prober: Prober) -> None:
        self.prober = prober

    def run(self, answer: Answer, folder: Path, checks: CheckSet | None) -> tuple[str, Verdict]:
        if not answer.code:
            return "", no_code(answer)
        app = folder / APP_FILE
        app.write_text(answer.code, encoding="utf-8")
        return answer.code, self.prober.probe(app, folder, checks=checks)
