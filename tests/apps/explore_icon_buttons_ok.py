import sys

from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QToolButton, QVBoxLayout, QWidget


def swatch(colour):
    picture = QPixmap(24, 24)
    picture.fill(QColor(colour))
    return QIcon(picture)


class Paint(QMainWindow):
    """A colour picker button whose icon is the colour and whose text (never drawn) is its name, and a toolbar
    of icon-only actions: tool buttons show their icon, so their text is no contrast problem."""

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Paint")
        self.colour = QToolButton()
        self.colour.setText("#ffffff")
        self.colour.setIcon(swatch("#ffffff"))
        self.colour.setStyleSheet("QToolButton { background: white; color: white; }")
        self.colour.clicked.connect(lambda: self.status.setText("colour chosen"))
        tools = self.addToolBar("Tools")
        for name, colour in (("Pen", "#202020"), ("Eraser", "#f0f0f0")):
            action = QAction(swatch(colour), name, self)
            action.triggered.connect(lambda _=False, n=name: self.status.setText(n))
            tools.addAction(action)
        tools.setStyleSheet("QToolButton { color: #f8f8f8; background: #ffffff; }")
        self.status = QLabel("Ready")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.colour)
        layout.addWidget(self.status)
        self.setCentralWidget(central)


app = QApplication(sys.argv)
window = Paint()
window.show()
sys.exit(app.exec())
