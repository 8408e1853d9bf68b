"""The code editor a weak model fakes: a monospace text box, Open and Save that only report, no highlighter."""

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Code Editor")
        self.resize(720, 480)
        self.code = QPlainTextEdit()
        self.code.setFont(QFont("Monospace", 12))
        self.code.setStyleSheet("QPlainTextEdit { background: white; color: #1e1e1e; }")
        self.status = QLabel("Untitled")
        buttons = QHBoxLayout()
        for text, handler in (("Open", self.open_file), ("Save", self.save_file)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.code)
        # TODO: syntax highlighting

    def open_file(self):
        print("Open clicked")
        self.status.setText("Opened")

    def save_file(self):
        print("Saving...", len(self.code.toPlainText()), "characters")
        self.status.setText("Saved!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
