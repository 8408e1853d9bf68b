"""A to-do list whose Add button opens a small form; the form's Save handler is broken, and a dialog that is
cancelled never runs it."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class TaskForm(QDialog):
    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle("New task")
        self.title = QLineEdit()
        save, cancel = QPushButton("Save"), QPushButton("Cancel")
        save.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(save)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(buttons)

    def save(self):
        self.parent().tasks.addItem(self.title.text().strip().title_case())
        self.accept()


class Todo(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Todo")
        self.tasks = QListWidget()
        add = QPushButton("Add task")
        add.clicked.connect(lambda: TaskForm(self).exec())
        layout = QVBoxLayout(self)
        layout.addWidget(self.tasks)
        layout.addWidget(add)


app = QApplication(sys.argv)
todo = Todo()
todo.show()
sys.exit(app.exec())
