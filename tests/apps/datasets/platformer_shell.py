"""A fake platformer: a painted scene and level buttons, but keys do nothing and levels never change."""

import sys

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class Game(QWidget):
    def __init__(self):
        super().__init__()
        self.setFixedSize(640, 360)

    def keyPressEvent(self, event):
        print("key", event.key())  # TODO: move the player

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#87ceeb"))
        painter.fillRect(0, 320, 640, 40, QColor("#3b7d2f"))
        painter.fillRect(20, 290, 24, 30, QColor("#1d3557"))


class Window(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Platformer")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Level 1 of 3"))
        for number in (1, 2, 3):
            button = QPushButton(f"Level {number}")
            button.clicked.connect(lambda _=False, n=number: print("load level", n))
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        self.game = Game()
        layout.addWidget(self.game)
        layout.addWidget(QLabel("Left/Right: run   Space/Up: jump"))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Window()
    window.show()
    sys.exit(app.exec())
