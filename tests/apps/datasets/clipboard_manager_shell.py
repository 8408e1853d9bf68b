"""The clipboard manager that looks done: a search field, a history list, buttons; nothing is ever captured."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ClipboardManager(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Clipboard Manager")
        self.search = QLineEdit(placeholderText="Search")
        self.search.textChanged.connect(lambda text: print("searching for", text))
        self.history = QListWidget()
        self.history.setAccessibleName("History")
        self.status = QLabel("Ready")
        buttons = QHBoxLayout()
        for text in ("Copy", "Pin", "Delete", "Clear History"):
            button = QPushButton(text)
            button.clicked.connect(lambda checked=False, t=text: self.status.setText(f"{t} done"))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(QLabel("History"))
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        QApplication.clipboard().dataChanged.connect(lambda: print("clipboard changed"))
        self.resize(420, 480)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ClipboardManager()
    window.show()
    sys.exit(app.exec())
