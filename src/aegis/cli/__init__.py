"""The `aegis` command line: flags in, one clear line and an exit code out.

This folder owns the command line and nothing else: one module per command (`build`, `check`, `deps`,
`package`, `bench` with `report`, the `models` and `logs` sub-commands), the options several commands share
(`options`), and what every command needs (`common`: the console, the error boundary, config from flags, the
embedded model). It may import every other aegis package; nothing imports it. Command modules import only
`aegis.cli.common` and `aegis.cli.options` from here, and their heavy machinery inside the command, so that
`aegis --help` stays fast.

The console script `aegis` is `main`.
"""

from __future__ import annotations

import sys

import typer

from aegis.cli import bench, build, check, deps, logs, models, package
from aegis.cli.common import INTERRUPTED, console, setup_logging

__all__ = ["app", "main"]

HELP = """The `aegis` command line. Turns every AegisError into one clear line and an exit code.

Exit codes: 0 success, 1 no working app / check failed, 2 usage or configuration error, 130 Ctrl-C.
"""

app = typer.Typer(add_completion=False, no_args_is_help=True, help=HELP, pretty_exceptions_show_locals=False)
app.command("build")(build.build)
app.command("check")(check.check)
app.command("deps")(deps.deps)
app.command("package")(package.package)
app.command("bench")(bench.bench)
app.command("report")(bench.report)
app.add_typer(models.app, name="models")
app.add_typer(logs.app, name="logs")


def main() -> None:
    """The console script: set up logging, run the command; Ctrl-C outside a command is exit 130."""
    setup_logging()
    try:
        app()
    except KeyboardInterrupt:
        console.print(INTERRUPTED)
        sys.exit(130)
