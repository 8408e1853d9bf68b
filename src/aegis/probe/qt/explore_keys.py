"""What a user reaches without a visible button or menu entry: keyboard shortcuts and context menus.

    shortcut_actions(window)           a QShortcut (F1 for help), or a QAction known only by its shortcut
    ContextMenus.actions(widget, name) one GuiAction per entry tried of a widget's custom context menu

An app builds a custom context menu when asked (customContextMenuRequested) and shows it, usually with
QMenu.exec(), which blocks. A context-menu action asks for the menu and, from within the menu's own event
loop, chooses the entry it is for with the keyboard, so exec() returns it and it is triggered as on a click.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMenu, QWidget

from aegis.probe.common import QUIT_WORDS, GuiAction

QUITTING_KEYS = {"Ctrl+Q", "Ctrl+W", "Alt+F4", "Esc"}
ENTRIES_TRIED = 2
"""Entries of one context menu tried, each on a fresh opening of the menu."""


def shortcut_actions(window: QWidget) -> list[GuiAction]:
    found = []
    for shortcut in window.findChildren(QShortcut):
        keys = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
        owner = shortcut.parent()
        if shortcut.isEnabled() and keys and isinstance(owner, QWidget) and owner.isVisible():
            found.append(_pressing(f"QShortcut|{id(shortcut)}|", keys, shortcut.activated.emit))
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        if keys and not action.text().replace("&", "").strip() and action.isEnabled() and _on_screen(action):
            found.append(_pressing(f"QAction|{id(action)}|", keys, action.trigger))
    return found


def _on_screen(action: QAction) -> bool:
    """Added to a shown widget: its shortcut works (an action no widget holds never fires)."""
    return any(isinstance(o, QWidget) and o.isVisible() for o in action.associatedObjects())


def _pressing(key: str, keys: str, run: Callable[[], object]) -> GuiAction:
    return GuiAction(key, "menu", f"pressed shortcut '{keys}'", run, keys in QUITTING_KEYS)


def _clicked_at(widget: QWidget) -> QPoint:
    """Where the user right-clicks: on a list, table or tree its first row (a point in its viewport, as Qt
    sends it, and what the app's indexAt() will find), elsewhere the middle of the widget."""
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        root, model = widget.rootIndex(), widget.model()
        if model.rowCount(root) > 0:  # a Python model's rowCount() may require the parent
            return widget.visualRect(model.index(0, 0, root)).center()
    return widget.rect().center()


class ContextMenus:
    """Opens custom context menus and picks an entry; see the module docstring."""

    def actions(self, widget: QWidget, name: str) -> list[GuiAction]:
        if widget.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            return []
        return [
            GuiAction(
                f"{type(widget).__name__}|{id(widget)}|context {entry}",
                "menu",
                f"chose entry {entry + 1} of the context menu of {name}",
                partial(self.open, widget, entry),
            )
            for entry in range(ENTRIES_TRIED)
        ]

    def open(self, widget: QWidget, entry: int) -> None:
        QTimer.singleShot(0, partial(self.choose, entry))  # runs in the menu's own event loop, once it is shown
        widget.customContextMenuRequested.emit(_clicked_at(widget))

    def choose(self, entry: int) -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            return
        entries = [a for a in menu.actions() if a.isEnabled() and not a.isSeparator() and a.menu() is None]
        if entry >= len(entries) or QUIT_WORDS.search(entries[entry].text()):
            menu.close()  # as if the user closed the menu
            return
        menu.setActiveAction(entries[entry])
        QTest.keyClick(menu, Qt.Key.Key_Return)  # exec() returns the entry and it is triggered, as on a click
