"""The application is a QApplication subclass that owns its window and runs its own loop."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


class ClockApp(QApplication):
    def __init__(self, argv):
        super().__init__(argv)
        self.window = QWidget()
        self.window.setWindowTitle("Clock")
        layout = QVBoxLayout(self.window)
        layout.addWidget(QLabel("12:00"))
        self.window.show()

    def run(self):
        return self.exec()


if __name__ == "__main__":
    sys.exit(ClockApp(sys.argv).run())
