"""`--executor ray`: the same bench rows as the inline executor, from Ray tasks on a local Ray instance."""

from __future__ import annotations

import json
import logging
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

from aegis.bench.executors import InlineExecutor, make_executor
from aegis.bench.models import BenchRow, BenchSettings
from aegis.bench.plan import plan_items
from aegis.config import load_config
from aegis.errors import LLMAuthError
from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced

ray = pytest.importorskip("ray")

WORKER_KEY = "key-the-ray-workers-send"
CRASHING_APP = "import sys\nraise RuntimeError('the quokka timer broke')\n"
RULES: dict[str, Reply | str] = {
    "zebra counter": fenced(COUNTER_APP),
    "yak notebook": "I would rather not write code today.",
    "quokka timer": fenced(CRASHING_APP),
}


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    """One local Ray instance for the module; its workers send WORKER_KEY as their API key."""
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
        runtime_env={"env_vars": {"AEGIS_API_KEY": WORKER_KEY}},
    )
    yield
    ray.shutdown()


def _items(tmp_path: Path, tasks: tuple[str, ...] = ("a zebra counter", "a yak notebook", "a quokka timer")) -> Any:
    dataset = tmp_path / "tiny.json"
    dataset.write_text(json.dumps(list(tasks)))
    return plan_items([dataset], runs=1)


def _settings(srv: ScriptedServer, out: Path) -> BenchSettings:
    flags: dict[str, dict[str, Any]] = {
        "llm": {"model": "m", "base_url": srv.base_url, "max_retries": 0},
        "loop": {"max_rounds": 2, "spec": False},
        "package": {"enabled": False},
        "probe": {"settle": 0.2, "timeout": 20},
    }
    return BenchSettings(config=load_config(flags=flags, env={}), pipeline="aegis", out=str(out))


def _compared(rows: list[BenchRow]) -> list[tuple[Any, ...]]:
    return sorted(
        (r.key, r.status, r.gate, r.rounds, r.prompt_tokens, r.completion_tokens, tuple(r.problems)) for r in rows
    )


@pytest.mark.timeout(300)
def test_ray_tasks_give_the_same_rows_as_the_inline_executor(tmp_path: Path) -> None:
    items = _items(tmp_path)
    with ScriptedServer(rules=RULES) as srv:
        inline = list(InlineExecutor().run(items, _settings(srv, tmp_path / "inline")))
        remote = list(make_executor("ray", 2).run(items, _settings(srv, tmp_path / "ray")))
    assert _compared(remote) == _compared(inline)
    assert [(r.task_id, r.status) for r in sorted(inline, key=lambda r: r.key)] == [
        ("001-a-zebra-counter", "pass"),
        ("002-a-yak-notebook", "fail"),
        ("003-a-quokka-timer", "fail"),
    ]
    assert all((tmp_path / "ray" / r.run_dir / "chat.md").exists() for r in remote)
    assert ray.is_initialized()  # it joined the module's instance and left it running


@pytest.mark.timeout(300)
def test_a_fatal_error_in_a_ray_task_is_raised_as_itself(tmp_path: Path) -> None:
    items = _items(tmp_path)
    with ScriptedServer(api_key="the-right-key", rules=RULES) as srv:
        rows = make_executor("ray", 2).run(items, _settings(srv, tmp_path / "bench"))
        with pytest.raises(LLMAuthError, match="rejected the API key") as raised:
            next(rows)
    assert type(raised.value) is LLMAuthError and "\n" not in str(raised.value)  # the CLI's one line, not Ray's
    assert 1 <= len(srv.requests) <= 2  # the third item was never started


@pytest.mark.timeout(300)
def test_closing_the_rows_early_interrupts_the_tasks_in_flight(tmp_path: Path) -> None:
    items = _items(tmp_path, ("a zebra counter", "a sloth counter"))
    rules = {**RULES, "sloth counter": Reply(fenced(COUNTER_APP), delay=8)}
    with ScriptedServer(rules=rules) as srv:
        rows = make_executor("ray", 2).run(items, _settings(srv, tmp_path / "bench"))
        assert isinstance(rows, Generator) and next(rows).task_id == "001-a-zebra-counter"
        rows.close()  # what Ctrl-C does to the bench's loop
    [metadata] = (tmp_path / "bench" / "items" / "tiny" / "002-a-sloth-counter").rglob("metadata.json")
    assert json.loads(metadata.read_text())["status"] == "interrupted"
    assert ray.is_initialized()
