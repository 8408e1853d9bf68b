"""Runs inside the child process, before any app code:

    python launch.py REPORT SHOTS APP TIMEOUT SETTLE [OPTIONS_JSON]

It installs exception hooks, a Qt message handler, faulthandler and a hang watchdog, then runs APP as
`__main__`. When the app enters its event loop, it waits for a visible window (no fixed sleep), lets the
app settle, records the windows, screenshots and UI inspections, then explores the GUI one action at a
time (dismissing modal dialogs as they appear), takes the final screenshots and ends the process.
Everything goes to REPORT as JSON lines, flushed one by one, so a crash loses nothing. The AEGIS core only
reads REPORT; only code in this folder imports PySide6.
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
from pathlib import Path
from types import TracebackType
from typing import Any

_HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]  # keep our files out of the app's way
sys.path.append(str(_HERE.parent.parent))

POLL_MS = 50
BEAT_MS = 100
STEP_MS = 20
DEFAULTS = {"max_actions": 60, "seed": 0, "explore_seconds": 15.0, "hang_seconds": 2.0, "explore": True}


class Report:
    """The JSON-lines report; thread-safe, flushed per record. Knows the action under way."""

    def __init__(self, path: Path) -> None:
        self.file = path.open("a", encoding="utf-8")
        self.lock = threading.Lock()
        self.started = time.monotonic()
        self.action = ""
        self.finished = False

    def emit(self, kind: str, **fields: Any) -> None:
        record = {"kind": kind, "t": round(time.monotonic() - self.started, 3), **fields}
        with self.lock:
            self.file.write(json.dumps(record, default=str) + "\n")
            self.file.flush()

    def end(self, code: int = 0) -> None:
        """Write `done` and leave at once: the app's own shutdown is not under test."""
        self.finished = True
        self.emit("done")
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def exception_record(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> dict[str, Any]:
    frames = [[f.filename, f.lineno, f.name, f.line or ""] for f in traceback.extract_tb(tb)]
    return {
        "type": exc_type.__name__,
        "message": str(exc),
        "frames": frames,
        "text": "".join(traceback.format_exception(exc_type, exc, tb)),
    }


def install_hooks(report: Report) -> None:
    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        report.emit("exception", action=report.action, **exception_record(exc_type, exc, tb))
        sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            record = exception_record(args.exc_type, args.exc_value, args.exc_traceback)
            report.emit("exception", thread=getattr(args.thread, "name", ""), action=report.action, **record)

    def on_exit() -> None:
        if not report.finished and report.action:
            report.emit("quit", action=report.action)

    sys.excepthook = excepthook
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
        self.main_id = threading.main_thread().ident

    def run(self) -> None:
        while True:
            time.sleep(0.1)
            now = time.monotonic()
            if self.beat is None and now > self.start_deadline:
                self.hung("the program never started its event loop")
            elif self.beat is not None and now - self.beat > self.hang_seconds:
                self.hung(f"the event loop was blocked for more than {self.hang_seconds:g} s")

    def hung(self, message: str) -> None:
        frame = sys._current_frames().get(self.main_id or 0)
        stack = traceback.extract_stack(frame) if frame is not None else []
        frames = [[f.filename, f.lineno, f.name, f.line or ""] for f in stack]
        self.report.emit("hang", message=message, action=self.report.action, frames=frames)
        self.report.end(3)


def main() -> None:
    from aegis.probe.child import start

    start("aegis.probe.qt.session")


def run_app(report: Report, app: Path) -> None:
    sys.argv = [str(app)]
    sys.path.insert(0, str(app.parent))
    try:
        runpy.run_path(str(app), run_name="__main__")
    except SystemExit as exc:
        code = exc.code
        report.emit("exit", code=0 if code is None else code if isinstance(code, int) else 1)
        raise
    except BaseException:
        sys.excepthook(*sys.exc_info())
        report.emit("exit", code=1)
        os._exit(1)
    report.emit("exit", code=0)


if __name__ == "__main__":
    main()
