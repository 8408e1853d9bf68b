import sys

from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import QApplication, QLabel, QListView, QVBoxLayout, QWidget

PLANETS = ["Mercury", "Venus", "Earth", "Mars"]


class Planets(QAbstractListModel):
    """A model as people write them: data() takes the role it is always given by Qt, with no default."""

    def rowCount(self, parent=None):
        return len(PLANETS)

    def data(self, index, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return PLANETS[index.row()]
        return None


class Window(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Planets")
        self.model = Planets()
        self.view = QListView()
        self.view.setModel(self.model)
        self.chosen = QLabel("Pick a planet")
        self.view.clicked.connect(lambda index: self.chosen.setText(index.data()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.chosen)


app = QApplication(sys.argv)
window = Window()
window.show()
sys.exit(app.exec())
