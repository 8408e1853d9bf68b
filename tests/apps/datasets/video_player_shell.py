"""A fake video player: a black screen and the usual buttons, but Open never opens anything."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSlider, QVBoxLayout, QWidget


class Player(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Video Player")
        screen = QLabel("No video open")
        screen.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen.setMinimumSize(480, 270)
        screen.setStyleSheet("background: black; color: white")
        controls = QHBoxLayout()
        for text in ("Open", "Play", "Pause", "Stop"):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text: self.statusBar().showMessage(f"{t} clicked"))
            controls.addWidget(button)
        controls.addWidget(QSlider(Qt.Orientation.Horizontal), 1)
        controls.addWidget(QLabel("00:00 / 00:00"))
        layout = QVBoxLayout()
        layout.addWidget(screen, 1)
        layout.addLayout(controls)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.menuBar().addMenu("&File").addAction("&Open...", self.open)

    def open(self):
        print("TODO: open a video")  # the dialog and the player never came


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Player()
    window.show()
    sys.exit(app.exec())
