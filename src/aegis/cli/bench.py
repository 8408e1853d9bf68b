"""`aegis bench` and `aegis report`: run datasets at scale, and compare two bench runs.

Exit codes: 0 done (whatever the pass rate), 2 usage or configuration error, 130 Ctrl-C (the results so far
are kept; `--resume` finishes the bench).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from aegis.cli.common import config_from_flags, console, ensure_model, plain, run_command
from aegis.cli.options import BaseUrlOpt, CandidatesOpt, ConfigOpt, ModelOpt, RoundsOpt, RunsOpt, SeedOpt


def bench(
    datasets: Annotated[
        list[Path] | None, typer.Argument(help="JSON datasets of tasks; a file's name is its difficulty.")
    ] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    runs: Annotated[int, typer.Option("--runs", "-k", min=1, help="Runs per task (seeds differ), for pass@k.")] = 1,
    workers: Annotated[int, typer.Option("--workers", "-j", min=1, help="Items built at once.")] = 1,
    pattern: Annotated[str | None, typer.Option("--filter", help="Only tasks whose id or text matches.")] = None,
    window: Annotated[str | None, typer.Option("--slice", help="Only tasks A:B (after --filter), e.g. 0:8.")] = None,
    pipeline: Annotated[str, typer.Option(help="aegis, or seed: the seed's design, for comparison.")] = "aegis",
    out: Annotated[Path | None, typer.Option(help="The bench folder (re-running into it resumes).")] = None,
    resume: Annotated[Path | None, typer.Option(help="Finish an earlier bench folder with its own settings.")] = None,
    executor: Annotated[str, typer.Option(help="local, or ray (extra 'cluster').")] = "local",
    ray_address: Annotated[str | None, typer.Option(help="Ray cluster (default: RAY_ADDRESS, or local).")] = None,
    max_rounds: RoundsOpt = None,
    seed: SeedOpt = None,
    candidates: CandidatesOpt = None,
    runs_dir: RunsOpt = None,
    package: Annotated[bool, typer.Option("--package/--no-package", help="Package passing apps (slow).")] = False,
    config_file: ConfigOpt = None,
) -> None:
    """Build every task of the datasets; results.jsonl, summary.json, report.html and a table."""
    from aegis.bench.run import BenchRequest, run_bench

    if pipeline not in ("aegis", "seed") or executor not in ("local", "ray"):
        console.print("[red]error:[/red] --pipeline is aegis or seed; --executor is local or ray")
        raise typer.Exit(2)

    def work() -> Path:
        config = config_from_flags(
            config_file,
            llm={"model": model, "base_url": base_url, "seed": seed, "candidates": candidates},
            loop={"max_rounds": max_rounds},
            runs={"dir": runs_dir},
            package={"enabled": package},
        )
        request = BenchRequest(
            config=config,
            datasets=datasets or [],
            pipeline="seed" if pipeline == "seed" else "aegis",
            runs=runs,
            pattern=pattern,
            window=window,
            out=out,
            resume=resume,
            workers=workers,
            executor=executor,
            address=ray_address,
        )
        ensure_model(config)
        return run_bench(request, console)

    folder = run_command(work)
    console.print(plain(f"report: {folder / 'report.html'}"))
    console.print(plain(f"summary: {folder / 'summary.json'}"))


def report(
    first: Annotated[Path, typer.Argument(help="A bench folder (or its summary.json).")],
    second: Annotated[Path, typer.Argument(help="Another bench folder to compare with.")],
    as_json: Annotated[Path | None, typer.Option("--json", help="Also write the comparison to this JSON file.")] = None,
) -> None:
    """Compare two bench runs: pass rate, pass@k, tokens and seconds per working app, flipped tasks."""
    from aegis.bench.compare import compare, compare_table

    comparison = run_command(lambda: compare(first, second))
    console.print(compare_table(comparison))
    if as_json is not None:
        as_json.write_text(json.dumps(comparison, indent=2) + "\n", encoding="utf-8")
        console.print(plain(f"comparison: {as_json}"))
