"""A reference BFS/DFS visualizer: draw a graph (click to add nodes, click two nodes to join them, or type an edge
like "A-B") or a grid maze (click or drag to draw walls), then watch breadth-first or depth-first search explore
it one step per timer tick. Neighbours are explored in alphabetical order (graph) or up, right, down, left (grid)."""

import math
import string
import sys
from collections import deque

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

VISITED, CURRENT, PATH, WALL = QColor("#8ecae6"), QColor("#fb8500"), QColor("#ffb703"), QColor("#264653")
START, GOAL = QColor("#2a9d8f"), QColor("#e63946")
RADIUS = 18


def bfs(start, neighbours):
    order, parent, queue = [start], {start: None}, deque([start])
    while queue:
        node = queue.popleft()
        for nxt in neighbours(node):
            if nxt not in parent:
                parent[nxt] = node
                order.append(nxt)
                queue.append(nxt)
    return order, parent


def dfs(start, neighbours):
    """Depth-first, in the order a recursive search would visit, with an explicit stack (big grids)."""
    order, parent, stack = [], {start: None}, [(start, None)]
    seen = set()
    while stack:
        node, came_from = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        parent[node] = came_from
        order.append(node)
        for nxt in reversed(list(neighbours(node))):
            if nxt not in seen:
                stack.append((nxt, node))
    return order, parent


class GraphCanvas(QWidget):
    def __init__(self):
        super().__init__()
        self.setMinimumSize(420, 320)
        self.nodes, self.edges, self.picked = {}, set(), None
        self.order, self.shown = [], 0

    def add_node(self, name, where=None):
        if name not in self.nodes:
            angle = len(self.nodes) * 2 * math.pi / 8
            self.nodes[name] = where or QPointF(210 + 120 * math.cos(angle), 160 + 120 * math.sin(angle))
        self.order, self.shown = [], 0
        self.update()

    def add_edge(self, a, b):
        if a == b:
            return
        self.add_node(a)
        self.add_node(b)
        self.edges.add(frozenset((a, b)))
        self.update()

    def neighbours(self, node):
        return sorted(other for edge in self.edges if node in edge for other in edge if other != node)

    def node_at(self, point):
        return next((n for n, p in self.nodes.items() if (p - point).manhattanLength() <= RADIUS * 1.4), None)

    def mousePressEvent(self, event):
        point, hit = event.position(), self.node_at(event.position())
        if hit is None:
            free = [c for c in string.ascii_uppercase if c not in self.nodes]
            if free:
                self.add_node(free[0], point)
        elif self.picked and self.picked != hit:
            self.add_edge(self.picked, hit)
            self.picked = None
        else:
            self.picked = hit
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.setPen(QPen(Qt.GlobalColor.darkGray, 2))
        for edge in self.edges:
            a, b = sorted(edge)
            painter.drawLine(self.nodes[a], self.nodes[b])
        visited = self.order[: self.shown]
        for name, point in self.nodes.items():
            colour = QColor("white")
            if name in visited:
                colour = CURRENT if name == visited[-1] and self.shown < len(self.order) else VISITED
            painter.setBrush(colour)
            painter.setPen(QPen(Qt.GlobalColor.red if name == self.picked else Qt.GlobalColor.black, 2))
            painter.drawEllipse(point, RADIUS, RADIUS)
            painter.drawText(
                QRectF(point.x() - RADIUS, point.y() - RADIUS, 2 * RADIUS, 2 * RADIUS),
                Qt.AlignmentFlag.AlignCenter,
                name,
            )


