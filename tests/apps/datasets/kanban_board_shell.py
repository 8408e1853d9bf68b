"""The Kanban that passed before requirements were checked: three empty columns and nothing else."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QVBoxLayout, QWidget


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("SQLite Kanban")
        layout = QVBoxLayout(self)
        for name in ("To do", "In progress", "Done"):
            layout.addWidget(QLabel(name))
            layout.addWidget(QListWidget())


if __name__ == "__main__":
    app = QApplication(sys.argv)
    board = Board()
    board.show()
    sys.exit(app.exec())
