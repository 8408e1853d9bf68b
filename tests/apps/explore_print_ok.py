"""A notes window with File > Print..., as editors write it: a print dialog, then the document printed."""

import sys

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QMainWindow, QTextEdit


class Notes(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Notes")
        self.editor = QTextEdit("Buy milk")
        self.setCentralWidget(self.editor)
        self.menuBar().addMenu("&File").addAction("&Print...", self.print_notes)

    def print_notes(self):
        dialog = QPrintDialog()
        if dialog.exec():
            self.editor.document().print_(dialog.printer())


app = QApplication(sys.argv)
notes = Notes()
notes.show()
sys.exit(app.exec())
