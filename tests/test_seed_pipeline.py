"""`--pipeline seed`: the seed's loop and 3-second alive check, against a real OpenAI-compatible server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aegis.bench.baselines.seed import ALIVE_SECONDS, MAX_REWRITES, AliveProber, SeedBuilder, seed_repair, seed_start
from aegis.config import AegisConfig, SandboxConfig
from aegis.llm import make_llm
from aegis.run.recorder import RunRecorder
from aegis.run.redact import Redactor
from aegis.sandbox.isolation import make_runner
from aegis.schema import RunResult, Task
from fakeserver import ScriptedServer
from helpers import COUNTER_APP, fenced

STARTUP_CRASH = COUNTER_APP.replace("self.count = 0", "self.count = 0\n        self.average = 10 / self.count")
HANDLER_CRASH = COUNTER_APP.replace("self.count += 1", "self.count += 1 / 0")
EXITS_AT_ONCE = "import sys\n\nsys.exit({code})\n"
TASK = "a window with a button that counts clicks"


def build(config: AegisConfig) -> RunResult:
    llm = make_llm(config.llm)
    recorder = RunRecorder(config.runs.dir, Task(id="t", task=TASK), redact=Redactor())
    recorder.start(model=llm.name, config=config.model_dump(mode="json"))
    try:
        check = AliveProber(make_runner(config.sandbox))
        return SeedBuilder(llm, check, config).build(Task(id="t", task=TASK), recorder)
    finally:
        llm.close()


def test_working_app_passes_in_one_round(server: ScriptedServer, config_for) -> None:
    server.add(fenced(COUNTER_APP))
    result = build(config_for(server))

    assert result.status == "pass" and result.rounds == 1
    assert result.attempts[0].kind == "generate"
    assert result.attempts[0].verdict.timings["run"] >= ALIVE_SECONDS
    root = Path(result.run_dir)
    assert (root / "app" / "app.py").read_text() == COUNTER_APP == Path(result.app_path).read_text()
    assert not (root / "attempts/1/screenshots").exists()
    events = [json.loads(line)["event"] for line in (root / "events.jsonl").read_text().splitlines()]
    assert events == ["ask", "llm", "verdict", "finish"]
    assert json.loads((root / "metadata.json").read_text())["status"] == "pass"
    prompt = server.requests[0]["messages"][-1]["content"]
    assert TASK in prompt and "single-file PySide6 application" in prompt


def test_startup_traceback_goes_back_and_the_rewrite_passes(server: ScriptedServer, config_for) -> None:
    server.add(fenced(STARTUP_CRASH), fenced(COUNTER_APP))
    result = build(config_for(server, llm={"seed": 7}))

    assert result.status == "pass" and result.rounds == 2
    assert [a.kind for a in result.attempts] == ["generate", "repair"]
    failure = result.attempts[0].verdict.problems[0]
    assert failure.kind == "exception" and "ZeroDivisionError: division by zero" in failure.message
    repair = server.requests[1]["messages"][-1]["content"]
    assert "The code failed with this error" in repair and "ZeroDivisionError: division by zero" in repair
    assert "self.average = 10 / self.count" in repair  # the whole previous file goes back
    assert [r["seed"] for r in server.requests] == [7, 8]
    assert "ZeroDivisionError" in (Path(result.run_dir) / "attempts/1/stderr.txt").read_text()
    assert Path(result.app_path).read_text() == COUNTER_APP


def test_a_crashing_button_handler_passes_the_seed_gate(server: ScriptedServer, config_for) -> None:
    """The seed's blind spot: nothing is clicked, so a handler that always raises is never seen."""
    server.add(fenced(HANDLER_CRASH))
    result = build(config_for(server))

    assert result.status == "pass" and result.rounds == 1
    assert "1 / 0" in Path(result.app_path).read_text()


def test_stops_after_the_seeds_six_rounds(server: ScriptedServer, config_for) -> None:
    broken = fenced(EXITS_AT_ONCE.format(code='"still broken"'))
    server.add(*[broken] * (MAX_REWRITES + 2))
    result = build(config_for(server, loop={"max_rounds": 2}))  # the seed's budget, not the config's

    assert result.status == "fail" and result.rounds == 1 + MAX_REWRITES == 6
    assert len(server.requests) == 6 and server.remaining == 1
    assert [a.kind for a in result.attempts] == ["generate"] + ["repair"] * 5
    assert "still broken" in server.requests[-1]["messages"][-1]["content"]
    assert not (Path(result.run_dir) / "app" / "app.py").exists() and result.app_path == ""
    assert json.loads((Path(result.run_dir) / "metadata.json").read_text())["rounds"] == 6


@pytest.mark.parametrize("code", [1, 0])
def test_a_program_that_exits_at_once_fails(tmp_path: Path, code: int) -> None:
    """Even exit code 0 fails: the seed only asked whether the program was still running after 3 s."""
    app = tmp_path / "app.py"
    app.write_text(EXITS_AT_ONCE.format(code=code))
    verdict = AliveProber(make_runner(SandboxConfig())).probe(app, tmp_path / "out")

    assert not verdict.passed
    assert verdict.problems[0].kind == "early_exit"
    assert f"exited with code {code}" in verdict.problems[0].message
    assert (tmp_path / "out" / "stderr.txt").is_file() and (tmp_path / "out" / "stdout.txt").is_file()


def test_prompts_ask_for_the_whole_file() -> None:
    first = seed_start("a clock")
    rewrite = seed_repair("a clock", "print('hi')", "NameError: name 'x' is not defined")

    assert [m.role for m in first] == [m.role for m in rewrite] == ["system", "user"]
    assert "```python" in first[-1].content and "a clock" in first[-1].content
    assert "print('hi')" in rewrite[-1].content and "NameError" in rewrite[-1].content
    assert "complete corrected code" in rewrite[-1].content
