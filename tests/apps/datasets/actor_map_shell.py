"""The actor map a weak model fakes: the same panel and an empty graph view; Load only names the file and
Find Path only says it is searching. No cast list is read, no graph drawn, no path found."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ActorMap(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Actor Connection Map")
        view = QGraphicsView(QGraphicsScene())
        view.setMinimumSize(560, 520)
        load = QPushButton("Load")
        load.clicked.connect(self.load)
        self.status = QLabel("No cast list loaded")
        find = QPushButton("Find Path")
        find.clicked.connect(self.find_path)
        self.path_label = QLabel("-")
        form = QFormLayout()
        form.addRow("Actors:", QLabel("0"))
        form.addRow("Links:", QLabel("0"))
        form.addRow("From:", QLineEdit(placeholderText="From"))
        form.addRow("To:", QLineEdit(placeholderText="To"))
        form.addRow(find)
        form.addRow("Path:", self.path_label)
        side = QVBoxLayout()
        side.addWidget(load)
        side.addWidget(self.status)
        side.addLayout(form)
        side.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(view, 1)

    def load(self):
        path, _ = QFileDialog.getOpenFileName(self, "Load film and cast list", "", "CSV files (*.csv)")
        if path:
            self.status.setText("Loaded " + path.rsplit("/", 1)[-1])

    def find_path(self):
        # TODO: breadth-first search over the actor graph
        print("finding path...")
        self.path_label.setText("Searching...")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ActorMap()
    window.show()
    sys.exit(app.exec())
