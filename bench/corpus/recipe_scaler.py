"""Scale a recipe's ingredients to a different number of servings, in a QTableView model."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

RECIPES = {
    "Pancakes": (4, [("Flour", 200, "g"), ("Milk", 300, "ml"), ("Eggs", 2, ""), ("Sugar", 1, "tbsp")]),
    "Tomato soup": (2, [("Tomatoes", 800, "g"), ("Onion", 1, ""), ("Stock", 500, "ml"), ("Basil", 5, "leaves")]),
    "Flapjacks": (12, [("Oats", 250, "g"), ("Butter", 125, "g"), ("Golden syrup", 4, "tbsp")]),
}


class RecipeScaler(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Recipe Scaler")
        self.resize(460, 400)
        self.model = QStandardItemModel(0, 3)
        self.model.setHorizontalHeaderLabels(["Ingredient", "Amount", "Unit"])

        self.recipe = QComboBox()
        self.recipe.addItems(list(RECIPES))
        self.recipe.currentTextChanged.connect(self.recipe_changed)
        self.servings = QSpinBox()
        self.servings.setRange(1, 100)
        self.servings.valueChanged.connect(self.rescale)
        self.original = QLabel()
        reset = QPushButton("Original servings")
        reset.clicked.connect(self.reset_servings)

        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.view.doubleClicked.connect(self.show_line)
        self.line = QLabel()

        form = QFormLayout()
        form.addRow("Recipe", self.recipe)
        form.addRow("Servings", self.servings)
        form.addRow(self.original, reset)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view)
        layout.addWidget(self.line)
        self.recipe_changed(self.recipe.currentText())

    def recipe_changed(self, name):
        serves, _ = RECIPES[name]
        self.original.setText(f"Original recipe serves {serves}")
        self.servings.blockSignals(True)
        self.servings.setValue(serves)
        self.servings.blockSignals(False)
        self.rescale(serves)

    def rescale(self, servings):
        serves, ingredients = RECIPES[self.recipe.currentText()]
        factor = servings / serves
        self.model.setRowCount(0)
        for name, amount, unit in ingredients:
            scaled = amount * factor
            text = f"{scaled:.0f}" if scaled >= 10 else f"{scaled:.2g}"
            row = [QStandardItem(name), QStandardItem(text), QStandardItem(unit)]
            row[1].setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            self.model.appendRow(row)

    def reset_servings(self):
        self.servings.setValue(RECIPES[self.recipe.currentText()][0])

    def show_line(self, index):
        cells = [self.model.item(index.row(), column).text() for column in range(3)]
        self.line.setText(" ".join(cell for cell in cells if cell))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = RecipeScaler()
    window.show()
    sys.exit(app.exec())
