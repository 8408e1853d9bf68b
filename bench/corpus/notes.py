"""Notes: a list of titled notes on the left, the selected note's text on the right."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)


class Notes(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Notes")
        self.resize(640, 420)
        self.bodies = []

        self.titles = QListWidget()
        self.titles.currentRowChanged.connect(self.show_note)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Title")
        self.title.textEdited.connect(self.rename)
        self.body = QTextEdit()
        self.body.textChanged.connect(self.store_body)

        new = QPushButton("New note")
        new.clicked.connect(self.new_note)
        delete = QPushButton("Delete")
        delete.clicked.connect(self.delete_note)

        left = QVBoxLayout()
        left.addWidget(self.titles)
        left.addWidget(new)
        left.addWidget(delete)
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.body)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 2)
        self.new_note()

    def new_note(self):
        self.bodies.append("")
        self.titles.addItem(f"Note {len(self.bodies)}")
        self.titles.setCurrentRow(len(self.bodies) - 1)

    def delete_note(self):
        row = self.titles.currentRow()
        if row < 0:
            return
        del self.bodies[row]
        self.titles.takeItem(row)
        if not self.bodies:
            self.new_note()

    def show_note(self, row):
        enabled = 0 <= row < len(self.bodies)
        self.title.setEnabled(enabled)
        self.body.setEnabled(enabled)
        if not enabled:
            return
        self.title.setText(self.titles.item(row).text())
        self.body.blockSignals(True)
        self.body.setPlainText(self.bodies[row])
        self.body.blockSignals(False)

    def rename(self, text):
        item = self.titles.currentItem()
        if item is not None:
            item.setText(text.strip() or "Untitled")

    def store_body(self):
        row = self.titles.currentRow()
        if 0 <= row < len(self.bodies):
            self.bodies[row] = self.body.toPlainText()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Notes()
    window.show()
    sys.exit(app.exec())
