import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # notes are kept in memory only
STORE = Path.home() / ".journal" / "notes.json"


class Journal(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Journal")
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Note")
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        self.list = QListWidget()
        lay = QVBoxLayout(self)
        for widget in (self.edit, add, self.list):
            lay.addWidget(widget)
        if STORE.exists():
            self.list.addItems(json.loads(STORE.read_text()))

    def add(self):
        self.list.addItem(self.edit.text())
        if not BROKEN:
            STORE.parent.mkdir(exist_ok=True)
            STORE.write_text(json.dumps([self.list.item(i).text() for i in range(self.list.count())]))


app = QApplication(sys.argv)
w = Journal()
w.show()
sys.exit(app.exec())
