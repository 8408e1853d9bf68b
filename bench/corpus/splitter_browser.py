"""A field guide: topics on the left, details on the right, in a resizable splitter."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

TOPICS = {
    "Oak": ("Quercus", "Deciduous tree with lobed leaves; acorns ripen in autumn."),
    "Birch": ("Betula", "Pale, papery bark; catkins appear in spring."),
    "Pine": ("Pinus", "Evergreen conifer; needles grow in bundles of two to five."),
    "Maple": ("Acer", "Palmate leaves that turn red or yellow; winged seeds."),
    "Willow": ("Salix", "Grows near water; long narrow leaves and flexible twigs."),
}


class FieldGuide(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Field Guide")
        self.resize(640, 400)
        self.favourites = set()

        self.topics = QListWidget()
        self.topics.addItems(sorted(TOPICS))
        self.topics.currentRowChanged.connect(self.show_topic)
        self.details = QTextBrowser()
        self.favourite = QPushButton("☆ Favourite")
        self.favourite.setCheckable(True)
        self.favourite.toggled.connect(self.set_favourite)
        self.collapse = QPushButton("Hide list")
        self.collapse.clicked.connect(self.toggle_list)
        self.footer = QLabel()

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.favourite)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.topics)
        self.splitter.addWidget(right)
        self.splitter.setSizes([180, 460])
        self.splitter.splitterMoved.connect(self.splitter_moved)

        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        layout.addWidget(self.collapse)
        layout.addWidget(self.footer)
        self.topics.setCurrentRow(0)

    def current_name(self):
        item = self.topics.currentItem()
        return item.text() if item else None

    def show_topic(self, row):
        name = self.current_name()
        if name is None:
            return
        latin, text = TOPICS[name]
        self.details.setHtml(f"<h2>{name}</h2><p><i>{latin}</i></p><p>{text}</p>")
        self.favourite.blockSignals(True)
        self.favourite.setChecked(name in self.favourites)
        self.favourite.blockSignals(False)
        self.refresh_footer()

    def set_favourite(self, on):
        name = self.current_name()
        if name is None:
            return
        if on:
            self.favourites.add(name)
        else:
            self.favourites.discard(name)
        self.refresh_footer()

    def toggle_list(self):
        hidden = not self.topics.isHidden()
        self.topics.setHidden(hidden)
        self.collapse.setText("Show list" if hidden else "Hide list")

    def splitter_moved(self, pos, index):
        self.footer.setText(f"List width {pos}px")

    def refresh_footer(self):
        names = ", ".join(sorted(self.favourites)) or "none"
        self.favourite.setText("★ Favourite" if self.current_name() in self.favourites else "☆ Favourite")
        self.footer.setText(f"Favourites: {names}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = FieldGuide()
    window.show()
    sys.exit(app.exec())
