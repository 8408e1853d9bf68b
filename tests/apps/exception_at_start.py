"""Builds its window, then fails on a bad lookup before the event loop starts."""

import sys

from PySide6.QtWidgets import QApplication, QLabel


def load_settings():
    settings = {"theme": "dark"}
    return settings["font_size"]


if __name__ == "__main__":
    app = QApplication(sys.argv)
    label = QLabel("Settings")
    label.setWindowTitle("Settings")
    label.show()
    size = load_settings()
    sys.exit(app.exec())
