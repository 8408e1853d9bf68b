"""A profile card edited through a modal QDialog with validation."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class ProfileDialog(QDialog):
    def __init__(self, profile, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Edit profile")
        self.name = QLineEdit(profile["name"])
        self.age = QSpinBox()
        self.age.setRange(0, 130)
        self.age.setValue(profile["age"])
        self.role = QComboBox()
        self.role.addItems(["Developer", "Designer", "Manager", "Tester"])
        self.role.setCurrentText(profile["role"])
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b71c1c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self.validate)

        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("Age", self.age)
        form.addRow("Role", self.role)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.validate()

    def validate(self):
        ok = bool(self.name.text().strip())
        self.error.setText("" if ok else "Name must not be empty")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)
        return ok

    def try_accept(self):
        if self.validate():
            self.accept()

    def profile(self):
        return {"name": self.name.text().strip(), "age": self.age.value(), "role": self.role.currentText()}


class ProfileCard(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Profile")
        self.resize(320, 200)
        self.profile = {"name": "Grace Hopper", "age": 45, "role": "Developer"}
        self.card = QLabel()
        self.card.setStyleSheet("border: 1px solid #888; padding: 12px; background: #ffffff; color: #111111;")
        edit = QPushButton("Edit…")
        edit.clicked.connect(self.edit)
        birthday = QPushButton("Happy birthday")
        birthday.clicked.connect(self.birthday)
        self.log = QLabel("")
        layout = QVBoxLayout(self)
        layout.addWidget(self.card)
        layout.addWidget(edit)
        layout.addWidget(birthday)
        layout.addWidget(self.log)
        self.show_profile()

    def show_profile(self):
        p = self.profile
        self.card.setText(f"<b>{p['name']}</b><br>{p['role']}, {p['age']} years")

    def edit(self):
        dialog = ProfileDialog(self.profile, self)
        if dialog.exec() == QDialog.Accepted:
            self.profile = dialog.profile()
            self.show_profile()
            self.log.setText("Profile updated.")
        else:
            self.log.setText("Edit cancelled.")

    def birthday(self):
        self.profile["age"] = min(130, self.profile["age"] + 1)
        self.show_profile()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ProfileCard()
    window.show()
    sys.exit(app.exec())
