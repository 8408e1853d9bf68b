import sys

from PySide6.QtWidgets import QApplication, QHBoxLayout, QPlainTextEdit, QTextBrowser, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # the preview never updates


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Markdown")
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText("Markdown")
        self.preview = QTextBrowser()
        row = QHBoxLayout(self)
        row.addWidget(self.edit)
        row.addWidget(self.preview)
        if not BROKEN:
            self.edit.textChanged.connect(lambda: self.preview.setMarkdown(self.edit.toPlainText()))


app = QApplication(sys.argv)
w = Editor()
w.show()
sys.exit(app.exec())
