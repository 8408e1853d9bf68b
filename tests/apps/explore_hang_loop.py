"""Starts fine; pressing Find primes spins in a loop whose condition never becomes false."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class Primes(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Primes")
        self.result = QLabel("")
        button = QPushButton("Find primes")
        button.clicked.connect(self.find)
        layout = QVBoxLayout(self)
        layout.addWidget(self.result)
        layout.addWidget(button)

    def find(self):
        primes, n = [], 2
        while len(primes) >= 0:
            if all(n % p for p in primes):
                primes.append(n)
            n += 1
        self.result.setText(str(primes))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Primes()
    window.show()
    sys.exit(app.exec())
