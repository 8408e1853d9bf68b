"""A writing pad in a QMainWindow: live counts in the status bar, View menu toggles, a goal setting."""

import sys

from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTextEdit,
)


class WritingPad(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Writing Pad")
        self.resize(700, 480)
        self.goal = 250
        self.editor = QTextEdit()
        self.editor.setAcceptRichText(False)
        self.editor.textChanged.connect(self.update_counts)
        self.editor.cursorPositionChanged.connect(self.update_position)
        self.setCentralWidget(self.editor)

        self.counts = QLabel()
        self.position = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.statusBar().addWidget(self.counts)
        self.statusBar().addWidget(self.position)
        self.statusBar().addPermanentWidget(self.progress)

        view = self.menuBar().addMenu("&View")
        self.show_status = QAction("Status bar", self, checkable=True, checked=True)
        self.show_status.toggled.connect(self.statusBar().setVisible)
        view.addAction(self.show_status)
        bigger = QAction("Larger text", self)
        bigger.triggered.connect(lambda: self.zoom(2))
        smaller = QAction("Smaller text", self)
        smaller.triggered.connect(lambda: self.zoom(-2))
        view.addAction(bigger)
        view.addAction(smaller)
        tools = self.menuBar().addMenu("&Tools")
        goal = QAction("Set word goal…", self)
        goal.triggered.connect(self.set_goal)
        tools.addAction(goal)
        clear = QAction("Clear text", self)
        clear.triggered.connect(self.editor.clear)
        tools.addAction(clear)
        self.update_counts()
        self.update_position()

    def update_counts(self):
        text = self.editor.toPlainText()
        words = len(text.split())
        self.counts.setText(f"{words} words, {len(text)} characters")
        self.progress.setMaximum(self.goal)
        self.progress.setValue(min(words, self.goal))
        self.progress.setFormat(f"{words}/{self.goal}")

    def update_position(self):
        cursor = self.editor.textCursor()
        self.position.setText(f"line {cursor.blockNumber() + 1}, column {cursor.positionInBlock() + 1}")

    def zoom(self, step):
        font = QFont(self.editor.font())
        font.setPointSize(max(6, min(48, font.pointSize() + step)))
        self.editor.setFont(font)
        self.statusBar().showMessage(f"Text size {font.pointSize()} pt", 2000)

    def set_goal(self):
        goal, ok = QInputDialog.getInt(self, "Word goal", "Words:", self.goal, 10, 100000, 50)
        if ok:
            self.goal = goal
            self.update_counts()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = WritingPad()
    window.show()
    sys.exit(app.exec())
