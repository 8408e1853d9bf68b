"""A launcher that only looks like one: a search box that filters nothing, Add and Launch that only print."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class Launcher(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Launcher")
        self.search = QLineEdit(placeholderText="Search")
        self.search.returnPressed.connect(lambda: print("search", self.search.text()))
        self.results = QListWidget()
        self.results.setAccessibleName("Results")
        self.name = QLineEdit(placeholderText="Name")
        self.command = QLineEdit(placeholderText="Command")
        add = QPushButton("Add")
        add.clicked.connect(lambda: print("add", self.name.text(), self.command.text()))
        launch = QPushButton("Launch")
        launch.clicked.connect(lambda: self.status.setText("Launching..."))
        self.status = QLabel("Type to search")
        adding = QHBoxLayout()
        for widget in (self.name, self.command, add):
            adding.addWidget(widget)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.results, launch, self.status):
            layout.addWidget(widget)
        layout.addLayout(adding)


if __name__ == "__main__":
    application = QApplication(sys.argv)
    launcher = Launcher()
    launcher.show()
    sys.exit(application.exec())
