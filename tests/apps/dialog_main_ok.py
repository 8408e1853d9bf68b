"""A QDialog is the whole app: dialog.exec() is the only event loop."""

import sys

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout


class NameDialog(QDialog):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Your name")
        layout = QVBoxLayout(self)
        layout.addWidget(QLineEdit())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    dialog = NameDialog()
    sys.exit(0 if dialog.exec() == QDialog.DialogCode.Accepted else 1)
