"""Where an acceptance check's key press goes, and whether anything there could take it.

A game whose board never overrides keyPressEvent still "responds to the Left key" when the only check is that
the window changed: it changes on its own, every tick. So before a named key is pressed, the widget that gets
it and every widget above it are looked at: a Qt input widget (a field, a list, a slider), a class of the app's
own with a key handler, a shortcut or an event filter could take it; a chain of plain containers (QWidget,
QMainWindow, QFrame...) of the app's that read no keys cannot, and the step fails saying so.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QFrame, QGroupBox, QLabel, QMainWindow, QStackedWidget, QWidget

from aegis.probe.qt import accept_find as find
from aegis.probe.qt.explore import top_windows
from aegis.probe.qt.inspect_ui import is_qt_class, qt_class, reads_keys

KEYLESS = (QWidget, QMainWindow, QFrame, QLabel, QGroupBox, QStackedWidget, QDialog)
"""Qt classes that do nothing with a key of their own."""


def key_target(main: QWidget, into: QWidget | None) -> QWidget:
    """The named widget; else the focused one; else the first widget of the app's own that reads keys."""
    if into is not None:
        return into
    focus = QApplication.focusWidget()
    if focus is not None:
        return focus
    own = [w for w in find.visible_widgets([main]) if reads_keys(w)]
    return own[0] if own else main.focusProxy() or main


def nothing_takes_keys(target: QWidget) -> str:
    """'' when something could take a key pressed on `target`; else the chain of widgets, in words."""
    chain: list[QWidget] = []
    widget: QWidget | None = target
    while widget is not None:
        chain.append(widget)
        widget = widget.parentWidget()
    if any(reads_keys(w) or qt_class(w) not in KEYLESS for w in chain) or _shortcuts() or _filters():
        return ""
    return " in ".join(dict.fromkeys(type(w).__name__ for w in chain))


def _shortcuts() -> bool:
    """True when any window has a QShortcut, or a QAction with a shortcut."""
    for window in top_windows():
        actions = window.findChildren(QAction)
        if window.findChildren(QShortcut) or any(not action.shortcut().isEmpty() for action in actions):
            return True
    return False


def _filters() -> bool:
    """True when the app's main module defines an event filter (or a QApplication.notify) of its own."""
    main = sys.modules.get("__main__")
    names = vars(main).values() if main is not None else []
    classes = [value for value in names if isinstance(value, type) and not is_qt_class(value)]
    return any("eventFilter" in vars(cls) or "notify" in vars(cls) for cls in classes)
