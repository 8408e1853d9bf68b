"""Task datasets: a JSON array of task sentences or `{"id", "task", "checks", "unverified"}` objects.

`unverified` lists the features the sentence names that no check can try here, each `{"name", "why"}`
(recording the screen offscreen, fetching with no network): they are reported beside the verdict.

    load_dataset(path) -> list[Task]    read, validate and give every task a unique, stable id

Every problem with a dataset file raises DatasetError with one line, `file:line:col: reason`, pointing
at the character where the offending item starts (or `file: cannot read: reason`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from aegis.acceptance import parse_checks
from aegis.errors import AcceptanceError, DatasetError
from aegis.paths import slugify
from aegis.schema import Task, Unverified

_KEYS = ("id", "task", "checks", "unverified")
_WHITESPACE = " \t\n\r"
_TYPE_NAMES = {
    list: "an array",
    dict: "an object",
    str: "a string",
    bool: "true/false",
    int: "a number",
    float: "a number",
    type(None): "null",
}


def load_dataset(path: str | Path) -> list[Task]:
    """Read a dataset file into Tasks; any problem raises DatasetError naming file:line:col."""
    source = _Source(Path(path), _read(Path(path)))
    entries = [_parse_item(source, pos, value) for pos, value in _array_items(source)]
    return _assign_ids(source, entries)


@dataclass(frozen=True)
class _Source:
    """The dataset file's name and text, to turn an offset into a `file:line:col: reason` error."""

    path: Path
    text: str

    def line_col(self, pos: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, pos) + 1
        return line, pos - self.text.rfind("\n", 0, pos)

    def error(self, pos: int, reason: str) -> DatasetError:
        line, col = self.line_col(pos)
        return DatasetError(f"{self.path}:{line}:{col}: {reason}")


@dataclass(frozen=True)
class _Entry:
    """One validated item, before it gets its final id."""

    pos: int
    id: str | None
    task: str
    checks: list[dict[str, object]]
    unverified: list[Unverified] = field(default_factory=list)


class _DuplicateKey(ValueError):
    pass


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise DatasetError(f"{path}: cannot read: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise DatasetError(f"{path}: cannot read: not UTF-8 text (byte {e.start})") from e


def _array_items(source: _Source) -> list[tuple[int, object]]:
    """Each top-level array item with the offset where it starts."""
    try:
        data = json.loads(source.text)
    except json.JSONDecodeError as e:
        raise DatasetError(f"{source.path}:{e.lineno}:{e.colno}: invalid JSON: {e.msg}") from e
    start = _skip_whitespace(source.text, 0)
    if not isinstance(data, list):
        raise source.error(start, f"expected an array of tasks, found {_type_name(data)}")
    if not data:
        raise source.error(start, "the dataset has no tasks")
    return _scan_array(source, start + 1)


def _scan_array(source: _Source, pos: int) -> list[tuple[int, object]]:
    """Walk an array already known to be valid, non-empty JSON, starting just after its `[`."""
    decoder = json.JSONDecoder(object_pairs_hook=_unique_keys)
    items: list[tuple[int, object]] = []
    while source.text[pos] != "]":
        pos = _skip_whitespace(source.text, pos)
        try:
            value, end = decoder.raw_decode(source.text, pos)
        except _DuplicateKey as e:
            raise source.error(pos, f"duplicate key {e.args[0]!r}") from e
        items.append((pos, value))
        pos = _skip_whitespace(source.text, end)
        if source.text[pos] == ",":
            pos += 1
    return items


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    keys = [key for key, _ in pairs]
    for key in keys:
        if keys.count(key) > 1:
            raise _DuplicateKey(key)
    return dict(pairs)


def _skip_whitespace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WHITESPACE:
        pos += 1
    return pos


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


def _parse_item(source: _Source, pos: int, value: object) -> _Entry:
    if isinstance(value, str):
        return _Entry(pos, None, _task_text(source, pos, value), [])
    if isinstance(value, dict):
        return _parse_object(source, pos, value)
    raise source.error(pos, f"a task must be a string or an object, found {_type_name(value)}")


def _parse_object(source: _Source, pos: int, item: dict[str, object]) -> _Entry:
    unknown = [key for key in item if key not in _KEYS]
    if unknown:
        raise source.error(pos, f"unknown key {unknown[0]!r} (allowed: {', '.join(_KEYS)})")
    if "task" not in item:
        raise source.error(pos, "missing key 'task'")
    task = item["task"]
    if not isinstance(task, str):
        raise source.error(pos, f"'task' must be a string, found {_type_name(task)}")
    return _Entry(
        pos,
        _task_id(source, pos, item.get("id")),
        _task_text(source, pos, task),
        _checks(source, pos, item.get("checks", [])),
        _unverified(source, pos, item.get("unverified", [])),
    )


def _task_text(source: _Source, pos: int, text: str) -> str:
    if not text.strip():
        raise source.error(pos, "the task text is empty")
    return text.strip()


def _task_id(source: _Source, pos: int, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise source.error(pos, f"'id' must be a non-empty string, found {value!r}")
    return value.strip()


def _checks(source: _Source, pos: int, value: object) -> list[dict[str, object]]:
    if not isinstance(value, list):
        raise source.error(pos, f"'checks' must be an array of objects, found {_type_name(value)}")
    checks: list[dict[str, object]] = []
    for check in value:
        if not isinstance(check, dict):
            raise source.error(pos, f"each check must be an object, found {_type_name(check)}")
        checks.append(check)
    if checks:
        try:
            parse_checks(checks)
        except AcceptanceError as e:
            raise source.error(pos, f"invalid checks: {e}") from e
    return checks


def _unverified(source: _Source, pos: int, value: object) -> list[Unverified]:
    """Features no check can try here: each {"name": ..., "why": ...}."""
    if not isinstance(value, list):
        raise source.error(pos, f"'unverified' must be an array of objects, found {_type_name(value)}")
    found = []
    for number, entry in enumerate(value, 1):
        try:
            found.append(Unverified.model_validate(entry))
        except ValidationError as e:
            error = e.errors()[0]
            where = ".".join(map(str, error["loc"])) or "the entry"
            raise source.error(pos, f"invalid 'unverified' entry {number}: {where}: {error['msg']}") from e
    return found


def _assign_ids(source: _Source, entries: list[_Entry]) -> list[Task]:
    """Keep explicit ids (which must be unique); give the rest `NNN-slug`, avoiding every id taken."""
    taken = _explicit_ids(source, entries)
    width = max(3, len(str(len(entries))))
    tasks: list[Task] = []
    for index, entry in enumerate(entries, start=1):
        task_id = entry.id or _free_id(f"{index:0{width}d}-{slugify(entry.task)}", taken)
        taken.add(task_id)
        tasks.append(Task(id=task_id, task=entry.task, checks=entry.checks, unverified=entry.unverified))
    return tasks


def _explicit_ids(source: _Source, entries: list[_Entry]) -> set[str]:
    first_seen: dict[str, int] = {}
    for entry in entries:
        if entry.id is None:
            continue
        if entry.id in first_seen:
            line, _ = source.line_col(first_seen[entry.id])
            raise source.error(entry.pos, f"duplicate id {entry.id!r} (first used on line {line})")
        first_seen[entry.id] = entry.pos
    return set(first_seen)


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate
