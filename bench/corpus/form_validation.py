"""A sign-up form that validates as you type and only enables Submit when everything is right."""

import re
import sys

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-zA-Z]{2,}$")


class SignUpForm(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Sign up")
        self.resize(400, 300)

        self.username = QLineEdit()
        self.username.setValidator(QRegularExpressionValidator(QRegularExpression(r"[A-Za-z0-9_]{0,20}")))
        self.email = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.Password)
        self.terms = QCheckBox("I accept the terms")
        self.show_password = QCheckBox("Show passwords")
        self.show_password.toggled.connect(self.toggle_echo)

        for field in (self.username, self.email, self.password, self.confirm):
            field.textChanged.connect(self.validate)
        self.terms.toggled.connect(self.validate)
        self.confirm.returnPressed.connect(self.submit)

        self.errors = QLabel()
        self.errors.setStyleSheet("color: #b71c1c;")
        self.submit_button = QPushButton("Submit")
        self.submit_button.clicked.connect(self.submit)
        self.result = QLabel()

        form = QFormLayout(self)
        form.addRow("Username", self.username)
        form.addRow("Email", self.email)
        form.addRow("Password", self.password)
        form.addRow("Confirm", self.confirm)
        form.addRow(self.show_password)
        form.addRow(self.terms)
        form.addRow(self.errors)
        form.addRow(self.submit_button)
        form.addRow(self.result)
        self.validate()

    def problems(self):
        found = []
        if len(self.username.text()) < 3:
            found.append("username needs 3+ characters")
        if not EMAIL.match(self.email.text().strip()):
            found.append("email is not valid")
        if len(self.password.text()) < 8:
            found.append("password needs 8+ characters")
        elif self.password.text() != self.confirm.text():
            found.append("passwords differ")
        if not self.terms.isChecked():
            found.append("accept the terms")
        return found

    def validate(self):
        found = self.problems()
        self.errors.setText("; ".join(found))
        self.submit_button.setEnabled(not found)

    def toggle_echo(self, visible):
        mode = QLineEdit.Normal if visible else QLineEdit.Password
        self.password.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def submit(self):
        if self.problems():
            self.result.setText("Please fix the form first.")
            return
        self.result.setText(f"Welcome, {self.username.text()}!")
        for field in (self.password, self.confirm):
            field.clear()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = SignUpForm()
    window.show()
    sys.exit(app.exec())
