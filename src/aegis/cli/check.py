"""`aegis check APP.py`: run a program headless, explore its GUI and print a verdict (or JSON on stdout).

Exit codes: 0 pass, 1 fail, 2 usage or configuration error (not a Python file, bad config or checks file),
130 Ctrl-C.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aegis.cli.common import config_from_flags, console, load_checks_file, plain, read_app, run_command
from aegis.cli.options import ConfigOpt

if TYPE_CHECKING:
    from aegis.acceptance import CheckSet
    from aegis.schema import Verdict


def check(
    app_file: Annotated[Path, typer.Argument(help="A Python GUI program (PySide6; Tk and pygame at start-up).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the verdict as JSON on stdout.")] = False,
    screenshots: Annotated[Path | None, typer.Option(help="Folder for screenshots and the probe's logs.")] = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds to wait for a window.")] = None,
    max_actions: Annotated[int | None, typer.Option(help="Most GUI interactions to try.")] = None,
    seed: Annotated[int | None, typer.Option(help="Exploration order (0: natural order).")] = None,
    checks: Annotated[
        Path | None, typer.Option(help="Acceptance checks (JSON or YAML) to run after exploring.")
    ] = None,
    config_file: ConfigOpt = None,
) -> None:
    """Run a program headless, explore its GUI and judge it: exit 0 pass, 1 fail, 2 usage error."""
    run_command(lambda: read_app(app_file))
    from aegis.sandbox.isolation import make_runner
    from aegis.verdict.headless import HeadlessProber

    config = run_command(
        lambda: config_from_flags(config_file, probe={"timeout": timeout, "max_actions": max_actions, "seed": seed})
    )
    check_set = run_command(lambda: _check_set(checks)) if checks else None
    out_dir = (screenshots or Path(tempfile.mkdtemp(prefix="aegis-check-"))).resolve()
    headless = HeadlessProber(make_runner(config.sandbox), config.probe)
    verdict = run_command(lambda: headless.probe(app_file.resolve(), out_dir, checks=check_set))
    if as_json:
        print(json.dumps(verdict.model_dump(), indent=2))
    else:
        _print_verdict(verdict, out_dir)
    raise typer.Exit(0 if verdict.passed else 1)


def _check_set(checks: Path) -> CheckSet:
    """The checks file's checks; the acceptance schema is imported only when there is one."""
    from aegis.acceptance import CheckSet

    return CheckSet(source="file", checks=load_checks_file(checks))


def _print_verdict(verdict: Verdict, out_dir: Path) -> None:
    """Every text here comes from the app (titles, messages, dialogs) or the checks file: printed plain()."""
    for problem in sorted(verdict.problems, key=lambda p: p.severity != "fail"):
        colour = "red" if problem.severity == "fail" else "yellow"
        after = f" (after {problem.action})" if problem.action else ""
        console.print(
            f"[{colour}]{problem.severity}[/{colour}] {plain(f'{problem.kind}: {problem.message}{after}')}",
            highlight=False,
        )
    for dialog in verdict.dialogs:
        console.print(f"dialog: {plain(dialog)}", highlight=False)
    if verdict.acceptance is not None:
        for result in verdict.acceptance.checks:
            mark = "[green]ok[/green]" if result.passed else "[red]failed[/red]"
            console.print(f"acceptance {mark}: {plain(result.name)}", highlight=False)
        console.print(f"acceptance: {verdict.acceptance.passed_count}/{verdict.acceptance.total} checks passed")
    windows = ", ".join(f"{w.cls} '{w.title}' {w.width}x{w.height}" for w in verdict.windows) or "no window"
    status = "[green]pass[/green]" if verdict.passed else "[red]fail[/red]"
    seconds = verdict.timings.get("total", 0)
    tried = f"{verdict.actions} actions"
    if verdict.coverage is not None:
        tried = f"{verdict.coverage.tried} of {verdict.coverage.offered} actions tried"
    console.print(
        f"{status}: {plain(f'{windows}; {tried} in {seconds:.1f} s; screenshots in {out_dir}')}", highlight=False
    )
