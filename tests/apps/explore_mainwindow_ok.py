"""A note editor: File and Edit menus and a toolbar whose actions all work, and a File > Quit."""

import sys

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit


class Notes(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Notes")
        self.resize(640, 480)
        self.editor = QPlainTextEdit()
        self.setCentralWidget(self.editor)
        self.saved = []
        file_menu = self.menuBar().addMenu("&File")
        edit_menu = self.menuBar().addMenu("&Edit")
        toolbar = self.addToolBar("Main")
        new = self.make_action("&New", self.new_note)
        save = self.make_action("&Save", self.save_note)
        quit_ = self.make_action("&Quit", self.close)
        file_menu.addAction(new)
        file_menu.addAction(save)
        file_menu.addSeparator()
        file_menu.addAction(quit_)
        edit_menu.addAction(self.make_action("Select &All", self.editor.selectAll))
        edit_menu.addAction(self.make_action("&Upper case", self.upper_case))
        toolbar.addAction(new)
        toolbar.addAction(save)
        toolbar.addAction(self.make_action("Word count", self.count_words))
        self.statusBar().showMessage("Ready")

    def make_action(self, text, slot):
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def new_note(self):
        self.editor.clear()
        self.statusBar().showMessage("New note")

    def save_note(self):
        self.saved.append(self.editor.toPlainText())
        self.statusBar().showMessage(f"Saved {len(self.saved)} time(s)")

    def upper_case(self):
        self.editor.setPlainText(self.editor.toPlainText().upper())

    def count_words(self):
        self.statusBar().showMessage(f"{len(self.editor.toPlainText().split())} words")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Notes()
    window.show()
    sys.exit(app.exec())
