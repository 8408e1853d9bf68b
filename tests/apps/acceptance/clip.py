import sys

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # Copy and Paste do nothing


class Clip(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Clip")
        self.edit = QLineEdit()
        copy = QPushButton("Copy")
        copy.clicked.connect(self.copy)
        paste = QPushButton("Paste")
        paste.clicked.connect(self.paste)
        self.pasted = QLabel("nothing pasted")
        lay = QVBoxLayout(self)
        for widget in (self.edit, copy, paste, self.pasted):
            lay.addWidget(widget)

    def copy(self):
        if not BROKEN:
            QApplication.clipboard().setText(self.edit.text())

    def paste(self):
        if not BROKEN:
            self.pasted.setText(QApplication.clipboard().text())


app = QApplication(sys.argv)
w = Clip()
w.show()
sys.exit(app.exec())
