"""Apps that live in the system tray: a colour picker whose only UI is its tray menu, notes that show their
window when the tray icon is clicked.

A headless run has no tray to click, so the probe is the user's hand: every icon an app shows is remembered
(QSystemTrayIcon.setVisible/show), an app with no window after its event loop starts gets one click on its
icon (`activated` with Trigger, what a left click sends), and the entries of each shown icon's context menu
are explored like menu bar actions. An app that still shows no window is judged on its tray menu alone, with
an `environment` warning that says so.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from aegis.probe.common import QUIT_WORDS, GuiAction

TRAY_ONLY = (
    "the app shows no window, only a system tray icon, which a headless run does not have: its icon was "
    "clicked and its tray menu explored, but nothing a window would show was checked"
)
MAX_DEPTH = 3
"""Submenus of a tray menu followed this deep."""


class TrayIcons:
    """The tray icons the app has shown; see the module docstring."""

    def __init__(self) -> None:
        self.icons: weakref.WeakSet[QSystemTrayIcon] = weakref.WeakSet()
        self.clicked = False
        self.clicked_at = 0.0

    def install(self) -> None:
        for name in ("setVisible", "show"):
            original = getattr(QSystemTrayIcon, name)
            setattr(QSystemTrayIcon, name, self.remembering(original))

    def remembering(self, original: Any) -> Any:
        def shown(icon: QSystemTrayIcon, *args: Any, **kwargs: Any) -> Any:
            self.icons.add(icon)
            return original(icon, *args, **kwargs)

        return shown

    def shown(self) -> list[QSystemTrayIcon]:
        return [icon for icon in list(self.icons) if icon.isVisible()]

    def click_once(self) -> bool:
        """Click every shown icon, once per run; True when there was one to click."""
        icons = self.shown()
        if self.clicked or not icons:
            return False
        self.clicked, self.clicked_at = True, time.monotonic()
        for icon in icons:
            icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
        return True

    def actions(self) -> list[GuiAction]:
        """One action per entry of each shown icon's context menu."""
        found = []
        for icon in self.shown():
            menu = icon.contextMenu()
            if menu is None:
                continue
            for path, action in _entries(menu, ("tray",), 0):
                found.append(
                    GuiAction(
                        f"QAction|{'/'.join(path)}|{id(action)}",
                        "menu",
                        f"{'toggled' if action.isCheckable() else 'triggered'} tray menu action '{' > '.join(path)}'",
                        action.trigger,
                        bool(QUIT_WORDS.search(path[-1])),
                    )
                )
        return found


def _entries(menu: QMenu, path: tuple[str, ...], depth: int) -> Iterator[tuple[tuple[str, ...], QAction]]:
    for action in menu.actions():
        text = action.text().replace("&", "").strip()
        if action.isSeparator() or not text or not action.isEnabled() or not action.isVisible():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            if depth < MAX_DEPTH:
                yield from _entries(submenu, (*path, text), depth + 1)
            continue
        yield (*path, text), action
