"""What the page shows of a run folder, read from disk: the folder is the truth, the server keeps nothing.

    list_runs(root)            every run folder (CLI runs too), newest first, from its metadata.json
    list_benches(root)         every bench folder (summary.json, report.html)
    attempts(run_dir)          each round: kind, verdict, problems and the action behind each, screenshots, checks
    open_inside(folder, rel)   a file of the folder opened for reading, or None: no `..`, no absolute path, no
                               link anywhere on the way, checked as it is opened (a link swapped in later is
                               never followed)
    inside(folder, relative)   the same file's path, where only whether it is there matters
    diff(run_dir, number)      the round's program against the round before, as a unified diff
    mark_stopped(run_dir, ...) a run whose process was killed is finalized here (metadata.json)

Everything in a run folder was written by or next to untrusted programs: names are checked, links never
followed, and JSON that does not parse is shown as missing, not as an error of the server.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import stat
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO

from aegis.paths import ATTEMPTS, attempt_app, attempt_dir, replace_file

METADATA = "metadata.json"
EVENTS = "events.jsonl"
SHOT_SUFFIXES = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class RunInfo:
    """One run folder as the page lists it."""

    name: str
    task: str
    status: str
    message: str = ""
    model: str = ""
    rounds: int = 0
    seconds: float | None = None
    started: str = ""
    task_id: str = ""


@dataclass(frozen=True)
class AttemptInfo:
    number: int
    kind: str
    status: str
    problems: list[dict[str, str]] = field(default_factory=list)
    screenshots: list[str] = field(default_factory=list)
    """Relative to the run folder."""
    checks: list[dict[str, Any]] = field(default_factory=list)
    coverage: dict[str, Any] | None = None


def read_json(folder: Path, relative: str) -> Any:
    """A JSON file written by AEGIS, or None when it is missing, a link, or not JSON."""
    data = read_bytes(folder, relative)
    try:
        return json.loads(data) if data is not None else None
    except ValueError:
        return None


def read_bytes(folder: Path, relative: str) -> bytes | None:
    handle = open_inside(folder, relative)
    if handle is None:
        return None
    with handle:
        return handle.read()


def run_info(folder: Path) -> RunInfo | None:
    meta = read_json(folder, METADATA)
    if not isinstance(meta, dict):
        return None
    task = _dict(meta.get("task"))
    return RunInfo(
        name=folder.name,
        task=str(task.get("task", "")),
        task_id=str(task.get("id", "")),
        status=str(meta.get("status", "unknown")),
        message=str(meta.get("message", "")),
        model=str(meta.get("model", "")),
        rounds=int(meta.get("rounds") or 0),
        seconds=meta.get("seconds"),
        started=str(meta.get("started", "")),
    )


def list_runs(root: Path) -> list[RunInfo]:
    return [info for folder in _folders(root) if (info := run_info(folder)) is not None]


def list_benches(root: Path) -> list[dict[str, Any]]:
    """Bench folders: their name, summary totals, and whether report.html is there."""
    benches = []
    for folder in _folders(root):
        summary = read_json(folder, "summary.json")
        if isinstance(summary, dict):
            report = inside(folder, "report.html") is not None
            totals = _dict(summary.get("totals"))
            benches.append(
                {"name": folder.name, "pipeline": summary.get("pipeline"), "totals": totals, "report": report}
            )
    return benches


def attempts(run_dir: Path) -> list[AttemptInfo]:
    kinds = {e.get("attempt"): e.get("kind") for e in events(run_dir) if e.get("event") == "verdict"}
    found = []
    for number in _attempt_numbers(run_dir):
        verdict = read_json(run_dir, (attempt_dir(Path(), number) / "verdict.json").as_posix())
        if isinstance(verdict, dict):
            found.append(_attempt(run_dir, number, str(kinds.get(number, "")), verdict))
    return found


def _attempt(run_dir: Path, number: int, kind: str, verdict: dict[str, Any]) -> AttemptInfo:
    problems = [
        {k: str(p.get(k, "")) for k in ("kind", "message", "severity", "action")}
        for p in verdict.get("problems") or []
        if isinstance(p, dict)
    ]
    acceptance = _dict(verdict.get("acceptance"))
    return AttemptInfo(
        number=number,
        kind=kind,
        status=str(verdict.get("status", "")),
        problems=problems,
        screenshots=_screenshots(run_dir, number),
        checks=[c for c in acceptance.get("checks") or [] if isinstance(c, dict)],
        coverage=verdict.get("coverage") if isinstance(verdict.get("coverage"), dict) else None,
    )


def _screenshots(run_dir: Path, number: int) -> list[str]:
    """The round's images, as paths relative to the run folder (plain files only, never links)."""
    folder = attempt_dir(run_dir, number)
    shots = []
    for dirpath, dirnames, filenames in os.walk(folder):  # os.walk does not follow links to folders
        dirnames.sort()
        for name in sorted(filenames):
            relative = (Path(dirpath) / name).relative_to(run_dir).as_posix()
            if name.lower().endswith(SHOT_SUFFIXES) and inside(run_dir, relative) is not None:
                shots.append(relative)
    return sorted(shots, key=lambda shot: (shot.count("/"), shot))  # the exploring's own before the checks'


