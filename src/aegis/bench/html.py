"""The bench's `report.html`: one self-contained page (CSS, JS and screenshots inline), one row per task.

Links are relative to the bench folder, so the report works opened from disk or from a zip of the folder.
A screenshot's path comes from a report the checked program could write, so only a PNG inside that item's run
folder is shown (`data_uri`); nothing else a row names is ever read into the page.
"""

from __future__ import annotations

import base64
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2

from aegis.bench.models import BenchRow
from aegis.paths import last_attempt_app

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SCREENSHOT_BYTES = 5 << 20
"""The largest screenshot the report inlines."""
WITHHELD = "screenshot not shown: not a PNG file inside its run folder"


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
        **screenshot_view(out, shown),
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


def screenshot_view(out: Path, row: BenchRow) -> dict[str, str]:
    """The row's screenshot inlined, its link, and a note when the row names one that is not shown."""
    image = data_uri(out, row)
    note = "" if image or not row.screenshot else WITHHELD
    return {"screenshot": row.screenshot if image else "", "image": image, "note": note}


def data_uri(out: Path, row: BenchRow) -> str:
    """The row's screenshot as a data: URI, or '' unless it is a regular file of at most SCREENSHOT_BYTES that
    starts as a PNG and lies, links resolved, inside the row's run folder (itself inside the bench folder)."""
    if not row.screenshot or not row.run_dir:
        return ""
    bench = out.resolve()
    folder = (bench / row.run_dir).resolve()
    path = (bench / row.screenshot).resolve()
    if not (folder.is_relative_to(bench) and path.is_relative_to(folder)):
        return ""
    data = _read_png(path)
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii") if data else ""


def _read_png(path: Path) -> bytes:
    """The file's bytes when it is a regular file (not a link) of at most SCREENSHOT_BYTES starting as a PNG."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return b""
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > SCREENSHOT_BYTES:
            return b""
        data = file.read(SCREENSHOT_BYTES + 1)
    return data if len(data) <= SCREENSHOT_BYTES and data.startswith(PNG_MAGIC) else b""
