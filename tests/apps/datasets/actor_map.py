"""A reference actor connection map for the dataset's checks: a film and cast CSV becomes a graph of actors
linked by shared films, and a breadth-first search finds the shortest path between two actors."""

import csv
import math
import sys
from collections import deque
from itertools import combinations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

RADIUS = 220


def read_cast(path):
    """Rows of film, actor (more actors may follow, or be joined by ';'); a header row is skipped."""
    films = {}
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.reader(handle):
            cells = [c.strip() for c in row if c.strip()]
            if len(cells) < 2 or (cells[0].lower() in ("film", "movie", "title") and not films):
                continue
            cast = films.setdefault(cells[0], [])
            for cell in cells[1:]:
                cast += [name.strip() for name in cell.split(";") if name.strip() and name.strip() not in cast]
    return films


def build_links(films):
    """{(actor, actor): [films they share]}, each pair in sorted order."""
    links = {}
    for film, cast in films.items():
        for a, b in combinations(sorted(cast), 2):
            links.setdefault((a, b), []).append(film)
    return links


def shortest_path(links, start, goal):
    neighbours = {}
    for a, b in links:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    came_from, queue = {start: None}, deque([start])
    while queue:
        actor = queue.popleft()
        if actor == goal:
            path = []
            while actor is not None:
                path.append(actor)
                actor = came_from[actor]
            return path[::-1]
        for other in sorted(neighbours.get(actor, [])):
            if other not in came_from:
                came_from[other] = actor
                queue.append(other)
    return None


class ActorMap(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Actor Connection Map")
        self.films, self.links, self.edges = {}, {}, {}
        self.scene = QGraphicsScene()
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(560, 520)
        load = QPushButton("Load")
        load.clicked.connect(self.load)
        self.file_label = QLabel("No cast list loaded")
        self.actors_label, self.films_label, self.links_label = QLabel("0"), QLabel("0"), QLabel("0")
        self.start = QLineEdit(placeholderText="From")
        self.goal = QLineEdit(placeholderText="To")
        find = QPushButton("Find Path")
        find.clicked.connect(self.find_path)
        self.goal.returnPressed.connect(self.find_path)
        self.path_label = QLabel("-")
        self.path_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Actors:", self.actors_label)
        form.addRow("Films:", self.films_label)
        form.addRow("Links:", self.links_label)
        form.addRow("From:", self.start)
        form.addRow("To:", self.goal)
        form.addRow(find)
        form.addRow("Path:", self.path_label)
        side = QVBoxLayout()
        side.addWidget(load)
        side.addWidget(self.file_label)
        side.addLayout(form)
        side.addStretch()
        panel = QWidget()
        panel.setLayout(side)
        panel.setFixedWidth(300)
        layout = QHBoxLayout(self)
        layout.addWidget(panel)
        layout.addWidget(self.view, 1)

    def load(self):
        path, _ = QFileDialog.getOpenFileName(self, "Load film and cast list", "", "CSV files (*.csv);;All files (*)")
        if not path:
            return
        try:
            films = read_cast(path)
        except (OSError, UnicodeDecodeError, csv.Error) as exc:
            QMessageBox.warning(self, "Load", f"Cannot read the cast list: {exc}")
            return
        if not films:
            QMessageBox.warning(self, "Load", "The file holds no film,actor rows.")
            return
        self.films, self.links = films, build_links(films)
        actors = sorted({a for cast in films.values() for a in cast})
        self.file_label.setText(path.rsplit("/", 1)[-1])
        self.actors_label.setText(str(len(actors)))
        self.films_label.setText(str(len(films)))
        self.links_label.setText(str(len(self.links)))
        self.path_label.setText("-")
        self.draw(actors)

    def draw(self, actors):
        """Actors on a circle, a line for each pair that shares a film, labelled with the film."""
        self.scene.clear()
        self.edges = {}
        spot = {
            a: QPointF(
                RADIUS * math.cos(2 * math.pi * i / len(actors)), RADIUS * math.sin(2 * math.pi * i / len(actors))
            )
            for i, a in enumerate(actors)
        }
        for (a, b), films in self.links.items():
            self.edges[(a, b)] = self.scene.addLine(
                spot[a].x(), spot[a].y(), spot[b].x(), spot[b].y(), QPen(QColor(150, 150, 150), 1.5)
            )
            label = self.scene.addSimpleText(", ".join(films))
            label.setBrush(QColor(90, 90, 90))
            middle = (spot[a] + spot[b]) / 2
            label.setPos(middle.x() - label.boundingRect().width() / 2, middle.y())
        for actor, point in spot.items():
            node = self.scene.addEllipse(
                point.x() - 8, point.y() - 8, 16, 16, QPen(QColor(30, 60, 120)), QBrush(QColor(120, 170, 230))
            )
            node.setZValue(1)
            name = self.scene.addSimpleText(actor)
            name.setBrush(QColor(20, 20, 20))
            name.setPos(point.x() - name.boundingRect().width() / 2, point.y() + 10)
            name.setZValue(2)

    def known(self, typed):
        actors = {a.lower(): a for cast in self.films.values() for a in cast}
        return actors.get(" ".join(typed.split()).lower())

    def find_path(self):
        start, goal = self.known(self.start.text()), self.known(self.goal.text())
        for edge in self.edges.values():
            edge.setPen(QPen(QColor(150, 150, 150), 1.5))
        if start is None or goal is None:
            missing = self.start.text() if start is None else self.goal.text()
            self.path_label.setText(f"Unknown actor: {missing.strip() or '(empty)'}")
            return
        path = shortest_path(self.links, start, goal)
        if path is None:
            self.path_label.setText(f"No path between {start} and {goal}")
            return
        steps = [path[0]]
        for a, b in zip(path, path[1:], strict=False):
            pair = tuple(sorted((a, b)))
            self.edges[pair].setPen(QPen(QColor(210, 40, 40), 4))
            steps.append(f"({', '.join(self.links[pair])}) {b}")
        self.path_label.setText(" -> ".join(steps) + f"  [{len(path) - 1} steps]")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = ActorMap()
    window.show()
    sys.exit(app.exec())
