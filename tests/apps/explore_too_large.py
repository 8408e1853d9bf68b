"""A dashboard that asks for a fixed 2600x1500 window, larger than a 1920x1080 screen."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


class Dashboard(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Dashboard")
        self.setFixedSize(2600, 1500)
        QVBoxLayout(self).addWidget(QLabel("Sales: 1,204"))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Dashboard()
    window.show()
    sys.exit(app.exec())
