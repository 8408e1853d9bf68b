"""Installs its own exception hook (to show errors quietly), then a button that raises."""

import sys

from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget


def quiet(exc_type, exc, tb):
    print("something went wrong", file=sys.stderr)


def go() -> None:
    raise RuntimeError("Go is broken")


app = QApplication(sys.argv)
sys.excepthook = quiet
window = QWidget()
layout = QVBoxLayout(window)
button = QPushButton("Go")
button.clicked.connect(go)
layout.addWidget(button)
window.show()
sys.exit(app.exec())
