"""Builds a full main window but forgets window.show(), then runs the event loop: the user sees nothing."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Main(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Forgotten")
        self.setCentralWidget(QLabel("You will never see me"))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Main()
    sys.exit(app.exec())
