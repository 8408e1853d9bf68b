"""The bench folder's durable state: the settings it was started with and one JSON line per result.

bench/
    bench.json      what was asked (datasets, pipeline, model, seeds, runs): a resume must match it
    results.jsonl   one BenchRow per finished item, appended whole and fsynced
    items/...       one run folder per item

A line is written with a single `write` on an O_APPEND descriptor and fsynced, so a crash leaves at most
one torn last line; opening the store cuts such a line off before anything is appended. A key already
in the file is never appended again. A line that is not a bench result (blank, garbage, edited by hand) is
skipped with a warning naming it, so its item is simply built again. Only one bench at a time uses a
folder (`claim`), so two never append the same key.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from aegis.bench.models import BenchRow
from aegis.errors import ConfigError, RunFolderError

RESULTS = "results.jsonl"
MANIFEST = "bench.json"
LOCK = "bench.lock"

log = logging.getLogger("aegis")


class ResultStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / RESULTS
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._cut_torn_line()
        except OSError as exc:
            raise RunFolderError(f"cannot use bench folder {folder}: {exc.strerror}") from None
        self.rows: dict[str, BenchRow] = {row.key: row for row in self._read()}

    def append(self, row: BenchRow) -> bool:
        """Record one result; False (and nothing written) when its key already has one."""
        if row.key in self.rows:
            return False
        line = (json.dumps(row.model_dump(mode="json")) + "\n").encode("utf-8")
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            raise RunFolderError(f"cannot write {self.path}: {exc.strerror}") from None
        self.rows[row.key] = row
        return True

    def _read(self) -> list[BenchRow]:
        if not self.path.exists():
            return []
        rows = []
        for number, line in enumerate(self.path.read_bytes().splitlines(), 1):
            try:
                rows.append(BenchRow.model_validate_json(line))
            except ValidationError as exc:
                log.warning("%s:%d: not a bench result, skipped (%s)", self.path, number, _why(line, exc))
        return rows

    def _cut_torn_line(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            with self.path.open("r+b") as handle:
                handle.truncate(data.rfind(b"\n") + 1)


def _why(line: bytes, exc: ValidationError) -> str:
    if not line.strip():
        return "a blank line"
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]


def check_manifest(folder: Path, manifest: dict[str, Any], *, resume: bool) -> None:
    """Write bench.json for a new bench; for an existing one, insist that the same bench is asked for."""
    path = folder / MANIFEST
    if not path.exists():
        if resume:
            raise ConfigError(f"--resume {folder}: not a bench folder (no {MANIFEST})")
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        tmp.replace(path)
        return
    old = load_manifest(folder)
    changed = sorted(key for key in set(old) | set(manifest) if old.get(key) != manifest.get(key))
    if changed:
        detail = ", ".join(f"{key}: {old.get(key)!r} -> {manifest.get(key)!r}" for key in changed)
        raise ConfigError(f"{folder} holds a different bench ({detail}); use another --out")


def load_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST
    if not path.exists():
        raise ConfigError(f"{folder}: not a bench folder (no {MANIFEST})")
    try:
        data = json.loads(path.read_bytes())
    except ValueError as exc:
        raise ConfigError(f"{path}: not a bench's settings ({exc})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: not a bench's settings (not a JSON object)")
    return data


@contextmanager
def claim(folder: Path) -> Iterator[None]:
    """Hold the bench folder for this bench while the block runs; ConfigError when another bench holds it.

    The lock dies with this process, even by `kill -9`, so a resume after a crash is never refused."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / LOCK).open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "?"
            raise ConfigError(f"{folder} is in use by another aegis bench (pid {holder})") from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
