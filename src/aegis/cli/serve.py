"""`aegis serve`: the web app. Prints its URL, serves until Ctrl-C, then stops its workers.

Exit codes: 0 stopped with Ctrl-C, 1 cannot listen or open the queue, 2 usage or configuration error.
"""

from __future__ import annotations

import ipaddress
import signal
import socket
from types import FrameType
from typing import Annotated

import typer

from aegis.cli.common import console, ensure_model, given_by_flags, plain, run_command
from aegis.cli.options import BaseUrlOpt, ConfigOpt, ModelOpt, RoundsOpt, RunsOpt
from aegis.config import Given, resolve
from aegis.errors import AegisError, ConfigError


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on; any but loopback needs the token.")] = None,
    port: Annotated[int | None, typer.Option(help="Port; 0 takes a free one.")] = None,
    workers: Annotated[int | None, typer.Option(help="Builds at once, each in its own worker process.")] = None,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    max_rounds: RoundsOpt = None,
    runs_dir: RunsOpt = None,
    package: Annotated[bool | None, typer.Option("--package/--no-package", help="Package passing apps.")] = None,
    config_file: ConfigOpt = None,
) -> None:
    """Build, watch and download apps from a browser (FastAPI; the `serve` extra)."""
    given = run_command(
        lambda: given_by_flags(
            config_file,
            llm={"model": model, "base_url": base_url},
            loop={"max_rounds": max_rounds},
            runs={"dir": runs_dir},
            package={"enabled": package},
            serve={"host": host, "port": port, "workers": workers},
        )
    )
    run_command(lambda: _serve(given))


def _serve(given: Given) -> None:
    """`given`: what the flags, environment and file set; each build resolves it again with its own model."""
    try:
        import uvicorn

        from aegis.serve.app import create_app
        from aegis.serve.guard import new_token
        from aegis.serve.pool import WorkerPool
        from aegis.serve.settings import Settings
        from aegis.serve.store import FILE, BuildStore
    except ImportError as exc:
        raise ConfigError(
            f"aegis serve needs the 'serve' extra ({exc.name} is missing): pip install 'aegis-appgen[serve]'"
        ) from None
    from aegis.generate.session import prune

    config = resolve(given)
    ensure_model(config)
    prune(config)
    listener = _listen(config.serve.host, config.serve.port)
    loopback = _is_loopback(config.serve.host)
    token = None if loopback else new_token()
    store = BuildStore(config.runs.dir.resolve() / FILE)
    pool = WorkerPool(store, given, config.serve.workers)
    app = create_app(Settings(store=store, config=config, token=token, loopback=loopback))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=2))
    pool.start()
    signal.signal(signal.SIGTERM, _stop)  # uvicorn re-raises the signal it stopped on: let SIGTERM end like Ctrl-C
    try:
        console.print(f"AEGIS is serving on {plain(_url(listener, config.serve.host, token))}  (Ctrl-C stops it)")
        server.run(sockets=[listener])
    finally:
        console.print("stopping the workers (a build in progress is kept as interrupted)")
        pool.stop()


def _stop(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        raise AegisError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    listener.listen(128)
    return listener


def _url(listener: socket.socket, host: str, token: str | None) -> str:
    port = listener.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
