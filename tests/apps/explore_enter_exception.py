"""Starts fine; pressing Enter in the search field raises, because the handler calls a method that does not exist."""

import sys

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget


class Search(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Search")
        self.query = QLineEdit()
        self.query.setPlaceholderText("Search for")
        self.query.returnPressed.connect(self.search)
        self.results = QLabel("No results")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results)

    def search(self):
        self.results.setText(self.query.text().search_in(["a", "b"]))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Search()
    window.show()
    sys.exit(app.exec())
