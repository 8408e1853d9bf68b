"""Which signal connections a program makes while it starts, and whether a user can reach each one's sender.

    python reach.py ENTRY.py            (or: python reach.py -m PACKAGE)

Runs one program of the real-world corpus, in the sandbox the benchmark gives it (check_realworld.py), on
Qt's offscreen platform. It is the benchmark's ground truth for "a fault a user can reach", kept apart from
the checker it judges: it never explores, it only looks.

Every `SignalInstance.connect` call is recorded with the file and line that made it. Two seconds after the
application object exists (a timer, so it fires inside a start-up dialog's loop too) each recorded signal is
matched to the object that owns it (signal instances are cached per object, so `getattr(obj, name) is
signal` finds it) and the owner is classed:

    user     a shown, enabled widget; an enabled action in a shown menu bar, toolbar, widget or menu
             chain; a shortcut on a shown widget; a shown tray icon
    timer    a QTimer (it fires by itself)
    no       a hidden or disabled widget or action: a user cannot get at it without doing something first;
             or an object made in a worker thread, whose slots never run
    unknown  an owner not found (a model, the application, a thread's signals)

The result is one line on stdout, MARK followed by JSON: {"connections": [{"file", "line", "signal", "owner",
"reach"}]}, then the process ends at once. Standard library and PySide6 only.
"""

from __future__ import annotations

import gc
import json
import os
import re
import runpy
import sys
from typing import Any

from PySide6 import QtCore, QtGui, QtWidgets

MARK = "AEGIS-REACH "
REPORT_AFTER_MS = 2000
SIGNAL_NAME = re.compile(r"SignalInstance (\w+)")

recorded: list[tuple[str, int, Any]] = []


def connect_recording(original: Any) -> Any:
    def connect(signal: Any, *args: Any, **kwargs: Any) -> Any:
        caller = sys._getframe(1)
        recorded.append((caller.f_code.co_filename, caller.f_lineno, signal))
        return original(signal, *args, **kwargs)

    return connect


def objects() -> list[QtCore.QObject]:
    """Every QObject the program holds: the application's and its widgets' trees, and parentless ones Python
    keeps (a tray icon's QAction("Hex") held in a module global)."""
    found: dict[int, QtCore.QObject] = {}
    app = QtCore.QCoreApplication.instance()
    roots: list[QtCore.QObject] = [app] if app is not None else []
    roots += QtWidgets.QApplication.allWidgets() if isinstance(app, QtWidgets.QApplication) else []
    roots += [item for item in gc.get_objects() if isinstance(item, QtCore.QObject)]
    for root in roots:
        try:
            for item in [root, *root.findChildren(QtCore.QObject)]:
                found[id(item)] = item
        except RuntimeError:  # a wrapper whose C++ object is already deleted
            continue
    return list(found.values())


def widget_reach(widget: QtWidgets.QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def action_reach(action: QtGui.QAction, depth: int = 0) -> bool:
    if not (action.isEnabled() and action.isVisible()) or depth > 6:
        return False
    for owner in action.associatedObjects():
        if isinstance(owner, QtWidgets.QMenu):
            if tray_menu(owner) or action_reach(owner.menuAction(), depth + 1):
                return True
        elif isinstance(owner, QtWidgets.QWidget) and owner.isVisible():
            return True
    return False


def tray_menu(menu: QtWidgets.QMenu) -> bool:
    return any(
        isinstance(item, QtWidgets.QSystemTrayIcon) and item.isVisible() and item.contextMenu() is menu
        for item in EVERYTHING
    )


def reach(owner: QtCore.QObject | None) -> str:
    if owner is None:
        return "unknown"
    app = QtCore.QCoreApplication.instance()
    if app is not None and owner.thread() is not app.thread():
        return "no"  # made in a worker thread: what it emits is queued to a thread that runs no GUI loop
    if isinstance(owner, QtCore.QTimer):
        return "timer"
    if isinstance(owner, QtWidgets.QWidget):
        return "user" if widget_reach(owner) else "no"
    if isinstance(owner, QtGui.QAction):
        return "user" if action_reach(owner) else "no"
    if isinstance(owner, QtGui.QShortcut):
        parent = owner.parent()
        return "user" if isinstance(parent, QtWidgets.QWidget) and widget_reach(parent) else "no"
    if isinstance(owner, QtWidgets.QSystemTrayIcon):
        return "user" if owner.isVisible() else "no"
    if isinstance(owner, QtWidgets.QButtonGroup):
        return "user" if any(widget_reach(button) for button in owner.buttons()) else "no"
    return "unknown"


def owner_of(signal: Any, name: str, everything: list[QtCore.QObject]) -> QtCore.QObject | None:
    for item in everything:
        try:
            if getattr(item, name, None) is signal:
                return item
        except Exception:  # a property of the app's own class may raise when read
            continue
    return None


EVERYTHING: list[QtCore.QObject] = []


def report() -> None:
    everything = EVERYTHING[:] = objects()
    rows = []
    for filename, line, signal in recorded:
        match = SIGNAL_NAME.search(repr(signal))
        name = match.group(1) if match else ""
        owner = owner_of(signal, name, everything) if name else None
        rows.append(
            {
                "file": os.path.relpath(os.path.abspath(filename)),
                "line": line,
                "signal": name,
                "owner": type(owner).__name__ if owner is not None else "",
                "reach": reach(owner),
            }
        )
    sys.stdout.write(MARK + json.dumps({"connections": rows}) + "\n")
    sys.stdout.flush()
    os._exit(0)


def app_created(original: Any) -> Any:
    def create(app: Any, *args: Any, **kwargs: Any) -> None:
        original(app, *args, **kwargs)
        QtCore.QTimer.singleShot(REPORT_AFTER_MS, report)

    return create


def main(argv: list[str]) -> None:
    QtCore.SignalInstance.connect = connect_recording(QtCore.SignalInstance.connect)  # type: ignore[method-assign]
    for cls in (QtCore.QCoreApplication, QtGui.QGuiApplication, QtWidgets.QApplication):
        if "__init__" in vars(cls):
            cls.__init__ = app_created(cls.__init__)  # type: ignore[method-assign]
    try:
        if argv[:1] == ["-m"]:
            sys.argv = [argv[1]]
            sys.path.insert(0, os.getcwd())
            runpy.run_module(argv[1], run_name="__main__", alter_sys=True)
        else:
            sys.argv = [argv[0]]
            sys.path.insert(0, os.path.dirname(os.path.abspath(argv[0])))
            runpy.run_path(argv[0], run_name="__main__")
    finally:
        report()  # the program ended before the timer: what it connected so far


if __name__ == "__main__":
    main(sys.argv[1:])
