"""Shows its window fine; a timer slot then divides by zero while the event loop runs."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel


class Average(QLabel):
    def __init__(self):
        super().__init__("Average: -")
        self.setWindowTitle("Average")
        self.values = []
        QTimer.singleShot(50, self.refresh)

    def refresh(self):
        average = sum(self.values) / len(self.values)
        self.setText(f"Average: {average}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Average()
    window.show()
    sys.exit(app.exec())
