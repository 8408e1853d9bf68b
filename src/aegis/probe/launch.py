"""Runs inside the child process, before any app code: `python launch.py REPORT SHOTS APP [TIMEOUT SETTLE]`.

It installs exception hooks, a Qt message handler and faulthandler, then runs APP as `__main__`. When
the app enters its event loop, a watcher waits for a visible window (no fixed sleep), lets the app run
for SETTLE seconds, records the windows and a PNG of each, and quits. Everything it learns goes to
REPORT as JSON lines, flushed one by one, so a later crash loses nothing. This file is the only place
that imports PySide6; the AEGIS core only reads REPORT.
"""

from __future__ import annotations

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

POLL_MS = 50
_report: Any = None
_started = time.monotonic()


def emit(kind: str, **fields: Any) -> None:
    record = {"kind": kind, "t": round(time.monotonic() - _started, 3), **fields}
    _report.write(json.dumps(record) + "\n")
    _report.flush()


def exception_record(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> dict[str, Any]:
    frames = [[f.filename, f.lineno, f.name, f.line or ""] for f in traceback.extract_tb(tb)]
    return {
        "type": exc_type.__name__,
        "message": str(exc),
        "frames": frames,
        "text": "".join(traceback.format_exception(exc_type, exc, tb)),
    }


def install_hooks() -> None:
    def excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        emit("exception", **exception_record(exc_type, exc, tb))
        sys.__excepthook__(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            emit(
                "exception",
                thread=getattr(args.thread, "name", ""),
                **exception_record(args.exc_type, args.exc_value, args.exc_traceback),
            )

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    faulthandler.enable(file=sys.stderr, all_threads=True)


def install_qt_hooks(shots: Path, settle: float, deadline: float) -> None:
    try:
        from PySide6 import QtCore, QtGui, QtWidgets
    except ImportError as exc:  # the app may not use Qt at all; its own import will tell
        emit("note", message=f"PySide6 not importable in probe: {exc}")
        return

    def on_message(mode: Any, context: Any, message: str) -> None:
        emit("qt_message", level=str(mode).rsplit(".", 1)[-1], message=message)

    QtCore.qInstallMessageHandler(on_message)
    watcher = Watcher(QtCore, QtGui, QtWidgets, shots, settle, deadline)
    for cls in (QtCore.QCoreApplication, QtGui.QGuiApplication, QtWidgets.QApplication):
        for name in ("exec", "exec_"):  # static methods on the application classes
            if name in vars(cls):
                setattr(cls, name, staticmethod(watcher.wrap(getattr(cls, name))))
    for name in ("exec", "exec_"):  # a dialog used as the main window
        setattr(QtWidgets.QDialog, name, watcher.wrap(getattr(QtWidgets.QDialog, name)))


class Watcher:
    """Starts with the event loop; reports windows and screenshots, then quits the app."""

    def __init__(self, qtcore: Any, qtgui: Any, qtwidgets: Any, shots: Path, settle: float, deadline: float):
        self.QtCore, self.QtGui, self.QtWidgets = qtcore, qtgui, qtwidgets
        self.shots, self.settle, self.deadline = shots, settle, deadline
        self.started = False
        self.first_window_at: float | None = None

    def wrap(self, original: Any) -> Any:
        def exec_with_watcher(*args: Any, **kwargs: Any) -> Any:
            if not self.started:
                self.started = True
                emit("event_loop")
                self.QtCore.QTimer.singleShot(0, self.poll)
            return original(*args, **kwargs)

        return exec_with_watcher

    def visible_windows(self) -> list[Any]:
        app = self.QtWidgets.QApplication.instance()
        if isinstance(app, self.QtWidgets.QApplication):
            widgets = [w for w in app.topLevelWidgets() if w.isVisible() and w.isWindow()]
            if widgets:
                return widgets
        return [w for w in self.QtGui.QGuiApplication.topLevelWindows() if w.isVisible()]

    def poll(self) -> None:
        now = time.monotonic()
        if self.visible_windows():
            if self.first_window_at is None:
                self.first_window_at = now
                emit("window_shown")
            if now - self.first_window_at >= self.settle:
                self.finish()
                return
        elif now > self.deadline:
            emit("no_window")
            self.quit()
            return
        self.QtCore.QTimer.singleShot(POLL_MS, self.poll)

    def finish(self) -> None:
        windows = []
        for index, window in enumerate(self.visible_windows()):
            windows.append(self.describe(window, index))
        emit("windows", windows=windows)
        self.quit()

    def describe(self, window: Any, index: int) -> dict[str, Any]:
        size = window.size()
        info: dict[str, Any] = {
            "title": window.windowTitle() if hasattr(window, "windowTitle") else window.title(),
            "cls": type(window).__name__,
            "width": size.width(),
            "height": size.height(),
            "widgets": 0,
        }
        if isinstance(window, self.QtWidgets.QWidget):
            info["widgets"] = sum(1 for w in window.findChildren(self.QtWidgets.QWidget) if w.isVisible())
            path = self.shots / f"window{index}.png"
            if window.grab().save(str(path)):
                info["screenshot"] = str(path)
        return info

    def quit(self) -> None:
        emit("done")
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def run_app(app: Path) -> None:
    sys.argv = [str(app)]
    sys.path.insert(0, str(app.parent))
    try:
        runpy.run_path(str(app), run_name="__main__")
    except SystemExit as exc:
        emit("exit", code=exit_code(exc))
        raise
    except BaseException:
        sys.excepthook(*sys.exc_info())
        emit("exit", code=1)
        os._exit(1)
    emit("exit", code=0)


def exit_code(exc: SystemExit) -> int:
    """The status the interpreter will exit with: sys.exit() is 0, sys.exit("message") is 1."""
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else 1


def main() -> None:
    global _report
    report, shots, app = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    timeout = float(sys.argv[4]) if len(sys.argv) > 4 else 20.0
    settle = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    _report = report.open("a", encoding="utf-8")
    shots.mkdir(parents=True, exist_ok=True)
    emit("start", pid=os.getpid())
    install_hooks()
    install_qt_hooks(shots, settle, _started + timeout)
    run_app(app.resolve())


if __name__ == "__main__":
    main()
