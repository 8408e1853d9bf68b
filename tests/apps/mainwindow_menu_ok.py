"""A QMainWindow with a menu bar, a toolbar, a status bar and a text editor."""

import sys

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit


class Editor(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Notes")
        self.resize(640, 480)
        self.editor = QTextEdit()
        self.setCentralWidget(self.editor)
        clear = QAction("Clear", self)
        clear.triggered.connect(self.editor.clear)
        self.menuBar().addMenu("&File").addAction(clear)
        self.addToolBar("Main").addAction(clear)
        self.statusBar().showMessage("Ready")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Editor()
    window.show()
    sys.exit(app.exec())
