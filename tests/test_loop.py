"""The build loop end to end against a real OpenAI-compatible server serving scripted replies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aegis.generate.session import build_one
from aegis.llm import make_llm
from aegis.schema import RunResult, Task
from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced

CRASHING_APP = COUNTER_APP.replace("self.count = 0", "self.count = 0\n        self.average = 10 / self.count")


def build(config, task: str = "a window with a button that counts clicks") -> RunResult:
    llm = make_llm(config.llm)
    try:
        return build_one(Task(id="t", task=task), config, llm)
    finally:
        llm.close()


def run_files(result: RunResult) -> dict[str, str]:
    root = Path(result.run_dir)
    return {
        str(p.relative_to(root)): p.read_text(errors="replace")
        for p in root.rglob("*")
        if p.is_file() and p.suffix in (".py", ".md", ".log", ".json", ".jsonl", ".txt")
    }


def test_broken_first_answer_is_repaired(server: ScriptedServer, config_for) -> None:
    server.add(fenced(CRASHING_APP), fenced(COUNTER_APP))
    result = build(config_for(server))

    assert result.status == "pass"
    assert result.rounds == 2
    assert [a.verdict.status for a in result.attempts] == ["fail", "pass"]
    assert "ZeroDivisionError" in result.attempts[0].verdict.problems[0].message
    repair_prompt = server.requests[1]["messages"][-1]["content"]
    assert "ZeroDivisionError: division by zero" in repair_prompt
    assert 'File "app.py"' in repair_prompt and "launch.py" not in repair_prompt
    # the stable prefix: system + task are identical in both requests
    assert server.requests[0]["messages"][:2] == server.requests[1]["messages"][:2]
    assert Path(result.app_path).read_text() == COUNTER_APP


def test_run_folder_has_every_file(server: ScriptedServer, config_for) -> None:
    server.add(fenced(CRASHING_APP), fenced(COUNTER_APP))
    result = build(config_for(server))
    root = Path(result.run_dir)

    for name in (
        "program.log",
        "chat.md",
        "events.jsonl",
        "metadata.json",
        "attempts/1/app.py",
        "attempts/2/app.py",
        "attempts/2/verdict.json",
        "app/app.py",
    ):
        assert (root / name).is_file(), name
    assert (root / "attempts/2/screenshots/window0-start.png").read_bytes()[:4] == b"\x89PNG"
    metadata = json.loads((root / "metadata.json").read_text())
    assert metadata["status"] == "pass" and metadata["rounds"] == 2
    assert metadata["task"]["task"] == "a window with a button that counts clicks"
    assert metadata["model"] == "scripted-model"
    events = [json.loads(line) for line in (root / "events.jsonl").read_text().splitlines()]
    assert [e["event"] for e in events] == ["ask", "llm", "verdict", "ask", "llm", "verdict", "finish"]
    assert events[3] == {"t": events[3]["t"], "event": "ask", "attempt": 2, "kind": "repair", "candidates": 1}
    assert events[1]["prompt_tokens"] > 0 and events[1]["completion_tokens"] > 0
    chat = (root / "chat.md").read_text()
    # system and task once; two answers, plus the code as it was sent back for repair
    assert chat.count("## system") == 1 and chat.count("## assistant") == 3 and "ZeroDivisionError" in chat
    assert "round 1 failed" in (root / "program.log").read_text()


def test_rate_limit_is_retried(server: ScriptedServer, config_for) -> None:
    server.add(Reply(status=429, headers={"retry-after-ms": "10"}), fenced(COUNTER_APP))
    result = build(config_for(server))
    assert result.status == "pass" and result.rounds == 1
    assert len(server.requests) == 2


def test_garbage_answer_gets_a_no_code_repair(server: ScriptedServer, config_for) -> None:
    server.add("I'm sorry, I can't help with that.", fenced(COUNTER_APP))
    result = build(config_for(server))
    assert result.status == "pass" and result.rounds == 2
    assert result.attempts[0].verdict.problems[0].kind == "no_code"
    assert "did not contain a Python program" in server.requests[1]["messages"][-1]["content"]


def test_only_garbage_ends_in_a_clear_failure(server: ScriptedServer, config_for) -> None:
    server.add(*["no code here"] * 3)
    result = build(config_for(server, loop={"max_rounds": 3}))
    assert result.status == "fail"
    assert "no working app after 3 round(s)" in result.message
    assert json.loads((Path(result.run_dir) / "metadata.json").read_text())["status"] == "fail"


def test_same_problem_twice_regenerates_from_scratch(server: ScriptedServer, config_for) -> None:
    server.add(fenced(CRASHING_APP), fenced(CRASHING_APP), fenced(COUNTER_APP))
    result = build(config_for(server))
    assert [a.kind for a in result.attempts] == ["generate", "repair", "regenerate"]
    first, third = server.requests[0]["messages"], server.requests[2]["messages"]
    assert len(third) == 2 and third[-1]["role"] == "user"  # no old code
    assert third[-1]["content"].startswith(first[-1]["content"])  # the same task, then what failed before
    assert "failed like this" in third[-1]["content"] and "ZeroDivisionError" in third[-1]["content"]
    assert "failed like this" not in first[-1]["content"]
    assert server.requests[2]["seed"] != server.requests[0]["seed"]


def test_truncated_answer_is_continued(server: ScriptedServer, config_for) -> None:
    head, tail = COUNTER_APP[:400], COUNTER_APP[400:]
    server.add(Reply(content=f"```python\n{head}", finish_reason="length"), f"```python\n{tail}```")
    result = build(config_for(server))
    assert result.status == "pass" and result.rounds == 1
    assert "Continue the program exactly where it stopped" in server.requests[1]["messages"][-1]["content"]


def test_missing_pyside_imports_are_fixed_without_a_model_round(server: ScriptedServer, config_for) -> None:
    server.add(fenced(COUNTER_APP.replace("import sys\n", "").replace(", QLabel", "")))
    result = build(config_for(server))
    assert result.status == "pass" and result.rounds == 1
    assert (
        "from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget, QLabel"
        in Path(result.app_path).read_text()
    )


def test_missing_system_library_stops_without_asking_the_model(server: ScriptedServer, config_for) -> None:
    app = COUNTER_APP.replace("import sys\n", 'import sys\nimport ctypes\nctypes.CDLL("libaegismissing.so.3")\n')
    server.add(fenced(app))
    result = build(config_for(server))
    assert result.status == "blocked" and result.rounds == 1
    assert "libaegismissing.so.3" in result.message
    assert len(server.requests) == 1


def test_no_secret_reaches_the_run_folder(server: ScriptedServer, config_for, monkeypatch) -> None:
    secret = "sk-test-abcdefghijklmnopqrstuvwxyz0123"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    monkeypatch.setenv("MY_SERVICE_TOKEN", "tok-987654321")
    leaky = COUNTER_APP.replace('"Counter"', 'os.environ.get("OPENAI_API_KEY", "none")').replace(
        "import sys", "import os\nimport sys"
    )
    server.add(fenced(leaky, prose=f"Use the key {secret} and tok-987654321."))
    result = build(config_for(server))
    assert result.status == "pass"
    for name, text in run_files(result).items():
        assert secret not in text and "tok-987654321" not in text, name
    # the app itself never saw the key: its window title is the fallback
    verdict = json.loads((Path(result.run_dir) / "attempts/1/verdict.json").read_text())
    assert verdict["windows"][0]["title"] == "none"


@pytest.mark.slow
def test_passing_app_is_packaged_and_starts(server: ScriptedServer, config_for) -> None:
    server.add(fenced(COUNTER_APP))
    result = build(config_for(server, package={"enabled": True}))
    assert result.status == "pass", result.message
    assert result.package is not None and result.package.ok
    exe = Path(result.package.executable)
    assert exe.is_file() and exe.stat().st_mode & 0o111
    assert result.package.size_bytes > 1_000_000
    events = (Path(result.run_dir) / "events.jsonl").read_text()
    assert '"event": "package"' in events


def test_token_budget_stops_the_loop(server: ScriptedServer, config_for) -> None:
    server.add(Reply(content=fenced(CRASHING_APP), completion_tokens=5000), fenced(COUNTER_APP))
    result = build(config_for(server, loop={"max_total_tokens": 4000}))
    assert result.status == "fail" and result.rounds == 1
    assert "token budget spent" in result.message
    assert len(server.requests) == 1


def test_a_made_up_module_is_refused_not_installed(server: ScriptedServer, config_for) -> None:
    invented = COUNTER_APP.replace("import sys\n", "import sys\nimport pyside6_widgets_plus\n")
    server.add(fenced(invented), fenced(COUNTER_APP))
    result = build(config_for(server))
    assert result.status == "pass" and result.rounds == 2
    first = result.attempts[0].verdict.problems[0]
    assert first.kind == "missing_module" and "pyside6_widgets_plus" in first.message
    assert not (Path(result.run_dir) / "attempts/1/probe.jsonl").exists()  # never ran
    assert "pyside6_widgets_plus" in server.requests[1]["messages"][-1]["content"]
    events = (Path(result.run_dir) / "events.jsonl").read_text()
    assert '"event": "dependency_refused"' in events


def test_tools_mode_writes_app_py_through_the_action_api(server: ScriptedServer, config_for) -> None:
    create = {
        "type": "function",
        "id": "c1",
        "function": {"name": "create_file", "arguments": json.dumps({"path": "app.py", "content": COUNTER_APP})},
    }
    finish = {"type": "function", "id": "c2", "function": {"name": "finish", "arguments": "{}"}}
    server.add(Reply(tool_calls=[create]), Reply(tool_calls=[finish]))
    result = build(config_for(server, loop={"mode": "tools"}))
    assert result.status == "pass", result.message
    assert Path(result.app_path).read_text() == COUNTER_APP
    assert (Path(result.run_dir) / "workspace" / "app.py").is_file()
    assert server.requests[0]["tools"]  # the action API was offered as OpenAI tools
    assert "create_file" in (Path(result.run_dir) / "chat.md").read_text()
