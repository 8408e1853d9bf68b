import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")


class Calc(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Calculator")
        self.display = QLineEdit()
        self.display.setReadOnly(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.display)
        grid = QGridLayout()
        lay.addLayout(grid)
        keys = ["7", "8", "9", "/", "4", "5", "6", "*", "1", "2", "3", "-", "0", "C", "=", "+"]
        for i, k in enumerate(keys):
            b = QPushButton(k)
            b.clicked.connect(lambda _=False, k=k: self.press(k))
            grid.addWidget(b, i // 4, i % 4)
        self.expr = ""

    def press(self, k):
        if k == "C":
            self.expr = ""
        elif k == "=":
            if BROKEN:
                self.expr = self.expr.replace("+", "")
            else:
                self.expr = str(eval(self.expr))
        else:
            self.expr += k
        self.display.setText(self.expr)


app = QApplication(sys.argv)
w = Calc()
w.show()
sys.exit(app.exec())
