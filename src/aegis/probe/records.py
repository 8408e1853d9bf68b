"""The probe's report, typed once for both sides: one record class per kind of line in probe.jsonl.

    probe (the app's child process)                  AEGIS (verdict, acceptance, package)
    report.emit(Hang(message=..., frames=...))  ->  probe.jsonl  ->  parse_line(line) -> Hang(...)

Each report line is one JSON object, {"kind": KIND, "t": seconds since the probe started, **fields}; a field
left None is not written. `parse` gives Unknown for a kind (or a record) it cannot read, `parse_line` None
for a line a crash cut short; `of(records, Hang)` picks one kind. How a run starts is options.py.

Standard library only, nothing done at import: AEGIS imports this module, the probe runs it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self, TypeVar

Frame = tuple[str, int | None, str, str]
"""File, line number, function and source line of one traceback or stack frame."""


@dataclass(frozen=True, kw_only=True)
class Record:
    """One line of the report."""

    KIND: ClassVar[str] = ""
    t: float = 0.0
    """Seconds since the probe started; Report.emit stamps it."""

    @property
    def kind(self) -> str:
        return self.KIND

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **_fields(self)}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Self:
        return cls(**_known(cls, raw))


@dataclass(frozen=True, kw_only=True)
class Start(Record):
    KIND = "start"
    pid: int
    frozen: bool | None = None
    """True inside a packaged executable."""


@dataclass(frozen=True, kw_only=True)
class Note(Record):
    """Something the probe could not do (a screenshot, a toolkit missing); not the app's fault."""

    KIND = "note"
    message: str


@dataclass(frozen=True, kw_only=True)
class Fault(Record):
    """Where the program went wrong: what, during which action, and the frames that led there."""

    message: str
    action: str = ""
    frames: list[Frame] = field(default_factory=list)

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Self:
        frames = [(str(f[0]), f[1], str(f[2]), str(f[3])) for f in raw.get("frames") or []]
        return cls(**_known(cls, {**raw, "frames": frames}))


@dataclass(frozen=True, kw_only=True)
class ExceptionRaised(Fault):
    """An uncaught exception, on the main thread or another one."""

    KIND = "exception"
    type: str
    text: str = ""
    """The whole traceback as Python prints it."""
    thread: str | None = None


@dataclass(frozen=True, kw_only=True)
class Hang(Fault):
    """The watchdog saw the main thread stuck; `frames` is where."""

    KIND = "hang"


@dataclass(frozen=True, kw_only=True)
class Quit(Record):
    """The app quit during an action of the probe's."""

    KIND = "quit"
    action: str


@dataclass(frozen=True, kw_only=True)
class Exit(Record):
    """The app's `__main__` returned or raised SystemExit."""

    KIND = "exit"
    code: int


@dataclass(frozen=True, kw_only=True)
class EventLoop(Record):
    KIND = "event_loop"


@dataclass(frozen=True, kw_only=True)
class WindowShown(Record):
    KIND = "window_shown"


@dataclass(frozen=True, kw_only=True)
class WindowSeen:
    """One top-level window as recorded in `windows`."""

    title: str
    cls: str
    width: int
    height: int
    widgets: int = 0
    screenshot: str | None = None


@dataclass(frozen=True, kw_only=True)
class Windows(Record):
    KIND = "windows"
    phase: str
    """When: at the start (after settling) or at the end (after exploring)."""
    windows: list[WindowSeen]

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Self:
        windows = [WindowSeen(**_known(WindowSeen, w)) for w in raw.get("windows") or []]
        return cls(**_known(cls, {**raw, "windows": windows}))


@dataclass(frozen=True, kw_only=True)
class NoWindow(Record):
    KIND = "no_window"
    message: str | None = None


@dataclass(frozen=True, kw_only=True)
class ProbeProblem(Record):
    """What the probe's look at a window found (unreadable text, an empty window...)."""

    KIND = "problem"
    problem_kind: str
    severity: str
    message: str
    action: str = ""


