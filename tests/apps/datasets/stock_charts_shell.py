"""The stock dashboard a weak model fakes: the same controls, but loading only names the file in a status
text; no price is read, no brick or column is counted and the charts stay empty."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


class Dashboard(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Stock Charts")
        load = QPushButton("Load CSV")
        load.clicked.connect(self.load)
        self.status = QLabel("No file loaded")
        top = QHBoxLayout()
        for widget in (
            load,
            self.status,
            QLabel("Box size:"),
            QDoubleSpinBox(value=5),
            QLabel("Reversal:"),
            QSpinBox(minimum=1, value=3),
        ):
            top.addWidget(widget)
        table = QTableWidget(0, 2)
        table.setHorizontalHeaderLabels(["Date", "Close"])
        stats = QFormLayout()
        stats.addRow("Bricks:", QLabel("0"))
        stats.addRow("Columns:", QLabel("0"))
        left = QVBoxLayout()
        left.addWidget(table)
        left.addLayout(stats)
        charts = QVBoxLayout()
        for title in ("Renko", "Point and Figure"):
            group = QGroupBox(title)
            QVBoxLayout(group).addWidget(QLabel("Chart will appear here"))
            charts.addWidget(group)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(charts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)

    def load(self):
        path, _ = QFileDialog.getOpenFileName(self, "Load CSV", "", "CSV files (*.csv)")
        if path:
            # TODO: parse the prices and build the charts
            self.status.setText("Loaded " + path.rsplit("/", 1)[-1])


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Dashboard()
    window.show()
    sys.exit(app.exec())
