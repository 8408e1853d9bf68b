"""A contact list: selecting works, double-clicking a contact raises, because the phone book lacks its entry."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QVBoxLayout, QWidget

PHONES = {}


class Contacts(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Contacts")
        self.names = QListWidget()
        self.names.addItems(["Ada", "Grace", "Linus"])
        self.names.currentTextChanged.connect(lambda name: self.detail.setText(f"Selected {name}"))
        self.names.itemDoubleClicked.connect(self.call)
        self.detail = QLabel("Pick a contact")
        layout = QVBoxLayout(self)
        layout.addWidget(self.names)
        layout.addWidget(self.detail)

    def call(self, item):
        self.detail.setText(f"Calling {PHONES[item.text()]}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Contacts()
    window.show()
    sys.exit(app.exec())
