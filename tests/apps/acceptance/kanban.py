import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QGridLayout, QLabel, QListWidget, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # the Done list takes no drops


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Board")
        self.todo, self.done = QListWidget(), QListWidget()
        self.todo.addItems(["buy milk", "walk the dog"])
        for column in (self.todo, self.done):
            column.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            column.setDefaultDropAction(Qt.DropAction.MoveAction)
            column.model().rowsInserted.connect(self.count)
            column.model().rowsRemoved.connect(self.count)
        if BROKEN:
            self.done.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.counts = QLabel()
        grid = QGridLayout(self)
        grid.addWidget(QLabel("To do"), 0, 0)
        grid.addWidget(QLabel("Done"), 0, 1)
        grid.addWidget(self.todo, 1, 0)
        grid.addWidget(self.done, 1, 1)
        grid.addWidget(self.counts, 2, 0, 1, 2)
        self.count()

    def count(self):
        self.counts.setText(f"to do: {self.todo.count()}, done: {self.done.count()}")


app = QApplication(sys.argv)
w = Board()
w.show()
sys.exit(app.exec())
