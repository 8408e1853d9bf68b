"""The machinery every probe runs on, whatever the toolkit: the report, the hooks, the watchdog, the app's run.

    Report.open(args).emit(record)  one JSON line per record, flushed at once, so a crash loses nothing
    install_hooks(report)       uncaught exceptions (any thread), an exit during an action, faulthandler
    Watchdog(report, ...)       reports where the main thread is stuck, before or inside the event loop
    run_app(report, app)        runs the app as `__main__` and records how it exited

Standard library only; runs inside the app's child process (child.py starts it), never in AEGIS itself.
"""

from __future__ import annotations

import atexit
import faulthandler
import json
import os
import runpy
import sys
import threading
import time
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from aegis.probe.records import Done, ExceptionRaised, Exit, Frame, Hang, Quit, Record
from aegis.probe.signing import Signer, read_key

WATCH_SECONDS = 0.1
"""How often the watchdog looks at the event loop's heartbeat."""


class Report:
    """The JSON-lines report; thread-safe, flushed per record. Knows the action under way."""

    def __init__(self, file: TextIO, path: Path | None = None, signer: Signer | None = None) -> None:
        self.path = path
        self.signer = signer
        """The report's file, when the probe was given one by path (AEGIS's checks give a descriptor)."""
        self.file = file
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.action = ""
        self.finished = False

    @classmethod
    def to_path(cls, path: Path) -> Report:
        return cls(path.open("a", encoding="utf-8"), path)

    @classmethod
    def to_fd(cls, fd: int, key_fd: int | None = None) -> Report:
        """Writes to an inherited descriptor, kept from the programs the app starts; with key_fd, signed."""
        os.set_inheritable(fd, False)
        signer = None if key_fd is None else Signer(read_key(key_fd))
        return cls(os.fdopen(fd, "a", encoding="utf-8"), signer=signer)

    def emit(self, record: Record) -> None:
        line = json.dumps({**record.to_json(), "t": round(time.monotonic() - self.started, 3)}, default=str)
        with self.lock:
            self.file.write((self.signer.line(line) if self.signer else line) + "\n")
            self.file.flush()

    def end(self, code: int = 0) -> None:
        """Write `done` and leave at once: the app's own shutdown is not under test."""
        self.finished = True
        self.emit(Done())
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def frames_of(summary: Iterable[traceback.FrameSummary]) -> list[Frame]:
    return [(f.filename, f.lineno, f.name, f.line or "") for f in summary]


def raised(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *, action: str, thread: str | None
) -> ExceptionRaised:
    return ExceptionRaised(
        type=exc_type.__name__,
        message=str(exc),
        frames=frames_of(traceback.extract_tb(tb)),
        text="".join(traceback.format_exception(exc_type, exc, tb)),
        action=action,
        thread=thread,
    )


def install_hooks(report: Report) -> None:
    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report.emit(raised(exc_type, exc, tb, action=report.action, thread=None))
        sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            thread = getattr(args.thread, "name", "")
            report.emit(raised(args.exc_type, args.exc_value, args.exc_traceback, action=report.action, thread=thread))

    def on_exit() -> None:
        if not report.finished and report.action:
            report.emit(Quit(action=report.action))

    def audit(event: str, args: tuple[object, ...]) -> None:
        """The interpreter announces every uncaught exception it hands to sys.excepthook: an app that installed
        its own hook (to show errors in a message box) still has its exceptions reported."""
        if event == "sys.excepthook" and args[0] is not excepthook:
            _, exc_type, exc, tb = args
            if isinstance(exc_type, type) and isinstance(exc, BaseException):
                trace = tb if isinstance(tb, TracebackType) else None
                report.emit(raised(exc_type, exc, trace, action=report.action, thread=None))

    sys.excepthook = excepthook
    sys.addaudithook(audit)  # cannot be removed: the app's own hook cannot hide its exceptions
    threading.excepthook = thread_hook
    atexit.register(on_exit)
    faulthandler.enable(file=sys.stderr, all_threads=True)


class Watchdog(threading.Thread):
    """Reports where the main thread is stuck: before the event loop, or blocking it during a step."""

    def __init__(self, report: Report, start_deadline: float, hang_seconds: float) -> None:
        super().__init__(daemon=True, name="aegis-watchdog")
        self.report = report
        self.start_deadline = start_deadline
        self.hang_seconds = hang_seconds
        self.beat: float | None = None
        """When the session last saw the event loop run; None until it starts."""
        self.main_id = threading.main_thread().ident

    def run(self) -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            now = time.monotonic()
            if self.beat is None and now > self.start_deadline:
                self.hung("the program never started its event loop")
            elif self.beat is not None and now - self.beat > self.hang_seconds:
                self.hung(f"the event loop was blocked for more than {self.hang_seconds:g} s")

    def hung(self, message: str) -> None:
        frame = sys._current_frames().get(self.main_id or 0)
        stack = traceback.extract_stack(frame) if frame is not None else []
        self.report.emit(Hang(message=message, action=self.report.action, frames=frames_of(stack)))
        self.report.end(3)


def run_app(report: Report, app: Path) -> None:
    sys.argv = [str(app)]
    sys.path.insert(0, str(app.parent))
    try:
        runpy.run_path(str(app), run_name="__main__")
    except SystemExit as exc:
        code = exc.code
        report.emit(Exit(code=0 if code is None else code if isinstance(code, int) else 1))
        raise
    except BaseException:
        sys.excepthook(*sys.exc_info())
        report.emit(Exit(code=1))
        os._exit(1)
    report.emit(Exit(code=0))
