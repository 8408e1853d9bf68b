"""A reference application launcher for the dataset's checks: add programs, find them by fuzzy search, launch them.

The list holds the programs added here (kept in ~/.launcher.json) and the .desktop entries of
~/.local/share/applications. Typing filters and ranks it at once; Enter or Launch starts the top or selected one.
"""

import json
import shlex
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

STORE = Path.home() / ".launcher.json"


def fuzzy_score(query, name):
    """None when the letters of the query do not all appear in order in the name; else higher is closer."""
    query, name = query.casefold().replace(" ", ""), name.casefold()
    if not query:
        return 0
    position, score, previous = 0, 0, -2
    for letter in query:
        found = name.find(letter, position)
        if found < 0:
            return None
        score += 3 if found == previous + 1 else 0  # consecutive letters
        score += 2 if found == 0 or not name[found - 1].isalnum() else 0  # start of a word
        previous, position = found, found + 1
    if query in name:
        score += 10
    return score - len(name) / 100


def desktop_entries():
    """Name and command of each .desktop file in the user's applications folder."""
    found = []
    for path in sorted((Path.home() / ".local/share/applications").glob("*.desktop")):
        fields = dict(line.split("=", 1) for line in path.read_text(errors="replace").splitlines() if "=" in line)
        if fields.get("Name") and fields.get("Exec"):
            command = " ".join(part for part in fields["Exec"].split() if not part.startswith("%"))
            found.append({"name": fields["Name"], "command": command})
    return found


class Launcher(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Launcher")
        self.apps = json.loads(STORE.read_text()) if STORE.exists() else []
        self.search = QLineEdit(placeholderText="Search")
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self.launch_top)
        self.results = QListWidget()
        self.results.setAccessibleName("Results")
        self.results.itemActivated.connect(lambda item: self.launch(item.data(Qt.ItemDataRole.UserRole)))
        self.name = QLineEdit(placeholderText="Name")
        self.command = QLineEdit(placeholderText="Command")
        add = QPushButton("Add")
        add.clicked.connect(self.add)
        launch = QPushButton("Launch")
        launch.clicked.connect(self.launch_selected)
        self.status = QLabel("Type to search")
        adding = QHBoxLayout()
        for widget in (self.name, self.command, add):
            adding.addWidget(widget)
        layout = QVBoxLayout(self)
        for widget in (self.search, self.results, launch, self.status):
            layout.addWidget(widget)
        layout.addLayout(adding)
        self.refresh()

    def every_app(self):
        return self.apps + desktop_entries()

    def refresh(self):
        query = self.search.text()
        scored = [(fuzzy_score(query, app["name"]), index, app) for index, app in enumerate(self.every_app())]
        ranked = sorted((s for s in scored if s[0] is not None), key=lambda s: (-s[0], s[1]))
        self.results.clear()
        for _, _, app in ranked:
            item = QListWidgetItem(f"{app['name']}  —  {app['command']}")
            item.setData(Qt.ItemDataRole.UserRole, app)
            self.results.addItem(item)
        if ranked:
            self.results.setCurrentRow(0)
        self.status.setText(f"{len(ranked)} match{'es' * (len(ranked) != 1)}")

    def add(self):
        name, command = self.name.text().strip(), self.command.text().strip()
        if not name or not command:
            self.status.setText("Give the application a name and a command")
            return
        self.apps.append({"name": name, "command": command})
        STORE.write_text(json.dumps(self.apps, indent=1))
        self.name.clear()
        self.command.clear()
        self.refresh()

    def launch_top(self):
        if self.results.count():
            self.launch(self.results.item(0).data(Qt.ItemDataRole.UserRole))

    def launch_selected(self):
        item = self.results.currentItem()
        if item is None:
            self.status.setText("Select an application first")
        else:
            self.launch(item.data(Qt.ItemDataRole.UserRole))

    def launch(self, app):
        parts = shlex.split(app["command"])
        started = bool(parts) and QProcess.startDetached(parts[0], parts[1:])[0]
        self.status.setText(f"Launched {app['name']}" if started else f"Could not start {app['name']}")


if __name__ == "__main__":
    application = QApplication(sys.argv)
    launcher = Launcher()
    launcher.show()
    sys.exit(application.exec())
