"""Starts fine; pressing Read memory reads address 0 through ctypes, so the process dies with SIGSEGV."""

import ctypes
import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Viewer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Viewer")
        self.label = QLabel("Press the button")
        button = QPushButton("Read memory")
        button.clicked.connect(self.read)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(button)

    def read(self):
        self.label.setText(repr(ctypes.string_at(0)))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Viewer()
    window.show()
    sys.exit(app.exec())
