"""The window is only built and shown from a timer, after the event loop has started."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

windows = []


def show_window():
    window = QWidget()
    window.setWindowTitle("Late window")
    QVBoxLayout(window).addWidget(QLabel("I came later"))
    window.show()
    windows.append(window)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    QTimer.singleShot(200, show_window)
    sys.exit(app.exec())