def _attempt_numbers(run_dir: Path) -> list[int]:
    try:
        names = os.listdir(run_dir / ATTEMPTS)
    except OSError:
        return []
    return sorted(int(name) for name in names if name.isdigit())


def events(run_dir: Path) -> list[dict[str, Any]]:
    """Every whole line of events.jsonl that parses."""
    data = read_bytes(run_dir, EVENTS)
    if data is None:
        return []
    lines = data.decode("utf-8", errors="replace").splitlines()
    return [event for line in lines if isinstance(event := _parse(line), dict)]


def _parse(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def open_inside(folder: Path, relative: str) -> BinaryIO | None:
    """`folder/relative` opened for reading if it is a plain file reached without `..`, an absolute path or any
    link; else None. Each part is opened relative to the one before and never through a link (O_NOFOLLOW), so a
    program that swaps a checked file or folder for a link cannot redirect the read."""
    parts = PurePosixPath(relative).parts
    if not parts or relative.startswith("/") or any(part in ("..", ".", "") for part in parts):
        return None
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        at = os.open(folder, flags | os.O_DIRECTORY)
    except OSError:
        return None
    try:
        for part in parts[:-1]:
            parent, at = at, -1
            try:
                at = os.open(part, flags | os.O_DIRECTORY, dir_fd=parent)
            finally:
                os.close(parent)
        fd = os.open(parts[-1], flags | os.O_NONBLOCK, dir_fd=at)
    except OSError:
        return None
    finally:
        if at >= 0:
            os.close(at)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return os.fdopen(fd, "rb")


def inside(folder: Path, relative: str) -> Path | None:
    """`folder/relative` if `open_inside` would open it; for reading, use `open_inside` itself."""
    handle = open_inside(folder, relative)
    if handle is None:
        return None
    handle.close()
    return folder / relative


def diff(run_dir: Path, number: int) -> str:
    """Round `number`'s program against the round before's ('' for the first round or a missing program)."""
    now, before = (_program(run_dir, n) for n in (number, number - 1))
    if now is None or before is None:
        return ""
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), now.splitlines(keepends=True), f"round {number - 1}", f"round {number}"
    )
    return "".join(lines)


def _program(run_dir: Path, number: int) -> str | None:
    if number < 1:
        return None
    data = read_bytes(run_dir, attempt_app(Path(), number).as_posix())
    return data.decode("utf-8", errors="replace") if data is not None else None


def mark_stopped(run_dir: Path, status: str, message: str) -> None:
    """A run whose process was killed before it could finalize: its metadata says so now."""
    meta = read_json(run_dir, METADATA)
    if isinstance(meta, dict) and meta.get("status") == "running":
        replace_file(run_dir / METADATA, json.dumps({**meta, "status": status, "message": message}, indent=2) + "\n")


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _folders(root: Path) -> list[Path]:
    """The real folders directly under `root`, newest name first (run folder names start with their time)."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name, reverse=True)
    except OSError:
        return []
    return [Path(entry.path) for entry in entries if entry.is_dir(follow_symlinks=False)]


def _entry(handle: BinaryIO, name: str) -> zipfile.ZipInfo:
    """The zip entry for an open file: its time and permissions (an executable stays executable)."""
    info = os.fstat(handle.fileno())
    entry = zipfile.ZipInfo(name, date_time=time.localtime(info.st_mtime)[:6])
    entry.external_attr = (info.st_mode & 0xFFFF) << 16
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


def zip_run(run_dir: Path, target: Path) -> Path:
    """The run folder as a zip at `target`: plain files only (links and devices are left out)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for dirpath, dirnames, filenames in os.walk(run_dir):
            dirnames.sort()
            for name in sorted(filenames):
                relative = (Path(dirpath) / name).relative_to(run_dir).as_posix()
                handle = open_inside(run_dir, relative) if name != ".reserve" else None
                if handle is not None:
                    with (
                        handle,
                        archive.open(_entry(handle, f"{run_dir.name}/{relative}"), "w", force_zip64=True) as out,
                    ):
                        shutil.copyfileobj(handle, out)
    return target
