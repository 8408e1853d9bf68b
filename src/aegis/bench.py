"""The first `aegis bench`: build every task of a dataset, one run folder each; table + results.json."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from aegis.config import AegisConfig
from aegis.llm import make_llm
from aegis.recorder import unique_dir
from aegis.schema import RunResult, Task
from aegis.session import build_one, prune


def run_bench(
    tasks: list[Task],
    config: AegisConfig,
    *,
    name: str,
    console: Console,
    on_result: Callable[[Path], None] | None = None,
) -> Path:
    """Run the tasks in order with one model instance; return the path of results.json.

    results.json is rewritten atomically after every task; `on_result` is called after each rewrite.
    """
    prune(config)
    out = unique_dir(config.runs.dir.resolve() / f"{datetime.now():%Y%m%d_%H%M%S}_bench-{name}")
    llm = make_llm(config.llm)
    rows: list[dict[str, Any]] = []
    started = time.monotonic()
    try:
        for index, task in enumerate(tasks, 1):
            console.rule(f"[{index}/{len(tasks)}] {task.task}")
            rows.append(_row(build_one(task, config, llm, runs_dir=out)))
            _write(out / "results.json", name, config, rows, time.monotonic() - started)
            if on_result is not None:
                on_result(out / "results.json")
    finally:
        llm.close()
        _write(out / "results.json", name, config, rows, time.monotonic() - started)
    console.print(_table(rows))
    return out / "results.json"


def _row(result: RunResult) -> dict[str, Any]:
    return {
        "id": result.task.id,
        "task": result.task.task,
        "status": result.status,
        "rounds": result.rounds,
        "prompt_tokens": result.usage.prompt_tokens,
        "completion_tokens": result.usage.completion_tokens,
        "seconds": round(result.seconds, 1),
        "message": result.message,
        "run_dir": result.run_dir,
    }


def _write(path: Path, name: str, config: AegisConfig, rows: list[dict[str, Any]], seconds: float) -> None:
    passed = sum(1 for r in rows if r["status"] == "pass")
    summary = {
        "dataset": name,
        "model": config.llm.model,
        "seed": config.llm.seed,
        "max_rounds": config.loop.max_rounds,
        "tasks": rows,
        "totals": {
            "tasks": len(rows),
            "passed": passed,
            "pass_rate": round(passed / len(rows), 3) if rows else 0.0,
            "tokens": sum(r["prompt_tokens"] + r["completion_tokens"] for r in rows),
            "seconds": round(seconds, 1),
        },
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def _table(rows: list[dict[str, Any]]) -> Table:
    table = Table("task", "status", "rounds", "tokens", "seconds")
    for r in rows:
        colour = "green" if r["status"] == "pass" else "red"
        table.add_row(
            r["task"],
            f"[{colour}]{r['status']}[/{colour}]",
            str(r["rounds"]),
            str(r["prompt_tokens"] + r["completion_tokens"]),
            f"{r['seconds']:.0f}",
        )
    return table
