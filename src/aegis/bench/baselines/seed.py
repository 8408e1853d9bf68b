"""`--pipeline seed`: the seed's design (the first version of this product), reproduced inside AEGIS.

    AliveProber     run `python app.py` offscreen for ALIVE_SECONDS; pass if it is still running then
    SeedAsker       ask for the whole program; on failure send the error back and ask for the whole file again
    SeedBuilder     AEGIS's build loop (generate.loop) with the seed's asker, its plain trial and its rules:
                    up to MAX_REWRITES rewrites, no budgets, no packaging
    seed_start      the first request: a short system message and the task
    seed_repair     a rewrite request: the task, the previous code and its error

No static pre-check, no GUI explorer, no dependency step, no continuations, no token or time budget:
what the seed did not have, this pipeline does not do. Two things differ, both for safety: the program
runs in AEGIS's sandbox with a scrubbed environment, and where the seed ran `pip install <module>` into
the host on a ModuleNotFoundError, here that error goes back to the model like any other (nothing is ever
installed into the host).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from aegis.acceptance import AcceptanceCheck, CheckSet
from aegis.config import AegisConfig
from aegis.generate import prompts
from aegis.generate.ask import Answer, AttemptKind, OnExchange, ask_for_code
from aegis.generate.loop import BuildRun, Parts, Rules
from aegis.generate.trial import PlainTrial
from aegis.paths import replace_file
from aegis.protocols import LLM, Prober, Runner
from aegis.run.recorder import RunRecorder
from aegis.schema import Attempt, ExecResult, Message, Problem, ProblemKind, RunResult, Task, Verdict
from aegis.verdict.headless import child_environment
from aegis.verdict.toolkit import detect_toolkit
from aegis.verdict.workspace import Scratch

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
        with Scratch.made(app) as scratch, child_environment(toolkit, scratch.home) as (_, env):
            argv = [python or sys.executable, str(scratch.app_path(app))]
            result = self.runner.run(argv, cwd=scratch.app_dir, timeout=self.seconds, env=env)
        replace_file(out_dir / "stdout.txt", result.stdout)
        replace_file(out_dir / "stderr.txt", result.stderr)
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


class SeedAsker:
    """The seed's requests: the task first; after a failure, the task, the whole failed file and its error."""

    def __init__(self, llm: LLM, task: str, on_exchange: OnExchange, *, max_tokens: int) -> None:
        self.llm = llm
        self.task = task
        self.on_exchange = on_exchange
        self.max_tokens = max_tokens

    def ask(
        self, kind: AttemptKind, attempts: Sequence[Attempt], checks: Sequence[AcceptanceCheck], *, seed: int, n: int
    ) -> Iterator[Answer]:
        """The seed never saw acceptance checks (`checks` is ignored: the bench's judge runs them) and sampled one
        program a round (`n` is ignored)."""
        if attempts:
            messages = seed_repair(self.task, attempts[-1].code, _error(attempts[-1].verdict))
        else:
            messages = seed_start(self.task)
        return ask_for_code(
            self.llm, messages, max_tokens=self.max_tokens, seed=seed, max_continuations=0, on_exchange=self.on_exchange
        )


SEED_RULES = Rules(max_rounds=1 + MAX_REWRITES, regenerate_on_repeat=False, stop_on_missing_library=False)
"""The seed's loop: 1 + MAX_REWRITES rounds, always a rewrite of the last file, no token or time budget."""


class SeedBuilder:
    """The seed's pipeline on AEGIS's loop: its prompts, no pre-check or dependency step, its rules, no packaging."""

    def __init__(self, llm: LLM, prober: Prober, config: AegisConfig) -> None:
        self.llm = llm
        self.prober = prober
        self.config = config

    def build(self, task: Task, recorder: RunRecorder) -> RunResult:
        asker = SeedAsker(self.llm, task.task, recorder.chat, max_tokens=self.config.llm.max_tokens)
        parts = Parts(asker=asker, trial=PlainTrial(self.prober))
        return BuildRun(task, recorder, parts, SEED_RULES, seed=self.config.llm.seed).run()


def _error(verdict: Verdict) -> str:
    """The error text the seed sent back: what its check saw."""
    return "\n".join(p.message for p in verdict.failures) or verdict.status
