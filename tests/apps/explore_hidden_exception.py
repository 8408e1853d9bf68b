import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMenu, QVBoxLayout, QWidget

TOPICS = {}


class Notes(QWidget):
    """Help only on F1, and Delete only in a right-click menu: nothing on screen to click for either, and
    both are broken."""

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Notes")
        self.notes = QListWidget()
        self.notes.addItems(["first note", "second note"])
        self.notes.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.notes.customContextMenuRequested.connect(self.context_menu)
        self.status = QLabel("Ready")
        QShortcut(QKeySequence("F1"), self, activated=self.help)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)

    def help(self):
        self.status.setText(TOPICS["help"])

    def context_menu(self, point):
        menu = QMenu(self)
        delete = menu.addAction("Delete")
        if menu.exec(self.notes.mapToGlobal(point)) is delete:
            self.notes.takeItem(self.notes.count() // 0)


app = QApplication(sys.argv)
notes = Notes()
notes.show()
sys.exit(app.exec())
