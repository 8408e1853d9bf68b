"""`aegis report A B`: two bench runs side by side, on the tasks they have in common.

compare(a, b) -> dict         figures of each, their differences, and the tasks that flipped
compare_table(comparison)     the console view
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.markup import escape
from rich.table import Table

from aegis.bench.models import BenchRow
from aegis.bench.store import ResultStore, load_manifest
from aegis.bench.summary import figures
from aegis.errors import ConfigError

COMPARED = ("pass_rate", "pass@1", "pass@k", "rounds_mean", "tokens_per_working_app", "seconds_per_working_app")


def compare(a: Path, b: Path) -> dict[str, Any]:
    rows_a, rows_b = _rows(a), _rows(b)
    common = sorted(set(_by_task(rows_a)) & set(_by_task(rows_b)))
    if not common:
        raise ConfigError(f"{a} and {b} have no task in common")
    keep_a = [r for r in rows_a if (r.dataset, r.task_id) in common]
    keep_b = [r for r in rows_b if (r.dataset, r.task_id) in common]
    fig_a, fig_b = figures(keep_a), figures(keep_b)
    tasks = [_task(key, _by_task(keep_a)[key], _by_task(keep_b)[key]) for key in common]
    return {
        "a": _side(a, fig_a),
        "b": _side(b, fig_b),
        "common_tasks": len(common),
        "delta": {key: _delta(fig_a.get(key), fig_b.get(key)) for key in COMPARED},
        "tasks": tasks,
        "flipped_to_pass": [t["task_id"] for t in tasks if t["a_passed"] == 0 < t["b_passed"]],
        "flipped_to_fail": [t["task_id"] for t in tasks if t["b_passed"] == 0 < t["a_passed"]],
    }


def compare_table(comparison: dict[str, Any]) -> Table:
    a, b = comparison["a"], comparison["b"]
    table = Table("", _label(a), _label(b), "b - a", title=f"{comparison['common_tasks']} tasks in common")
    for key in ("passed", "items", *COMPARED, "tokens", "seconds"):
        delta = comparison["delta"].get(key, _delta(a["figures"].get(key), b["figures"].get(key)))
        table.add_row(key, _cell(a["figures"].get(key)), _cell(b["figures"].get(key)), _cell(delta))
    table.add_section()
    for task in comparison["tasks"]:
        if (task["a_passed"] == 0) != (task["b_passed"] == 0):
            table.add_row(escape(f"flipped: {task['task']}"), task["a"], task["b"], "")
    return table


def _rows(folder: Path) -> list[BenchRow]:
    folder = folder.parent if folder.name == "summary.json" else folder
    load_manifest(folder)  # a clear error when it is not a bench folder
    return list(ResultStore(folder).rows.values())


def _by_task(rows: list[BenchRow]) -> dict[tuple[str, str], list[BenchRow]]:
    groups: dict[tuple[str, str], list[BenchRow]] = {}
    for row in rows:
        groups.setdefault((row.dataset, row.task_id), []).append(row)
    return groups


def _task(key: tuple[str, str], rows_a: list[BenchRow], rows_b: list[BenchRow]) -> dict[str, Any]:
    passed_a = sum(r.status == "pass" for r in rows_a)
    passed_b = sum(r.status == "pass" for r in rows_b)
    return {
        "dataset": key[0],
        "task_id": key[1],
        "task": rows_a[0].task,
        "a_passed": passed_a,
        "b_passed": passed_b,
        "a": f"{passed_a}/{len(rows_a)}",
        "b": f"{passed_b}/{len(rows_b)}",
    }


def _side(folder: Path, fig: dict[str, Any]) -> dict[str, Any]:
    manifest = load_manifest(folder.parent if folder.name == "summary.json" else folder)
    return {
        "folder": str(folder),
        "name": manifest.get("name", folder.name),
        "pipeline": manifest.get("pipeline"),
        "model": manifest.get("model"),
        "figures": fig,
    }


def _delta(a: Any, b: Any) -> float | None:
    if not isinstance(a, int | float) or not isinstance(b, int | float):
        return None
    return round(b - a, 3)


def _label(side: dict[str, Any]) -> str:
    return escape(f"{side['pipeline']} ({side['model']})")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
