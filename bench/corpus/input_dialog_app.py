"""A reading list whose entries are added and rated through QInputDialog prompts."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

GENRES = ["Novel", "Poetry", "History", "Science", "Travel"]


class ReadingList(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Reading List")
        self.resize(420, 360)
        self.books = QListWidget()
        self.books.itemDoubleClicked.connect(self.rate)
        add = QPushButton("Add book…")
        add.clicked.connect(self.add_book)
        rate = QPushButton("Rate…")
        rate.clicked.connect(self.rate_selected)
        remove = QPushButton("Remove")
        remove.clicked.connect(self.remove)
        self.summary = QLabel()
        buttons = QHBoxLayout()
        for widget in (add, rate, remove):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.books)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        self.append("The Hobbit", "Novel", 0)
        self.update_summary()

    def append(self, title, genre, stars):
        item = QListWidgetItem()
        item.setData(Qt.UserRole, (title, genre, stars))
        self.books.addItem(item)
        self.label(item)

    def label(self, item):
        title, genre, stars = item.data(Qt.UserRole)
        item.setText(f"{title} ({genre}) " + ("★" * stars if stars else "unrated"))

    def add_book(self):
        title, ok = QInputDialog.getText(self, "Add book", "Title:")
        if not ok or not title.strip():
            return
        genre, ok = QInputDialog.getItem(self, "Add book", "Genre:", GENRES, 0, False)
        if not ok:
            return
        self.append(title.strip(), genre, 0)
        self.update_summary()

    def rate_selected(self):
        item = self.books.currentItem()
        if item is not None:
            self.rate(item)

    def rate(self, item):
        title, genre, stars = item.data(Qt.UserRole)
        value, ok = QInputDialog.getInt(self, "Rate", f"Stars for {title}:", stars or 3, 1, 5)
        if ok:
            item.setData(Qt.UserRole, (title, genre, value))
            self.label(item)
            self.update_summary()

    def remove(self):
        row = self.books.currentRow()
        if row >= 0:
            self.books.takeItem(row)
            self.update_summary()

    def update_summary(self):
        ratings = [self.books.item(r).data(Qt.UserRole)[2] for r in range(self.books.count())]
        rated = [r for r in ratings if r]
        average = f", average {sum(rated) / len(rated):.1f}★" if rated else ""
        self.summary.setText(f"{len(ratings)} books{average}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ReadingList()
    window.show()
    sys.exit(app.exec())
