"""A small minesweeper: 8×8 board, 10 mines, flag mode toggle, seeded layouts."""

import random
import sys

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

SIZE = 8
MINES = 10


class Minesweeper(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Minesweeper Lite")
        self.resize(360, 430)

        self.seed = QSpinBox()
        self.seed.setRange(0, 9999)
        self.seed.setPrefix("board #")
        self.seed.valueChanged.connect(self.new_game)
        self.flag_mode = QCheckBox("Flag mode")
        self.flag_mode.toggled.connect(self.flag_mode_toggled)
        restart = QPushButton("Restart")
        restart.clicked.connect(self.new_game)
        self.status = QLabel()

        grid = QGridLayout()
        grid.setSpacing(2)
        self.buttons = {}
        for row in range(SIZE):
            for col in range(SIZE):
                button = QPushButton("")
                button.setFixedSize(36, 36)
                button.clicked.connect(lambda checked=False, r=row, c=col: self.cell_clicked(r, c))
                grid.addWidget(button, row, col)
                self.buttons[row, col] = button

        top = QHBoxLayout()
        top.addWidget(self.seed)
        top.addWidget(self.flag_mode)
        top.addWidget(restart)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        self.new_game()

    def new_game(self):
        cells = list(self.buttons)
        self.mines = set(random.Random(self.seed.value()).sample(cells, MINES))
        self.opened = set()
        self.flags = set()
        self.over = False
        for button in self.buttons.values():
            button.setText("")
            button.setEnabled(True)
        self.status.setText(f"{MINES} mines hidden")

    def neighbours(self, row, col):
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                cell = (row + dr, col + dc)
                if cell != (row, col) and cell in self.buttons:
                    yield cell

    def flag_mode_toggled(self, on):
        self.status.setText("Click cells to flag them" if on else f"{len(self.flags)} flags placed")

    def cell_clicked(self, row, col):
        if self.over or (row, col) in self.opened:
            return
        if self.flag_mode.isChecked():
            self.toggle_flag(row, col)
        elif (row, col) not in self.flags:
            self.open(row, col)

    def toggle_flag(self, row, col):
        self.flags ^= {(row, col)}
        self.buttons[row, col].setText("⚑" if (row, col) in self.flags else "")
        self.status.setText(f"{len(self.flags)} flags placed")

    def open(self, row, col):
        if (row, col) in self.mines:
            self.lose()
            return
        pending = [(row, col)]
        while pending:
            cell = pending.pop()
            if cell in self.opened:
                continue
            self.opened.add(cell)
            count = sum(n in self.mines for n in self.neighbours(*cell))
            self.buttons[cell].setText(str(count) if count else "")
            self.buttons[cell].setEnabled(False)
            if count == 0:
                pending.extend(n for n in self.neighbours(*cell) if n not in self.flags)
        if len(self.opened) == SIZE * SIZE - MINES:
            self.over = True
            self.status.setText("Cleared! You win.")

    def lose(self):
        self.over = True
        for cell in self.mines:
            self.buttons[cell].setText("✱")
        self.status.setText("Boom. Press Restart.")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Minesweeper()
    window.show()
    sys.exit(app.exec())
