"""Sample and verify: a round asks for up to N candidates, checks them in turn and keeps the first that passes,
else the closest; each asked for only when the one before failed (or, `candidates_together`, all at once: one
request with `n`, or more where a server ignores `n`); against a real OpenAI-compatible server serving scripted
replies, with the real probe judging each candidate."""

from __future__ import annotations

import json
from pathlib import Path

from aegis.generate.session import build_one
from aegis.llm import make_llm
from aegis.llm.scripted import ScriptedLLM
from aegis.schema import Message, RunResult, Task
from fakeserver import ScriptedServer
from helpers import COUNTER_APP, fenced

CRASHING_APP = COUNTER_APP.replace("self.count = 0", "self.count = 0\n        self.average = 10 / self.count")
CLICK_CRASH_APP = COUNTER_APP.replace("self.count += 1", "self.count += 1 / 0")
NO_CODE = "I cannot write that program."


def build(config) -> RunResult:
    llm = make_llm(config.llm)
    try:
        return build_one(Task(id="t", task="a window with a button that counts clicks"), config, llm)
    finally:
        llm.close()


def events(result: RunResult) -> list[dict]:
    lines = (Path(result.run_dir) / "events.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines]


def test_the_first_passing_candidate_is_kept_and_the_rest_never_asked_for(server: ScriptedServer, config_for) -> None:
    server.add(fenced(CRASHING_APP), fenced(COUNTER_APP), fenced(CRASHING_APP))
    result = build(config_for(server, llm={"candidates": 3}))

    assert result.status == "pass" and result.rounds == 1
    first, second = server.requests  # the first as a single answer would be; the second sampled when it failed
    assert "n" not in first and first["temperature"] == 0.2
    assert "n" not in second and second["temperature"] == 0.8 and second["messages"] == first["messages"]
    assert second["seed"] != first["seed"] and server.remaining == 1
    kept = result.attempts[0]
    assert (kept.candidate, kept.sampled) == (2, 2)
    assert Path(result.app_path).read_text() == COUNTER_APP
    root = Path(result.run_dir)
    first = json.loads((root / "attempts/1/candidate-1/verdict.json").read_text())
    assert first["status"] == "fail" and "ZeroDivisionError" in json.dumps(first)
    assert (root / "attempts/1/candidate-2/screenshots/window0-start.png").read_bytes()[:4] == b"\x89PNG"
    assert not (root / "attempts/1/candidate-3").exists()
    assert json.loads((root / "attempts/1/verdict.json").read_text())["status"] == "pass"
    checked = [e for e in events(result) if e["event"] == "candidate"]
    assert [(e["candidate"], e["status"]) for e in checked] == [(1, "fail"), (2, "pass")]


def test_no_passing_candidate_the_closest_is_repaired(server: ScriptedServer, config_for) -> None:
    """Round 1: no code, then a crash; the crash is closer (it ran), so the repair prompt shows its program."""
    server.add(NO_CODE, fenced(CRASHING_APP), fenced(COUNTER_APP), NO_CODE)
    result = build(config_for(server, llm={"candidates": 2}))

    assert result.status == "pass" and result.rounds == 2
    first = result.attempts[0]
    assert (first.candidate, first.sampled, first.verdict.status) == (2, 2, "fail")
    repair = server.requests[2]["messages"]  # round 1 asked twice (one answer, then the sampled one)
    assert "self.average = 10 / self.count" in repair[-2]["content"]
    assert "ZeroDivisionError" in repair[-1]["content"]
    assert result.attempts[1].candidate == 1  # round 2's first candidate passed


def test_of_two_failing_candidates_the_one_that_showed_its_window_is_closer(server: ScriptedServer, config_for) -> None:
    """One failure each: a crash at start, and a button that raises; the second got further."""
    server.add(fenced(CRASHING_APP), fenced(CLICK_CRASH_APP))
    result = build(config_for(server, llm={"candidates": 2}, loop={"max_rounds": 1}))

    assert result.status == "fail"
    kept = result.attempts[0]
    assert kept.candidate == 2 and len(kept.verdict.failures) == 1 and kept.verdict.windows
    assert "1 / 0" in Path(result.run_dir, "attempts/1/app.py").read_text()


def test_repair_mix_fresh_starts_the_later_candidates_of_a_repair_afresh(server: ScriptedServer, config_for) -> None:
    """Round 2: the first candidate repairs the crash (and crashes again); the second starts from the task, told
    what failed, and passes."""
    server.add(fenced(CRASHING_APP), fenced(CRASHING_APP), fenced(CRASHING_APP), fenced(COUNTER_APP))
    result = build(config_for(server, llm={"candidates": 2}, loop={"max_rounds": 2, "repair_mix": "fresh"}))

    assert result.status == "pass" and (result.rounds, result.attempts[1].candidate) == (2, 2)
    task, repair, fresh = (server.requests[i]["messages"] for i in (0, 2, 3))
    assert len(repair) == 4 and "self.average = 10 / self.count" in repair[2]["content"]
    assert len(fresh) == 2 and fresh[0] == task[0]  # no program: the system rules, then the task
    assert fresh[1]["content"].startswith(task[1]["content"]) and "ZeroDivisionError" in fresh[1]["content"]
    assert server.requests[3]["temperature"] == 0.2 and server.requests[3]["seed"] != server.requests[2]["seed"]


def test_repair_mix_repair_samples_every_candidate_from_the_repair(server: ScriptedServer, config_for) -> None:
    server.add(fenced(CRASHING_APP), fenced(CRASHING_APP), fenced(CRASHING_APP), fenced(COUNTER_APP))
    result = build(config_for(server, llm={"candidates": 2}, loop={"max_rounds": 2, "repair_mix": "repair"}))

    assert result.status == "pass"
    assert server.requests[3]["messages"] == server.requests[2]["messages"]
    assert server.requests[3]["temperature"] == 0.8


def test_candidates_asked_together_come_from_one_request_with_n(server: ScriptedServer, config_for) -> None:
    server.add(fenced(CRASHING_APP), fenced(COUNTER_APP), fenced(CRASHING_APP))
    result = build(config_for(server, llm={"candidates": 3, "candidates_together": True}))

    assert result.status == "pass" and result.attempts[0].candidate == 2
    first, rest = server.requests  # the first as a single answer would be, the rest sampled in one request
    assert "n" not in first and first["temperature"] == 0.2
    assert rest["n"] == 2 and rest["temperature"] == 0.8 and rest["messages"] == first["messages"]


def test_a_server_that_ignores_n_is_asked_again(config_for) -> None:
    with ScriptedServer(honour_n=False) as srv:
        srv.add(fenced(CRASHING_APP), fenced(CRASHING_APP), fenced(COUNTER_APP))
        result = build(config_for(srv, llm={"candidates": 3, "candidates_together": True}))
        requests = srv.requests

    assert result.status == "pass" and result.attempts[0].candidate == 3
    assert len(requests) == 3 and "n" not in requests[0] and requests[1]["n"] == 2 and "n" not in requests[2]
    assert len({r["seed"] for r in requests}) == 3
    assert [r["temperature"] for r in requests] == [0.2, 0.8, 0.8]  # the extra candidates must differ


def test_round_tokens_count_every_candidate(server: ScriptedServer, config_for) -> None:
    server.add(fenced(CRASHING_APP), fenced(CRASHING_APP), fenced(COUNTER_APP), fenced(COUNTER_APP))
    result = build(config_for(server, llm={"candidates": 2}))

    llm_events = [e for e in events(result) if e["event"] == "llm"]
    assert [(e["attempt"], e["candidate"]) for e in llm_events] == [(1, 1), (1, 2), (2, 1)]  # round 2's first passed
    one = len(fenced(CRASHING_APP)) / 4
    assert llm_events[0]["completion_tokens"] >= one - 1
    both = llm_events[0]["completion_tokens"] + llm_events[1]["completion_tokens"]
    assert result.attempts[0].usage.completion_tokens == both


def test_one_candidate_sends_no_n(server: ScriptedServer, config_for) -> None:
    server.add(fenced(COUNTER_APP))
    result = build(config_for(server))

    assert result.status == "pass" and "n" not in server.requests[0]
    assert (result.attempts[0].candidate, result.attempts[0].sampled) == (0, 1)
    assert server.requests[0]["temperature"] == 0.2
    assert not list(Path(result.run_dir).glob("attempts/1/candidate-*"))


def test_scripted_replies_give_what_is_left() -> None:
    llm = ScriptedLLM(["a", "b", "c"])
    asked = [Message(role="user", content="x")]
    assert [c.text for c in llm.complete_many(asked, n=2, max_tokens=9, seed=1)] == ["a", "b"]
    assert [c.text for c in llm.complete_many(asked, n=2, max_tokens=9, seed=1)] == ["c"]
