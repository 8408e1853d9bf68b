"""What the API answers about a build: the queue's record and its run folder, merged into plain JSON.

A build the server queued has an id of 12 hex digits and may not have a run folder yet; a run made by the CLI
(or by an older server) has its folder's name as id. Both answer the same shape:

    {"id", "task", "status", "rounds", "message", "seconds", "model", "created", "run", "thumbnail", "source"}

and the detail adds the rounds, requirements, package (archive, sha256) and events.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from aegis.paths import final_app
from aegis.serve.runs import AttemptInfo, RunInfo, attempts, events, inside, list_runs, read_json, run_info
from aegis.serve.store import Build, BuildStore

ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,120}")
"""Build ids and run folder names: what may appear in a URL (no `/`, no leading dot)."""


class Entry:
    """A build of this server, a run folder, or both."""

    def __init__(self, build: Build | None, run_dir: Path | None, *, ahead: int | None = None) -> None:
        self.build = build
        self.run_dir = run_dir
        self.ahead = ahead
        """For a queued build: how many builds wait or run before it."""
        self.info: RunInfo | None = run_info(run_dir) if run_dir else None

    @property
    def id(self) -> str:
        if self.build is not None:
            return self.build.id
        assert self.run_dir is not None
        return self.run_dir.name

    @property
    def status(self) -> str:
        if self.build is not None:
            return self.build.status
        return self.info.status if self.info else "unknown"

    @property
    def created(self) -> str:
        if self.build is not None:
            return self.build.created
        return self.info.started if self.info else ""

    @property
    def done(self) -> bool:
        return self.build.done if self.build is not None else self.status != "running"

    def summary(self, *, thumbnail: bool = True) -> dict[str, Any]:
        """`thumbnail`: look for the screenshot too (it reads the rounds' folders)."""
        build, info = self.build, self.info
        return {
            "id": self.id,
            "source": "server" if build else "cli",
            "task": build.task if build else info.task if info else "",
            "status": self.status,
            "rounds": max(build.rounds if build else 0, info.rounds if info else 0),
            "message": (build.message if build and build.done else "") or (info.message if info else ""),
            "seconds": (build.seconds if build else None) or (info.seconds if info else None),
            "model": build.model if build else info.model if info else "",
            "created": self.created,
            "run": self.run_dir.name if self.run_dir else None,
            "thumbnail": self.thumbnail() if thumbnail else None,
            "cancel_requested": bool(build and build.cancel and not build.done),
            "ahead": self.ahead,
        }

    def thumbnail(self) -> str | None:
        return _thumbnail(attempts(self.run_dir)) if self.run_dir else None

    def detail(self) -> dict[str, Any]:
        """The summary and the rounds, each round read once."""
        run_dir = self.run_dir
        rounds = attempts(run_dir) if run_dir else []
        detail = self.summary(thumbnail=False) | {"thumbnail": _thumbnail(rounds)}
        detail["rounds_detail"] = [asdict(a) for a in rounds]
        detail["requirements"] = _list(read_json(run_dir, "requirements.json")) if run_dir else []
        detail["package"] = self._package()
        detail["app"] = inside(run_dir, final_app(Path()).as_posix()) is not None if run_dir else False
        detail["checks"] = self.build.checks if self.build else None
        return detail

    def _package(self) -> dict[str, Any] | None:
        """The archive to download (relative to the run folder) and its sha256, from the package event."""
        if self.run_dir is None:
            return None
        package = next((e for e in reversed(events(self.run_dir)) if e.get("event") == "package"), None)
        if package is None:
            return None
        archive = _relative(self.run_dir, str(package.get("archive") or ""))
        return {
            "ok": bool(package.get("ok")),
            "message": str(package.get("message", "")),
            "archive": archive if archive and inside(self.run_dir, archive) else None,
            "sha256": str(package.get("sha256", "")),
            "executable": Path(str(package.get("executable") or "")).name,
            "size_bytes": package.get("size_bytes"),
        }


def find(store: BuildStore, runs_dir: Path, entry_id: str) -> Entry | None:
    if not ID.fullmatch(entry_id):
        return None
    if (build := store.get(entry_id)) is not None:
        ahead = store.ahead(build.id) if build.status == "queued" else None
        return Entry(build, Path(build.run_dir) if build.run_dir else None, ahead=ahead)
    folder = runs_dir / entry_id
    if folder.is_dir() and not folder.is_symlink() and run_info(folder) is not None:
        return Entry(None, folder)
    return None


def every(store: BuildStore, runs_dir: Path) -> list[Entry]:
    """The server's builds and every other run folder, newest first."""
    builds = store.every()
    linked = {Path(b.run_dir).name for b in builds if b.run_dir}
    ids = {b.id for b in builds}
    entries = [Entry(b, Path(b.run_dir) if b.run_dir else None) for b in builds]
    for info in list_runs(runs_dir):
        if info.name not in linked and info.task_id not in ids:
            entries.append(Entry(None, runs_dir / info.name))
    return sorted(entries, key=lambda e: e.created, reverse=True)


def _thumbnail(rounds: list[AttemptInfo]) -> str | None:
    """The last round's first screenshot, relative to the run folder."""
    return next((shot for attempt in reversed(rounds) for shot in attempt.screenshots), None)


def _relative(run_dir: Path, path: str) -> str | None:
    try:
        return Path(path).relative_to(run_dir).as_posix() if path else None
    except ValueError:
        return None


def _list(data: Any) -> list[Any]:
    return data if isinstance(data, list) else []
