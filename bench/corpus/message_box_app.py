"""A shopping basket that confirms destructive actions with message boxes."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PRODUCTS = [("Notebook", 3.5), ("Pencil", 0.8), ("Backpack", 29.0), ("Water bottle", 12.0)]


class Basket(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Basket")
        self.resize(420, 360)
        self.basket = []

        self.shop = QListWidget()
        for name, price in PRODUCTS:
            self.shop.addItem(f"{name} — {price:.2f}")
        self.shop.itemDoubleClicked.connect(self.add_item)
        self.contents = QListWidget()
        add = QPushButton("Add to basket")
        add.clicked.connect(self.add_selected)
        empty = QPushButton("Empty basket…")
        empty.clicked.connect(self.empty)
        checkout = QPushButton("Check out")
        checkout.clicked.connect(self.checkout)
        self.total = QLabel()

        buttons = QHBoxLayout()
        for widget in (add, empty, checkout):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Products (double-click to add)"))
        layout.addWidget(self.shop)
        layout.addLayout(buttons)
        layout.addWidget(self.contents)
        layout.addWidget(self.total)
        self.update_total()

    def add_item(self, item):
        product = PRODUCTS[self.shop.row(item)]
        self.basket.append(product)
        self.contents.addItem(product[0])
        self.update_total()

    def add_selected(self):
        item = self.shop.currentItem()
        if item is None:
            QMessageBox.information(self, "Basket", "Pick a product first.")
            return
        self.add_item(item)

    def empty(self):
        if not self.basket:
            return
        answer = QMessageBox.question(self, "Empty basket", f"Remove all {len(self.basket)} items?")
        if answer == QMessageBox.Yes:
            self.basket.clear()
            self.contents.clear()
            self.update_total()

    def checkout(self):
        if not self.basket:
            QMessageBox.warning(self, "Check out", "Your basket is empty.")
            return
        total = sum(price for _, price in self.basket)
        QMessageBox.information(self, "Thank you", f"Paid {total:.2f} for {len(self.basket)} items.")
        self.basket.clear()
        self.contents.clear()
        self.update_total()

    def update_total(self):
        self.total.setText(f"Total: {sum(price for _, price in self.basket):.2f}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Basket()
    window.show()
    sys.exit(app.exec())
