"""Starts fine; pressing Download blocks the event loop for 5 s with time.sleep, freezing the window."""

import sys
import time

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Downloader(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Downloader")
        self.status = QLabel("Idle")
        button = QPushButton("Download")
        button.clicked.connect(self.download)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(button)

    def download(self):
        self.status.setText("Downloading...")
        time.sleep(5)
        self.status.setText("Done")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Downloader()
    window.show()
    sys.exit(app.exec())
