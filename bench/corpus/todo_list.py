"""A to-do list: add tasks, tick them off with a double click, remove or clear finished ones."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class TodoList(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("To-Do")
        self.resize(360, 420)

        self.entry = QLineEdit()
        self.entry.setPlaceholderText("What needs doing?")
        self.entry.returnPressed.connect(self.add_task)
        add = QPushButton("Add")
        add.clicked.connect(self.add_task)

        self.tasks = QListWidget()
        self.tasks.itemDoubleClicked.connect(self.toggle_done)
        self.tasks.currentRowChanged.connect(self.selection_changed)

        self.remove = QPushButton("Remove")
        self.remove.setEnabled(False)
        self.remove.clicked.connect(self.remove_task)
        clear = QPushButton("Clear finished")
        clear.clicked.connect(self.clear_done)
        self.summary = QLabel()

        top = QHBoxLayout()
        top.addWidget(self.entry)
        top.addWidget(add)
        bottom = QHBoxLayout()
        bottom.addWidget(self.remove)
        bottom.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tasks)
        layout.addLayout(bottom)
        layout.addWidget(self.summary)
        self.update_summary()

    def add_task(self):
        text = self.entry.text().strip()
        if not text:
            return
        item = QListWidgetItem(text)
        item.setData(Qt.UserRole, False)
        self.tasks.addItem(item)
        self.entry.clear()
        self.update_summary()

    def toggle_done(self, item):
        done = not item.data(Qt.UserRole)
        item.setData(Qt.UserRole, done)
        font = item.font()
        font.setStrikeOut(done)
        item.setFont(font)
        self.update_summary()

    def selection_changed(self, row):
        self.remove.setEnabled(row >= 0)

    def remove_task(self):
        row = self.tasks.currentRow()
        if row >= 0:
            self.tasks.takeItem(row)
        self.update_summary()

    def clear_done(self):
        for row in reversed(range(self.tasks.count())):
            if self.tasks.item(row).data(Qt.UserRole):
                self.tasks.takeItem(row)
        self.update_summary()

    def update_summary(self):
        total = self.tasks.count()
        done = sum(1 for row in range(total) if self.tasks.item(row).data(Qt.UserRole))
        self.summary.setText(f"{done} of {total} done")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = TodoList()
    window.show()
    sys.exit(app.exec())
