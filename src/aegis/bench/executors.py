"""Where bench items run: in this process, in local worker processes, or (ray_executor) on a Ray cluster.

Every executor yields BenchRows as items finish, in any order; the caller records them. Items left
unfinished by Ctrl-C simply yield nothing: their run folders are finalized as interrupted and a resume
runs them again. Workers die with the bench (lifeline.py): after a `kill -9` of the bench, its workers and
the programs they were checking are gone within a second, and a resume builds what has no row.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from aegis.bench import lifeline
from aegis.bench.models import STOP_SECONDS, BenchItem, BenchRow, BenchSettings
from aegis.bench.work import FATAL, close_models, run_item
from aegis.errors import ConfigError

TERM_SECONDS = 5.0
"""How long a worker that outlived STOP_SECONDS gets to end its build after SIGTERM, before SIGKILL."""


class Executor(Protocol):
    def run(self, items: Sequence[BenchItem], settings: BenchSettings) -> Iterator[BenchRow]: ...


class InlineExecutor:
    """One item after another in this process, with one model instance: the default for one worker."""

    def run(self, items: Sequence[BenchItem], settings: BenchSettings) -> Iterator[BenchRow]:
        try:
            for item in items:
                yield run_item(item, settings)
        finally:
            close_models()


class ProcessExecutor:
    """N worker processes pulling items from a queue; each loads the model once and keeps it."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, items: Sequence[BenchItem], settings: BenchSettings) -> Iterator[BenchRow]:
        context = mp.get_context("spawn")
        todo: mp.Queue[BenchItem | None] = context.Queue()
        done: mp.Queue[tuple[str, Any]] = context.Queue()
        for item in items:
            todo.put(item)
        args = (todo, done, settings, os.getpid())
        procs = [context.Process(target=_worker, args=args, daemon=True) for _ in range(self.workers)]
        for proc in procs:
            todo.put(None)
            proc.start()
        try:
            yield from _collect(done, procs, len(items))
        finally:
            _stop(procs)


def _collect(done: mp.Queue[tuple[str, Any]], procs: list[Any], expected: int) -> Iterator[BenchRow]:
    received = 0
    while received < expected:
        try:
            kind, payload = done.get(timeout=1.0)
        except queue.Empty:
            if not any(proc.is_alive() for proc in procs):
                raise ConfigError("every bench worker died; see the items' program.log") from None
            continue
        if kind == "fatal":
            raise ConfigError(payload)
        received += 1
        yield payload


def _stop(procs: list[Any]) -> None:
    """Ask running workers to stop (one SIGINT each: their builds finalize as interrupted), then reap them;
    one still running after STOP_SECONDS gets SIGTERM (it kills its build and exits), then SIGKILL."""
    for proc in procs:
        if proc.is_alive() and proc.pid is not None:
            os.kill(proc.pid, signal.SIGINT)
    for proc in procs:
        proc.join(STOP_SECONDS)
        for end in (proc.terminate, proc.kill):
            if proc.is_alive():
                end()
                proc.join(TERM_SECONDS)


def _worker(
    todo: mp.Queue[BenchItem | None], done: mp.Queue[tuple[str, Any]], settings: BenchSettings, parent: int
) -> None:
    lifeline.hold(parent)
    os.setpgrp()  # the terminal's Ctrl-C reaches the parent only; it forwards exactly one SIGINT
    try:
        while (item := todo.get()) is not None:
            try:
                done.put(("row", run_item(item, settings)))
            except FATAL as exc:
                done.put(("fatal", str(exc)))
                return
    except KeyboardInterrupt:
        return
    finally:
        close_models()


def make_executor(kind: str, workers: int, address: str | None = None) -> Executor:
    if kind == "ray":
        from aegis.bench.ray_executor import RayExecutor

        return RayExecutor(workers=workers, address=address)
    return ProcessExecutor(workers) if workers > 1 else InlineExecutor()
