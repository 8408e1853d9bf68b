"""The ``--mode tools`` loop, driven by the real openai client against the scripted server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from aegis.actions import Policy, default_registry
from aegis.config import LLMConfig
from aegis.errors import LLMAuthError
from aegis.generate.tool_loop import ToolLoop, ToolLoopConfig, ToolLoopResult
from aegis.llm.openai_client import client
from aegis.llm.openai_tools import OpenAIToolLLM
from aegis.sandbox.runner import SubprocessRunner
from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced

TASK = "a counter with one button"
EDITED_APP = COUNTER_APP.replace('"Add one"', '"Add 1"')


def tool(name: str, arguments: dict[str, Any] | str, call_id: str | None = None) -> dict[str, Any]:
    call: dict[str, Any] = {"function": {"name": name, "arguments": arguments}}
    return call | ({"id": call_id} if call_id else {})


def calls(*tool_calls: dict[str, Any]) -> Reply:
    return Reply(tool_calls=list(tool_calls))


CREATE = calls(tool("create_file", {"path": "app.py", "content": COUNTER_APP}, "call_create"))
EDIT = calls(tool("edit_file", {"path": "app.py", "search": '"Add one"', "replace": '"Add 1"'}, "call_edit"))
FINISH = calls(tool("finish", {"summary": "A counter."}, "call_finish"))


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "workspace"
    folder.mkdir()
    return folder


@pytest.fixture
def llm(server: ScriptedServer) -> Iterator[OpenAIToolLLM]:
    config = LLMConfig(max_retries=0, timeout=30)
    sdk = client(config, base_url=server.base_url, api_key="test")
    tool_llm = OpenAIToolLLM(config, model="tool-model", client=sdk)
    yield tool_llm
    tool_llm.close()


def run_loop(llm: OpenAIToolLLM, workspace: Path, max_turns: int = 8) -> ToolLoopResult:
    policy = Policy(workspace)
    loop = ToolLoop(llm, default_registry(policy, SubprocessRunner()), policy, ToolLoopConfig(max_turns=max_turns))
    return loop.run(TASK)


def tool_messages(request: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for m in request["messages"] if m["role"] == "tool"]


def result_of(message: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(message["content"])
    return content


def test_create_edit_finish_returns_the_edited_program(
    server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path
) -> None:
    server.add(CREATE, EDIT, FINISH)
    result = run_loop(llm, workspace)
    assert (result.stop, result.turns, result.app) == ("finished", 3, EDITED_APP)
    assert (workspace / "app.py").read_text() == EDITED_APP and result.app_path == workspace / "app.py"
    first = server.requests[0]
    assert [t["function"]["name"] for t in first["tools"]] == [
        "read_file",
        "create_file",
        "edit_file",
        "list_files",
        "get_symbols",
        "run_command",
        "finish",
    ]
    assert first["messages"][1]["content"].startswith(f"Write a PySide6 desktop application: {TASK}")
    assert "The workspace folder is empty." in first["messages"][1]["content"]
    created, edited = tool_messages(server.requests[2])
    assert (created["tool_call_id"], edited["tool_call_id"]) == ("call_create", "call_edit")
    assert result_of(created)["success"] and result_of(edited)["data"]["line"] == 11
    assert result.messages[-1]["tool_call_id"] == "call_finish" and result_of(result.messages[-1])["success"]
    assert llm.usage.prompt_tokens > 0 and server.remaining == 0


def test_invalid_json_arguments_get_an_error_back_and_the_loop_goes_on(
    server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path
) -> None:
    garbled = calls(tool("create_file", '{"path": "app.py", "content": "import sys', "call_bad"))
    server.add(garbled, CREATE, Reply("app.py is written."))
    result = run_loop(llm, workspace)
    assert (result.stop, result.turns, result.app) == ("answered", 3, COUNTER_APP)
    [bad] = tool_messages(server.requests[1])
    assert bad["tool_call_id"] == "call_bad"
    error = result_of(bad)
    assert error["success"] is False
    assert error["error"].startswith("the arguments of create_file are not valid JSON (Unterminated string")
    assert result_of(tool_messages(server.requests[2])[-1])["success"]


def test_unknown_tools_and_non_object_arguments_are_answered_in_order(
    server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path
) -> None:
    server.add(calls(tool("delete_all", {}), tool("read_file", "[1, 2]"), tool("list_files", "")), FINISH, CREATE)
    server.add(FINISH)
    result = run_loop(llm, workspace)
    assert (result.stop, result.turns) == ("finished", 4)
    unknown, not_object, listed = (result_of(m) for m in tool_messages(server.requests[1]))
    assert "unknown action 'delete_all'; the known actions are: read_file" in unknown["error"]
    assert not_object["error"] == "the arguments of read_file must be a JSON object, not list"
    assert listed["success"] and listed["logs"] == [". is empty"]
    refused = result_of(tool_messages(server.requests[2])[-1])
    assert refused["error"] == "finish refused: there is no app.py yet; write it with create_file first"


def test_finish_is_refused_while_the_app_does_not_parse(
    server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path
) -> None:
    broken = calls(tool("create_file", {"path": "app.py", "content": "def main(:\n"}))
    fix = calls(tool("create_file", {"path": "app.py", "content": COUNTER_APP, "overwrite": True}))
    server.add(broken, FINISH, fix, FINISH)
    result = run_loop(llm, workspace)
    assert (result.stop, result.turns, result.app) == ("finished", 4, COUNTER_APP)
    assert "app.py does not parse: line 1" in result_of(tool_messages(server.requests[1])[-1])["logs"][0]
    refused = result_of(tool_messages(server.requests[2])[-1])
    assert refused["error"].startswith("finish refused: app.py does not parse: line 1, column 10: invalid syntax")


def test_the_loop_stops_after_max_turns(server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path) -> None:
    server.add(*[calls(tool("list_files", {}))] * 3)
    result = run_loop(llm, workspace, max_turns=2)
    assert (result.stop, result.turns, result.app) == ("max_turns", 2, "")
    assert server.remaining == 1


def test_a_program_answered_as_text_is_saved_as_the_app(
    server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path
) -> None:
    server.add(fenced(COUNTER_APP))
    result = run_loop(llm, workspace)
    assert (result.stop, result.turns, result.app) == ("answered", 1, COUNTER_APP)


def test_the_first_message_shows_the_workspace_as_it_is(
    server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path
) -> None:
    (workspace / "app.py").write_text(COUNTER_APP)
    server.add(EDIT, FINISH)
    result = run_loop(llm, workspace)
    assert result.app == EDITED_APP
    task = server.requests[0]["messages"][1]["content"]
    assert f"- app.py ({len(COUNTER_APP)} bytes)" in task and 'QPushButton("Add one")' in task


def test_a_rejected_key_is_an_llm_auth_error(server: ScriptedServer, llm: OpenAIToolLLM, workspace: Path) -> None:
    server.add(Reply("Incorrect API key provided.", status=401))
    with pytest.raises(LLMAuthError, match="rejected the API key"):
        run_loop(llm, workspace)


def test_the_scripted_server_streams_tool_calls_too(server: ScriptedServer) -> None:
    server.add(calls(tool("list_files", {"path": "."}, "call_s")))
    with openai.OpenAI(base_url=server.base_url, api_key="test", max_retries=0) as client:
        stream = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}], stream=True)
        chunks = list(stream)
    [delta_call] = [c.choices[0].delta.tool_calls for c in chunks if c.choices and c.choices[0].delta.tool_calls]
    assert delta_call[0].id == "call_s" and delta_call[0].function is not None
    assert (delta_call[0].function.name, delta_call[0].function.arguments) == ("list_files", '{"path": "."}')
    assert chunks[-1].choices[0].finish_reason == "tool_calls"
