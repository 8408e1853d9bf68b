"""Three tabs, each with its own working controls."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)


class Organiser(QTabWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Organiser")
        self.addTab(self.todo_tab(), "To do")
        self.addTab(self.notes_tab(), "Notes")
        self.addTab(self.about_tab(), "About")

    def todo_tab(self):
        page = QWidget()
        self.task = QLineEdit()
        self.task.setPlaceholderText("New task")
        self.tasks = QLabel("No tasks")
        add = QPushButton("Add task")
        add.clicked.connect(self.add_task)
        layout = QVBoxLayout(page)
        layout.addWidget(self.task)
        layout.addWidget(add)
        layout.addWidget(self.tasks)
        return page

    def notes_tab(self):
        page = QWidget()
        notes = QTextEdit()
        clear = QPushButton("Clear notes")
        clear.clicked.connect(notes.clear)
        layout = QVBoxLayout(page)
        layout.addWidget(notes)
        layout.addWidget(clear)
        return page

    def about_tab(self):
        page = QWidget()
        QVBoxLayout(page).addWidget(QLabel("Organiser 1.0"))
        return page

    def add_task(self):
        text = self.task.text().strip()
        if text:
            self.tasks.setText(text if self.tasks.text() == "No tasks" else f"{self.tasks.text()}\n{text}")
            self.task.clear()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Organiser()
    window.show()
    sys.exit(app.exec())
