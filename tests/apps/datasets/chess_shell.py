"""A chess game that only looks like one: a board drawn once, a Move button that prints, a status that never learns."""

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

START = ["rnbqkbnr", "pppppppp", "........", "........", "........", "........", "PPPPPPPP", "RNBQKBNR"]
GLYPHS = dict(zip("KQRBNPkqrbnp", "♔♕♖♗♘♙♚♛♜♝♞♟", strict=True))


class BoardView(QWidget):
    def __init__(self):
        super().__init__()
        self.setMinimumSize(400, 400)

    def paintEvent(self, event):
        painter = QPainter(self)
        side = min(self.width(), self.height()) / 8
        painter.setFont(QFont("DejaVu Sans", int(side * 0.6)))
        for r in range(8):
            for c in range(8):
                square = QRectF(c * side, r * side, side, side)
                painter.fillRect(square, QColor("#f0d9b5" if (r + c) % 2 == 0 else "#b58863"))
                if START[r][c] != ".":
                    painter.drawText(square, Qt.AlignmentFlag.AlignCenter, GLYPHS[START[r][c]])
        painter.end()


class Game(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Chess")
        self.moves = QListWidget()
        self.moves.setAccessibleName("Moves")
        self.entry = QLineEdit(placeholderText="Move")
        move = QPushButton("Move")
        move.clicked.connect(self.human_move)
        restart = QPushButton("New Game")
        restart.clicked.connect(lambda: print("new game"))
        self.status = QLabel("White to move")
        side = QVBoxLayout()
        side.addWidget(QLabel("Moves"))
        side.addWidget(self.moves)
        for widget in (self.entry, move, restart, self.status):
            side.addWidget(widget)
        layout = QHBoxLayout(self)
        layout.addWidget(BoardView(), 1)
        layout.addLayout(side)

    def human_move(self):
        print("move", self.entry.text())
        self.status.setText("Black to move")
        # the AI would answer here


if __name__ == "__main__":
    app = QApplication(sys.argv)
    game = Game()
    game.show()
    sys.exit(app.exec())
