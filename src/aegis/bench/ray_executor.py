"""Bench items as Ray tasks, so a Ray cluster runs thousands of them across machines.

    RayExecutor(workers=N, address=None).run(items, settings) -> Iterator[BenchRow]

Needs the `cluster` extra (`pip install 'aegis-appgen[cluster]'`). With no address, Ray joins the cluster
named by RAY_ADDRESS, else the one `ray start` last started on this machine, else starts a local instance
(shut down again when the bench ends); a local instance runs in this Python environment, so it needs nothing
more. On a real cluster every node needs:

- `aegis-appgen` installed in the Python its Ray workers run (the nodes' image, or a `runtime_env` whose
  `pip`/`conda` names the package): tasks import `aegis` by name, no code is shipped with them.
- the model: credentials in the nodes' environment (e.g. AEGIS_API_KEY, or `runtime_env={"env_vars": ...}`
  when the cluster is started), or for `local` the embedded model in each node's cache (`aegis models pull`).
- the bench folder (`settings.out`) at the same path on a shared file system: tasks write their run folders
  there, and the rows they return name files relative to it.

Each Ray worker process keeps its model between tasks (work.py caches one per process), and ties itself to its
raylet (lifeline.watch): when the raylet dies (a local instance dies with the bench, even by `kill -9`), the
worker kills the build it is running and exits. On a cluster that outlives a dead bench, Ray itself ends the
dead job's workers; a program such a worker was checking dies with it under bubblewrap. At most `workers`
tasks are in flight; a FATAL error in one is raised here as the original AEGIS exception and the rest are
cancelled. Closing the generator early (Ctrl-C) cancels the tasks in flight with a KeyboardInterrupt, so
their builds finalize their run folders as interrupted, and waits up to STOP_SECONDS for them.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

from aegis.bench import lifeline
from aegis.bench.models import STOP_SECONDS, BenchItem, BenchRow, BenchSettings
from aegis.bench.work import run_item
from aegis.errors import AegisError, ConfigError

TASK_CPUS = 1.0
"""CPUs Ray reserves for each item (a build runs the app and its checks in subprocesses, mostly one at a time)."""


class RayExecutor:
    """Items as Ray tasks, `workers` of them in flight at once, rows yielded as they finish."""

    def __init__(self, *, workers: int, address: str | None = None) -> None:
        self.workers = max(1, workers)
        self.address = address
        self._ray = _import_ray()  # here, so a missing extra fails before the bench starts

    def run(self, items: Sequence[BenchItem], settings: BenchSettings) -> Iterator[BenchRow]:
        ray = self._ray
        started = _connect(ray, self.address)
        task = ray.remote(num_cpus=TASK_CPUS)(run_in_ray)
        todo = iter(items)
        pending: list[Any] = []
        try:
            while True:
                pending += [task.remote(item, settings) for item in islice(todo, self.workers - len(pending))]
                if not pending:
                    return
                [ready], pending = ray.wait(pending, num_returns=1)
                yield _result(ray, ready)
        finally:
            _cancel(ray, pending)
            if started:
                ray.shutdown()


def run_in_ray(item: BenchItem, settings: BenchSettings) -> BenchRow:
    """run_item in a Ray worker process, tied to its raylet first (once per process)."""
    _tie_to_raylet()
    return run_item(item, settings)


@functools.cache
def _tie_to_raylet() -> None:
    lifeline.watch(os.getppid())


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError("--executor ray needs the 'cluster' extra: pip install 'aegis-appgen[cluster]'") from None
    return ray


def _connect(ray: Any, address: str | None) -> bool:
    """Join (or start) Ray unless this process already has; True when this call started it."""
    if ray.is_initialized():
        return False
    ray.init(
        address=address,
        ignore_reinit_error=True,
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.ERROR,
    )
    return True


def _result(ray: Any, ref: Any) -> BenchRow:
    """The task's row; a task's AEGIS error is raised as itself, not as Ray's wrapper."""
    from ray.exceptions import RayTaskError

    try:
        row: BenchRow = ray.get(ref)
    except RayTaskError as exc:
        if isinstance(exc.cause, AegisError):
            raise exc.cause from None
        raise
    return row


def _cancel(ray: Any, pending: list[Any]) -> None:
    """Interrupt the tasks in flight and give them STOP_SECONDS to finalize their run folders."""
    for ref in pending:
        ray.cancel(ref)
    if pending:
        ray.wait(pending, num_returns=len(pending), timeout=STOP_SECONDS)
