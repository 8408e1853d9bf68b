"""A label whose style sheet makes its text near-white (#f5f5f5) on a white window: unreadable."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Welcome(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Welcome")
        self.setStyleSheet("background-color: white;")
        title = QLabel("Welcome to the app")
        title.setStyleSheet("color: #f5f5f5; font-size: 20px;")
        start = QPushButton("Start")
        start.clicked.connect(lambda: title.setText("Started"))
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(start)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Welcome()
    window.show()
    sys.exit(app.exec())
