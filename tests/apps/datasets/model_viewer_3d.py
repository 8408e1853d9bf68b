"""A reference 3D model viewer for the dataset's checks: opens OBJ and glTF meshes, shows their vertex and face
counts, and draws them lit by a directional light.

The checks run offscreen where OpenGL may be missing, so the mesh is drawn with QPainter: faces are projected
with perspective, sorted back to front and shaded by the angle between their normal and the light (Lambert).
"""

import base64
import json
import math
import struct
import sys
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LIGHT = (0.4, 0.6, 0.7)
BASE = (90, 140, 220)
COMPONENTS = {5120: "b", 5121: "B", 5122: "h", 5123: "H", 5125: "I", 5126: "f"}
WIDTHS = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}


def load_obj(text):
    """Vertices and faces (lists of vertex indices, any number of corners) of a Wavefront OBJ."""
    vertices, faces = [], []
    for line in text.splitlines():
        parts = line.split()
        if parts and parts[0] == "v":
            vertices.append(tuple(float(x) for x in parts[1:4]))
        elif parts and parts[0] == "f":
            corners = [int(p.split("/")[0]) for p in parts[1:]]
            faces.append([c - 1 if c > 0 else len(vertices) + c for c in corners])
    return vertices, faces


def load_gltf(path):
    """Vertices and triangles of every triangle primitive of a glTF 2.0 file (embedded or .bin buffers)."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    buffers = []
    for buffer in document.get("buffers", []):
        uri = buffer.get("uri", "")
        buffers.append(
            base64.b64decode(uri.split(",", 1)[1])
            if uri.startswith("data:")
            else (Path(path).parent / uri).read_bytes()
        )

    def read(index):
        accessor = document["accessors"][index]
        view = document["bufferViews"][accessor["bufferView"]]
        code, width = COMPONENTS[accessor["componentType"]], WIDTHS[accessor["type"]]
        size = struct.calcsize(code)
        stride = view.get("byteStride") or size * width
        start = view.get("byteOffset", 0) + accessor.get("byteOffset", 0)
        data = buffers[view["buffer"]]
        rows = [struct.unpack_from(f"<{width}{code}", data, start + i * stride) for i in range(accessor["count"])]
        return rows if width > 1 else [row[0] for row in rows]

    vertices, faces = [], []
    for mesh in document.get("meshes", []):
        for primitive in mesh.get("primitives", []):
            if primitive.get("mode", 4) != 4:
                continue
            offset, points = len(vertices), read(primitive["attributes"]["POSITION"])
            vertices += points
            order = read(primitive["indices"]) if "indices" in primitive else list(range(len(points)))
            faces += [[offset + i for i in order[n : n + 3]] for n in range(0, len(order) - 2, 3)]
    return vertices, faces


def subtract(a, b):
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def cross(a, b):
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def unit(v):
    length = math.sqrt(sum(x * x for x in v)) or 1.0
    return tuple(x / length for x in v)


class Viewport(QWidget):
    def __init__(self):
        super().__init__()
        self.vertices, self.faces = [], []
        self.yaw, self.pitch, self.lit = 30.0, -20.0, True
        self.setMinimumSize(420, 340)

    def show_mesh(self, vertices, faces):
        low = [min(v[i] for v in vertices) for i in range(3)]
        high = [max(v[i] for v in vertices) for i in range(3)]
        centre = [(a + b) / 2 for a, b in zip(low, high, strict=True)]
        size = max(b - a for a, b in zip(low, high, strict=True)) or 1.0
        self.vertices = [tuple((v[i] - centre[i]) * 2 / size for i in range(3)) for v in vertices]
        self.faces = [f for f in faces if len(f) >= 3 and all(0 <= i < len(vertices) for i in f)]
        self.update()

    def turned(self, v):
        yaw, pitch = math.radians(self.yaw), math.radians(self.pitch)
        x, z = v[0] * math.cos(yaw) + v[2] * math.sin(yaw), -v[0] * math.sin(yaw) + v[2] * math.cos(yaw)
        y, z = v[1] * math.cos(pitch) - z * math.sin(pitch), v[1] * math.sin(pitch) + z * math.cos(pitch)
        return (x, y, z)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#20242c"))
        points = [self.turned(v) for v in self.vertices]
        scale, cx, cy = min(self.width(), self.height()) * 0.9, self.width() / 2, self.height() / 2

        def project(p):
            depth = 4.0 / (4.0 + p[2] + 2.5)
            return QPointF(cx + p[0] * scale * depth / 2.5, cy - p[1] * scale * depth / 2.5)

        ordered = sorted(self.faces, key=lambda f: -sum(points[i][2] for i in f) / len(f))
        painter.setPen(QColor(20, 20, 30))
        for face in ordered:
            a, b, c = (points[i] for i in face[:3])
            normal = unit(cross(subtract(b, a), subtract(c, a)))
            light = abs(sum(n * s for n, s in zip(normal, unit(LIGHT), strict=True))) if self.lit else 0.7
            shade = 0.25 + 0.75 * light
            painter.setBrush(QColor(*(int(channel * shade) for channel in BASE)))
            painter.drawPolygon(QPolygonF([project(points[i]) for i in face]))
        painter.end()


class Viewer(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("3D Model Viewer")
        self.view = Viewport()
        self.info = QLabel("Open an OBJ or glTF model")
        controls = QHBoxLayout()
        for text, handler in (
            ("Open", self.open),
            ("Rotate Left", lambda: self.rotate(-15, 0)),
            ("Rotate Right", lambda: self.rotate(15, 0)),
            ("Tilt", lambda: self.rotate(0, 15)),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            controls.addWidget(button)
        lighting = QCheckBox("Lighting")
        lighting.setChecked(True)
        lighting.toggled.connect(self.set_lighting)
        controls.addWidget(lighting)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open model", "", "3D models (*.obj *.gltf)")
        if not path:
            return
        try:
            if path.lower().endswith(".gltf"):
                vertices, faces = load_gltf(path)
            else:
                vertices, faces = load_obj(Path(path).read_text(encoding="utf-8", errors="replace"))
            if not vertices:
                raise ValueError("it holds no vertices")
        except (OSError, ValueError, KeyError, IndexError, struct.error) as exc:
            QMessageBox.warning(self, "Open model", f"Cannot read {Path(path).name}: {exc}")
            return
        self.view.show_mesh(vertices, faces)
        self.info.setText(f"{Path(path).name}   Vertices: {len(vertices)}   Faces: {len(faces)}")

    def rotate(self, yaw, pitch):
        self.view.yaw += yaw
        self.view.pitch += pitch
        self.view.update()

    def set_lighting(self, on):
        self.view.lit = on
        self.view.update()

    def keyPressEvent(self, event):
        turns = {
            Qt.Key.Key_Left: (-15, 0),
            Qt.Key.Key_Right: (15, 0),
            Qt.Key.Key_Up: (0, -15),
            Qt.Key.Key_Down: (0, 15),
        }
        if event.key() in turns:
            self.rotate(*turns[event.key()])


if __name__ == "__main__":
    app = QApplication(sys.argv)
    viewer = Viewer()
    viewer.show()
    sys.exit(app.exec())
