"""`--pipeline seed`: the seed's design (the first version of this product), reproduced inside AEGIS.

    AliveProber      run `python app.py` offscreen for ALIVE_SECONDS; pass if it is still running then
    SeedBuilder     ask for the whole program; on failure send the error back and ask for the whole
                    file again, up to MAX_REWRITES times
    seed_start      the first request: a short system message and the task
    seed_repair     a rewrite request: the task, the previous code and its error

No static pre-check, no GUI explorer, no dependency step, no continuations, no token or time budget:
what the seed did not have, this pipeline does not do. Two things differ, both for safety: the program
runs in AEGIS's sandbox with a scrubbed environment, and where the seed ran `pip install <module>` into
the host on a ModuleNotFoundError, here that error goes back to the model like any other (nothing is ever
installed into the host).
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal

from aegis.acceptance.language import CheckSet
from aegis.config import AegisConfig
from aegis.generate import prompts
from aegis.generate.ask import Answer, ask_for_code
from aegis.protocols import LLM, Prober, Runner
from aegis.run.recorder import RunRecorder
from aegis.schema import Attempt, ExecResult, Message, Problem, ProblemKind, RunResult, RunStatus, Task, Usage, Verdict
from aegis.verdict.headless import child_environment
from aegis.verdict.toolkit import detect_toolkit

log = logging.getLogger("aegis")

ALIVE_SECONDS = 3.0
"""The seed's gate: a program still running after this many seconds counts as working."""
MAX_REWRITES = 5
"""The seed's budget: after the first answer, at most this many whole-file rewrites (6 model rounds)."""
STDERR_TAIL = 3000
"""Characters of stderr kept in a failure (the seed sent all of it; the cap keeps a flood out of the prompt)."""


def seed_start(task: str) -> list[Message]:
    """The seed's first request: a short system message, then the task."""
    return [
        Message(role="system", content=prompts.render("seed_system")),
        Message(role="user", content=prompts.render("seed_generate", task=task)),
    ]


def seed_repair(task: str, previous_code: str, error: str) -> list[Message]:
    """A whole-file rewrite request: the task, the code that failed and its error, in one message."""
    return [
        Message(role="system", content=prompts.render("seed_system")),
        Message(role="user", content=prompts.render("seed_repair", task=task, code=previous_code, error=error)),
    ]


class AliveProber:
    """The seed's check, run in the sandbox: alive after ALIVE_SECONDS passes, any earlier end fails.

    An early exit with code 0 fails too, as in the seed; no one clicks anything, so a handler that
    crashes passes (the seed's blind spot)."""

    def __init__(self, runner: Runner, *, seconds: float = ALIVE_SECONDS) -> None:
        self.runner = runner
        self.seconds = seconds

    def probe(self, app: Path, out_dir: Path, *, python: str | None = None, checks: CheckSet | None = None) -> Verdict:
        """The seed had no acceptance checks: `checks` is ignored (the bench's judge runs them)."""
        app, out_dir = app.resolve(), out_dir.resolve()
        out_dir.mkdir(parents=True, exist_ok=True)
        toolkit = detect_toolkit(app.read_text(encoding="utf-8", errors="replace"))
        with child_environment(toolkit) as (_, env):
            result = self.runner.run(
                [python or sys.executable, str(app)], cwd=app.parent, timeout=self.seconds, env=env
            )
        (out_dir / "stdout.txt").write_text(result.stdout, encoding="utf-8")
        (out_dir / "stderr.txt").write_text(result.stderr, encoding="utf-8")
        timings = {"run": round(result.seconds, 2)}
        if result.timed_out:
            return Verdict(status="pass", timings=timings, isolation=self.runner.isolation)
        return Verdict.failing(ended_early(result, self.seconds), timings=timings, isolation=self.runner.isolation)


def ended_early(result: ExecResult, seconds: float) -> Problem:
    """Why a program that did not live `seconds` failed: how it ended, then the tail of its stderr."""
    stderr = result.stderr.strip()[-STDERR_TAIL:]
    if result.signal is not None:
        kind: ProblemKind = "crash"
        headline = f"the program was killed by signal {result.signal} within {seconds:g} s"
    else:
        kind = "exception" if "Traceback (most recent call last)" in stderr else "early_exit"
        headline = f"the program exited with code {result.returncode} within {seconds:g} s"
    return Problem(kind=kind, message=f"{headline}\n{stderr}" if stderr else f"{headline} (no error output)")