@dataclass(frozen=True, kw_only=True)
class QtMessage(Record):
    KIND = "qt_message"
    level: str
    message: str


@dataclass(frozen=True, kw_only=True)
class ActionTaken(Record):
    """One exploration action, done, or `skipped` with the reason."""

    KIND = "action"
    i: int
    description: str
    skipped: str | None = None
    last: bool | None = None
    """True for the Quit or Exit pressed once exploring was done."""


@dataclass(frozen=True, kw_only=True)
class Dialog(Record):
    """A dialog the probe closed while exploring, or answered during an acceptance check."""

    KIND = "dialog"
    cls: str
    title: str
    text: str
    action: str
    icon: str | None = None
    answer: str | None = None


@dataclass(frozen=True, kw_only=True)
class FileDialog(Record):
    KIND = "file_dialog"
    mode: str
    path: str
    filter: str
    action: str


@dataclass(frozen=True, kw_only=True)
class Explored(Record):
    KIND = "explored"
    actions: int
    seconds: float
    offered: int = 0
    """Distinct actions the windows offered while exploring (Quit and Exit left out): `actions` of them were
    tried; 0 when the toolkit's explorer does not count them."""


@dataclass(frozen=True, kw_only=True)
class Done(Record):
    """The probe ended the process on purpose; always the last record when it did."""

    KIND = "done"


@dataclass(frozen=True, kw_only=True)
class AcceptStart(Record):
    KIND = "accept_start"
    name: str
    steps: int


@dataclass(frozen=True, kw_only=True)
class AcceptStep(Record):
    KIND = "accept_step"
    i: int
    do: str
    ok: bool
    message: str = ""
    seen: str = ""


@dataclass(frozen=True, kw_only=True)
class AcceptDone(Record):
    KIND = "accept_done"
    passed: bool
    screenshot: str = ""


@dataclass(frozen=True, kw_only=True)
class Unknown(Record):
    """A record this version cannot read: another version's kind, or fields missing."""

    name: str
    body: dict[str, Any] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.name

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.name, "t": self.t, **self.body}


RECORDS: tuple[type[Record], ...] = (
    Start, Note, ExceptionRaised, Hang, Quit, Exit, EventLoop, WindowShown, Windows, NoWindow, ProbeProblem,
    QtMessage, ActionTaken, Dialog, FileDialog, Explored, Done, AcceptStart, AcceptStep, AcceptDone,
)  # fmt: skip
"""Every kind of record the probe writes."""
KINDS: dict[str, type[Record]] = {cls.KIND: cls for cls in RECORDS}
R = TypeVar("R", bound=Record)


def parse(raw: Mapping[str, Any]) -> Record:
    """The record a report line's object holds; Unknown when its kind or fields are not this version's."""
    cls = KINDS.get(str(raw.get("kind", "")))
    if cls is not None:
        with contextlib.suppress(TypeError, ValueError, IndexError):  # a field missing or of the wrong shape
            return cls.from_json(raw)
    t = raw.get("t")
    body = {k: v for k, v in raw.items() if k not in ("kind", "t")}
    return Unknown(name=str(raw.get("kind", "")), t=float(t) if isinstance(t, int | float) else 0.0, body=body)


def parse_line(line: str) -> Record | None:
    """One report line; None for a line a crash cut short."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError:
        return None
    return parse(raw) if isinstance(raw, dict) else None


def of(records: Iterable[Record], kind: type[R]) -> list[R]:
    return [r for r in records if isinstance(r, kind)]


def _known(cls: type[Any], raw: Mapping[str, Any]) -> dict[str, Any]:
    names = {f.name for f in dataclasses.fields(cls)}
    return {k: v for k, v in raw.items() if k in names}


def _fields(instance: Any) -> dict[str, Any]:
    """A dataclass's fields, JSON-ready, without those left None."""
    pairs = ((f.name, getattr(instance, f.name)) for f in dataclasses.fields(instance))
    return {name: _plain(value) for name, value in pairs if value is not None}


def _plain(value: Any) -> Any:
    """JSON-ready: dataclasses as objects, tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fields(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
