"""Starts fine; pressing Save raises, because the handler reads a setting that was never stored."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Profile")
        self.settings = {"name": "Ada"}
        self.label = QLabel("Name: Ada")
        save = QPushButton("Save profile")
        save.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(save)

    def save(self):
        self.label.setText(f"Saved to {self.settings['path']}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Editor()
    window.show()
    sys.exit(app.exec())
