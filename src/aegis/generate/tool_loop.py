"""The core of ``--mode tools``: the model builds the app in a workspace through actions, turn by turn.

Each turn sends the conversation and the tool definitions; every tool call in the answer runs through the
registry and its ActionResult goes back as a ``tool`` message. A call the model garbled (unknown action,
arguments that are not a JSON object) gets an error result like any other failure, never a crash. The loop
stops when the model answers without tool calls, when it calls ``finish`` (refused while the app is missing
or does not parse), or after ``max_turns``. What it returns is the workspace's app file as it then stands.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from aegis.actions import FINISH, ActionCall, ActionError, ActionResult, Policy, Registry
from aegis.actions.files import parse_python
from aegis.generate import prompts
from aegis.generate.extract import extract_code

StopReason = Literal["finished", "answered", "max_turns"]


class ToolLLM(Protocol):
    """A chat model that can call tools (OpenAI ``tools`` format)."""

    def chat(self, messages: list[dict[str, Any]], tools: list[dict[str, Any]]) -> dict[str, Any]:
        """The assistant message: ``{"role": "assistant", "content": ..., "tool_calls": [...]?}``."""
        ...


@dataclass(frozen=True)
class ToolLoopConfig:
    max_turns: int = 12
    """Most model answers in one loop."""
    app_file: str = "app.py"
    """The program the model is asked to write, relative to the workspace root."""
    max_app_chars: int = 16_000
    """Most characters of an existing app file shown in the first message."""


@dataclass(frozen=True)
class ToolLoopResult:
    app: str
    """The app file's text when the loop stopped; "" when the model never wrote it."""
    app_path: Path
    stop: StopReason
    turns: int
    messages: list[dict[str, Any]] = field(repr=False)
    """The whole conversation, tool messages included, for the run record."""


class ToolLoop:
    def __init__(self, llm: ToolLLM, registry: Registry, policy: Policy, config: ToolLoopConfig | None = None) -> None:
        self.llm = llm
        self.registry = registry
        self.policy = policy
        self.config = config or ToolLoopConfig()

    @property
    def app_path(self) -> Path:
        return self.policy.root / self.config.app_file

    def run(self, task: str) -> ToolLoopResult:
        messages = self.start(task)
        tools = self.registry.tool_definitions()
        stop: StopReason | None = None
        turns = 0
        while stop is None and turns < self.config.max_turns:
            turns += 1
            reply = {**self.llm.chat(messages, tools), "role": "assistant"}
            messages.append(reply)
            stop = self._act(reply, messages)
        app = self.app_path.read_text(encoding="utf-8", errors="replace") if self.app_path.is_file() else ""
        return ToolLoopResult(app, self.app_path, stop or "max_turns", turns, messages)

    def start(self, task: str) -> list[dict[str, Any]]:
        """The system rules, then the task with the workspace as it is now."""
        app = self._app_text()
        listing = self.registry.call(ActionCall(name="list_files", params={"recursive": True}))
        files = listing.data["entries"] if listing.success else []
        values = {"app_file": self.config.app_file, "finish": FINISH}
        return [
            {"role": "system", "content": prompts.render("tools_system", **values)},
            {"role": "user", "content": prompts.render("tools_task", task=task, files=files, app=app, **values)},
        ]

    def _act(self, reply: dict[str, Any], messages: list[dict[str, Any]]) -> StopReason | None:
        """Run the reply's tool calls, appending their results; why to stop, or None to go on."""
        tool_calls = reply.get("tool_calls") or []
        if not tool_calls:
            self._save_answered_code(str(reply.get("content") or ""))
            return "answered"
        finished = False
        for index, raw_call in enumerate(tool_calls):
            tool_call = raw_call if isinstance(raw_call, dict) else {}
            call_id = str(tool_call.get("id") or f"call_{index}")
            result = self._execute(tool_call)
            messages.append({"role": "tool", "tool_call_id": call_id, "content": result.model_dump_json()})
            finished = finished or (result.success and _name(tool_call) == FINISH)
        return "finished" if finished else None

    def _execute(self, tool_call: dict[str, Any]) -> ActionResult:
        try:
            call = parse_tool_call(tool_call)
            if call.name == FINISH:
                self._check_finished()
        except ActionError as exc:
            return ActionResult(success=False, error=str(exc), duration_ms=0.0)
        return self.registry.call(call)

    def _check_finished(self) -> None:
        name = self.config.app_file
        if not self.app_path.is_file():
            raise ActionError(f"{FINISH} refused: there is no {name} yet; write it with create_file first")
        try:
            parse_python(name, self.app_path.read_text(encoding="utf-8", errors="replace"))
        except ActionError as exc:
            raise ActionError(f"{FINISH} refused: {exc}") from None

    def _app_text(self) -> str:
        if not self.app_path.is_file():
            return ""
        return self.app_path.read_text(encoding="utf-8", errors="replace")[: self.config.max_app_chars]

    def _save_answered_code(self, content: str) -> None:
        """A model that answers with the program in a code block instead of calling create_file."""
        code = extract_code(content).code if content and not self.app_path.exists() else ""
        if code:
            self.registry.call(ActionCall(name="create_file", params={"path": self.config.app_file, "content": code}))


def parse_tool_call(tool_call: dict[str, Any]) -> ActionCall:
    """The ActionCall in an OpenAI tool call; ActionError (for the model) when it is garbled."""
    name = _name(tool_call)
    if not name:
        raise ActionError("the tool call names no function; call one of the tools by name")
    arguments = (tool_call.get("function") or {}).get("arguments")
    if isinstance(arguments, str) and arguments.strip():
        try:
            arguments = json.loads(arguments)
        except json.JSONDecodeError as exc:
            raise ActionError(
                f"the arguments of {name} are not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
                'send them as one JSON object, e.g. {"path": "app.py"}'
            ) from None
    if arguments is None or arguments == "":
        arguments = {}
    if not isinstance(arguments, dict):
        raise ActionError(f"the arguments of {name} must be a JSON object, not {type(arguments).__name__}")
    return ActionCall(name=name, params=arguments)


def _name(tool_call: dict[str, Any]) -> str:
    function = tool_call.get("function")
    name = function.get("name") if isinstance(function, dict) else None
    return name if isinstance(name, str) else ""
