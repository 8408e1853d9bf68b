"""`aegis logs prune`: remove run folders older than the retention period.

Exit codes: 0 done (a folder that cannot be removed is left and not counted), 1 the runs folder cannot be
read, 2 usage or configuration error.
"""

from __future__ import annotations

from typing import Annotated

import typer

from aegis.cli.common import config_from_flags, console, plain, run_command
from aegis.cli.options import RunsOpt

app = typer.Typer(no_args_is_help=True, help="Manage run folders.")


@app.command("prune")
def prune(
    days: Annotated[float | None, typer.Option(help="Remove run folders older than this.")] = None,
    runs_dir: RunsOpt = None,
) -> None:
    """Remove old run folders."""
    from aegis.run.retention import prune_runs

    config = run_command(lambda: config_from_flags(None, runs={"dir": runs_dir, "retention_days": days}))
    removed = run_command(lambda: prune_runs(config.runs.dir, days=config.runs.retention_days))
    console.print(plain(f"removed {len(removed)} run folder(s) from {config.runs.dir}"))
