"""Snake, built the way the recipes for a game that moves on its own and for snake say: a board widget that paints,
a QTimer started in its __init__, keys read by the board, which takes the focus."""

import random
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

COLUMNS, ROWS, CELL = 20, 15, 20
DIRECTIONS = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}


class Board(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(COLUMNS * CELL, ROWS * CELL)
        self.setFocusPolicy(Qt.StrongFocus)
        self.snake = [(5, 7), (4, 7), (3, 7)]
        self.direction = (1, 0)
        self.food = (12, 7)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(300)

    def tick(self) -> None:
        x, y = self.snake[0]
        dx, dy = self.direction
        head = ((x + dx) % COLUMNS, (y + dy) % ROWS)
        if head == self.food:
            self.snake = [head, *self.snake]
            self.food = (random.randrange(COLUMNS), random.randrange(ROWS))
        else:
            self.snake = [head, *self.snake[:-1]]
        self.update()

    def keyPressEvent(self, event) -> None:
        if event.key() in DIRECTIONS:
            self.direction = DIRECTIONS[event.key()]
            self.tick()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        painter.fillRect(self.food[0] * CELL, self.food[1] * CELL, CELL, CELL, QColor("red"))
        for x, y in self.snake:
            painter.fillRect(x * CELL, y * CELL, CELL - 1, CELL - 1, QColor("lime"))


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Snake")
        self.board = Board()
        self.setCentralWidget(self.board)
        self.board.setFocus()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
