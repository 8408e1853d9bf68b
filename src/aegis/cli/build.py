"""`aegis build TASK`: one sentence in, a working, checked and (optionally) packaged PySide6 app out.

Exit codes: 0 a working app, 1 no working app (or the model could not be reached), 2 usage or configuration
error, 130 Ctrl-C (the run folder is finalized).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aegis.cli.common import config_from_flags, console, ensure_model, load_checks_file, plain, run_command
from aegis.cli.options import BaseUrlOpt, CandidatesOpt, ConfigOpt, ModelOpt, RoundsOpt, RunsOpt, SeedOpt
from aegis.errors import ConfigError
from aegis.schema import Requirement, RunResult, Task

if TYPE_CHECKING:
    from rich.table import Table

SEEN_CHARS = 90
"""What was seen, cut to this many characters in the table (requirements.json has it whole)."""


def build(
    task: Annotated[str, typer.Argument(help="What to build, in one sentence.")],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    max_rounds: RoundsOpt = None,
    seed: SeedOpt = None,
    candidates: CandidatesOpt = None,
    runs_dir: RunsOpt = None,
    package: Annotated[bool | None, typer.Option("--package/--no-package", help="Package a passing app.")] = None,
    onefile: Annotated[bool, typer.Option(help="One-file executable instead of one folder.")] = False,
    mode: Annotated[
        str | None,
        typer.Option(
            help="text: whole-file answers; tools: the model edits app.py "
            "through the action API (OpenAI-compatible models)."
        ),
    ] = None,
    allow_package: Annotated[list[str] | None, typer.Option(help="Also allow this PyPI distribution.")] = None,
    checks: Annotated[Path | None, typer.Option(help="Acceptance checks (JSON or YAML) the app must pass.")] = None,
    spec: Annotated[
        bool | None,
        typer.Option("--spec/--no-spec", help="Without --checks: the model first writes checks for the task."),
    ] = None,
    config_file: ConfigOpt = None,
) -> None:
    """Turn one sentence into a working, checked, packaged PySide6 app."""

    def work() -> RunResult:
        if not task.strip():
            raise ConfigError('the task is empty: say what to build, e.g. aegis build "a calculator"')
        config = config_from_flags(
            config_file,
            llm={"model": model, "base_url": base_url, "seed": seed, "candidates": candidates},
            loop={"max_rounds": max_rounds, "mode": mode, "spec": spec},
            runs={"dir": runs_dir},
            deps={"allow_packages": allow_package},
            package={"enabled": package, "mode": "onefile" if onefile else None},
        )
        from aegis.generate.session import build_one, prune
        from aegis.llm import make_llm

        raw_checks = (
            [c.model_dump(by_alias=True, exclude_none=True) for c in load_checks_file(checks)] if checks else []
        )
        prune(config)
        ensure_model(config)
        llm = make_llm(config.llm)
        try:
            return build_one(Task(id="cli", task=task.strip(), checks=raw_checks, checks_from="file"), config, llm)
        finally:
            llm.close()

    result = run_command(work)
    _print_result(result)
    raise typer.Exit(0 if result.status == "pass" else 1)


def _print_result(result: RunResult) -> None:
    tokens = result.usage.total_tokens
    summary = f"{result.rounds} round(s), {tokens} tokens, {result.seconds:.0f} s"
    if result.requirements:
        console.print(_requirements_table(result.requirements))
    if result.status == "pass":
        exe = f"; executable: {result.package.executable}" if result.package and result.package.ok else ""
        console.print(f"[green]working app:[/green] {plain(f'{result.app_path}{exe} ({summary})')}", highlight=False)
    elif result.status == "partial":
        console.print(
            f"[yellow]{plain(result.message)}[/yellow]; {plain(f'closest attempt: {result.app_path} ({summary})')}",
            highlight=False,
        )
    else:
        console.print(
            f"[red]{result.status}:[/red] {plain(f'{result.message} ({summary}); see {result.run_dir}')}",
            highlight=False,
        )


def _requirements_table(requirements: list[Requirement]) -> Table:
    """Names and what was seen come from the task, the model and the app: plain() text, never markup."""
    from rich.table import Table

    table = Table("requirement", "checked by", "result", "seen", title="requirements", title_justify="left")
    colours = {"passed": "green", "failed": "red", "unverified": "yellow"}
    for requirement in requirements:
        seen = requirement.seen if len(requirement.seen) <= SEEN_CHARS else requirement.seen[: SEEN_CHARS - 1] + "…"
        colour = colours[requirement.status]
        table.add_row(
            plain(requirement.name),
            plain(requirement.checked_by or "-"),
            f"[{colour}]{requirement.status}[/{colour}]",
            plain(seen),
        )
    return table
