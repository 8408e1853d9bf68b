"""The geometry calculator a weak model fakes: the fields, buttons, canvas and list are there, but placing
points only prints and the shape buttons only say they worked; nothing is measured or drawn."""

import sys

from PySide6.QtGui import QColor, QPainter
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


class Canvas(QWidget):
    def __init__(self):
        super().__init__()
        self.setMinimumSize(420, 320)

    def paintEvent(self, event):
        QPainter(self).fillRect(self.rect(), QColor("white"))


class Geometry(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Geometry Calculator")
        self.x = QLineEdit(placeholderText="X")
        self.y = QLineEdit(placeholderText="Y")
        row = QHBoxLayout()
        for text, field in (("X", self.x), ("Y", self.y)):
            row.addWidget(QLabel(text))
            row.addWidget(field)
        for text in ("Add point", "Add line", "Add circle", "Add polygon", "Clear"):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text: self.handle(t))
            row.addWidget(button)
        self.status = QLabel("Ready")
        body = QHBoxLayout()
        body.addWidget(Canvas(), 3)
        body.addWidget(QListWidget(), 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addLayout(body)
        layout.addWidget(self.status)

    def handle(self, action):
        if action == "Add point":
            print("add point", self.x.text(), self.y.text())
        else:
            self.status.setText(f"{action.split()[-1].title()} created!")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Geometry()
    window.resize(900, 500)
    window.show()
    sys.exit(app.exec())
