"""`aegis bench`: parallel workers, resume after Ctrl-C, both pipelines, `aegis report`; real subprocesses.

The scripted server answers by rule (the task's words), so parallel and resumed builds get the same
replies whatever the order of their requests.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from aegis.bench.models import BenchRow
from aegis.bench.plan import plan_items
from aegis.bench.store import ResultStore
from aegis.bench.summary import pass_at_k, summarize, table
from aegis.errors import ConfigError
from fakeserver import Reply, ScriptedServer
from helpers import COUNTER_APP, fenced

AEGIS = str(Path(sys.executable).parent / "aegis")
CRASHING_COUNTER = COUNTER_APP.replace("self.count += 1", "self.count += 1 / 0")
ENV = {**os.environ, "COLUMNS": "120", "AEGIS_PROBE_SETTLE": "0.2", "AEGIS_LLM_THREADS": "3"}
COMPARED = ("key", "status", "gate", "rounds", "prompt_tokens", "completion_tokens", "problems")


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.json"
    tasks = ["a counter", {"id": "broken", "task": "a broken thing"}, "a crashing counter", "a second counter"]
    path.write_text(json.dumps(tasks))
    return path


@pytest.fixture
def model() -> Iterator[ScriptedServer]:
    rules: dict[str, Reply | str] = {
        "a broken thing": Reply(content="no code here, sorry", delay=1.0),
        "a crashing counter": fenced(CRASHING_COUNTER),
        "counter": fenced(COUNTER_APP),
    }
    with ScriptedServer(rules=rules) as srv:
        yield srv


def bench(*args: str, srv: ScriptedServer, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = [AEGIS, "bench", *args, "--model", "m", "--base-url", srv.base_url, "--max-rounds", "2"]
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=600, env=ENV)


def results(folder: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (folder / "results.jsonl").read_text().splitlines()]
    return sorted(({key: row[key] for key in COMPARED} for row in rows), key=lambda r: r["key"])


def test_two_workers_build_every_task_and_write_the_reports(dataset: Path, model: ScriptedServer) -> None:
    out = dataset.parent / "b"
    done = bench(str(dataset), "--workers", "2", "--out", str(out), srv=model, cwd=dataset.parent)
    assert done.returncode == 0, done.stderr
    statuses = {r["key"]: (r["status"], r["rounds"]) for r in results(out)}
    assert statuses == {
        "tiny/001-a-counter/1": ("pass", 1),
        "tiny/broken/1": ("fail", 2),
        "tiny/003-a-crashing-counter/1": ("fail", 2),
        "tiny/004-a-second-counter/1": ("pass", 1),
    }
    summary = json.loads((out / "summary.json").read_text())
    assert summary["totals"]["passed"] == 2 and summary["totals"]["pass@1"] == 0.5
    assert summary["by_difficulty"]["tiny"]["items"] == 4
    assert (out / "report.html").is_file()
    assert "a second counter" in done.stderr and "4/4" in done.stderr  # the table and the progress bar
    # the model's threads are this machine's (the environment's), not in bench.json for another machine to reuse
    assert "threads" not in json.loads((out / "bench.json").read_text())["config"]["llm"]
    threads = {json.loads(p.read_text())["config"]["llm"]["threads"] for p in out.glob("items/*/*/*/*/metadata.json")}
    assert threads == {3}


def test_an_interrupted_bench_resumes_to_the_uninterrupted_results(dataset: Path, model: ScriptedServer) -> None:
    whole, cut = dataset.parent / "whole", dataset.parent / "cut"
    assert bench(str(dataset), "--out", str(whole), srv=model, cwd=dataset.parent).returncode == 0

    argv = [AEGIS, "bench", str(dataset), "--out", str(cut), "--workers", "2"]
    argv += ["--model", "m", "--base-url", model.base_url, "--max-rounds", "2"]
    proc = subprocess.Popen(argv, cwd=dataset.parent, stderr=subprocess.PIPE, text=True, env=ENV)
    _wait_for_lines(cut / "results.jsonl", 1, proc)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert 1 <= len(results(cut)) < 4, "the interrupt should land mid-bench"

    resumed = subprocess.run([AEGIS, "bench", "--resume", str(cut)], capture_output=True, text=True, env=ENV)
    assert resumed.returncode == 0, resumed.stderr
    assert results(cut) == results(whole)
    assert json.loads((cut / "summary.json").read_text())["totals"]["items"] == 4


def test_both_pipelines_are_judged_by_the_explorer_and_compared(dataset: Path, model: ScriptedServer) -> None:
    aegis, seed = dataset.parent / "aegis", dataset.parent / "seed"
    assert bench(str(dataset), "--out", str(aegis), srv=model, cwd=dataset.parent).returncode == 0
    done = bench(str(dataset), "--out", str(seed), "--pipeline", "seed", srv=model, cwd=dataset.parent)
    assert done.returncode == 0, done.stderr
    rows = {r["task_id"]: r for r in map(json.loads, (seed / "results.jsonl").read_text().splitlines())}
    crashing = rows["003-a-crashing-counter"]
    assert (crashing["gate"], crashing["status"], crashing["rounds"]) == ("pass", "fail", 1)
    assert "ZeroDivisionError" in " ".join(crashing["problems"])
    assert rows["broken"]["rounds"] == 6  # the seed's five rewrites

    compared = dataset.parent / "compare.json"
    report = subprocess.run(
        [AEGIS, "report", str(aegis), str(seed), "--json", str(compared)], capture_output=True, text=True
    )
    assert report.returncode == 0, report.stderr
    comparison = json.loads(compared.read_text())
    assert comparison["common_tasks"] == 4
    assert comparison["a"]["figures"]["passed"] == comparison["b"]["figures"]["passed"] == 2
    assert comparison["b"]["figures"]["gate_passed"] == 3  # the seed's gate took the crashing counter
    assert comparison["delta"]["rounds_mean"] > 0


def test_dataset_checks_judge_both_pipelines_and_fixes_are_counted(tmp_path: Path) -> None:
    """The todo's Add does nothing at first; a repair prompt that names the failed check gets the fixed app."""
    apps = Path(__file__).parent / "apps" / "acceptance"
    todo = (apps / "todo.py").read_text()
    adds = {"name": "adds", "steps": [{"type": "buy milk"}, {"click": "Add"}, {"expect_items": "buy milk"}]}
    dataset = tmp_path / "todo.json"
    dataset.write_text(json.dumps([{"id": "todo", "task": "a todo list", "checks": [adds]}]))
    add_does_nothing = todo.replace('BROKEN = sys.argv[0].endswith("_broken.py")', "BROKEN = True")
    rules = {"acceptance check 'adds'": fenced(todo), "a todo list": fenced(add_does_nothing)}
    with ScriptedServer(rules=rules) as srv:
        for pipeline in ("aegis", "seed"):
            done = bench(str(dataset), "--out", pipeline, "--pipeline", pipeline, srv=srv, cwd=tmp_path)
            assert done.returncode == 0, done.stderr

    def row_and_totals(pipeline: str) -> tuple[dict[str, Any], dict[str, Any]]:
        (row,) = [json.loads(line) for line in (tmp_path / pipeline / "results.jsonl").read_text().splitlines()]
        return row, json.loads((tmp_path / pipeline / "summary.json").read_text())["totals"]

    row, totals = row_and_totals("aegis")
    assert (row["status"], row["rounds"], row["checks_repaired"], row["checks_fixed"]) == ("pass", 2, 1, 1)
    assert row["acceptance"]["passed"] and row["acceptance"]["source"] == "dataset"
    assert (totals["acceptance_rate"], totals["checks_repaired"], totals["checks_fixed_next_round"]) == (1.0, 1, 1)
    assert totals["over_claims"] == 0
    assert "<div>run 1: 1/1</div>" in (tmp_path / "aegis" / "report.html").read_text()
    row, totals = row_and_totals("seed")
    assert (row["gate"], row["status"], row["rounds"], row["checks_repaired"]) == ("pass", "fail", 1, 0)
    assert row["acceptance"]["failed"] == [
        "acceptance check 'adds': after type 'buy milk', click 'Add': "
        "the list has no item containing 'buy milk' (items: none)"
    ]
    assert (totals["acceptance_rate"], totals["explorer_passed"], totals["passed"]) == (0.0, 1, 0)
    assert totals["over_claims"] == 1  # the seed called the todo list working; its Add does nothing
    assert "<div>run 1: 0/1</div>" in (tmp_path / "seed" / "report.html").read_text()


