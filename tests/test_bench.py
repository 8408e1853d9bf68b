"""The first `aegis bench`: every task of a dataset, one run folder each, a table and results.json."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from aegis.llm.fakeserver import ScriptedServer
from conftest import COUNTER_APP, fenced

AEGIS = str(Path(sys.executable).parent / "aegis")


def test_bench_runs_every_task_and_writes_results(tmp_path: Path) -> None:
    dataset = tmp_path / "tiny.json"
    dataset.write_text(json.dumps(["a counter", {"id": "second", "task": "another counter"}]))
    replies = [fenced(COUNTER_APP), "no code, sorry", "still none", "nothing"]
    with ScriptedServer(replies) as srv:
        done = subprocess.run(
            [AEGIS, "bench", str(dataset), "--model", "m", "--base-url", srv.base_url, "--max-rounds", "3"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "COLUMNS": "120", "AEGIS_CHECK_SETTLE": "0.2"},
        )
    assert done.returncode == 0, done.stderr
    results = Path(done.stderr.strip().splitlines()[-1].removeprefix("results: "))
    summary = json.loads(results.read_text())
    assert [(t["id"], t["status"], t["rounds"]) for t in summary["tasks"]] == [
        ("001-a-counter", "pass", 1),
        ("second", "fail", 3),
    ]
    assert summary["totals"]["passed"] == 1 and summary["totals"]["pass_rate"] == 0.5
    assert all(Path(t["run_dir"]).parent == results.parent for t in summary["tasks"])
    assert "a counter" in done.stderr and "another counter" in done.stderr  # the table


def test_scripted_model_spec_replays_a_file(tmp_path: Path) -> None:
    replies = tmp_path / "replies.json"
    replies.write_text(json.dumps([fenced(COUNTER_APP)]))
    done = subprocess.run(
        [AEGIS, "build", "a counter", "--model", f"scripted:{replies}", "--no-package"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "working app:" in done.stderr
