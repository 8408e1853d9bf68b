"""The build loop, top to bottom: acceptance checks -> rounds of ask -> try -> verdict -> package.

    BuildRun(task, recorder, parts, rules).run() -> RunResult

A round asks the model (an Asker: whole-file text, tools, or the seed's prompts) for one program or several
candidates (`llm.candidates`), tries them in turn (a Trial: pre-check, dependencies, the probe) until one
passes, and records the one it keeps: the passing one, else the closest (it is what the next round repairs).
A passing program becomes the run's app and is packaged; a failing one is repaired, or regenerated from
scratch when the same problem came back twice in a row. `run()` finalizes the run folder in `finally:`,
whatever happens.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from aegis.acceptance import CheckSet
from aegis.config import LoopConfig
from aegis.deps.classify import classify, installable
from aegis.errors import AegisError, BuildCancelled
from aegis.generate.ask import Answer, Asker, AttemptKind
from aegis.generate.spec import SpecWriter
from aegis.generate.trial import REQUIREMENTS, Trial
from aegis.paths import final_app, replace_file, slugify
from aegis.protocols import Packager
from aegis.run.recorder import RunRecorder
from aegis.run.shield import interrupts_deferred
from aegis.schema import Attempt, PackageResult, Requirement, RunResult, RunStatus, Task, Usage, Verdict
from aegis.verdict.requirements import checked_count, checks_for, passed_count, requirements_of

log = logging.getLogger("aegis")


@dataclass(frozen=True)
class Rules:
    """How many rounds, what ends a build early, and when to start afresh."""

    max_rounds: int
    max_total_tokens: int | None = None
    max_seconds: float | None = None
    regenerate_on_repeat: bool = True
    """The same problem twice in a row: the next round starts from scratch instead of repairing."""
    stop_on_missing_library: bool = True
    """A missing system library ends the build (`blocked`): no code change can fix it."""
    candidates: int = 1
    """Programs asked for each round; the first that passes is kept, else the closest."""

    @classmethod
    def of(cls, loop: LoopConfig, *, candidates: int = 1) -> Rules:
        return cls(loop.max_rounds, loop.max_total_tokens, loop.max_seconds, candidates=candidates)


@dataclass(frozen=True)
class Parts:
    """What one build is made of; the AEGIS and seed pipelines differ only here and in their Rules."""

    asker: Asker
    trial: Trial
    packager: Packager | None = None
    spec_writer: SpecWriter | None = None
    """Writes acceptance checks first for a task without any (`loop.spec`)."""
    deps_allowed: list[str] = field(default_factory=list)
    """Extra distributions allowed for the app (bundled when it is packaged)."""


class BuildRun:
    def __init__(self, task: Task, recorder: RunRecorder, parts: Parts, rules: Rules, *, seed: int) -> None:
        self.task = task
        self.recorder = recorder
        self.parts = parts
        self.rules = rules
        self.seed = seed
        self.attempts: list[Attempt] = []
        self.usage = Usage()
        self.started = time.monotonic()
        self.checks: CheckSet | None = None
        self.package: PackageResult | None = None
        self.kept: Attempt | None = None
        """The attempt the result reports on: the one that passed, else the closest."""

    def run(self) -> RunResult:
        status: RunStatus = "error"
        message = "the build stopped unexpectedly"
        try:
            status, message = self._work()
        except BuildCancelled:
            status, message = "cancelled", "cancelled by the user"
            raise
        except KeyboardInterrupt:
            status, message = "interrupted", "interrupted by the user (Ctrl-C)"
            raise
        except AegisError as exc:
            status, message = "error", str(exc)
            raise
        finally:
            with interrupts_deferred():  # a second Ctrl-C must not cut the finalizing short
                result = self._result(status, message)
                self.recorder.finalize(result)
        return result

    def _work(self) -> tuple[RunStatus, str]:
        self.checks = self._acceptance()
        status, message = self._rounds()
        if status == "pass" and self.parts.packager is not None:
            self.package = self._package(self.parts.packager)
            if not self.package.ok:
                return "fail", self.package.message
        return status, message

    def _acceptance(self) -> CheckSet | None:
        """The task's checks (a dataset's or a file's); else, with a spec writer, those of a spec the model writes;
        else the requirement library's for the kind of app the sentence names (none for most sentences)."""
        if self.task.checks or self.parts.spec_writer is None:
            return checks_for(self.task)
        checks, usage = self.parts.spec_writer.checks_for(self.task.task, self.recorder)
        self.usage += usage
        return checks

    def _rounds(self) -> tuple[RunStatus, str]:
        kind: AttemptKind = "generate"
        for number in range(1, self.rules.max_rounds + 1):
            if (spent := self._budget_spent()) is not None:
                return self._closest(spent)
            attempt = self._attempt(number, kind)
            self.attempts.append(attempt)
            self.usage += attempt.usage
            self.recorder.save_attempt(attempt)
            if attempt.verdict.passed:
                self._keep(attempt)
                return "pass", f"working app after {number} round(s)"
            blocked = [p for p in attempt.verdict.failures if p.kind == "missing_library"]
            if blocked and self.rules.stop_on_missing_library:
                return "blocked", blocked[0].message
            kind = self._next_kind()
            log.info("round %d failed: %s; next: %s", number, _summary(attempt.verdict), kind)
        return self._closest(f"no working app after {self.rules.max_rounds} round(s)")

    def _closest(self, why: str) -> tuple[RunStatus, str]:
        """No attempt worked: keep the closest, `partial` when it did some of what was asked, else `fail`."""
        runnable = [a for a in self.attempts if a.code]
        if not runnable:
            return "fail", why
        self.kept = max(runnable, key=_closeness)
        requirements = self._requirements()
        if not (done := passed_count(requirements)):
            return "fail", why
        self._keep(self.kept)
        passed = f"{done}/{checked_count(requirements)} requirements passed in round {self.kept.number}"
        return "partial", f"partial: {passed}; still failing: {_summary(self.kept.verdict)} ({why})"

    def _attempt(self, number: int, kind: AttemptKind) -> Attempt:
        """Candidates one after another, each asked for (lazily, by the asker) only when the one before failed."""
        started = time.monotonic()
        log.info("round %d/%d: %s", number, self.rules.max_rounds, kind)
        checks = self.checks.checks if self.checks is not None else []
        n = self.rules.candidates
        self.recorder.event("ask", attempt=number, kind=kind, candidates=n)
        answers = self.parts.asker.ask(kind, self.attempts, checks, seed=self.seed + number - 1, n=n)
        tried: list[Attempt] = []
        usage = Usage()
        for index, answer in enumerate(answers, 1):
            usage += answer.usage
            self._answered(number, kind, index, answer)
            tried.append(self._try(number, kind, answer, index if n > 1 else 0))
            if tried[-1].verdict.passed:
                break
        kept = max(tried, key=_closeness)
        if len(tried) > 1:
            log.info("round %d: kept candidate %d of %d checked", number, kept.candidate, len(tried))
        return kept.model_copy(update={"usage": usage, "seconds": time.monotonic() - started, "sampled": len(tried)})

    def _answered(self, number: int, kind: AttemptKind, index: int, answer: Answer) -> None:
        self.recorder.event(
            "llm",
            attempt=number,
            kind=kind,
            candidate=index,
            prompt_tokens=answer.usage.prompt_tokens,
            completion_tokens=answer.usage.completion_tokens,
            seconds=round(answer.seconds, 2),
        )

    def _try(self, number: int, kind: AttemptKind, answer: Answer, candidate: int) -> Attempt:
        """One candidate (from 1; 0 when the round samples one) through the trial, in the round's folder, or its
        own when the round may sample several."""
        code, verdict = self.parts.trial.run(answer, self.recorder.trial_dir(number, candidate), self.checks)
        attempt = Attempt(number=number, kind=kind, code=code, verdict=verdict, usage=answer.usage, candidate=candidate)
        if candidate:
            self.recorder.save_candidate(attempt)
            log.info("candidate %d: %s", candidate, _summary(verdict) if not verdict.passed else "passed")
        return attempt

    def _keep(self, attempt: Attempt) -> None:
        """The attempt's program (and its requirements.txt) becomes the run's app."""
        self.kept = attempt
        app = final_app(self.recorder.dir)
        app.parent.mkdir(exist_ok=True)
        app.write_text(attempt.code, encoding="utf-8")
        requirements = self.recorder.trial_dir(attempt.number, attempt.candidate) / REQUIREMENTS
        if requirements.is_file() and not requirements.is_symlink():  # the program ran in that folder
            replace_file(app.parent / REQUIREMENTS, requirements.read_text(encoding="utf-8"))

    def _next_kind(self) -> AttemptKind:
        """Repair, unless the same problem came back twice in a row: then start again from scratch."""
        last = self.attempts[-1]
        if not self.rules.regenerate_on_repeat:
            return "repair"
        if not last.code:
            return "regenerate" if last.kind == "repair" else "repair"
        if len(self.attempts) >= 2 and _signatures(last.verdict) == _signatures(self.attempts[-2].verdict):
            return "regenerate"
        return "repair"

    def _budget_spent(self) -> str | None:
        rules, tokens, seconds = self.rules, self.usage.total_tokens, self.seconds
        if rules.max_total_tokens is not None and tokens >= rules.max_total_tokens:
            return f"token budget spent ({tokens} of {rules.max_total_tokens})"
        if rules.max_seconds is not None and seconds >= rules.max_seconds:
            return f"time budget spent ({seconds:.0f} of {rules.max_seconds:.0f} s)"
        return None

    def _package(self, packager: Packager) -> PackageResult:
        log.info("packaging with PyInstaller")
        app = final_app(self.recorder.dir)
        packages = installable(classify(app.read_text(encoding="utf-8"), allow=self.parts.deps_allowed))
        self.recorder.event("package_start")
        result = packager.package(app, app.parent, name=slugify(self.recorder.slug, max_len=30), packages=packages)
        self.recorder.event("package", **result.model_dump())
        return result

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def _result(self, status: RunStatus, message: str) -> RunResult:
        return RunResult(
            task=self.task,
            status=status,
            run_dir=str(self.recorder.dir),
            attempts=self.attempts,
            app_path=str(final_app(self.recorder.dir)) if status in ("pass", "partial") else "",
            package=self.package,
            usage=self.usage,
            seconds=self.seconds,
            message=message,
            kept=self.kept.number if self.kept else 0,
            requirements=self._requirements(),
        )

    def _requirements(self) -> list[Requirement]:
        attempt = self.kept or (self.attempts[-1] if self.attempts else None)
        return requirements_of(self.task, attempt.verdict if attempt else None, self.checks)


def _closeness(attempt: Attempt) -> tuple[bool, int, bool, bool, int, int, int]:
    """Passed, then more checks passed, then a program at all, then one that showed its window, then fewer
    failures, then the later round, then the earlier candidate."""
    acceptance = attempt.verdict.acceptance
    return (
        attempt.verdict.passed,
        acceptance.passed_count if acceptance else 0,
        bool(attempt.code),
        bool(attempt.verdict.windows),
        -len(attempt.verdict.failures),
        attempt.number,
        -attempt.candidate,
    )


def _signatures(verdict: Verdict) -> list[str]:
    return sorted(p.signature for p in verdict.failures)


def _summary(verdict: Verdict) -> str:
    return "; ".join(p.message for p in verdict.failures[:2]) or verdict.status
