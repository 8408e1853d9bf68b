"""A plain-text editor with a File menu (New, Open, Save, Save As) and an Edit menu."""

import sys
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
)


class Editor(QMainWindow):
    def __init__(self):
        super().__init__()
        self.path = None
        self.resize(720, 520)
        self.text = QPlainTextEdit()
        self.text.textChanged.connect(self.mark_modified)
        self.setCentralWidget(self.text)
        self.build_menus()
        self.update_title()

    def build_menus(self):
        file_menu = self.menuBar().addMenu("&File")
        for label, shortcut, slot in (
            ("&New", QKeySequence.New, self.new_file),
            ("&Open…", QKeySequence.Open, self.open_file),
            ("&Save", QKeySequence.Save, self.save_file),
            ("Save &As…", QKeySequence.SaveAs, self.save_as),
        ):
            action = QAction(label, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            file_menu.addAction(action)
        edit_menu = self.menuBar().addMenu("&Edit")
        upper = QAction("Upper-case selection", self)
        upper.triggered.connect(self.upper_case)
        edit_menu.addAction(upper)
        stats = QAction("Word count", self)
        stats.triggered.connect(self.word_count)
        edit_menu.addAction(stats)

    def mark_modified(self):
        self.update_title()

    def update_title(self):
        name = Path(self.path).name if self.path else "Untitled"
        star = "*" if self.text.document().isModified() else ""
        self.setWindowTitle(f"{name}{star} — Editor")

    def new_file(self):
        self.text.clear()
        self.path = None
        self.text.document().setModified(False)
        self.update_title()

    def open_file(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open", "", "Text files (*.txt);;All files (*)")
        if not path:
            return
        try:
            content = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            QMessageBox.warning(self, "Open", f"Could not open {path}:\n{error}")
            return
        self.text.setPlainText(content)
        self.path = path
        self.text.document().setModified(False)
        self.update_title()

    def save_file(self):
        if self.path is None:
            self.save_as()
            return
        self.write(self.path)

    def save_as(self):
        path, _ = QFileDialog.getSaveFileName(self, "Save as", "untitled.txt", "Text files (*.txt)")
        if path:
            self.write(path)

    def write(self, path):
        try:
            Path(path).write_text(self.text.toPlainText(), encoding="utf-8")
        except OSError as error:
            QMessageBox.warning(self, "Save", f"Could not save {path}:\n{error}")
            return
        self.path = path
        self.text.document().setModified(False)
        self.update_title()
        self.statusBar().showMessage(f"Saved {path}", 3000)

    def upper_case(self):
        cursor = self.text.textCursor()
        if cursor.hasSelection():
            cursor.insertText(cursor.selectedText().upper())

    def word_count(self):
        words = len(self.text.toPlainText().split())
        self.statusBar().showMessage(f"{words} words", 3000)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Editor()
    window.show()
    sys.exit(app.exec())
