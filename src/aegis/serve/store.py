"""The build queue on disk: one SQLite file in the runs folder, shared by the server and its workers.

    BuildStore(path).add(request) -> Build          queued
    store.claim(worker_pid)       -> Build | None   the oldest queued build, now running (atomic)
    store.opened(id, run_dir)     the build's run folder exists
    store.finish(id, ...)         pass, partial, fail, error, blocked, cancelled or interrupted
    store.cancel(id)              a queued build is cancelled at once; a running one is asked to stop
    store.cancelling()            the running builds asked to stop
    store.ahead(id)               how many builds wait or run before a queued one
    store.every()                 newest first
    store.interrupt_running()     at start: what was running when the server died is interrupted

Every call opens its own connection, so the server's threads and the worker processes never share one.
Nothing is kept in memory: a killed server loses nothing.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict

from aegis.errors import RunFolderError

BuildStatus = Literal["queued", "running", "pass", "partial", "fail", "error", "blocked", "cancelled", "interrupted"]
FINAL = ("pass", "partial", "fail", "error", "blocked", "cancelled", "interrupted")
FILE = "serve.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS builds (
    id TEXT PRIMARY KEY,
    task TEXT NOT NULL,
    model TEXT NOT NULL,
    checks TEXT,
    max_rounds INTEGER,
    package INTEGER,
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    started TEXT,
    finished TEXT,
    run_dir TEXT,
    worker INTEGER,
    cancel INTEGER NOT NULL DEFAULT 0,
    rounds INTEGER NOT NULL DEFAULT 0,
    seconds REAL
)
"""


class BuildRequest(BaseModel):
    """What someone asked to build; validated by the API before it reaches the store."""

    model_config = ConfigDict(frozen=True)

    task: str
    model: str
    checks: str | None = None
    """The acceptance checks as given (YAML or JSON text)."""
    max_rounds: int | None = None
    package: bool | None = None


class Build(BuildRequest):
    id: str
    status: BuildStatus
    message: str = ""
    created: str
    started: str | None = None
    finished: str | None = None
    run_dir: str | None = None
    worker: int | None = None
    """The worker process's pid while it runs the build."""
    cancel: bool = False
    """Someone asked to cancel it while it ran."""
    rounds: int = 0
    seconds: float | None = None

    @property
    def done(self) -> bool:
        return self.status in FINAL


class BuildStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(SCHEMA)
        except sqlite3.Error as exc:
            raise RunFolderError(f"cannot open the build queue {path}: {exc}") from None

    def add(self, request: BuildRequest) -> Build:
        build = Build(**request.model_dump(), id=new_id(), status="queued", created=now())
        with self._connect() as db:
            fields = build.model_dump()
            db.execute(
                f"INSERT INTO builds ({', '.join(fields)}) VALUES ({', '.join('?' * len(fields))})",
                tuple(fields.values()),
            )
        return build

    def get(self, build_id: str) -> Build | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM builds WHERE id = ?", (build_id,)).fetchone()
        return _build(row) if row else None

    def every(self) -> list[Build]:
        """Newest first."""
        with self._connect() as db:
            return [_build(row) for row in db.execute("SELECT * FROM builds ORDER BY created DESC, rowid DESC")]

    def cancelling(self) -> list[Build]:
        """Running builds someone asked to cancel."""
        with self._connect() as db:
            return [_build(row) for row in db.execute("SELECT * FROM builds WHERE status = 'running' AND cancel = 1")]

    def ahead(self, build_id: str) -> int:
        """Builds that wait or run before this queued one."""
        with self._connect() as db:
            row = db.execute(
                "SELECT count(*) FROM builds WHERE status IN ('queued', 'running') "
                "AND rowid < (SELECT rowid FROM builds WHERE id = ?)",
                (build_id,),
            ).fetchone()
        return int(row[0])

    def queued(self) -> int:
        with self._connect() as db:
            return int(db.execute("SELECT count(*) FROM builds WHERE status = 'queued'").fetchone()[0])

    def claim(self, worker: int) -> Build | None:
        """The oldest queued build, marked running by `worker`; None when nothing waits."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute("SELECT id FROM builds WHERE status = 'queued' ORDER BY rowid LIMIT 1").fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE builds SET status = 'running', worker = ?, started = ? WHERE id = ?", (worker, now(), row[0])
            )
        return self.get(row[0])

    def opened(self, build_id: str, run_dir: Path) -> None:
        with self._connect() as db:
            db.execute("UPDATE builds SET run_dir = ? WHERE id = ?", (str(run_dir), build_id))

    def finish(self, build_id: str, status: BuildStatus, message: str, *, rounds: int = 0, seconds: float = 0) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE builds SET status = ?, message = ?, rounds = ?, seconds = ?, finished = ?, worker = NULL "
                "WHERE id = ? AND status IN ('queued', 'running')",
                (status, message, rounds, round(seconds, 2), now(), build_id),
            )

    def cancel(self, build_id: str) -> Build | None:
        """A queued build is cancelled now; a running one is flagged (its worker is then told to stop)."""
        with self._connect() as db:
            db.execute(
                "UPDATE builds SET status = 'cancelled', message = 'cancelled before it started', finished = ? "
                "WHERE id = ? AND status = 'queued'",
                (now(), build_id),
            )
            db.execute("UPDATE builds SET cancel = 1 WHERE id = ? AND status = 'running'", (build_id,))
        return self.get(build_id)

    def interrupt_running(self, worker: int | None = None) -> list[Build]:
        """Builds left running (by any worker, or by `worker`) become interrupted: their process is gone."""
        running = [b for b in self.every() if b.status == "running" and worker in (None, b.worker)]
        for build in running:
            stopped: BuildStatus = "cancelled" if build.cancel else "interrupted"
            self.finish(build.id, stopped, f"{stopped}: the build's process stopped", rounds=build.rounds)
        return running

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            yield db
            if db.in_transaction:
                db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise
        finally:
            db.close()


def _build(row: sqlite3.Row) -> Build:
    data = dict(row)
    data["package"] = None if data["package"] is None else bool(data["package"])
    data["cancel"] = bool(data["cancel"])
    return Build.model_validate(data)


def new_id() -> str:
    return uuid.uuid4().hex[:12]


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")
