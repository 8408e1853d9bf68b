"""A reference Kanban board for the middle dataset's checks: tasks with tags in SQLite, three columns, drag-and-drop."""

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

COLUMNS = ("To do", "Doing", "Done")


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Kanban")
        self.db = sqlite3.connect(Path.home() / "kanban.db")
        self.db.execute("create table if not exists tasks (title text, tag text, col text)")
        self.task = QLineEdit(placeholderText="Task")
        self.tag = QLineEdit(placeholderText="Tag")
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        top = QHBoxLayout()
        for widget in (self.task, self.tag, add):
            top.addWidget(widget)
        self.lists = {}
        columns = QHBoxLayout()
        for name in COLUMNS:
            box = QGroupBox(name)
            tasks = QListWidget()
            tasks.setAccessibleName(name)
            tasks.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            tasks.setDefaultDropAction(Qt.DropAction.MoveAction)
            QVBoxLayout(box).addWidget(tasks)
            columns.addWidget(box)
            self.lists[name] = tasks
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns)
        for title, tag, column in self.db.execute("select title, tag, col from tasks"):
            self.lists.get(column, self.lists["To do"]).addItem(label(title, tag))

    def add(self):
        title, tag = self.task.text().strip(), self.tag.text().strip()
        if not title:
            return
        self.db.execute("insert into tasks values (?, ?, ?)", (title, tag, "To do"))
        self.db.commit()
        self.lists["To do"].addItem(label(title, tag))
        self.task.clear()
        self.tag.clear()


def label(title, tag):
    return f"{title} #{tag}" if tag else title


if __name__ == "__main__":
    app = QApplication(sys.argv)
    board = Board()
    board.show()
    sys.exit(app.exec())
