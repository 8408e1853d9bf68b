"""The `aegis` command line: flags in, one clear line and an exit code out. The console script is `main`.

build.py       aegis build: one sentence to a working, packaged app; the result line
check.py       aegis check: probe any program (and its acceptance checks); the verdict lines
bench.py       aegis bench and aegis report
deps.py        aegis deps: what a program imports and what AEGIS would allow
package.py     aegis package: PyInstaller, verified, archived
models.py      aegis models pull / path
logs.py        aegis logs prune
serve.py       aegis serve: the web app (aegis.serve), its URL and token
options.py     the typer options several commands share
common.py      the console, the error boundary (run_command), config from flags, the embedded model

May import every other aegis package; nothing imports it. Command modules import only cli.common and
cli.options from here, and their heavy machinery inside the command, so that `aegis --help` stays fast.
"""

from __future__ import annotations

import gc
import sys

import typer

from aegis.cli import bench, build, check, deps, logs, models, package, serve
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
app.command("serve")(serve.serve)
app.add_typer(models.app, name="models")
app.add_typer(logs.app, name="logs")


def main() -> None:
    """The console script: set up logging, run the command; Ctrl-C outside a command is exit 130."""
    gc.freeze()  # what the imports made lives as long as the process: no collection (the exit's too) scans it again
    setup_logging()
    try:
        app()
    except KeyboardInterrupt:
        console.print(INTERRUPTED)
        sys.exit(130)
