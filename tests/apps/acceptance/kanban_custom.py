import sys

from PySide6.QtWidgets import QApplication, QGroupBox, QHBoxLayout, QListWidget, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # the drop handler ignores every drop


class Column(QListWidget):
    """Moves items between columns by hand, the way generated apps often do."""

    def __init__(self, items):
        super().__init__()
        self.addItems(items)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event):
        event.accept()

    def dragMoveEvent(self, event):
        event.accept()

    def dropEvent(self, event):
        source = event.source()
        if BROKEN or not isinstance(source, Column) or source is self:
            event.ignore()
            return
        self.addItem(source.takeItem(source.currentRow()))
        event.accept()


class Board(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Board")
        row = QHBoxLayout(self)
        for title, items in (("Backlog", ["buy milk", "walk the dog"]), ("Doing", [])):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(Column(items))
            row.addWidget(box)


app = QApplication(sys.argv)
w = Board()
w.show()
sys.exit(app.exec())
