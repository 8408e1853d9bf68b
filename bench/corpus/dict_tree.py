"""Browse a nested configuration dictionary as a tree; double-click a leaf to see its path and value."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

CONFIG = {
    "server": {"host": "localhost", "port": 8080, "tls": {"enabled": False, "cert": None}},
    "database": {"engine": "sqlite", "name": "app.db", "pool": {"min": 1, "max": 8}},
    "features": ["search", "export", "dark-mode"],
    "debug": True,
}


class DictTree(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Config Browser")
        self.resize(520, 440)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter keys…")
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Key", "Value"])
        self.tree.itemDoubleClicked.connect(self.show_item)
        self.tree.itemExpanded.connect(self.item_expanded)
        self.detail = QLabel("Double-click an entry.")
        self.detail.setWordWrap(True)

        expand = QPushButton("Expand all")
        expand.clicked.connect(self.tree.expandAll)
        collapse = QPushButton("Collapse all")
        collapse.clicked.connect(self.collapse)

        buttons = QHBoxLayout()
        buttons.addWidget(expand)
        buttons.addWidget(collapse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        layout.addWidget(self.detail)
        self.populate(self.tree.invisibleRootItem(), CONFIG)
        self.tree.resizeColumnToContents(0)

    def populate(self, parent, value):
        children = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in children:
            item = QTreeWidgetItem(parent, [str(key)])
            if isinstance(child, (dict, list)):
                item.setText(1, f"{len(child)} entries")
                self.populate(item, child)
            else:
                item.setText(1, repr(child))

    def path_of(self, item):
        parts = []
        while item is not None:
            parts.append(item.text(0))
            item = item.parent()
        return ".".join(reversed(parts))

    def show_item(self, item, column):
        self.detail.setText(f"{self.path_of(item)} = {item.text(1)}")

    def item_expanded(self, item):
        self.tree.resizeColumnToContents(0)

    def collapse(self):
        self.tree.collapseAll()
        self.detail.setText("Collapsed.")

    def apply_filter(self, text):
        needle = text.strip().lower()
        root = self.tree.invisibleRootItem()
        for index in range(root.childCount()):
            self.filter_item(root.child(index), needle)

    def filter_item(self, item, needle):
        visible_child = False
        for index in range(item.childCount()):
            visible_child |= self.filter_item(item.child(index), needle)
        visible = visible_child or not needle or needle in item.text(0).lower()
        item.setHidden(not visible)
        return visible


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = DictTree()
    window.show()
    sys.exit(app.exec())
