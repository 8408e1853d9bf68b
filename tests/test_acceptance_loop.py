"""Acceptance checks in the build loop, `aegis build` and `aegis check`; a scripted OpenAI-compatible server plays
the model.

The program it serves is tests/apps/acceptance/todo.py; its subtly wrong twin's Add does nothing.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from aegis.config import AegisConfig
from aegis.generate.session import build_one
from aegis.llm import make_llm
from aegis.schema import RunResult, Task
from fakeserver import ScriptedServer
from helpers import fenced

AEGIS = str(Path(sys.executable).parent / "aegis")
TODO_APP = (Path(__file__).parent / "apps" / "acceptance" / "todo.py").read_text(encoding="utf-8")
ADD_DOES_NOTHING = TODO_APP.replace('BROKEN = sys.argv[0].endswith("_broken.py")', "BROKEN = True")
TASK = "a todo list: type a task, press Add, and it is listed"
ADDS = {"name": "adds a task", "steps": [{"type": "buy milk"}, {"click": "Add"}, {"expect_items": "buy milk"}]}
SPEC = {"features": ["a task field", "an Add button", "the list of tasks"], "checks": [ADDS]}
INVALID_SPEC = {"features": ["a list"], "checks": [{"name": "adds a task", "steps": [{"press": "Add"}]}]}


def user_message(request: dict[str, Any]) -> str:
    return str(request["messages"][-1]["content"])


def json_block(data: object) -> str:
    return f"```json\n{json.dumps(data, indent=1)}\n```\n"


def build_todo(config: AegisConfig) -> RunResult:
    llm = make_llm(config.llm)
    try:
        return build_one(Task(id="todo", task=TASK, checks=[ADDS]), config, llm)
    finally:
        llm.close()


def test_a_failed_check_goes_into_the_repair_prompt_and_the_fix_passes(server: ScriptedServer, config_for) -> None:
    server.add(fenced(ADD_DOES_NOTHING), fenced(TODO_APP))
    result = build_todo(config_for(server))

    assert (result.status, result.rounds) == ("pass", 2)
    first, second = (attempt.verdict for attempt in result.attempts)
    assert first.acceptance is not None and second.acceptance is not None
    assert first.acceptance.source == "dataset" and not first.acceptance.passed and second.acceptance.passed
    assert [p.kind for p in first.failures] == ["acceptance"]  # it ran and survived the explorer: only the check
    generate, repair = user_message(server.requests[0]), user_message(server.requests[1])
    assert "- adds a task: type 'buy milk', click 'Add', a list has an item 'buy milk'" in generate
    assert "acceptance check 'adds a task': after type 'buy milk', click 'Add': the list has no item" in repair
    assert "make it work with these exact labels" in repair
    assert server.requests[0]["messages"][:2] == server.requests[1]["messages"][:2]  # the stable prefix


def test_failed_checks_do_not_fail_a_build_that_does_not_require_them(server: ScriptedServer, config_for) -> None:
    server.add(fenced(ADD_DOES_NOTHING))
    result = build_todo(config_for(server, probe={"require_acceptance": False}))

    assert (result.status, result.rounds) == ("pass", 1)
    acceptance = result.attempts[0].verdict.acceptance
    assert acceptance is not None and not acceptance.passed and server.remaining == 0


def build(tmp_path: Path, srv: ScriptedServer, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AEGIS_")}
    env |= {"AEGIS_LLM_MAX_RETRIES": "0", "AEGIS_PROBE_SETTLE": "0.3", "COLUMNS": "200"}
    argv = [AEGIS, "build", TASK, "--model", "m", "--base-url", srv.base_url, "--no-package", *flags]
    return subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False)


def run_folder(tmp_path: Path) -> Path:
    (folder,) = [p for p in (tmp_path / "runs").iterdir() if p.is_dir()]
    return folder


def test_build_with_a_generated_spec_sends_an_invalid_spec_back_once(tmp_path: Path) -> None:
    replies = [json_block(INVALID_SPEC), json_block(SPEC), fenced(ADD_DOES_NOTHING), fenced(TODO_APP)]
    with ScriptedServer(replies) as srv:
        done = build(tmp_path, srv, "--spec")
        requests = srv.requests

    assert done.returncode == 0, done.stderr
    assert len(requests) == 4
    assert TASK in user_message(requests[0]) and '"checks"' in user_message(requests[0])
    assert user_message(requests[1]).startswith("Your spec is not valid: check 1 (adds a task), step 1:")
    assert "- adds a task: type 'buy milk', click 'Add', a list has an item 'buy milk'" in user_message(requests[2])
    assert "acceptance check 'adds a task'" in user_message(requests[3])
    folder = run_folder(tmp_path)
    spec = json.loads((folder / "spec.json").read_text())
    assert spec["valid"] and spec["attempts"] == 2 and spec["checks"] == [ADDS]
    verdicts = [json.loads((folder / f"attempts/{n}/verdict.json").read_text()) for n in (1, 2)]
    assert [v["acceptance"]["source"] for v in verdicts] == ["generated", "generated"]
    assert [v["acceptance"]["passed"] for v in verdicts] == [False, True]
    events = [json.loads(line) for line in (folder / "events.jsonl").read_text().splitlines()]
    assert [e["event"] for e in events[:4]] == ["spec", "ask", "llm", "verdict"]
    assert events[0]["valid"] and events[0]["attempts"] == 2 and events[0]["completion_tokens"] > 0
    chat = (folder / "chat.md").read_text()
    assert "Your spec is not valid" in chat and '"press": "Add"' in chat


def test_build_with_a_checks_file_is_judged_by_it(tmp_path: Path) -> None:
    (tmp_path / "checks.yaml").write_text(
        "- name: adds a task\n  steps:\n    - type: buy milk\n    - click: Add\n    - expect_items: buy milk\n"
    )
    with ScriptedServer([fenced(ADD_DOES_NOTHING), fenced(TODO_APP)]) as srv:
        done = build(tmp_path, srv, "--checks", "checks.yaml", "--spec")
        requests = srv.requests

    assert done.returncode == 0, done.stderr
    assert len(requests) == 2  # the file's checks: no spec round even with --spec
    assert "acceptance check 'adds a task'" in user_message(requests[1])
    folder = run_folder(tmp_path)
    assert not (folder / "spec.json").exists()
    verdict = json.loads((folder / "attempts/2/verdict.json").read_text())
    assert verdict["acceptance"]["source"] == "file" and verdict["acceptance"]["passed"]


def test_an_invalid_checks_file_is_one_line_naming_the_check_and_starts_no_run(tmp_path: Path) -> None:
    (tmp_path / "checks.json").write_text(json.dumps(INVALID_SPEC["checks"]))
    with ScriptedServer([fenced(TODO_APP)]) as srv:
        done = build(tmp_path, srv, "--checks", "checks.json")
        assert srv.requests == []

    assert done.returncode == 2  # a usage error, like a bad config
    (line,) = done.stderr.strip().splitlines()
    assert re.match(r"error: checks\.json: check 1 \(adds a task\), step 1: needs exactly one of", line), line
    assert not (tmp_path / "runs").exists()


def test_check_command_runs_a_checks_file_after_exploring(tmp_path: Path) -> None:
    (tmp_path / "checks.json").write_text(json.dumps([ADDS]))
    (tmp_path / "todo.py").write_text(TODO_APP)
    (tmp_path / "todo_add_does_nothing.py").write_text(ADD_DOES_NOTHING)

    def check(app: str, checks: str = "checks.json") -> subprocess.CompletedProcess[str]:
        argv = [AEGIS, "check", app, "--checks", checks, "--json", "--max-actions", "10"]
        return subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)

    good, wrong = check("todo.py"), check("todo_add_does_nothing.py")
    assert (good.returncode, wrong.returncode) == (0, 1), good.stderr + wrong.stderr
    assert json.loads(good.stdout)["acceptance"] | {"checks": []} == {
        "source": "file",
        "checks": [],
        "total": 1,
        "passed_count": 1,
        "passed": True,
    }
    (result,) = json.loads(wrong.stdout)["acceptance"]["checks"]
    assert not result["passed"]
    assert [step["ok"] for step in result["steps"]] == [True, True, False]
    assert "no item containing 'buy milk'" in result["steps"][2]["message"]
    (tmp_path / "bad.json").write_text(json.dumps(INVALID_SPEC["checks"]))
    bad = check("todo.py", "bad.json")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.strip().startswith("error: bad.json: check 1 (adds a task), step 1:")
