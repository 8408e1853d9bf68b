"""A browser whose Back and Forward buttons are placed and styled but connected to nothing (the easy bench's
'simple browser', seed 1001, which passed), beside buttons wired in every other way a program wires them; and
a Stop whose handler only emits a signal nothing receives (the easy bench's stopwatch, seed 2001, which passed),
beside signals that are received or that announce work already done."""

import sys

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


class MainWindow(QMainWindow):
    stop_signal = Signal()
    loaded = Signal(str)
    ready = Signal()

    def __init__(self):
        super().__init__()
        self.setWindowTitle("Simple Browser")
        layout = QVBoxLayout()
        self.address_bar = QLineEdit()
        layout.addWidget(self.address_bar)
        self.back_button = QPushButton("Back")
        self.forward_button = QPushButton("Forward")
        self.back_button.setToolTip("Go back")
        layout.addWidget(self.back_button)
        layout.addWidget(self.forward_button)
        row = QHBoxLayout()
        home = QPushButton("Home")
        home.setFixedWidth(60)
        row.addWidget(home)
        go = QPushButton("Go")
        go.clicked.connect(self.load)
        stop = QPushButton("Stop")
        stop.clicked.connect(self.stop)
        row.addWidget(stop)
        row.addWidget(go)
        self.bold = QPushButton("Bold")
        self.bold.setCheckable(True)
        row.addWidget(self.bold)
        group = QButtonGroup(self)
        for text in ("Small", "Large"):
            size = QPushButton(text)
            group.addButton(size)
            row.addWidget(size)
        group.buttonClicked.connect(lambda button: self.address_bar.setText(button.text()))
        tools = QToolButton()
        tools.setMenu(QMenu(self))
        row.addWidget(tools)
        self.zoom = [QPushButton("+"), QPushButton("-")]
        for button in self.zoom:
            button.clicked.connect(self.load)
            row.addWidget(button)
        self.visits = QPushButton("Visits: 0")  # a display: wire() changes its text
        row.addWidget(self.visits)
        layout.addLayout(row)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)

    def load(self):
        self.address_bar.setText(self.address_bar.text().strip() + (" (bold)" if self.bold.isChecked() else ""))
        self.loaded.emit(self.address_bar.text())

    def stop(self):
        self.stop_signal.emit()

    def wire(self):
        self.ready.connect(self.stop)
        self.ready.emit()
        self.visits.setText("Visits: 1")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MainWindow()
    window.show()
    sys.exit(app.exec())
