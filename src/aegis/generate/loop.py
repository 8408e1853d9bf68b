"""The build loop: generate -> static pre-check -> headless check -> repair (or regenerate) -> package.

Data flows one way; every step is written to the run folder by the recorder as it happens, and the
run folder is finalized in `finally:` whatever happens.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal

from aegis.acceptance.language import AcceptanceCheck, CheckSet
from aegis.config import AegisConfig
from aegis.deps.classify import classify, installable
from aegis.deps.prepare import OnEvent, prepare
from aegis.generate import prompts
from aegis.generate.ask import Answer, ask_for_code
from aegis.generate.spec import write_spec
from aegis.generate.tools_mode import ToolsAsker
from aegis.paths import slugify
from aegis.precheck.static import precheck
from aegis.protocols import LLM, Packager, Prober
from aegis.run.recorder import RunRecorder
from aegis.schema import Attempt, PackageResult, Problem, RunResult, RunStatus, Task, Usage, Verdict

log = logging.getLogger("aegis")

AttemptKind = Literal["generate", "repair", "regenerate"]


@dataclass
class _State:
    attempts: list[Attempt] = field(default_factory=list)
    usage: Usage = Usage()
    started: float = field(default_factory=time.monotonic)
    checks: CheckSet | None = None
    """The acceptance checks every attempt must pass (from the dataset, or the spec the model wrote)."""
    package: PackageResult | None = None
    """The passing app's executable, once packaged."""

    def add(self, attempt: Attempt) -> None:
        self.attempts.append(attempt)
        self.count(attempt.usage)

    def count(self, usage: Usage) -> None:
        self.usage = Usage(
            prompt_tokens=self.usage.prompt_tokens + usage.prompt_tokens,
            completion_tokens=self.usage.completion_tokens + usage.completion_tokens,
        )

    @property
    def check_list(self) -> list[AcceptanceCheck]:
        return self.checks.checks if self.checks is not None else []

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


