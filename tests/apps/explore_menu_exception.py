"""Starts fine and its button works; only the menu action File > Export raises."""

import sys

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QPushButton


class Report(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Report")
        self.rows = []
        refresh = QPushButton("Refresh")
        refresh.clicked.connect(lambda: self.statusBar().showMessage("Refreshed"))
        self.setCentralWidget(refresh)
        export = QAction("&Export", self)
        export.triggered.connect(self.export)
        self.menuBar().addMenu("&File").addAction(export)
        self.label = QLabel()

    def export(self):
        average = sum(self.rows) / len(self.rows)
        self.label.setText(f"Average: {average}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Report()
    window.show()
    sys.exit(app.exec())
