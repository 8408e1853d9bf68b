import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # the board is built but never shown


class W(QWidget):
    def __init__(self):
        super().__init__()
        board = QWidget()
        g = QGridLayout(board)
        for i in range(25):
            b = QPushButton("")
            b.setFixedSize(30, 30)
            b.clicked.connect(lambda _=False, b=b: b.setText("X"))
            g.addWidget(b, i // 5, i % 5)
        QVBoxLayout(self).addWidget(board)
        board.setVisible(not BROKEN)


app = QApplication(sys.argv)
w = W()
w.show()
sys.exit(app.exec())
