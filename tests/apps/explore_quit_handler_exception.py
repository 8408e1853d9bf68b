"""A game whose File > Quit handler saves the high score first, and the save is broken."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Game(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Solitaire")
        self.setCentralWidget(QLabel("Score: 0"))
        self.high_scores = {}
        self.menuBar().addMenu("&File").addAction("&Quit", self.quit)

    def quit(self):
        self.save_score()
        self.close()

    def save_score(self):
        return self.high_scores["best"]  # no game finished yet: KeyError


app = QApplication(sys.argv)
game = Game()
game.show()
sys.exit(app.exec())
