"""Tetris, built the way the recipes for a game that moves on its own and for tetris say."""

import random
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

COLUMNS, ROWS, CELL = 10, 20, 24
SHAPES = [[(4, 0), (3, 0), (5, 0), (6, 0)], [(4, 0), (5, 0), (4, 1), (5, 1)], [(4, 1), (3, 1), (5, 1), (4, 0)]]


class Board(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(COLUMNS * CELL, ROWS * CELL)
        self.setFocusPolicy(Qt.StrongFocus)
        self.grid = [[0] * COLUMNS for _ in range(ROWS)]
        self.piece = list(random.choice(SHAPES))
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(300)

    def free(self, cells: list[tuple[int, int]]) -> bool:
        return all(0 <= x < COLUMNS and 0 <= y < ROWS and self.grid[y][x] == 0 for x, y in cells)

    def shifted(self, dx: int, dy: int) -> list[tuple[int, int]]:
        return [(x + dx, y + dy) for x, y in self.piece]

    def tick(self) -> None:
        if self.free(self.shifted(0, 1)):
            self.piece = self.shifted(0, 1)
        else:
            for x, y in self.piece:
                self.grid[y][x] = 1
            kept = [row for row in self.grid if 0 in row]
            self.grid = [[0] * COLUMNS for _ in range(ROWS - len(kept))] + kept
            self.piece = list(random.choice(SHAPES))
        self.update()

    def keyPressEvent(self, event) -> None:
        cx, cy = self.piece[0]
        moved = {
            Qt.Key_Left: self.shifted(-1, 0),
            Qt.Key_Right: self.shifted(1, 0),
            Qt.Key_Up: [(cx + cy - y, cy + x - cx) for x, y in self.piece],
        }.get(event.key())
        if moved is not None and self.free(moved):
            self.piece = moved
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        filled = [(x, y) for y, row in enumerate(self.grid) for x, cell in enumerate(row) if cell] + self.piece
        for x, y in filled:
            painter.fillRect(x * CELL, y * CELL, CELL - 1, CELL - 1, QColor("cyan"))


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Tetris")
        self.board = Board()
        self.setCentralWidget(self.board)
        self.board.setFocus()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
