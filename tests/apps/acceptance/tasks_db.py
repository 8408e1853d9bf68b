import sqlite3
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # inserts without committing: nothing is stored
STORE = Path(__file__).with_name("tasks.db")


class Tasks(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Tasks")
        self.db = sqlite3.connect(STORE)
        self.db.execute("CREATE TABLE IF NOT EXISTS tasks (id INTEGER PRIMARY KEY, title TEXT)")
        self.db.commit()
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Task")
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        self.list = QListWidget()
        lay = QVBoxLayout(self)
        for widget in (self.edit, add, self.list):
            lay.addWidget(widget)

    def add(self):
        self.db.execute("INSERT INTO tasks (title) VALUES (?)", (self.edit.text(),))
        if not BROKEN:
            self.db.commit()
        self.list.addItem(self.edit.text())


app = QApplication(sys.argv)
w = Tasks()
w.show()
sys.exit(app.exec())
