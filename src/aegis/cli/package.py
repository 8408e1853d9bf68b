"""`aegis package APP.py`: package one app the way a build does, checked, with a .tar.gz and its sha256.

Exit codes: 0 packaged and checked, 1 the package failed (PyInstaller, or the executable fails its headless
check), 2 usage or configuration error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from aegis.cli.common import config_from_flags, console, plain, read_app, run_command
from aegis.paths import slugify


def package(
    app_file: Annotated[Path, typer.Argument(help="The Python GUI program to package.")],
    onefile: Annotated[bool, typer.Option("--onefile/--onedir", help="One self-unpacking file, or a folder.")] = False,
    out: Annotated[Path, typer.Option("--out", help="Where dist/, pyinstaller.log and the check's logs go.")] = Path(
        "aegis-package"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")] = False,
) -> None:
    """Package a program with PyInstaller (small, cached) and check the executable headless."""
    run_command(lambda: read_app(app_file))
    from aegis.package.packager import PyInstallerPackager
    from aegis.sandbox.isolation import make_runner

    config = run_command(lambda: config_from_flags(None, package={"mode": "onefile" if onefile else "onedir"}))
    packager = PyInstallerPackager(make_runner(config.sandbox), config.package, probe=config.probe)
    log = out / "pyinstaller.log"
    where = f"packaging {app_file} ({config.package.mode}); PyInstaller's output goes to {log}"
    console.print(plain(where), highlight=False)
    result = run_command(lambda: packager.package(app_file, out, name=slugify(app_file.stem, max_len=30)))
    if as_json:
        print(json.dumps(result.model_dump(), indent=2))
    elif result.ok:
        console.print(f"[green]packaged[/green] {plain(result.message)}", highlight=False)
        console.print(plain(f"sha256 {result.sha256}; {result.verified}"), highlight=False)
    else:
        console.print(f"[red]package failed:[/red] {plain(result.message)}", highlight=False)
    raise typer.Exit(0 if result.ok else 1)