class GridCanvas(QWidget):
    def __init__(self, columns=20, rows=12):
        super().__init__()
        self.setMinimumSize(420, 300)
        self.columns, self.rows = columns, rows
        self.walls, self.order, self.shown, self.path = set(), [], 0, []
        self.start, self.goal, self.drawing = (0, 0), (columns - 1, rows - 1), None

    def cell_size(self):
        return min(self.width() / self.columns, self.height() / self.rows)

    def cell_at(self, point):
        size = self.cell_size()
        cell = (int(point.x() // size), int(point.y() // size))
        return cell if 0 <= cell[0] < self.columns and 0 <= cell[1] < self.rows else None

    def mousePressEvent(self, event):
        cell = self.cell_at(event.position())
        if cell and cell not in (self.start, self.goal):
            self.drawing = cell not in self.walls
            self.paint_wall(cell)

    def mouseMoveEvent(self, event):
        cell = self.cell_at(event.position())
        if cell and self.drawing is not None and cell not in (self.start, self.goal):
            self.paint_wall(cell)

    def mouseReleaseEvent(self, event):
        self.drawing = None

    def paint_wall(self, cell):
        (self.walls.add if self.drawing else self.walls.discard)(cell)
        self.order, self.shown, self.path = [], 0, []
        self.update()

    def neighbours(self, cell):
        x, y = cell
        for nx, ny in ((x, y - 1), (x + 1, y), (x, y + 1), (x - 1, y)):
            if 0 <= nx < self.columns and 0 <= ny < self.rows and (nx, ny) not in self.walls:
                yield (nx, ny)

    def colour_of(self, cell, visited, done):
        if cell == self.start:
            return START
        if cell == self.goal:
            return GOAL
        if cell in self.walls:
            return WALL
        if done and cell in self.path:
            return PATH
        if 0 < self.shown < len(self.order) and cell == self.order[self.shown - 1]:
            return CURRENT
        return VISITED if cell in visited else QColor("white")

    def paintEvent(self, event):
        """The cells as one small image scaled up, then the grid lines (few Qt calls per frame)."""
        visited, done = set(self.order[: self.shown]), self.shown >= len(self.order) > 0
        pixels = bytearray()
        for y in range(self.rows):
            for x in range(self.columns):
                pixels += self.colour_of((x, y), visited, done).rgb().to_bytes(4, "little")
        image = QImage(bytes(pixels), self.columns, self.rows, QImage.Format.Format_RGB32)
        size = self.cell_size()
        lines = [QLineF(x * size, 0, x * size, self.rows * size) for x in range(self.columns + 1)]
        lines += [QLineF(0, y * size, self.columns * size, y * size) for y in range(self.rows + 1)]
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.white)
        painter.drawImage(QRectF(0, 0, self.columns * size, self.rows * size), image)
        painter.setPen(QColor("#cccccc"))
        painter.drawLines(lines)
        painter.end()


class Visualizer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("BFS / DFS Visualizer")
        self.graph, self.grid = GraphCanvas(), GridCanvas()
        self.edge = QLineEdit(placeholderText="A-B")
        self.edge.returnPressed.connect(self.add_edge)
        self.start = QLineEdit("A")
        add = QPushButton("Add edge")
        add.clicked.connect(self.add_edge)
        graph_page, row = QWidget(), QHBoxLayout()
        for widget in (QLabel("Edge"), self.edge, add, QLabel("Start"), self.start):
            row.addWidget(widget)
        page = QVBoxLayout(graph_page)
        page.addLayout(row)
        page.addWidget(self.graph)
        self.tabs = QTabWidget()
        self.tabs.addTab(graph_page, "Graph")
        self.tabs.addTab(self.grid, "Grid maze")
        buttons = QHBoxLayout()
        for text, slot in (("BFS", lambda: self.run(bfs)), ("DFS", lambda: self.run(dfs)), ("Clear", self.clear)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.status = QLabel("Draw a graph or a maze, then press BFS or DFS.")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.timer = QTimer(self, interval=300)
        self.timer.timeout.connect(self.tick)
        self.canvas = self.graph
        self.resize(640, 520)

    def add_edge(self):
        parts = [p.strip().upper() for p in self.edge.text().replace(",", "-").split("-") if p.strip()]
        if len(parts) == 2:
            self.graph.add_edge(*parts)
            self.edge.clear()
            self.status.setText(f"{len(self.graph.nodes)} nodes, {len(self.graph.edges)} edges")

    def run(self, search):
        self.timer.stop()
        on_grid = self.tabs.currentWidget() is self.grid
        self.canvas = self.grid if on_grid else self.graph
        if on_grid:
            start = self.grid.start
        else:
            start = self.start.text().strip().upper() or next(iter(self.graph.nodes), "")
            if start not in self.graph.nodes:
                self.status.setText("Add some edges first and name a start node that is in the graph.")
                return
        order, parent = search(start, self.canvas.neighbours)
        self.canvas.order, self.canvas.shown = order, 0
        if on_grid:
            self.grid.path = self.path_to(self.grid.goal, parent)
        self.name = search.__name__.upper()
        self.timer.setInterval(60 if on_grid else 300)
        self.timer.start()
        self.tick()

    @staticmethod
    def path_to(goal, parent):
        path = []
        while goal in parent:
            path.append(goal)
            goal = parent[goal]
        return path

    def tick(self):
        canvas = self.canvas
        per_tick = 1 if canvas is self.graph else 3
        canvas.shown = min(canvas.shown + per_tick, len(canvas.order))
        if canvas is self.graph:
            self.status.setText(f"{self.name} visited: " + ", ".join(canvas.order[: canvas.shown]))
        else:
            found = f"goal reached, path of {len(self.grid.path) - 1} steps" if self.grid.path else "no path"
            finished = canvas.shown == len(canvas.order)
            self.status.setText(f"{self.name} visited {canvas.shown} cells" + (f"; {found}" if finished else ""))
        if canvas.shown >= len(canvas.order):
            self.timer.stop()
        canvas.update()

    def clear(self):
        self.timer.stop()
        if self.tabs.currentWidget() is self.grid:
            self.grid.walls, self.grid.order, self.grid.path = set(), [], []
        else:
            self.graph.nodes, self.graph.edges, self.graph.order, self.graph.picked = {}, set(), [], None
        self.grid.update()
        self.graph.update()
        self.status.setText("Cleared.")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Visualizer()
    window.show()
    sys.exit(app.exec())
