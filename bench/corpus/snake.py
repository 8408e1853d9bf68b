"""Snake on a wrapping board, drawn with QPainter; arrow keys steer, buttons pause and restart."""

import random
import sys

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

CELL = 18
COLS, ROWS = 20, 16
KEYS = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, -1), Qt.Key_Down: (0, 1)}


class Board(QWidget):
    def __init__(self, on_score):
        super().__init__()
        self.on_score = on_score
        self.setFixedSize(COLS * CELL, ROWS * CELL)
        self.setFocusPolicy(Qt.StrongFocus)
        self.rng = random.Random(7)
        self.timer = QTimer(self)
        self.timer.setInterval(140)
        self.timer.timeout.connect(self.step)
        self.reset()

    def reset(self):
        self.snake = [(5, 8), (4, 8), (3, 8)]
        self.direction = (1, 0)
        self.food = self.place_food()
        self.alive = True
        self.on_score(0)
        self.timer.start()
        self.update()

    def place_food(self):
        free = [(x, y) for x in range(COLS) for y in range(ROWS) if (x, y) not in self.snake]
        return self.rng.choice(free)

    def step(self):
        dx, dy = self.direction
        head = ((self.snake[0][0] + dx) % COLS, (self.snake[0][1] + dy) % ROWS)
        if head in self.snake:
            self.alive = False
            self.timer.stop()
            self.update()
            return
        self.snake.insert(0, head)
        if head == self.food:
            self.food = self.place_food()
            self.on_score(len(self.snake) - 3)
        else:
            self.snake.pop()
        self.update()

    def keyPressEvent(self, event):
        turn = KEYS.get(event.key())
        if turn and (turn[0] != -self.direction[0] or turn[1] != -self.direction[1]):
            self.direction = turn
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#f5f5f0"))
        painter.fillRect(self.cell(self.food), QColor("#c62828"))
        for index, part in enumerate(self.snake):
            painter.fillRect(self.cell(part), QColor("#1b5e20" if index == 0 else "#388e3c"))
        if not self.alive:
            painter.setPen(QColor("#111111"))
            painter.drawText(self.rect(), Qt.AlignCenter, "Game over")

    @staticmethod
    def cell(position):
        return QRect(position[0] * CELL + 1, position[1] * CELL + 1, CELL - 2, CELL - 2)


class SnakeWindow(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Snake")
        self.score = QLabel()
        self.board = Board(self.show_score)
        self.pause_button = QPushButton("Pause")
        self.pause_button.clicked.connect(self.toggle_pause)
        restart = QPushButton("Restart")
        restart.clicked.connect(self.restart)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(restart)
        buttons.addWidget(self.score)
        layout = QVBoxLayout(self)
        layout.addWidget(self.board)
        layout.addLayout(buttons)
        self.board.setFocus()

    def show_score(self, points):
        self.score.setText(f"Score: {points}")

    def toggle_pause(self):
        if self.board.timer.isActive():
            self.board.timer.stop()
            self.pause_button.setText("Resume")
        elif self.board.alive:
            self.board.timer.start()
            self.pause_button.setText("Pause")
        self.board.setFocus()

    def restart(self):
        self.board.reset()
        self.pause_button.setText("Pause")
        self.board.setFocus()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = SnakeWindow()
    window.show()
    sys.exit(app.exec())
