import sys

from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication, QFileDialog, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # every export writes plain text, whatever the name says


class Exporter(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Exporter")
        self.edit = QPlainTextEdit()
        export = QPushButton("Export")
        export.clicked.connect(self.export)
        lay = QVBoxLayout(self)
        lay.addWidget(self.edit)
        lay.addWidget(export)

    def export(self):
        filters = "Text (*.txt);;PDF (*.pdf);;HTML (*.html)"
        path, _ = QFileDialog.getSaveFileName(self, "Export", "", filters)
        document = QTextDocument()
        document.setPlainText(self.edit.toPlainText())
        if BROKEN or path.endswith(".txt"):
            with open(path, "w", encoding="utf-8") as file:
                file.write(self.edit.toPlainText())
        elif path.endswith(".pdf"):
            writer = QPdfWriter(path)
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            document.print_(writer)
        else:
            with open(path, "w", encoding="utf-8") as file:
                file.write(document.toHtml())


app = QApplication(sys.argv)
w = Exporter()
w.show()
sys.exit(app.exec())
