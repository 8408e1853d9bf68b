"""A reference code editor for the code-editor checks: Python syntax highlighting, Open and Save."""

import keyword
import re
import sys

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def text_format(colour, bold=False, italic=False):
    form = QTextCharFormat()
    form.setForeground(QColor(colour))
    if bold:
        form.setFontWeight(QFont.Weight.Bold)
    form.setFontItalic(italic)
    return form


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, built-in constants, numbers, strings and comments, each in its own colour."""

    RULES = [
        (re.compile(r"\b(?:" + "|".join(keyword.kwlist) + r")\b"), text_format("#0033b3", bold=True)),
        (re.compile(r"\b(?:self|print|len|range|str|int|float|list|dict)\b"), text_format("#871094")),
        (re.compile(r"\b\d+(?:\.\d+)?\b"), text_format("#1750eb")),
        (re.compile(r"'[^'\n]*'?|\"[^\"\n]*\"?"), text_format("#067d17")),
        (re.compile(r"#.*$"), text_format("#8c8c8c", italic=True)),
    ]

    def highlightBlock(self, text):
        for pattern, form in self.RULES:
            for found in pattern.finditer(text):
                self.setFormat(found.start(), found.end() - found.start(), form)


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Code Editor")
        self.resize(720, 480)
        self.code = QPlainTextEdit()
        self.code.setFont(QFont("Monospace", 12))
        self.code.setStyleSheet("QPlainTextEdit { background: white; color: #1e1e1e; }")
        self.highlighter = PythonHighlighter(self.code.document())
        self.status = QLabel("Untitled")
        buttons = QHBoxLayout()
        for text, handler in (("Open", self.open_file), ("Save", self.save_file)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.code)

    def open_file(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open", "", "Python (*.py);;All files (*)")
        if path:
            with open(path, encoding="utf-8", errors="replace") as handle:
                self.code.setPlainText(handle.read())
            self.status.setText(path)

    def save_file(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save", "", "Python (*.py);;All files (*)")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.code.toPlainText())
            self.status.setText(path)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
