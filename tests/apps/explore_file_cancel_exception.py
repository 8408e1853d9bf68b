"""Opens a file chosen in a QFileDialog without checking for Cancel: a cancelled dialog gives '' and open('') raises."""

import sys

from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class Viewer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Text viewer")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        button = QPushButton("Open file")
        button.clicked.connect(self.open_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(button)

    def open_file(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open", "", "Text files (*.txt)")
        with open(path, encoding="utf-8") as file:
            self.text.setPlainText(file.read())


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Viewer()
    window.show()
    sys.exit(app.exec())
