"""`aegis deps APP.py`: which packages a program imports and whether AEGIS would give them to it. Installs nothing.

Exit codes: 0 nothing refused, 1 something refused, 2 usage error (no such file, bad --allow-package, the
file is not Python).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from aegis.cli.common import console, plain, run_command
from aegis.errors import AegisError, ConfigError
from aegis.paths import read_text

if TYPE_CHECKING:
    from rich.table import Table

    from aegis.deps.classify import Dependency

STYLES = {"stdlib": "dim", "available": "green", "installable": "cyan", "refused": "bold red"}


def deps(
    app_file: Annotated[Path, typer.Argument(help="A Python program.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    allow_package: Annotated[
        list[str] | None,
        typer.Option("--allow-package", help="Also allow this PyPI distribution (repeatable)."),
    ] = None,
) -> None:
    """Classify a program's imports: standard library, available (PySide6), installable (allowlisted), refused."""
    from aegis.deps.classify import refusal_message

    found = run_command(lambda: _classify(app_file, allow_package or ()))
    if as_json:
        typer.echo(json.dumps([dep.to_json() for dep in found], indent=2))
    else:
        Console(soft_wrap=True).print(_table(app_file, found))
        for dep in found:
            if dep.refused:
                console.print(refusal_message(dep), highlight=False, markup=False)
    raise typer.Exit(1 if any(dep.refused for dep in found) else 0)


def _classify(app_file: Path, allow: Iterable[str]) -> list[Dependency]:
    """Every failure here is the user's input: a usage error (exit 2)."""
    from aegis.deps.classify import classify

    try:
        return classify(read_text(app_file), allow=allow)
    except AegisError as exc:
        raise ConfigError(str(exc)) from None


def _table(app_file: Path, found: list[Dependency]) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(title=plain(f"imports of {app_file}"))
    for column in ("module", "status", "package", "line", "reason"):
        table.add_column(column)
    for dep in found:
        style = STYLES[dep.status]
        cells = (dep.module, dep.status, dep.dist or "", str(dep.line), dep.reason)  # plain text: names may hold "["
        table.add_row(*(Text(cell, style=style if i == 1 else "") for i, cell in enumerate(cells)))
    return table
