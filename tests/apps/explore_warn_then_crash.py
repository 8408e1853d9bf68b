"""A white-on-green status label (2.7:1, hard to read: a warning) and a button whose handler segfaults."""

import ctypes
import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Monitor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Monitor")
        status = QLabel("Status: all systems running")
        status.setStyleSheet("color: white; background-color: #4CAF50; padding: 8px;")
        button = QPushButton("Inspect memory")
        button.clicked.connect(lambda: ctypes.string_at(0))
        layout = QVBoxLayout(self)
        layout.addWidget(status)
        layout.addWidget(button)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Monitor()
    window.show()
    sys.exit(app.exec())
