"""Tic-tac-toe for two players on one screen, with a running score."""

import sys
from functools import partial

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]


class TicTacToe(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Tic-Tac-Toe")
        self.resize(320, 380)
        self.scores = {"X": 0, "O": 0, "draw": 0}

        self.status = QLabel()
        self.score = QLabel()
        grid = QGridLayout()
        font = QFont()
        font.setPointSize(24)
        self.cells = []
        for index in range(9):
            cell = QPushButton("")
            cell.setFont(font)
            cell.setMinimumSize(80, 80)
            cell.clicked.connect(partial(self.play, index))
            grid.addWidget(cell, index // 3, index % 3)
            self.cells.append(cell)
        new_game = QPushButton("New game")
        new_game.clicked.connect(self.new_game)
        undo = QPushButton("Undo")
        undo.clicked.connect(self.undo)
        self.computer = QCheckBox("Computer plays O")
        self.computer.toggled.connect(self.computer_toggled)
        controls = QHBoxLayout()
        controls.addWidget(new_game)
        controls.addWidget(undo)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        layout.addLayout(controls)
        layout.addWidget(self.computer)
        layout.addWidget(self.score)
        self.new_game()

    def new_game(self):
        self.board = [""] * 9
        self.moves = []
        self.turn = "X"
        self.over = False
        for cell in self.cells:
            cell.setText("")
            cell.setEnabled(True)
        self.show_status(f"{self.turn} to play")

    def play(self, index):
        if self.over or self.board[index]:
            return
        self.place(index)
        if not self.over and self.turn == "O" and self.computer.isChecked():
            self.place(self.board.index(""))

    def place(self, index):
        self.moves.append(index)
        self.board[index] = self.turn
        self.cells[index].setText(self.turn)
        winner = self.winner()
        if winner or "" not in self.board:
            self.end(winner)
            return
        self.turn = "O" if self.turn == "X" else "X"
        self.show_status(f"{self.turn} to play")

    def undo(self):
        if self.over or not self.moves:
            return
        steps = 2 if self.computer.isChecked() and len(self.moves) > 1 else 1
        for _ in range(steps):
            index = self.moves.pop()
            self.board[index] = ""
            self.cells[index].setText("")
            self.turn = "O" if self.turn == "X" else "X"
        self.show_status(f"{self.turn} to play")

    def computer_toggled(self, on):
        if on and self.turn == "O" and not self.over:
            self.place(self.board.index(""))

    def winner(self):
        for a, b, c in LINES:
            if self.board[a] and self.board[a] == self.board[b] == self.board[c]:
                return self.board[a]
        return None

    def end(self, winner):
        self.over = True
        self.scores[winner or "draw"] += 1
        for cell in self.cells:
            cell.setEnabled(False)
        self.show_status(f"{winner} wins!" if winner else "It's a draw.")

    def show_status(self, text):
        self.status.setText(text)
        s = self.scores
        self.score.setText(f"X {s['X']}  ·  O {s['O']}  ·  draws {s['draw']}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = TicTacToe()
    window.show()
    sys.exit(app.exec())
