"""A board whose piece falls on its own; broken, it reads no keys (its Left/Right methods are never called)."""

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setFixedSize(200, 400)
        self.setFocusPolicy(Qt.StrongFocus)
        self.x, self.y = 4, 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(100)

    def tick(self):
        self.y = (self.y + 1) % 20
        self.update()

    def left(self):
        self.x = max(0, self.x - 1)
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        painter.fillRect(self.x * 20, self.y * 20, 19, 19, QColor("cyan"))


class KeyBoard(Board):
    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Left:
            self.left()


class MainWindow(QMainWindow):
    def __init__(self):
        super().__init__()
        self.board = Board() if BROKEN else KeyBoard()
        self.setCentralWidget(self.board)
        self.board.setFocus()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
