"""A reference vector editor for the dataset's checks: shapes on layers, drawn on a canvas, exported as SVG and PNG.

Clicking a shape button adds that shape to the selected layer (and makes it the tool for dragging on the canvas).
Every layer is a group in the SVG; deleting a layer deletes its shapes; an unchecked layer is hidden.
"""

import sys
from xml.sax.saxutils import escape

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

COLOURS = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4")
KINDS = ("Rectangle", "Ellipse", "Line")


class Canvas(QWidget):
    """Paints the visible layers' shapes; a drag draws a shape of the current tool."""

    def __init__(self, editor):
        super().__init__()
        self.editor = editor
        self.start = None
        self.setMinimumSize(QSize(480, 360))

    def paintEvent(self, event):
        painter = QPainter(self)
        paint(painter, self.editor.layers, self.width(), self.height())
        painter.end()

    def mousePressEvent(self, event):
        self.start = event.position()

    def mouseReleaseEvent(self, event):
        if self.start is not None:
            end = event.position()
            box = QRectF(self.start, end).normalized()
            if box.width() > 3 or box.height() > 3:
                self.editor.add_shape(self.editor.tool, box.x(), box.y(), box.width(), box.height())
        self.start = None


def paint(painter, layers, width, height):
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, width, height, QColor("white"))
    for layer in layers:
        if not layer["visible"]:
            continue
        for shape in layer["shapes"]:
            colour = QColor(shape["colour"])
            painter.setPen(QPen(colour.darker(140), 2))
            painter.setBrush(colour)
            box = QRectF(shape["x"], shape["y"], shape["w"], shape["h"])
            if shape["kind"] == "Rectangle":
                painter.drawRect(box)
            elif shape["kind"] == "Ellipse":
                painter.drawEllipse(box)
            else:
                painter.drawLine(QPointF(box.left(), box.top()), QPointF(box.right(), box.bottom()))


def svg_element(shape):
    x, y, w, h, colour = shape["x"], shape["y"], shape["w"], shape["h"], shape["colour"]
    if shape["kind"] == "Rectangle":
        return f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="{colour}" stroke="black"/>'
    if shape["kind"] == "Ellipse":
        return (
            f'<ellipse cx="{x + w / 2:g}" cy="{y + h / 2:g}" rx="{w / 2:g}" ry="{h / 2:g}" '
            f'fill="{colour}" stroke="black"/>'
        )
    return f'<line x1="{x:g}" y1="{y:g}" x2="{x + w:g}" y2="{y + h:g}" stroke="{colour}" stroke-width="2"/>'


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Vector Editor")
        self.layers = []
        self.tool = "Rectangle"
        self.added = 0
        self.canvas = Canvas(self)
        self.layer_list = QListWidget()
        self.layer_list.setAccessibleName("Layers")
        self.layer_list.itemChanged.connect(self.visibility_changed)
        tools = QHBoxLayout()
        for kind in KINDS:
            button = QPushButton(kind)
            button.clicked.connect(lambda _=False, k=kind: self.shape_button(k))
            tools.addWidget(button)
        tools.addStretch()
        for text, handler in (("Export SVG", self.export_svg), ("Export PNG", self.export_png)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            tools.addWidget(button)
        side = QVBoxLayout()
        side.addWidget(QLabel("Layers"))
        side.addWidget(self.layer_list)
        for text, handler in (("Add Layer", self.add_layer), ("Delete Layer", self.delete_layer)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            side.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(body)
        self.add_layer()

    def current(self):
        row = self.layer_list.currentRow()
        return self.layers[row] if 0 <= row < len(self.layers) else self.layers[-1]

    def shape_button(self, kind):
        self.tool = kind
        step = (self.added % 8) * 25
        self.add_shape(kind, 30 + step, 30 + step, 140, 90)

    def add_shape(self, kind, x, y, w, h):
        if not self.layers:
            self.add_layer()
        colour = COLOURS[self.added % len(COLOURS)]
        self.current()["shapes"].append({"kind": kind, "x": x, "y": y, "w": w, "h": h, "colour": colour})
        self.added += 1
        self.canvas.update()

    def add_layer(self):
        number = max((layer["number"] for layer in self.layers), default=0) + 1
        self.layers.append({"number": number, "name": f"Layer {number}", "visible": True, "shapes": []})
        item = QListWidgetItem(f"Layer {number}")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.layer_list.addItem(item)
        self.layer_list.setCurrentRow(len(self.layers) - 1)

    def delete_layer(self):
        row = self.layer_list.currentRow()
        if len(self.layers) <= 1 or row < 0:
            return
        del self.layers[row]
        self.layer_list.takeItem(row)
        self.layer_list.setCurrentRow(min(row, len(self.layers) - 1))
        self.canvas.update()

    def visibility_changed(self, item):
        row = self.layer_list.row(item)
        if 0 <= row < len(self.layers):
            self.layers[row]["visible"] = item.checkState() == Qt.CheckState.Checked
            self.canvas.update()

    def svg(self):
        width, height = self.canvas.width(), self.canvas.height()
        lines = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}">',
            f'<rect width="{width}" height="{height}" fill="white"/>',
        ]
        for layer in self.layers:
            hidden = "" if layer["visible"] else ' display="none"'
            lines.append(f'<g id="layer-{layer["number"]}" data-name="{escape(layer["name"])}"{hidden}>')
            lines += ["  " + svg_element(shape) for shape in layer["shapes"]]
            lines.append("</g>")
        return "\n".join([*lines, "</svg>", ""])

    def export_svg(self):
        path, _ = QFileDialog.getSaveFileName(self, "Export SVG", "drawing.svg", "SVG image (*.svg)")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.svg())

    def export_png(self):
        path, _ = QFileDialog.getSaveFileName(self, "Export PNG", "drawing.png", "PNG image (*.png)")
        if path:
            image = QImage(self.canvas.size(), QImage.Format.Format_ARGB32)
            painter = QPainter(image)
            paint(painter, self.layers, image.width(), image.height())
            painter.end()
            image.save(path, "PNG")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
