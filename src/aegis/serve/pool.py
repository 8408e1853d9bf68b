"""The worker processes, kept alive by the server: started, watched, told to cancel, stopped.

    pool = WorkerPool(store, given, size); pool.start() ... pool.stop()

A supervisor thread looks every TICK seconds: a worker that died is replaced (its build becomes interrupted,
or cancelled if that was asked); a build someone cancelled gets SIGUSR1 at each tick until it stops, and
after CANCEL_GRACE seconds its worker's whole process group is killed (the run folder is then finalized
here). Each worker runs in its own session, so Ctrl-C in the server's terminal reaches only the server.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from aegis.config import Given
from aegis.serve.runs import mark_stopped
from aegis.serve.store import BuildStore

TICK = 0.5
CANCEL_GRACE = 20.0
"""Seconds a cancelled build has to finalize its run folder before its worker is killed."""
STOP_GRACE = 15.0
PR_SET_PDEATHSIG = 1
log = logging.getLogger("aegis")


class WorkerPool:
    def __init__(self, store: BuildStore, given: Given, size: int) -> None:
        self.store = store
        self.given = given
        """The server's settings before defaults (config.gather): each build resolves them with its own model."""
        self.size = size
        self.workers: list[subprocess.Popen[bytes]] = []
        self._cancelling: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._supervise, name="aegis-workers", daemon=True)

    def start(self) -> None:
        """What was running when an earlier server died is interrupted now; then the workers start."""
        self._interrupt(None)
        self.workers = [self._spawn() for _ in range(self.size)]
        self._thread.start()

    def stop(self) -> None:
        """SIGTERM: each build in progress is finalized as interrupted; whatever is left after STOP_GRACE dies."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        for worker in self.workers:
            _signal(worker, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE
        for worker in self.workers:
            try:
                worker.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _kill_group(worker)
        self._interrupt(None)

    def _spawn(self) -> subprocess.Popen[bytes]:
        worker = subprocess.Popen(
            [sys.executable, "-m", "aegis.serve.worker", str(self.store.path)],
            stdin=subprocess.PIPE,
            start_new_session=True,
            preexec_fn=_stop_with_server,
        )
        assert worker.stdin is not None
        worker.stdin.write(json.dumps(self.given, default=str).encode())
        worker.stdin.close()
        return worker

    def _supervise(self) -> None:
        while not self._stop.wait(TICK):
            try:
                self._tick()
            except Exception:  # boundary: the supervisor must outlive any one bad tick
                log.exception("worker supervisor")

    def _tick(self) -> None:
        for index, worker in enumerate(self.workers):
            if worker.poll() is not None:
                log.warning("worker %d stopped (exit %s); starting another", worker.pid, worker.returncode)
                self._interrupt(worker.pid)
                self.workers[index] = self._spawn()
        by_pid = {worker.pid: worker for worker in self.workers}
        cancelling = {b.id: by_pid[b.worker] for b in self.store.cancelling() if b.worker in by_pid}
        self._cancelling = {key: self._cancelling.get(key, time.monotonic()) for key in cancelling}
        for build_id, worker in cancelling.items():
            self._cancel(build_id, worker)

    def _cancel(self, build_id: str, worker: subprocess.Popen[bytes]) -> None:
        if time.monotonic() - self._cancelling[build_id] < CANCEL_GRACE:
            _signal(worker, signal.SIGUSR1)
        else:
            log.warning("build %s did not stop within %.0f s: killing its worker", build_id, CANCEL_GRACE)
            _kill_group(worker)

    def _interrupt(self, pid: int | None) -> None:
        """The builds a dead worker (None: any) left running are finalized here, run folder included."""
        for build in self.store.interrupt_running(pid):
            if build.run_dir:
                stopped = "cancelled" if build.cancel else "interrupted"
                mark_stopped(Path(build.run_dir), stopped, f"{stopped}: the build's process stopped")


def _stop_with_server() -> None:
    """In the worker before exec (Linux): SIGTERM when the server dies, even by `kill -9`, so a build in
    progress is finalized as interrupted and no worker outlives its server."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _signal(worker: subprocess.Popen[bytes], signum: int) -> None:
    if worker.poll() is None:
        try:
            os.kill(worker.pid, signum)
        except ProcessLookupError:
            return


def _kill_group(worker: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait()
