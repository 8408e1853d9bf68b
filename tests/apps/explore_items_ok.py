"""A list, a table and a tree, each with selection and double-click handlers that show what was picked."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


class Browser(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Browser")
        self.resize(500, 600)
        self.status = QLabel("Nothing picked")
        self.fruits = QListWidget()
        self.fruits.addItems(["Apple", "Banana", "Cherry"])
        self.fruits.currentTextChanged.connect(lambda text: self.show_pick("list", text))
        self.fruits.itemDoubleClicked.connect(lambda item: self.show_pick("opened", item.text()))
        self.prices = QTableWidget(3, 2)
        self.prices.setHorizontalHeaderLabels(["Fruit", "Price"])
        for row, (fruit, price) in enumerate([("Apple", "1.20"), ("Banana", "0.50"), ("Cherry", "3.00")]):
            self.prices.setItem(row, 0, QTableWidgetItem(fruit))
            self.prices.setItem(row, 1, QTableWidgetItem(price))
        self.prices.itemSelectionChanged.connect(self.price_selected)
        self.prices.cellDoubleClicked.connect(lambda row, column: self.show_pick("cell", f"{row},{column}"))
        self.folders = QTreeWidget()
        self.folders.setHeaderLabel("Folders")
        home = QTreeWidgetItem(self.folders, ["Home"])
        QTreeWidgetItem(home, ["Documents"])
        QTreeWidgetItem(self.folders, ["Music"])
        self.folders.currentItemChanged.connect(lambda item, _: self.show_pick("folder", item.text(0) if item else ""))
        self.folders.itemDoubleClicked.connect(lambda item, column: item.setExpanded(not item.isExpanded()))
        layout = QVBoxLayout(self)
        for widget in (self.fruits, self.prices, self.folders, self.status):
            layout.addWidget(widget)

    def price_selected(self):
        items = self.prices.selectedItems()
        self.show_pick("price", items[0].text() if items else "none")

    def show_pick(self, where, text):
        self.status.setText(f"{where}: {text}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Browser()
    window.show()
    sys.exit(app.exec())
