"""`aegis build --mode tools`: the model works on app.py through the action API instead of rewriting it.

Each round runs a tool loop in the run's `workspace/` folder, which persists between rounds: a repair
round asks the model to edit the file it wrote, with the verdict's problems in the task.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from aegis.actions.policy import Policy
from aegis.actions.registry import default_registry
from aegis.generate import prompts
from aegis.generate.ask import Answer
from aegis.generate.tool_loop import ToolLoop, ToolLoopConfig
from aegis.llm.openai_tools import OpenAIToolLLM
from aegis.protocols import Runner
from aegis.schema import Attempt, Usage


class ToolsAsker:
    def __init__(self, llm: OpenAIToolLLM, runner: Runner, workspace: Path) -> None:
        self.llm = llm
        self.runner = runner
        self.workspace = workspace

    def ask(self, task: str, attempts: Sequence[Attempt], transcript: Callable[[str], None]) -> Answer:
        self.workspace.mkdir(parents=True, exist_ok=True)
        if attempts and not attempts[-1].code:  # regenerate: start from an empty workspace
            (self.workspace / "app.py").unlink(missing_ok=True)
        wording = task
        if attempts and attempts[-1].code:
            wording += "\n\n" + prompts.render("repair", problems=attempts[-1].verdict.failures[: prompts.MAX_PROBLEMS])
        before, started = self.llm.usage, time.monotonic()
        policy = Policy(self.workspace)
        result = ToolLoop(self.llm, default_registry(policy, self.runner), policy, ToolLoopConfig()).run(wording)
        transcript(_markdown(result.messages))
        usage = Usage(
            prompt_tokens=self.llm.usage.prompt_tokens - before.prompt_tokens,
            completion_tokens=self.llm.usage.completion_tokens - before.completion_tokens,
        )
        reason = "" if result.app else f"the model never wrote app.py ({result.stop} after {result.turns} turns)"
        return Answer(code=result.app, raw=result.app, usage=usage, seconds=time.monotonic() - started, reason=reason)


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
