"""Dialogs during an acceptance check, answered the way a user would, without showing anything.

File dialogs return files written to $HOME (the probe's temporary home): the latest a `provide_file` step
wrote, else for an image filter a four-colour PNG and for other open dialogs a text file; a save dialog a
fresh path (with the suffix of the format the check's next expect_file asks for, and the file filter that
names it). Message boxes are answered Yes/OK, input dialogs get "AEGIS" (a password field a password),
other modal dialogs are accepted; each one is recorded.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from aegis.probe.qt.accept_samples import write_provided, write_samples
from aegis.probe.records import Dialog, FileDialog
from aegis.probe.runtime import Report

TEXT_ANSWER = "AEGIS"
PASSWORD_ANSWER = "Aegis-Pass-2026!"
"""What a user types where a password is asked: long and mixed enough for the usual rules."""
IMAGE_FILTER = re.compile(r"png|jpe?g|bmp|gif|webp|image|picture|photo", re.I)
ERROR_WORDS = re.compile(r"error|fail|invalid|exception|could not|cannot|can't|unable", re.I)
ANSWER_ROLES = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole)
MAX_ANSWERS = 2
"""Accepting a dialog that refuses to close (its own validation) is tried this often, then it is rejected."""


def is_error_box(box: dict[str, str]) -> bool:
    return box["icon"] in ("Critical", "Warning") or bool(ERROR_WORDS.search(f"{box['title']} {box['text']}"))


class DialogAnswers:
    """Answers dialogs during a check and remembers what was opened, saved and said."""

    def __init__(self, report: Report, home: Path) -> None:
        self.report = report
        self.home = home
        self.text_sample, self.image_sample = write_samples(home)
        self.opened: list[str] = []
        self.saved: list[str] = []
        self.boxes: list[dict[str, str]] = []
        self.answers: Counter[int] = Counter()
        self.save_format = ""
        """The format ("pdf", "csv", ...) the check expects the next saved file to have; "" for any."""
        self.provided: list[Path] = []
        """Files `provide_file` steps wrote; open dialogs return the latest."""

    def provide(self, name: str, content: str) -> Path:
        path = write_provided(self.home, name, content)
        self.provided.append(path)
        return path

    def install(self) -> None:
        """Replace QFileDialog's static getters: they return sample paths at once and show nothing."""
        statics: dict[str, Callable[..., Any]] = {
            "getOpenFileName": lambda *a, **k: (self.open_path(a, k), _filter(a, k)),
            "getOpenFileNames": lambda *a, **k: ([self.open_path(a, k)], _filter(a, k)),
            "getSaveFileName": lambda *a, **k: (self.save_path(a, k), self.save_filter(a, k)),
            "getExistingDirectory": lambda *a, **k: self.directory(),
            "getOpenFileUrl": lambda *a, **k: (QUrl.fromLocalFile(self.open_path(a, k)), _filter(a, k)),
            "getOpenFileUrls": lambda *a, **k: ([QUrl.fromLocalFile(self.open_path(a, k))], _filter(a, k)),
            "getSaveFileUrl": lambda *a, **k: (QUrl.fromLocalFile(self.save_path(a, k)), self.save_filter(a, k)),
            "getExistingDirectoryUrl": lambda *a, **k: QUrl.fromLocalFile(self.directory()),
        }
        for name, getter in statics.items():
            setattr(QFileDialog, name, staticmethod(getter))

    def open_path(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        wanted = f"{_text_argument(args, kwargs, 1, 'caption')} {_text_argument(args, kwargs, 3, 'filter')}"
        return self.chose_open(wanted)

    def chose_open(self, wanted: str) -> str:
        sample = self.image_sample if IMAGE_FILTER.search(wanted) else self.text_sample
        path = str(self.provided[-1] if self.provided else sample)
        self.opened.append(path)
        self.report.emit(FileDialog(mode="open", path=path, filter=wanted.strip(), action=self.report.action))
        return path

    def save_path(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        return self.chose_save(_text_argument(args, kwargs, 3, "filter"), _text_argument(args, kwargs, 2, "dir"))

    def save_filter(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        """The filter a user picks: the one naming the expected format's suffix, else the first."""
        filters = _text_argument(args, kwargs, 3, "filter").split(";;")
        return next((f for f in filters if self.names_format(f)), filters[0])

    def names_format(self, name_filter: str) -> bool:
        return bool(self.save_format) and f"*.{self.save_format}" in name_filter.casefold()

    def chose_save(self, name_filter: str, suggested: str) -> str:
        found = re.search(r"\*(\.[\w.-]+)", name_filter)
        suffix = found.group(1) if found else Path(suggested).suffix or ".txt"
        suffix = f".{self.save_format}" if self.save_format else suffix
        path = str(self.home / f"aegis-saved-{len(self.saved) + 1}{suffix}")
        self.saved.append(path)
        self.report.emit(FileDialog(mode="save", path=path, filter=name_filter, action=self.report.action))
        return path

    def directory(self) -> str:
        home = str(self.home)
        self.report.emit(FileDialog(mode="directory", path=home, filter="", action=self.report.action))
        return str(self.home)

    def answer(self, main_windows: list[QWidget]) -> None:
        """Called on the session's dialog timer: close popups, answer each dialog a user would have to."""
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        for dialog in pending_dialogs(main_windows):
            self.answers[id(dialog)] += 1
            if self.answers[id(dialog)] > MAX_ANSWERS:
                dialog.reject()
            else:
                self.record(dialog, self.answer_one(dialog))

    def answer_one(self, dialog: QDialog) -> str:
        if isinstance(dialog, QMessageBox):
            return press_yes(dialog)
        if isinstance(dialog, QFileDialog):
            return self.answer_file_dialog(dialog)
        if isinstance(dialog, QInputDialog):
            answer_input(dialog)
        dialog.accept()
        return "accepted"

    def answer_file_dialog(self, dialog: QFileDialog) -> str:
        wanted = ";;".join(dialog.nameFilters())
        if dialog.fileMode() == QFileDialog.FileMode.Directory:
            path = self.directory()
        elif dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave:
            suffix = dialog.defaultSuffix()
            path = self.chose_save(wanted, f"file.{suffix}" if suffix else "")
            chosen = next((f for f in dialog.nameFilters() if self.names_format(f)), "")
            if chosen:
                dialog.selectNameFilter(chosen)
        else:
            path = self.chose_open(f"{dialog.windowTitle()} {wanted}")
        choose_in(dialog, Path(path))
        dialog.accept()
        return path

    def record(self, dialog: QDialog, answer: str) -> None:
        text = dialog.text() if isinstance(dialog, QMessageBox) else ""
        icon = dialog.icon().name if isinstance(dialog, QMessageBox) else ""
        if isinstance(dialog, QMessageBox):
            self.boxes.append({"icon": icon, "title": dialog.windowTitle(), "text": text})
        self.report.emit(
            Dialog(
                cls=type(dialog).__name__,
                title=dialog.windowTitle(),
                text=text,
                icon=icon,
                answer=answer,
                action=self.report.action,
            )
        )


def pending_dialogs(main_windows: list[QWidget]) -> list[QDialog]:
    """The modal dialog on top, and message boxes shown without blocking; not the app's own windows."""
    modal = QApplication.activeModalWidget()
    found = [modal] if isinstance(modal, QDialog) else []
    found += [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    return [d for d in {id(d): d for d in found}.values() if d not in main_windows]


def choose_in(dialog: QFileDialog, path: Path) -> None:
    """Type the name into Qt's own dialog (selectFile only takes effect once its folder has loaded)."""
    folder = path if path.is_dir() else path.parent
    dialog.setDirectory(str(folder))
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    if edit is None:
        dialog.selectFile(str(path))
    else:
        edit.setText("" if path == folder else path.name)


def answer_input(dialog: QInputDialog) -> None:
    """Text: "AEGIS"; a number or a choice from a list: what the dialog offers."""
    if dialog.inputMode() == QInputDialog.InputMode.TextInput and not dialog.comboBoxItems():
        dialog.setTextValue(typed_answer(dialog.textEchoMode()))


def typed_answer(echo: QLineEdit.EchoMode | None) -> str:
    """What a user types into a text prompt: "AEGIS", or where the typing is hidden, a password."""
    return TEXT_ANSWER if echo in (None, QLineEdit.EchoMode.Normal) else PASSWORD_ANSWER


def press_yes(box: QMessageBox) -> str:
    """Press what a user who goes along would: OK/Yes, else the default button, else the first."""
    buttons = box.buttons()
    chosen = next((b for role in ANSWER_ROLES for b in buttons if box.buttonRole(b) == role), None)
    chosen = chosen or box.defaultButton() or (buttons[0] if buttons else None)
    if chosen is None:
        box.done(0)
        return "closed"
    chosen.click()
    return chosen.text().replace("&", "")


def argument(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str) -> Any:
    """An argument of a Qt static helper, given by position or by keyword; None when not given."""
    return kwargs.get(name, args[index] if len(args) > index else None)


def _text_argument(args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str) -> str:
    """The argument as text: a URL as its local path, nothing as ""."""
    value = argument(args, kwargs, index, name)
    if isinstance(value, QUrl):
        return value.toLocalFile()
    return str(value or "")


def _filter(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    return _text_argument(args, kwargs, 3, "filter").split(";;")[0]
