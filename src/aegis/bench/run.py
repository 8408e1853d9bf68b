"""`aegis bench`: plan the items, skip those with a result, run the rest, record and summarize.

One bench at a time holds its folder; a resume trusts the rows in results.jsonl and builds only the items
without one.

Data flows one way: request -> items -> executor -> rows -> results.jsonl -> summary.json, report.html.
The summary and the report are rewritten from results.jsonl at the end, also after Ctrl-C or a crash,
so they always describe exactly the recorded results.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from aegis.bench.executors import make_executor
from aegis.bench.models import BenchItem, BenchRow, BenchSettings, Pipeline
from aegis.bench.plan import plan_items
from aegis.bench.store import ResultStore, check_manifest, claim, load_manifest
from aegis.bench.summary import summarize, table
from aegis.config import AegisConfig
from aegis.errors import ConfigError
from aegis.llm import is_local

SUMMARY = "summary.json"


@dataclass(frozen=True)
class BenchRequest:
    """What the user asked for; on --resume, everything but the executor comes from bench.json."""

    config: AegisConfig
    datasets: Sequence[Path] = ()
    pipeline: Pipeline = "aegis"
    runs: int = 1
    pattern: str | None = None
    window: str | None = None
    out: Path | None = None
    resume: Path | None = None
    workers: int = 1
    executor: str = "local"
    address: str | None = None


def run_bench(request: BenchRequest, console: Console) -> Path:
    """Run what is left of the bench; return its folder (summary.json, report.html, results.jsonl)."""
    folder, manifest = _open(request)
    with claim(folder):
        _run(request, folder, manifest, console)
    return folder


def _run(request: BenchRequest, folder: Path, manifest: dict[str, Any], console: Console) -> None:
    """Build the items that have no row yet (rows already in results.jsonl are kept as they are)."""
    items = _items(manifest)
    store = ResultStore(folder)
    todo = [item for item in items if item.key not in store.rows]
    config = _on_this_machine(AegisConfig.model_validate(manifest["config"]), request.config)
    settings = BenchSettings(
        config=config,
        pipeline=manifest["pipeline"],
        out=str(folder),
        serialize_local=request.workers > 1 and is_local(config.llm.model),
    )
    done = f"{len(items) - len(todo)} of {len(items)} items already done"
    console.print(escape(f"bench folder: {folder} ({done})"))
    try:
        rows = make_executor(request.executor, request.workers, request.address).run(todo, settings)
        for row in _progress(rows, len(todo), console):
            store.append(row)
    finally:
        write_summary(folder, [store.rows[i.key] for i in items if i.key in store.rows], manifest, console)


def write_summary(folder: Path, rows: Sequence[BenchRow], manifest: dict[str, Any], console: Console) -> None:
    from aegis.bench.html import write_report

    summary = summarize(rows, manifest)
    tmp = folder / f"{SUMMARY}.tmp"
    tmp.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    tmp.replace(folder / SUMMARY)
    write_report(folder, rows, summary)
    console.print(table(summary))


def _open(request: BenchRequest) -> tuple[Path, dict[str, Any]]:
    if request.resume is not None:
        folder = request.resume.resolve()
        return folder, load_manifest(folder)
    if not request.datasets:
        raise ConfigError("give at least one dataset, or --resume a bench folder")
    manifest = _manifest(request)
    folder = (request.out or request.config.runs.dir / f"{datetime.now():%Y%m%d_%H%M%S}_{manifest['name']}").resolve()
    check_manifest(folder, manifest, resume=False)
    return folder, manifest


def _on_this_machine(config: AegisConfig, here: AegisConfig) -> AegisConfig:
    """The bench's own settings, with what the manifest leaves out as this machine's (the model's CPU threads)."""
    return config.model_copy(update={"llm": config.llm.model_copy(update={"threads": here.llm.threads})})


def _manifest(request: BenchRequest) -> dict[str, Any]:
    names = "+".join(path.stem for path in request.datasets)
    config = request.config.model_dump(mode="json", exclude={"llm": {"threads"}, "runs": True})
    return {
        "name": f"bench-{names}-{request.pipeline}",
        "datasets": [{"name": path.stem, "path": str(path.resolve())} for path in request.datasets],
        "pipeline": request.pipeline,
        "model": request.config.llm.model,
        "runs": request.runs,
        "seed": request.config.llm.seed,
        "filter": request.pattern,
        "slice": request.window,
        "config": config,
    }


def _items(manifest: dict[str, Any]) -> list[BenchItem]:
    return plan_items(
        [Path(d["path"]) for d in manifest["datasets"]],
        runs=manifest["runs"],
        seed=manifest["seed"],
        pattern=manifest["filter"],
        window=manifest["slice"],
    )


def _progress(rows: Iterable[BenchRow], total: int, console: Console) -> Iterator[BenchRow]:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[red]{task.fields[failed]} failed[/red]"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        bar = progress.add_task("bench", total=total, failed=0)
        failed = 0
        for row in rows:
            failed += row.status != "pass"
            progress.update(bar, advance=1, failed=failed, description=f"{row.task_id}: {row.status}")
            yield row
