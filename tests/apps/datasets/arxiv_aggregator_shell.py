"""The arXiv aggregator a weak model fakes: the same controls, two hard-coded sample papers, handlers that only
print or set the status line."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


class Aggregator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("arXiv Aggregator")
        self.resize(900, 600)
        self.category = QComboBox()
        self.category.addItems(["cs.AI", "cs.LG", "cs.CL", "stat.ML"])
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search")
        self.search.returnPressed.connect(lambda: print("searching for", self.search.text()))
        self.paper_list = QListWidget()
        self.paper_list.addItems(["Sample Paper 1 (cs.AI)", "Sample Paper 2 (cs.LG)"])
        self.bookmark_list = QListWidget()
        self.abstract = QTextBrowser()
        self.abstract.setText("Select a paper to read its abstract.")
        self.status = QLabel("Ready")
        top = QHBoxLayout()
        top.addWidget(QLabel("Category"))
        top.addWidget(self.category)
        for text in ("Fetch", "Open Feed", "Bookmark"):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, t=text: self.status.setText(f"{t}: done"))
            top.addWidget(button)
        top.addWidget(self.search, 1)
        left = QVBoxLayout()
        left.addWidget(QLabel("Papers"))
        left.addWidget(self.paper_list, 3)
        left.addWidget(QLabel("Bookmarks"))
        left.addWidget(self.bookmark_list, 1)
        panes = QHBoxLayout()
        panes.addLayout(left, 1)
        panes.addWidget(self.abstract, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(panes)
        layout.addWidget(self.status)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Aggregator()
    window.show()
    sys.exit(app.exec())
