"""From result rows to the bench's figures: per task, per difficulty and in total; and the console table.

pass@k is the unbiased estimator of Chen et al. (2021) with k = the number of runs a task has, so with
one run pass@1 == pass@k == the pass rate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from math import comb
from statistics import mean
from typing import Any

from rich.markup import escape
from rich.table import Table

from aegis.bench.models import BenchRow


def summarize(rows: Sequence[BenchRow], manifest: dict[str, Any]) -> dict[str, Any]:
    by_task = _group(rows, lambda r: (r.dataset, r.task_id))
    by_difficulty = _group(rows, lambda r: r.dataset)
    return {
        "bench": manifest.get("name", ""),
        "pipeline": manifest.get("pipeline", "aegis"),
        "model": manifest.get("model", ""),
        "runs": manifest.get("runs", 1),
        "datasets": [d["name"] for d in manifest.get("datasets", [])],
        "created": datetime.now().isoformat(timespec="seconds"),
        "totals": figures(rows),
        "by_difficulty": {name: figures(group) for name, group in by_difficulty.items()},
        "tasks": [_task(group) for group in by_task.values()],
    }


def figures(rows: Sequence[BenchRow]) -> dict[str, Any]:
    """The same figures for any set of rows: counts, pass rates, means and sums."""
    tasks = _group(rows, lambda r: (r.dataset, r.task_id)).values()
    passed = sum(r.status == "pass" for r in rows)
    tokens = sum(r.tokens for r in rows)
    seconds = round(sum(r.seconds for r in rows), 1)
    costs = [r.cost for r in rows if r.cost is not None]
    return {
        "tasks": len(tasks),
        "items": len(rows),
        "passed": passed,
        "gate_passed": sum(r.gate == "pass" for r in rows),
        "explorer_passed": sum(r.explorer_passed for r in rows),
        "errors": sum(r.status == "error" for r in rows),
        "pass_rate": _ratio(passed, len(rows)),
        "pass@1": _mean([pass_at_k(len(t), _passes(t), 1) for t in tasks]),
        "pass@k": _mean([pass_at_k(len(t), _passes(t), len(t)) for t in tasks]),
        "k": max((len(t) for t in tasks), default=0),
        "rounds_mean": _mean([r.rounds for r in rows]),
        "tokens": tokens,
        "seconds": seconds,
        "cost": round(sum(costs), 6) if costs else None,
        "tokens_per_working_app": _ratio(tokens, passed, digits=0),
        "seconds_per_working_app": _ratio(seconds, passed, digits=1),
        **_acceptance(rows),
        "requirements_passed": sum(r.requirements_passed for r in rows),
        "requirements_checked": sum(r.requirements_checked for r in rows),
        "requirement_pass_rate": _ratio(
            sum(r.requirements_passed for r in rows), sum(r.requirements_checked for r in rows)
        ),
        "requirements_unverified": sum(r.requirements_unverified for r in rows),
        "over_claims": sum(r.over_claim for r in rows),
    }


def pass_at_k(n: int, c: int, k: int) -> float:
    """Probability that at least one of k runs drawn from n (c of them passing) passes."""
    if n - c < k:
        return 1.0
    return 1.0 - comb(n - c, k) / comb(n, k)


def table(summary: dict[str, Any]) -> Table:
    """The summary as a Rich table; task texts and names are shown as they are, never read as markup."""
    columns = ("task", "set", "passed", "pass@1", "rounds", "tokens", "seconds", "cost")
    table = Table(*columns, title=escape(summary["bench"]))
    for task in summary["tasks"]:
        colour = "green" if task["passed"] == task["runs"] else "yellow" if task["passed"] else "red"
        table.add_row(
            escape(task["task"]),
            escape(task["dataset"]),
            f"[{colour}]{task['passed']}/{task['runs']}[/{colour}]",
            *_cells(task),
        )
    table.add_section()
    for name, group in summary["by_difficulty"].items():
        table.add_row(
            f"[b]{escape(name)}[/b] ({group['tasks']} tasks)",
            escape(name),
            f"{group['passed']}/{group['items']}",
            *_cells(group),
        )
    totals = summary["totals"]
    table.add_row("[b]total[/b]", "", f"{totals['passed']}/{totals['items']}", *_cells(totals))
    return table


def _cells(figures: dict[str, Any]) -> list[str]:
    cost = figures.get("cost")
    return [
        f"{figures['pass@1']:.2f}",
        f"{figures['rounds_mean']:.1f}",
        str(figures["tokens"]),
        f"{figures['seconds']:.0f}",
        "-" if cost is None else f"${cost:.4f}",
    ]


def _task(rows: list[BenchRow]) -> dict[str, Any]:
    first = rows[0]
    stats = figures(rows)
    return {
        "dataset": first.dataset,
        "task_id": first.task_id,
        "task": first.task,
        "runs": len(rows),
        "passed": stats["passed"],
        "pass@1": stats["pass@1"],
        "pass@k": stats["pass@k"],
        "rounds_mean": stats["rounds_mean"],
        "tokens": stats["tokens"],
        "seconds": stats["seconds"],
        "cost": stats["cost"],
        "statuses": [r.status for r in sorted(rows, key=lambda r: r.run)],
    }


def _acceptance(rows: Sequence[BenchRow]) -> dict[str, Any]:
    checked = [r.acceptance for r in rows if r.acceptance is not None]
    if not checked:
        return {}
    passed = sum(a.passed for a in checked)
    repaired = sum(r.checks_repaired for r in rows)
    return {
        "acceptance_checked": len(checked),
        "acceptance_passed": passed,
        "acceptance_rate": _ratio(passed, len(rows)),
        "checks_repaired": repaired,
        "checks_fixed_next_round": sum(r.checks_fixed for r in rows),
    }


def _group(rows: Sequence[BenchRow], key: Any) -> dict[Any, list[BenchRow]]:
    groups: dict[Any, list[BenchRow]] = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return dict(groups)


def _passes(rows: list[BenchRow]) -> int:
    return sum(r.status == "pass" for r in rows)


def _mean(values: list[float] | list[int]) -> float:
    return round(mean(values), 3) if values else 0.0


def _ratio(a: float, b: int, digits: int = 3) -> float | None:
    return round(a / b, digits) if b else None
