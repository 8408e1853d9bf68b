"""The password manager that looks done: the fields, a table and buttons; Generate and Copy only say so,
and nothing is ever written to disk, let alone encrypted."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class PasswordManager(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Password Manager")
        self.site, self.user = QLineEdit(placeholderText="Site"), QLineEdit(placeholderText="Username")
        self.password = QLineEdit(placeholderText="Password", echoMode=QLineEdit.EchoMode.Password)
        form = QFormLayout()
        for name, field in (("Site", self.site), ("Username", self.user), ("Password", self.password)):
            form.addRow(name, field)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Site", "Username", "Password"])
        self.status = QLabel("Vault encrypted with AES-256")
        buttons = QHBoxLayout()
        for text, slot in (
            ("Generate", lambda: self.status.setText("Strong password generated!")),
            ("Add", self.add),
            ("Copy Password", lambda: print("copied to clipboard")),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.status)

    def add(self):
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(self.site.text()))
        self.table.setItem(row, 1, QTableWidgetItem(self.user.text()))
        self.table.setItem(row, 2, QTableWidgetItem("********"))
        self.status.setText("Saved and encrypted!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = PasswordManager()
    window.show()
    sys.exit(app.exec())
