"""A shopping list whose items are ticked off; ticking one updates a counter, and the counter is broken."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget


class Shopping(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Shopping")
        self.items = QListWidget()
        for name in ("Milk", "Eggs"):
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.items.addItem(item)
        self.items.itemChanged.connect(self.on_ticked)
        self.left = QLabel("2 left")
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        layout.addWidget(self.left)

    def on_ticked(self, item):
        done = sum(self.items.item(i).checkState() == Qt.CheckState.Checked for i in range(self.items.count()))
        self.left.setText(f"{self.items.count() - done} left of {self.items.count() / (done - 1)}")


app = QApplication(sys.argv)
window = Shopping()
window.show()
sys.exit(app.exec())
