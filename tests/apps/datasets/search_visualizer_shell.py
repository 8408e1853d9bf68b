"""The BFS/DFS visualizer a weak model fakes: tabs, an empty canvas and the buttons, but adding an edge only
prints and BFS/DFS only set a status text."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)


class Visualizer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("BFS / DFS Visualizer")
        self.edge = QLineEdit(placeholderText="A-B")
        add = QPushButton("Add edge")
        add.clicked.connect(lambda: print("add edge", self.edge.text()))
        graph_page, row = QWidget(), QHBoxLayout()
        for widget in (QLabel("Edge"), self.edge, add, QLabel("Start"), QLineEdit("A")):
            row.addWidget(widget)
        page = QVBoxLayout(graph_page)
        page.addLayout(row)
        page.addWidget(QFrame(minimumHeight=300))
        tabs = QTabWidget()
        tabs.addTab(graph_page, "Graph")
        tabs.addTab(QFrame(), "Grid maze")
        self.status = QLabel("Ready")
        buttons = QHBoxLayout()
        for name in ("BFS", "DFS", "Clear"):
            button = QPushButton(name)
            button.clicked.connect(lambda checked=False, n=name: self.search(n))
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.resize(640, 520)

    def search(self, name):
        # TODO: animate the search on the canvas
        print("Running", name)
        self.status.setText(f"{name} started")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Visualizer()
    window.show()
    sys.exit(app.exec())