@dataclass
class _Rounds:
    attempts: list[Attempt] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def usage(self) -> Usage:
        return Usage(
            prompt_tokens=sum(a.usage.prompt_tokens for a in self.attempts),
            completion_tokens=sum(a.usage.completion_tokens for a in self.attempts),
        )


class SeedBuilder:
    """The seed's loop: generate, check alive, rewrite on failure; 1 + MAX_REWRITES rounds, no packaging.

    The config's loop budgets (rounds, tokens, seconds, continuations) do not apply: the seed's are the seed's."""

    rounds = 1 + MAX_REWRITES

    def __init__(self, llm: LLM, prober: Prober, config: AegisConfig) -> None:
        self.llm = llm
        self.prober = prober
        self.config = config

    def build(self, task: Task, recorder: RunRecorder) -> RunResult:
        state = _Rounds()
        return recorder.run_and_finalize(
            lambda: self._loop(task, recorder, state), partial(_result, task, recorder, state)
        )

    def _loop(self, task: Task, recorder: RunRecorder, state: _Rounds) -> tuple[RunStatus, str]:
        for number in range(1, self.rounds + 1):
            attempt = self._attempt(task, recorder, number, state.attempts)
            state.attempts.append(attempt)
            recorder.save_attempt(attempt)
            if attempt.verdict.passed:
                _final_app(recorder).write_text(attempt.code, encoding="utf-8")
                return "pass", f"working app after {number} round(s)"
            log.info("round %d failed: %s", number, _error(attempt.verdict).splitlines()[0])
        return "fail", f"no working app after {self.rounds} round(s)"

    def _attempt(self, task: Task, recorder: RunRecorder, number: int, earlier: list[Attempt]) -> Attempt:
        started = time.monotonic()
        kind: Literal["generate", "repair"] = "repair" if earlier else "generate"
        log.info("round %d/%d: %s", number, self.rounds, kind)
        answer = self._ask(task, recorder, earlier, seed=self.config.llm.seed + number - 1)
        recorder.event(
            "llm",
            attempt=number,
            kind=kind,
            prompt_tokens=answer.usage.prompt_tokens,
            completion_tokens=answer.usage.completion_tokens,
            seconds=round(answer.seconds, 2),
        )
        verdict = self._judge(answer, recorder.attempt_dir(number))
        seconds = time.monotonic() - started
        return Attempt(number=number, kind=kind, code=answer.code, verdict=verdict, usage=answer.usage, seconds=seconds)

    def _ask(self, task: Task, recorder: RunRecorder, earlier: list[Attempt], *, seed: int) -> Answer:
        if earlier:
            messages = seed_repair(task.task, earlier[-1].code, _error(earlier[-1].verdict))
        else:
            messages = seed_start(task.task)
        return ask_for_code(
            self.llm,
            messages,
            max_tokens=self.config.llm.max_tokens,
            seed=seed,
            max_continuations=0,
            on_exchange=recorder.chat,
        )

    def _judge(self, answer: Answer, folder: Path) -> Verdict:
        if not answer.code:
            return Verdict.failing(Problem(kind="no_code", message=answer.reason or "the answer contains no code"))
        app = folder / "app.py"
        app.write_text(answer.code, encoding="utf-8")
        return self.prober.probe(app, folder)


def _error(verdict: Verdict) -> str:
    """The error text the seed sent back: what its check saw."""
    return "\n".join(p.message for p in verdict.failures) or verdict.status


def _final_app(recorder: RunRecorder) -> Path:
    folder = recorder.dir / "app"
    folder.mkdir(exist_ok=True)
    return folder / "app.py"


def _result(task: Task, recorder: RunRecorder, state: _Rounds, status: RunStatus, message: str) -> RunResult:
    return RunResult(
        task=task,
        status=status,
        run_dir=str(recorder.dir),
        attempts=state.attempts,
        app_path=str(_final_app(recorder)) if status == "pass" else "",
        usage=state.usage,
        seconds=time.monotonic() - state.started,
        message=message,
    )
