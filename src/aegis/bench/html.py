"""The bench's `report.html`: one self-contained page (CSS, JS and screenshots inline), one row per task.

Links are relative to the bench folder, so the report works opened from disk or from a zip of the folder.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from aegis.bench.models import BenchRow
from aegis.paths import last_attempt_app

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def write_report(out: Path, rows: Sequence[BenchRow], summary: dict[str, Any]) -> Path:
    """Write `out/report.html` from the bench's rows and summary; return its path."""
    page = (
        _environment()
        .get_template("report.html.j2")
        .render(
            summary=summary,
            tasks=[task_view(out, runs) for runs in group_runs(rows)],
            acceptance=any(row.acceptance for row in rows),
        )
    )
    path = out / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("aegis", "bench/templates"), undefined=jinja2.StrictUndefined, autoescape=True
    )
    env.filters["num"] = number
    return env


def number(value: float | None, digits: int = 1) -> str:
    """A figure for people: `-` when undefined, thousands separated, floats rounded."""
    if value is None:
        return "-"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.{digits}f}"


def group_runs(rows: Sequence[BenchRow]) -> list[list[BenchRow]]:
    """The rows of each task (dataset, task_id), in first-seen order, each sorted by run."""
    groups: dict[tuple[str, str], list[BenchRow]] = {}
    for row in rows:
        groups.setdefault((row.dataset, row.task_id), []).append(row)
    return [sorted(runs, key=lambda row: row.run) for runs in groups.values()]


def task_view(out: Path, runs: list[BenchRow]) -> dict[str, Any]:
    """One task's table row; the screenshot is a passing run's, else the last run's."""
    shown = next((row for row in reversed(runs) if row.status == "pass"), runs[-1])
    passed = sum(row.status == "pass" for row in runs)
    costs = [row.cost for row in runs if row.cost is not None]
    return {
        "task": runs[0].task,
        "dataset": runs[0].dataset,
        "passed": passed,
        "runs": len(runs),
        "pass_at_1": passed / len(runs),
        "rounds": sum(row.rounds for row in runs) / len(runs),
        "tokens": sum(row.tokens for row in runs),
        "seconds": sum(row.seconds for row in runs),
        "cost": sum(costs) if costs else None,
        "screenshot": shown.screenshot if (out / shown.screenshot).is_file() else "",
        "image": data_uri(out, shown.screenshot),
        "items": [run_view(out, row) for row in runs],
        "requirement_rate": sum(r.requirements_passed for r in runs)
        / max(1, sum(r.requirements_checked for r in runs)),
    }


def run_view(out: Path, row: BenchRow) -> dict[str, Any]:
    failed = row.status != "pass"
    links = {"program": program(out, row), "chat": row.chat, "folder": row.run_dir, "executable": row.executable}
    return {
        "run": row.run,
        "status": row.status,
        "gate": f"{row.pipeline} gate: {row.gate}, explorer: {row.status}" if row.gate != row.status else "",
        "problems": (row.problems or ([row.message] if row.message else [])) if failed else [],
        "links": {name: href for name, href in links.items() if href and (out / href).exists()},
        "acceptance": f"{row.acceptance.passed_count}/{row.acceptance.total}" if row.acceptance else "",
        "requirements": requirements_cell(row),
    }


def requirements_cell(row: BenchRow) -> str:
    """'2/5 passed, 3 unverified': checked requirements that passed, and those nothing tried."""
    unverified = f", {row.requirements_unverified} unverified" if row.requirements_unverified else ""
    return f"{row.requirements_passed}/{row.requirements_checked} passed{unverified}"


def program(out: Path, row: BenchRow) -> str:
    """The final app, else the last attempt's program (relative to the bench folder), else ''."""
    if row.app or not row.run_dir:
        return row.app
    last = last_attempt_app(out / row.run_dir)
    return last.relative_to(out).as_posix() if last else ""


def data_uri(out: Path, screenshot: str) -> str:
    """The screenshot inlined, when it is a PNG inside the bench folder: its path comes from a report the checked
    program could write to, so a path or link to any other file is never read into the page."""
    png = out / screenshot
    inside = screenshot and png.resolve().is_relative_to(out.resolve())
    if not inside or not png.is_file():
        return ""
    data = png.read_bytes()
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii") if data.startswith(PNG_MAGIC) else ""
