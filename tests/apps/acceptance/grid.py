import sys

from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QWidget


class W(QWidget):
    def __init__(self):
        super().__init__()
        g = QGridLayout(self)
        for i in range(25):
            b = QPushButton("")
            b.setFixedSize(30, 30)
            b.clicked.connect(lambda _=False, b=b: b.setText("X"))
            g.addWidget(b, i // 5, i % 5)


app = QApplication(sys.argv)
w = W()
w.show()
sys.exit(app.exec())