class Builder:
    def __init__(
        self, llm: LLM, prober: Prober, packager: Packager | None, config: AegisConfig, tools: ToolsAsker | None = None
    ) -> None:
        self.tools = tools
        self.llm = llm
        self.prober = prober
        self.packager = packager
        self.config = config

    def build(self, task: Task, recorder: RunRecorder) -> RunResult:
        state = _State()
        return recorder.run_and_finalize(
            lambda: self._work(task, recorder, state), partial(self._result, task, recorder, state)
        )

    def _work(self, task: Task, recorder: RunRecorder, state: _State) -> tuple[RunStatus, str]:
        state.checks = self._checks(task, recorder, state)
        status, message = self._loop(task, recorder, state)
        if status == "pass" and self.packager is not None:
            state.package = self._package(recorder, self.packager)
            if not state.package.ok:
                return "fail", state.package.message
        return status, message

    def _result(self, task: Task, recorder: RunRecorder, state: _State, status: RunStatus, message: str) -> RunResult:
        return RunResult(
            task=task,
            status=status,
            run_dir=str(recorder.dir),
            attempts=state.attempts,
            app_path=str(self._final_app(recorder)) if status == "pass" else "",
            package=state.package,
            usage=state.usage,
            seconds=state.seconds,
            message=message,
        )

    def _checks(self, task: Task, recorder: RunRecorder, state: _State) -> CheckSet | None:
        """The task's checks (a dataset's or a file's); else, when specs are on, those of a spec the model writes."""
        if task.checks:
            return CheckSet.parse(task.checks_from, task.checks)
        if not self.config.loop.spec or self.tools is not None:
            return None
        spec = write_spec(
            self.llm,
            task.task,
            max_tokens=self.config.loop.spec_max_tokens,
            seed=self.config.llm.seed,
            on_exchange=recorder.chat,
        )
        state.count(spec.usage)
        recorder.write_json("spec.json", spec.model_dump(mode="json"))
        recorder.event(
            "spec",
            valid=spec.valid,
            checks=len(spec.checks),
            error=spec.error,
            attempts=spec.attempts,
            prompt_tokens=spec.usage.prompt_tokens,
            completion_tokens=spec.usage.completion_tokens,
        )
        if not spec.valid:
            log.info("the model's spec is not valid (%s); building without acceptance checks", spec.error)
            return None
        return CheckSet.parse("generated", spec.checks)

    def _loop(self, task: Task, recorder: RunRecorder, state: _State) -> tuple[RunStatus, str]:
        kind: AttemptKind = "generate"
        for number in range(1, self.config.loop.max_rounds + 1):
            if (stop := self._budget_left(state)) is not None:
                return "fail", stop
            attempt = self._attempt(task, recorder, number, kind, state)
            state.add(attempt)
            recorder.save_attempt(attempt)
            if attempt.verdict.passed:
                self._final_app(recorder).write_text(attempt.code, encoding="utf-8")
                requirements = recorder.attempt_dir(number) / "requirements.txt"
                if requirements.exists():
                    (self._final_app(recorder).parent / "requirements.txt").write_text(requirements.read_text())
                return "pass", f"working app after {number} round(s)"
            if blocked := [p for p in attempt.verdict.failures if p.kind == "missing_library"]:
                return "blocked", blocked[0].message
            kind = self._next_kind(state.attempts)
            log.info("round %d failed: %s; next: %s", number, _summary(attempt.verdict), kind)
        return "fail", f"no working app after {self.config.loop.max_rounds} round(s)"

    def _attempt(self, task: Task, recorder: RunRecorder, number: int, kind: AttemptKind, state: _State) -> Attempt:
        started = time.monotonic()
        log.info("round %d/%d: %s", number, self.config.loop.max_rounds, kind)
        answer = self._ask(task, recorder, kind, state, seed=self.config.llm.seed + number - 1)
        recorder.event(
            "llm",
            attempt=number,
            kind=kind,
            prompt_tokens=answer.usage.prompt_tokens,
            completion_tokens=answer.usage.completion_tokens,
            seconds=round(answer.seconds, 2),
        )
        code, verdict = self._judge(answer, recorder.attempt_dir(number), recorder.event, state.checks)
        return Attempt(
            number=number, kind=kind, code=code, verdict=verdict, usage=answer.usage, seconds=time.monotonic() - started
        )

    def _ask(self, task: Task, recorder: RunRecorder, kind: AttemptKind, state: _State, *, seed: int) -> Answer:
        attempts = state.attempts
        if self.tools is not None:
            return self.tools.ask(task.task, attempts if kind == "repair" else [], recorder.append_chat)
        if kind == "repair":
            last = attempts[-1]
            previous = prompts.fenced(last.code) if last.code else last.verdict.problems[0].message
            messages = prompts.repair(task.task, previous, last.verdict.failures, state.check_list)
        else:
            messages = prompts.start(task.task, state.check_list)
        return ask_for_code(
            self.llm,
            messages,
            max_tokens=self.config.llm.max_tokens,
            seed=seed,
            max_continuations=self.config.loop.max_continuations,
            on_exchange=recorder.chat,
        )

    def _judge(self, answer: Answer, folder: Path, on_event: OnEvent, checks: CheckSet | None) -> tuple[str, Verdict]:
        if not answer.code:
            reason = answer.reason or "the answer contains no Python code"
            return "", Verdict.failing(Problem(kind="no_code", message=reason))
        static = precheck(answer.code)
        for fix in static.fixes:
            log.info("pre-check fixed: %s", fix)
        if static.problems:
            return static.code, Verdict.failing(*static.problems)
        prepared = prepare(static.code, self.config.deps, on_event)
        if prepared.problems:
            return static.code, Verdict.failing(*prepared.problems)
        app = folder / "app.py"
        app.write_text(static.code, encoding="utf-8")
        if prepared.requirements:
            (folder / "requirements.txt").write_text(prepared.requirements, encoding="utf-8")
        return static.code, self.prober.probe(app, folder, python=prepared.python, checks=checks)

    def _next_kind(self, attempts: list[Attempt]) -> AttemptKind:
        """Repair, unless the same problem came back twice in a row: then start again from scratch."""
        last = attempts[-1]
        if not last.code:
            return "regenerate" if last.kind == "repair" else "repair"
        if len(attempts) >= 2 and _signatures(last.verdict) == _signatures(attempts[-2].verdict):
            return "regenerate"
        return "repair"

    def _budget_left(self, state: _State) -> str | None:
        loop = self.config.loop
        if state.usage.total_tokens >= loop.max_total_tokens:
            return f"token budget spent ({state.usage.total_tokens} of {loop.max_total_tokens})"
        if state.seconds >= loop.max_seconds:
            return f"time budget spent ({state.seconds:.0f} of {loop.max_seconds:.0f} s)"
        return None

    def _package(self, recorder: RunRecorder, packager: Packager) -> PackageResult:
        log.info("packaging with PyInstaller (%s)", self.config.package.mode)
        app = self._final_app(recorder)
        packages = installable(classify(app.read_text(encoding="utf-8"), allow=self.config.deps.allow_packages))
        result = packager.package(app, app.parent, name=slugify(recorder.task.task, max_len=30), packages=packages)
        recorder.event("package", **result.model_dump())
        return result

    @staticmethod
    def _final_app(recorder: RunRecorder) -> Path:
        folder = recorder.dir / "app"
        folder.mkdir(exist_ok=True)
        return folder / "app.py"


def _signatures(verdict: Verdict) -> list[str]:
    return sorted(p.signature for p in verdict.failures)


def _summary(verdict: Verdict) -> str:
    return "; ".join(p.message for p in verdict.failures[:2]) or verdict.status
