"""A reference Markdown editor for the middle dataset's checks: live preview, Save, PDF and HTML export."""

import sys

from PySide6.QtGui import QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Markdown")
        self.source = QPlainTextEdit()
        self.preview = QTextBrowser()
        self.source.textChanged.connect(lambda: self.preview.setMarkdown(self.source.toPlainText()))
        panes = QHBoxLayout()
        panes.addWidget(self.source)
        panes.addWidget(self.preview)
        buttons = QHBoxLayout()
        for text, handler in (("Save", self.save), ("Export PDF", self.export_pdf), ("Export HTML", self.export_html)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(panes)
        layout.addLayout(buttons)

    def ask(self, title, pattern):
        path, _ = QFileDialog.getSaveFileName(self, title, "", pattern)
        return path

    def save(self):
        if path := self.ask("Save", "Markdown (*.md)"):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.source.toPlainText())

    def export_pdf(self):
        if path := self.ask("Export PDF", "PDF (*.pdf)"):
            document = QTextDocument()
            document.setMarkdown(self.source.toPlainText())
            document.print_(QPdfWriter(path))

    def export_html(self):
        if path := self.ask("Export HTML", "HTML (*.html)"):
            document = QTextDocument()
            document.setMarkdown(self.source.toPlainText())
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(document.toHtml())


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
