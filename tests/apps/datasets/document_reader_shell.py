"""A reader that only looks like one: Open names the file, the page never changes, the side buttons only print."""

import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class Reader(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Document Reader")
        self.text = QTextBrowser()
        self.where = QLabel("No document")
        self.search = QLineEdit(placeholderText="Search")
        self.search.returnPressed.connect(lambda: print("searching for", self.search.text()))
        self.note = QLineEdit(placeholderText="Annotation")
        top = QHBoxLayout()
        for text in ("Open", "Previous", "Next"):
            button = QPushButton(text)
            button.clicked.connect(self.open if text == "Open" else lambda _=False, t=text: print(t))
            top.addWidget(button)
        top.addWidget(self.where)
        top.addWidget(self.search)
        side = QVBoxLayout()
        for title, button_text in (("Results", ""), ("Bookmarks", "Add Bookmark"), ("Annotations", "Add Annotation")):
            view = QListWidget()
            view.setAccessibleName(title)
            side.addWidget(QLabel(title))
            side.addWidget(view)
            if title == "Annotations":
                side.addWidget(self.note)
            if button_text:
                button = QPushButton(button_text)
                button.clicked.connect(lambda _=False, t=button_text: print(t, "clicked"))
                side.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.text, 2)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open document", "", "Documents (*.pdf *.epub)")
        if path:
            self.where.setText(f"Opened {Path(path).name}")
            self.text.setPlainText("Rendering is not implemented yet.")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    reader = Reader()
    reader.show()
    sys.exit(app.exec())