def test_a_different_bench_into_the_same_folder_is_refused(dataset: Path, model: ScriptedServer) -> None:
    out = dataset.parent / "b"
    assert bench(str(dataset), "--out", str(out), "--slice", "0:1", srv=model, cwd=dataset.parent).returncode == 0
    again = bench(str(dataset), "--out", str(out), "--slice", "0:2", srv=model, cwd=dataset.parent)
    assert again.returncode == 2
    assert "different bench" in again.stderr and "slice" in again.stderr
    assert len(results(out)) == 1
    missing = subprocess.run([AEGIS, "bench", "--resume", str(dataset.parent)], capture_output=True, text=True)
    assert missing.returncode == 2 and "not a bench folder" in missing.stderr


def test_items_follow_filter_slice_and_runs(dataset: Path) -> None:
    items = plan_items([dataset], runs=2, seed=5, pattern="COUNTER", window="1:")
    assert [(i.task.id, i.run, i.seed) for i in items] == [
        ("003-a-crashing-counter", 1, 5),
        ("003-a-crashing-counter", 2, 1005),
        ("004-a-second-counter", 1, 5),
        ("004-a-second-counter", 2, 1005),
    ]
    with pytest.raises(ConfigError, match="--slice"):
        plan_items([dataset], window="1-2")


