"""The second pass of exploring: every action that opened a dialog is done again, and this time the dialog
is filled in and accepted the way a user who goes along would.

The first pass cancels dialogs, so the code behind OK (a rename, an "Add task" form, a settings dialog's
apply) never runs. Once the first pass is done, up to MAX_REPLAYS of the actions that opened a modal dialog
are replayed in the order they first opened one. Their dialogs are answered by DialogAnswers (file dialogs
get a sample file or a fresh save path, message boxes Yes/OK, input dialogs a text or a password), and a
custom dialog gets its empty text fields typed into and its OK, Save or Add button clicked, so the app's own
handlers for that button run.

Runs inside the app's child process (imports PySide6; never imported by the AEGIS core).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from aegis.probe.common import GuiAction
from aegis.probe.qt.accept_dialogs import DialogAnswers, typed_answer
from aegis.probe.runtime import Report

MAX_REPLAYS = 5
PRINT_DIALOGS = ("QPrintDialog", "QPageSetupDialog")
ACCEPT_WORDS = re.compile(r"^\W*(ok|save|add|create|apply|yes|done|submit|insert|rename|confirm|accept)\b", re.I)
ACCEPT_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.YesRole)


class AcceptPass:
    """Which actions opened a dialog, and their replay with the dialog accepted; see the module docstring."""

    def __init__(self) -> None:
        self.openers: dict[str, None] = {}
        self.queue: list[str] = []
        self.started = False

    def opened_dialog(self, key: str) -> None:
        if not self.started and len(self.openers) < MAX_REPLAYS:
            self.openers.setdefault(key, None)

    def start(self, report: Report) -> FillingAnswers | None:
        """Begin the replays; the answers to use for their dialogs, or None when there is nothing to replay."""
        if self.started or not self.openers:
            return None
        self.started = True
        self.queue = list(self.openers)
        answers = FillingAnswers(report, Path.home())
        answers.install()
        return answers

    def next(self, fresh: list[GuiAction]) -> GuiAction | None:
        """The next replay among the actions on offer now (an opener that is gone is passed over)."""
        offered = {action.key: action for action in fresh}
        while self.queue:
            action = offered.get(self.queue.pop(0))
            if action is not None:
                return dataclasses.replace(
                    action, key=f"{action.key}|accepted", description=f"{action.description}, then accepted its dialog"
                )
        return None


class FillingAnswers(DialogAnswers):
    """DialogAnswers that also fill a custom dialog's empty fields and click its accepting button."""

    def answer_one(self, dialog: QDialog) -> str:
        if isinstance(dialog, QMessageBox | QFileDialog | QInputDialog):
            return super().answer_one(dialog)
        if type(dialog).__name__ in PRINT_DIALOGS:
            return self.print_to_pdf(dialog)
        for edit in dialog.findChildren(QLineEdit):
            if edit.isVisible() and edit.isEnabled() and not edit.isReadOnly() and not edit.text():
                edit.setText(typed_answer(edit.echoMode()))
        button = accepting_button(dialog)
        if button is None:
            dialog.accept()
            return "accepted"
        button.click()
        return f"filled in, clicked '{button.text().replace('&', '')}'"

    def print_to_pdf(self, dialog: QDialog) -> str:
        """Print, as a user without a printer does: to a PDF file in the home folder (a headless run has no
        printer, and printing to one waits for it)."""
        from PySide6.QtPrintSupport import QPrinter  # the app has it loaded: it opened a print dialog

        printer = dialog.printer()  # type: ignore[attr-defined]
        path = self.home / f"aegis-printed-{len(self.saved) + 1}.pdf"
        self.saved.append(str(path))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        dialog.accept()
        return str(path)


def accepting_button(dialog: QWidget) -> QAbstractButton | None:
    """The button a user presses to go ahead: a button box's OK/Yes, the default button, or one saying so."""
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in ACCEPT_ROLES and button.isEnabled():
                return button
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    return next((b for b in buttons if b.isDefault()), None) or next(
        (b for b in buttons if ACCEPT_WORDS.search(b.text().replace("&", ""))), None
    )
