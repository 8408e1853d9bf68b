"""A contact book: a searchable list, and a form to add, update and delete people."""

import re
import sys

from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class ContactBook(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Contacts")
        self.resize(600, 380)
        self.contacts = {
            "Ada Lovelace": ("ada@example.org", "555-0101"),
            "Alan Turing": ("alan@example.org", "555-0199"),
        }

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search…")
        self.search.textChanged.connect(self.refresh)
        self.names = QListWidget()
        self.names.currentTextChanged.connect(self.show_contact)

        self.name = QLineEdit()
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.phone.returnPressed.connect(self.save)
        save = QPushButton("Save")
        save.clicked.connect(self.save)
        delete = QPushButton("Delete")
        delete.clicked.connect(self.delete)
        new = QPushButton("New")
        new.clicked.connect(self.new)
        self.message = QLabel()

        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Email", self.email)
        form.addRow("Phone", self.phone)
        buttons = QHBoxLayout()
        for widget in (new, save, delete):
            buttons.addWidget(widget)
        form.addRow(buttons)
        form.addRow(self.message)
        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.names)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(form, 2)
        self.refresh()

    def refresh(self):
        needle = self.search.text().strip().lower()
        self.names.clear()
        self.names.addItems(sorted(n for n in self.contacts if needle in n.lower()))

    def show_contact(self, name):
        if name not in self.contacts:
            return
        email, phone = self.contacts[name]
        self.name.setText(name)
        self.email.setText(email)
        self.phone.setText(phone)
        self.message.setText("")

    def new(self):
        for field in (self.name, self.email, self.phone):
            field.clear()
        self.names.clearSelection()
        self.name.setFocus()

    def save(self):
        name, email = self.name.text().strip(), self.email.text().strip()
        if not name:
            self.message.setText("A contact needs a name.")
            return
        if email and not EMAIL.match(email):
            self.message.setText("That email address looks wrong.")
            return
        self.contacts[name] = (email, self.phone.text().strip())
        self.refresh()
        self.message.setText(f"Saved {name}.")

    def delete(self):
        item = self.names.currentItem()
        if item is None:
            self.message.setText("Select a contact first.")
            return
        del self.contacts[item.text()]
        self.refresh()
        self.new()
        self.message.setText("Deleted.")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ContactBook()
    window.show()
    sys.exit(app.exec())
