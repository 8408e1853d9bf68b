"""Modal dialogs an app shows before its event loop starts (a master password, a file to open, "no system
tray here"): answered at once as a user would, without showing anything, and recorded.

Qt's static helpers (QMessageBox.information, QInputDialog.getText, QFileDialog.getOpenFileName, ...) run
their own event loop in C++, where the probe's session has not started yet: left alone, the app looks hung.
Until the app's own event loop starts, each helper is answered here: a message box with Yes/OK, an input
dialog with "AEGIS" (a number or a list item: what the dialog offers), an open dialog with a sample file
(an image when its filter asks for one), a folder dialog with the home folder, a save dialog with a fresh
path there. After that the originals run, and the session answers or dismisses their dialogs as before.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from aegis.probe.qt.accept_samples import write_samples
from aegis.probe.records import Dialog
from aegis.probe.runtime import Report

ANSWER = "AEGIS"
BEFORE_START = "start-up"
FIELDS = {
    "QMessageBox": ((1, "title"), (2, "text")),
    "QInputDialog": ((1, "title"), (2, "label")),
    "QFileDialog": ((1, "caption"), (3, "filter")),
}
"""Where each helper takes the words a record keeps: (position, keyword) of its title and its text."""
IMAGE_FILTER = re.compile(r"png|jpe?g|bmp|gif|webp|image|picture|photo", re.I)
BOX_ICONS = {"information": "Information", "warning": "Warning", "critical": "Critical", "question": "Question"}
YES_OR_NO = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
YES_FIRST = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Save)


class StartupDialogs:
    """Replaces the static helpers with answers while `started()` is false; see the module docstring."""

    def __init__(self, report: Report, home: Path, started: Callable[[], bool]) -> None:
        self.report, self.home, self.started = report, home, started
        self.samples: tuple[Path, Path] | None = None

    def install(self) -> None:
        for name, icon in BOX_ICONS.items():
            self.replace(QMessageBox, name, lambda *a, icon=icon, **k: self.box(icon, a, k))
        self.replace(QInputDialog, "getText", lambda *a, **k: self.text(a, k))
        self.replace(QInputDialog, "getMultiLineText", lambda *a, **k: self.text(a, k))
        self.replace(QInputDialog, "getInt", lambda *a, **k: self.number(a, k))
        self.replace(QInputDialog, "getDouble", lambda *a, **k: self.number(a, k))
        self.replace(QInputDialog, "getItem", lambda *a, **k: self.item(a, k))
        self.replace(QFileDialog, "getOpenFileName", lambda *a, **k: (self.open_path(a, k), ""))
        self.replace(QFileDialog, "getOpenFileNames", lambda *a, **k: ([self.open_path(a, k)], ""))
        self.replace(QFileDialog, "getSaveFileName", lambda *a, **k: (self.save_path(a, k), ""))
        self.replace(QFileDialog, "getExistingDirectory", lambda *a, **k: self.folder(a, k))

    def replace(self, cls: type, name: str, answer: Callable[..., Any]) -> None:
        original = getattr(cls, name)

        def helper(*args: Any, **kwargs: Any) -> Any:
            return original(*args, **kwargs) if self.started() else answer(*args, **kwargs)

        setattr(cls, name, staticmethod(helper))

    def box(self, icon: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> QMessageBox.StandardButton:
        usual = YES_OR_NO if icon == "Question" else QMessageBox.StandardButton.Ok
        buttons = _argument(args, kwargs, 3, "buttons") or usual
        chosen = next((b for b in YES_FIRST if buttons & b), QMessageBox.StandardButton.Ok)
        self.record("QMessageBox", args, kwargs, str(chosen.name), icon=icon)
        return chosen

    def text(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, bool]:
        self.record("QInputDialog", args, kwargs, ANSWER)
        return ANSWER, True

    def number(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[float, bool]:
        value = _argument(args, kwargs, 3, "value") or 0
        self.record("QInputDialog", args, kwargs, str(value))
        return value, True

    def item(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, bool]:
        items = list(_argument(args, kwargs, 3, "items") or [])
        current = _argument(args, kwargs, 4, "current") or 0
        chosen = str(items[current]) if 0 <= current < len(items) else ""
        self.record("QInputDialog", args, kwargs, chosen)
        return chosen, bool(chosen)

    def open_path(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        if self.samples is None:
            self.samples = write_samples(self.home)
        wanted = f"{_argument(args, kwargs, 1, 'caption') or ''} {_argument(args, kwargs, 3, 'filter') or ''}"
        path = str(self.samples[1] if IMAGE_FILTER.search(wanted) else self.samples[0])
        self.record("QFileDialog", args, kwargs, path)
        return path

    def save_path(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        found = re.search(r"\*(\.[\w.-]+)", str(_argument(args, kwargs, 3, "filter") or ""))
        path = str(self.home / f"aegis-saved-at-start{found.group(1) if found else '.txt'}")
        self.record("QFileDialog", args, kwargs, path)
        return path

    def folder(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        self.record("QFileDialog", args, kwargs, str(self.home))
        return str(self.home)

    def record(self, cls: str, args: tuple[Any, ...], kwargs: dict[str, Any], answer: str, icon: str = "") -> None:
        """What the dialog said: a file dialog's caption and filter, else its title and text (or label)."""
        names = FIELDS[cls]
        title, text = (str(_argument(args, kwargs, i, name) or "") for i, name in names)
        self.report.emit(Dialog(cls=cls, title=title, text=text, icon=icon, answer=answer, action=BEFORE_START))


def _argument(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str) -> Any:
    return kwargs.get(name, args[index] if len(args) > index else None)
