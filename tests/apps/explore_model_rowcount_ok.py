"""A table model written as many tutorials write it: rowCount() and columnCount() take the parent with no
default, so only Qt (which always passes one) may call them."""

import sys

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

ROWS = [["Milk", "2"], ["Eggs", "12"], ["Bread", "1"]]


class Shopping(QAbstractTableModel):
    def rowCount(self, index):
        return len(ROWS)

    def columnCount(self, index):
        return 2

    def data(self, index, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return ROWS[index.row()][index.column()]
        return None


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("Shopping")
table = QTableView()
table.setModel(Shopping())
window.setCentralWidget(table)
window.show()
app.exec_()
