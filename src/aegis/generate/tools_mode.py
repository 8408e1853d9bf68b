"""`aegis build --mode tools`: the model works on app.py through the action API instead of rewriting it.

Each round runs a tool loop in the run's `workspace/` folder, which persists between rounds: a repair
round asks the model to edit the file it wrote, with the verdict's problems in the task.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from aegis.acceptance import AcceptanceCheck
from aegis.actions.defaults import default_registry
from aegis.actions.policy import Policy
from aegis.generate import prompts
from aegis.generate.ask import Answer, AttemptKind
from aegis.generate.tool_loop import ToolLoop, ToolLoopConfig
from aegis.llm.openai_tools import OpenAIToolLLM
from aegis.paths import APP_FILE
from aegis.protocols import Runner
from aegis.schema import Attempt, Usage


class ToolsAsker:
    """An Asker whose model edits `workspace/app.py` with file and terminal actions.

    Acceptance checks are not shown to it, and the seed is the server's: a tool loop is many calls."""

    def __init__(
        self, llm: OpenAIToolLLM, runner: Runner, workspace: Path, task: str, transcript: Callable[[str], None]
    ) -> None:
        self.llm = llm
        self.runner = runner
        self.workspace = workspace
        self.task = task
        self.transcript = transcript

    def ask(
        self, kind: AttemptKind, attempts: Sequence[Attempt], checks: Sequence[AcceptanceCheck], *, seed: int, n: int
    ) -> list[Answer]:
        """One program a round (`n` is ignored): the model edits one workspace."""
        self.workspace.mkdir(parents=True, exist_ok=True)
        repairing = kind == "repair" and bool(attempts[-1].code)
        if not repairing:  # a first try or a fresh start: an empty workspace
            (self.workspace / APP_FILE).unlink(missing_ok=True)
        wording = self.task
        if repairing:
            wording += "\n\n" + prompts.failures(attempts[-1].verdict.failures[: prompts.MAX_PROBLEMS])
        before, started = self.llm.usage, time.monotonic()
        policy = Policy(self.workspace)
        result = ToolLoop(self.llm, default_registry(policy, self.runner), policy, ToolLoopConfig()).run(wording)
        self.transcript(_markdown(result.messages))
        usage = Usage(
            prompt_tokens=self.llm.usage.prompt_tokens - before.prompt_tokens,
            completion_tokens=self.llm.usage.completion_tokens - before.completion_tokens,
        )
        reason = "" if result.app else f"the model never wrote app.py ({result.stop} after {result.turns} turns)"
        return [Answer(code=result.app, raw=result.app, usage=usage, seconds=time.monotonic() - started, reason=reason)]


def _markdown(messages: list[dict[str, object]]) -> str:
    parts = []
    for message in messages:
        role = message.get("role", "?")
        body = message.get("content") or ""
        calls = message.get("tool_calls")
        if calls:
            body = f"{body}\n\ntool calls:\n```json\n{json.dumps(calls, indent=2)}\n```"
        parts.append(f"## {role}\n\n{body}\n\n")
    return "".join(parts)