def test_a_torn_last_line_is_cut_and_keys_are_never_duplicated(tmp_path: Path) -> None:
    row = BenchRow(
        key="d/t/1",
        dataset="d",
        task_id="t",
        task="t",
        run=1,
        seed=1,
        pipeline="aegis",
        model="m",
        status="pass",
        gate="pass",
    )
    store = ResultStore(tmp_path)
    assert store.append(row) and not store.append(row)
    with (tmp_path / "results.jsonl").open("a") as handle:
        handle.write('{"key": "d/u/1", "datas')  # a crash in the middle of a write
    reopened = ResultStore(tmp_path)
    assert list(reopened.rows) == ["d/t/1"]
    assert reopened.append(row.model_copy(update={"key": "d/u/1"}))
    assert [json.loads(line)["key"] for line in (tmp_path / "results.jsonl").read_text().splitlines()] == [
        "d/t/1",
        "d/u/1",
    ]


def test_pass_at_k() -> None:
    assert pass_at_k(1, 1, 1) == 1.0 and pass_at_k(1, 0, 1) == 0.0
    assert pass_at_k(4, 1, 1) == 0.25
    assert pass_at_k(4, 1, 4) == 1.0
    assert pass_at_k(5, 2, 2) == pytest.approx(1 - 3 / 10)


def _wait_for_lines(path: Path, count: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists() and len(path.read_text().splitlines()) >= count:
            return
        time.sleep(0.05)
    raise AssertionError(f"no result in {path} (exit {proc.poll()})")


def test_task_texts_with_brackets_are_shown_as_written(tmp_path: Path) -> None:
    """A task, a dataset or a folder named like Rich markup prints as it is, in the bench and report tables."""
    rows = [
        BenchRow.model_validate(
            {"key": "x/t/1", "dataset": "[x]", "task_id": "t", "task": "a [bold]todo[/bold] list", "run": 1}
            | {"seed": 1, "pipeline": "aegis", "model": "[m]", "status": "pass", "gate": "pass", "rounds": 1}
        )
    ]
    summary = summarize(rows, {"name": "bench-[x]", "runs": 1, "pipeline": "aegis", "model": "[m]"})
    console = Console(record=True, width=200)
    console.print(table(summary))
    shown = console.export_text()
    assert "a [bold]todo[/bold] list" in shown and "[x]" in shown and "bench-[x]" in shown
