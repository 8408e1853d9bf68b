"""A plain-text editor with menus, a toolbar, a status bar and file dialogs: the larger app of the packaging bench."""

import sys
from pathlib import Path

from PySide6.QtGui import QAction, QFont, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QToolBar,
)


class Editor(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.path: Path | None = None
        self.text = QPlainTextEdit()
        self.text.setFont(QFont("Monospace", 11))
        self.setCentralWidget(self.text)
        self.position = QLabel()
        self.statusBar().addPermanentWidget(self.position)
        self.text.cursorPositionChanged.connect(self.show_position)
        self.text.document().modificationChanged.connect(self.update_title)
        self.build_menus()
        self.resize(800, 600)
        self.update_title()
        self.show_position()

    def action(self, name: str, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(name, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        new = self.action("&New", self.new_file, QKeySequence.StandardKey.New)
        save = self.action("&Save", self.save, QKeySequence.StandardKey.Save)
        file_menu.addActions([new, self.action("&Open...", self.open_file, QKeySequence.StandardKey.Open), save])
        file_menu.addAction(self.action("Save &As...", self.save_as, QKeySequence.StandardKey.SaveAs))
        file_menu.addSeparator()
        file_menu.addAction(self.action("&Quit", self.close, QKeySequence.StandardKey.Quit))
        edit = self.menuBar().addMenu("&Edit")
        edit.addAction(self.action("&Undo", self.text.undo, QKeySequence.StandardKey.Undo))
        edit.addAction(self.action("&Redo", self.text.redo, QKeySequence.StandardKey.Redo))
        edit.addSeparator()
        edit.addAction(self.action("Cu&t", self.text.cut, QKeySequence.StandardKey.Cut))
        edit.addAction(self.action("&Copy", self.text.copy, QKeySequence.StandardKey.Copy))
        edit.addAction(self.action("&Paste", self.text.paste, QKeySequence.StandardKey.Paste))
        edit.addAction(self.action("Select &All", self.text.selectAll, QKeySequence.StandardKey.SelectAll))
        edit.addSeparator()
        edit.addAction(self.action("&Find...", self.find, QKeySequence.StandardKey.Find))
        edit.addAction(self.action("Upper &case", self.upper_case))
        view = self.menuBar().addMenu("&View")
        wrap = self.action("&Word wrap", self.toggle_wrap)
        wrap.setCheckable(True)
        wrap.setChecked(True)
        view.addAction(wrap)
        view.addAction(self.action("Zoom &in", lambda: self.text.zoomIn(1), QKeySequence.StandardKey.ZoomIn))
        view.addAction(self.action("Zoom &out", lambda: self.text.zoomOut(1), QKeySequence.StandardKey.ZoomOut))
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.action("&About", self.about))
        toolbar = QToolBar("Main")
        toolbar.addActions([new, save, wrap])
        self.addToolBar(toolbar)

    def show_position(self) -> None:
        cursor = self.text.textCursor()
        words = len(self.text.toPlainText().split())
        self.position.setText(f"Line {cursor.blockNumber() + 1}, column {cursor.positionInBlock() + 1}; {words} words")

    def update_title(self) -> None:
        name = self.path.name if self.path else "Untitled"
        changed = "*" if self.text.document().isModified() else ""
        self.setWindowTitle(f"{name}{changed} - Text Editor")

    def new_file(self) -> None:
        self.text.clear()
        self.path = None
        self.text.document().setModified(False)
        self.update_title()

    def open_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Open", "", "Text files (*.txt);;All files (*)")
        if name:
            self.path = Path(name)
            self.text.setPlainText(self.path.read_text(encoding="utf-8", errors="replace"))
            self.text.document().setModified(False)
            self.update_title()

    def save(self) -> None:
        if self.path is None:
            self.save_as()
            return
        self.path.write_text(self.text.toPlainText(), encoding="utf-8")
        self.text.document().setModified(False)
        self.statusBar().showMessage(f"Saved {self.path}", 3000)

    def save_as(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save as", "", "Text files (*.txt);;All files (*)")
        if name:
            self.path = Path(name)
            self.save()

    def find(self) -> None:
        word, ok = QInputDialog.getText(self, "Find", "Find what:")
        if ok and word and not self.text.find(word):
            self.text.moveCursor(QTextCursor.MoveOperation.Start)
            if not self.text.find(word, QTextDocument.FindFlag(0)):
                self.statusBar().showMessage(f"'{word}' not found", 3000)

    def upper_case(self) -> None:
        cursor = self.text.textCursor()
        if cursor.hasSelection():
            cursor.insertText(cursor.selectedText().upper())

    def toggle_wrap(self, on: bool) -> None:
        mode = QPlainTextEdit.LineWrapMode.WidgetWidth if on else QPlainTextEdit.LineWrapMode.NoWrap
        self.text.setLineWrapMode(mode)

    def about(self) -> None:
        QMessageBox.about(self, "About", "A small text editor: menus, a toolbar and a status bar.")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
