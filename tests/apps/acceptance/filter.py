import sys

from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QVBoxLayout, QWidget

BROKEN = sys.argv[0].endswith("_broken.py")  # the search field does nothing
FRUITS = ["apple", "apricot", "banana", "cherry"]


class Filter(QWidget):
    """A search that hides the rows that do not match, as many list apps do (rather than removing them)."""

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Fruits")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search")
        self.fruits = QListWidget()
        self.fruits.setAccessibleName("Fruits")
        self.fruits.addItems(FRUITS)
        if not BROKEN:
            self.search.textChanged.connect(self.narrow)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.fruits)

    def narrow(self, text):
        for row in range(self.fruits.count()):
            item = self.fruits.item(row)
            item.setHidden(text.lower() not in item.text())


app = QApplication(sys.argv)
w = Filter()
w.show()
sys.exit(app.exec())
