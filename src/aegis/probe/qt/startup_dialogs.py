"""Modal dialogs an app shows before its event loop starts (a master password, a file to open, "no system
tray here"): answered at once as a user would, without showing anything, and recorded.

Qt's static helpers (QMessageBox.information, QInputDialog.getText, QFileDialog.getOpenFileName, ...) run
their own event loop in C++, where the probe's session has not started yet: left alone, the app looks hung.
Until the app's own event loop starts, each helper is answered here: a message box with Yes/OK, an input
dialog with "AEGIS" (a password field with a long mixed one; a number or a list item: what the dialog
offers), and file dialogs as DialogAnswers answers them (a sample file, the home folder, a fresh path
there): during an acceptance check the check's own, which remembers them for its steps. An app that keeps
asking (a password rule the answer breaks) is answered MAX_ANSWERS times, then cancelled. Once the event
loop runs, the originals do, and the session answers or dismisses their dialogs as before.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from aegis.probe.qt.accept_dialogs import DialogAnswers, argument, typed_answer
from aegis.probe.records import Dialog
from aegis.probe.runtime import Report

BEFORE_START = "start-up"
MAX_ANSWERS = 5
"""Answers per helper before the event loop; after that, the dialog is cancelled (the app asks in a loop)."""
BOX_ICONS = {"information": "Information", "warning": "Warning", "critical": "Critical", "question": "Question"}
YES_OR_NO = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
YES_FIRST = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Save)
FIELDS = {
    "QMessageBox": ((1, "title"), (2, "text")),
    "QInputDialog": ((1, "title"), (2, "label")),
    "QFileDialog": ((1, "caption"), (3, "filter")),
}
"""Where each helper takes the words a record keeps: (position, keyword) of its title and its text."""


class StartupDialogs:
    """Replaces the static helpers with answers while `started()` is false; see the module docstring."""

    def __init__(
        self, report: Report, home: Path, started: Callable[[], bool], answers: DialogAnswers | None = None
    ) -> None:
        self.report, self.home, self.started = report, home, started
        self.check_answers = answers
        """The acceptance check's answers, which record the files it chose; None while exploring."""
        self.own_answers: DialogAnswers | None = None
        self.asked: Counter[str] = Counter()

    def install(self) -> None:
        for name, icon in BOX_ICONS.items():
            cancel = QMessageBox.StandardButton.No if icon == "Question" else QMessageBox.StandardButton.Cancel
            self.replace(QMessageBox, name, cancel, lambda *a, icon=icon, **k: self.box(icon, a, k))
        self.replace(QInputDialog, "getText", ("", False), lambda *a, **k: self.text(a, k))
        self.replace(QInputDialog, "getMultiLineText", ("", False), lambda *a, **k: self.text(a, k))
        self.replace(QInputDialog, "getInt", (0, False), lambda *a, **k: self.number(a, k))
        self.replace(QInputDialog, "getDouble", (0.0, False), lambda *a, **k: self.number(a, k))
        self.replace(QInputDialog, "getItem", ("", False), lambda *a, **k: self.item(a, k))
        self.replace(QFileDialog, "getOpenFileName", ("", ""), lambda *a, **k: (self.open_path(a, k), ""))
        self.replace(QFileDialog, "getOpenFileNames", ([], ""), lambda *a, **k: ([self.open_path(a, k)], ""))
        self.replace(QFileDialog, "getSaveFileName", ("", ""), lambda *a, **k: (self.save_path(a, k), ""))
        self.replace(QFileDialog, "getExistingDirectory", "", lambda *a, **k: self.folder(a, k))

    def replace(self, cls: type, name: str, cancelled: object, answer: Callable[..., Any]) -> None:
        original = getattr(cls, name)

        def helper(*args: Any, **kwargs: Any) -> Any:
            if self.started():
                return original(*args, **kwargs)
            self.asked[name] += 1
            if self.asked[name] > MAX_ANSWERS:
                self.record(cls.__name__, args, kwargs, "cancelled: asked again and again before the app started")
                return cancelled
            return answer(*args, **kwargs)

        setattr(cls, name, staticmethod(helper))

    def box(self, icon: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> QMessageBox.StandardButton:
        usual = YES_OR_NO if icon == "Question" else QMessageBox.StandardButton.Ok
        buttons = argument(args, kwargs, 3, "buttons") or usual
        chosen = next((b for b in YES_FIRST if buttons & b), QMessageBox.StandardButton.Ok)
        self.record("QMessageBox", args, kwargs, str(chosen.name), icon=icon)
        return chosen

    def text(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, bool]:
        typed = typed_answer(argument(args, kwargs, 3, "echo"))
        self.record("QInputDialog", args, kwargs, typed)
        return typed, True

    def number(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[float, bool]:
        """The value offered, within the dialog's bounds (a user cannot enter one outside them)."""
        value = argument(args, kwargs, 3, "value") or 0
        low, high = argument(args, kwargs, 4, "minValue"), argument(args, kwargs, 5, "maxValue")
        value = max(value, low) if low is not None else value
        value = min(value, high) if high is not None else value
        self.record("QInputDialog", args, kwargs, str(value))
        return value, True

    def item(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[str, bool]:
        items = list(argument(args, kwargs, 3, "items") or [])
        current = argument(args, kwargs, 4, "current") or 0
        chosen = str(items[current]) if 0 <= current < len(items) else ""
        self.record("QInputDialog", args, kwargs, chosen)
        return chosen, bool(chosen)

    def files(self) -> DialogAnswers:
        """Who answers file dialogs: the check's answers, else answers of our own (samples written when asked)."""
        if self.check_answers is not None:
            return self.check_answers
        if self.own_answers is None:
            self.own_answers = DialogAnswers(self.report, self.home)
        return self.own_answers

    def open_path(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        wanted = f"{argument(args, kwargs, 1, 'caption') or ''} {argument(args, kwargs, 3, 'filter') or ''}"
        return self.recorded(self.files().chose_open(wanted), args, kwargs)

    def save_path(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        name_filter, suggested = (
            str(argument(args, kwargs, 3, "filter") or ""),
            str(argument(args, kwargs, 2, "dir") or ""),
        )
        return self.recorded(self.files().chose_save(name_filter, suggested), args, kwargs)

    def folder(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        return self.recorded(self.files().directory(), args, kwargs, words=((1, "caption"), (2, "dir")))

    def recorded(
        self, path: str, args: tuple[Any, ...], kwargs: dict[str, Any], words: tuple[tuple[int, str], ...] | None = None
    ) -> str:
        """While exploring, a file dialog at start-up is listed with the other dialogs (a check has its own record)."""
        if self.check_answers is None:
            self.record("QFileDialog", args, kwargs, path, words=words)
        return path

    def record(
        self,
        cls: str,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        answer: str,
        icon: str = "",
        words: tuple[tuple[int, str], ...] | None = None,
    ) -> None:
        """What the dialog said: a file dialog's caption and filter (a folder dialog's: its folder), else its
        title and its text or label."""
        title, text = (str(argument(args, kwargs, i, name) or "") for i, name in words or FIELDS[cls])
        self.report.emit(Dialog(cls=cls, title=title, text=text, icon=icon, answer=answer, action=BEFORE_START))
