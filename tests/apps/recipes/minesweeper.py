"""Minesweeper, built the way the recipes for a board of cells and for minesweeper say."""

import random
import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

ROWS = COLUMNS = 10


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle("Minesweeper")
        self.mines = {divmod(cell, COLUMNS) for cell in random.sample(range(ROWS * COLUMNS), 15)}
        self.status = QLabel("Find the mines")
        grid = QGridLayout()
        self.buttons: list[list[QPushButton]] = []
        for row in range(ROWS):
            self.buttons.append([])
            for column in range(COLUMNS):
                button = QPushButton("")
                button.setFixedSize(32, 32)
                button.clicked.connect(lambda checked=False, r=row, c=column: self.cell_clicked(r, c))
                grid.addWidget(button, row, column)
                self.buttons[row].append(button)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.status)
        layout.addLayout(grid)
        self.setCentralWidget(central)

    def cell_clicked(self, row: int, column: int) -> None:
        if (row, column) in self.mines:
            self.buttons[row][column].setText("*")
            self.status.setText("Game over")
            return
        near = sum(
            (row + dr, column + dc) in self.mines for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0)
        )
        self.buttons[row][column].setText(str(near))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
