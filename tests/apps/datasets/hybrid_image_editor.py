"""A reference hybrid image editor for the dataset's checks: a raster paint layer under movable vector shapes
and text, each on its own layer, exported to PNG."""

import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

WIDTH, HEIGHT = 640, 480
MOVABLE = QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
NUDGE = {Qt.Key.Key_Left: (-10, 0), Qt.Key.Key_Right: (10, 0), Qt.Key.Key_Up: (0, -10), Qt.Key.Key_Down: (0, 10)}


class Canvas(QGraphicsView):
    """The scene: a white raster layer at the bottom, painted with the brush; vector items above it."""

    def __init__(self, editor):
        super().__init__()
        self.editor = editor
        self.setAccessibleName("Canvas")
        self.raster = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
        self.raster.fill(QColor("white"))
        self.scene_ = QGraphicsScene(0, 0, WIDTH, HEIGHT)
        self.setScene(self.scene_)
        self.paint_item = QGraphicsPixmapItem(QPixmap.fromImage(self.raster))
        self.paint_item.setZValue(-1)
        self.scene_.addItem(self.paint_item)
        self.last = None

    def painting(self):
        return self.editor.brush_button.isChecked()

    def mousePressEvent(self, event):
        if self.painting() and event.button() == Qt.MouseButton.LeftButton:
            self.last = self.mapToScene(event.position().toPoint())
            self.stroke(self.last)
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event):
        if self.painting() and self.last is not None:
            self.stroke(self.mapToScene(event.position().toPoint()))
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):
        self.last = None
        super().mouseReleaseEvent(event)

    def stroke(self, point):
        painter = QPainter(self.raster)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        size = self.editor.brush_size.value()
        painter.setPen(QPen(QColor(30, 60, 160), size, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(self.last or point, point)
        painter.end()
        self.last = point
        self.paint_item.setPixmap(QPixmap.fromImage(self.raster))

    def keyPressEvent(self, event):
        step = NUDGE.get(event.key())
        if step and self.scene_.selectedItems():
            for item in self.scene_.selectedItems():
                item.moveBy(*step)
        else:
            super().keyPressEvent(event)


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Hybrid Image Editor")
        self.counts = {}
        self.canvas = Canvas(self)
        self.brush_button = QPushButton("Brush", checkable=True)
        self.brush_size = QSpinBox(minimum=1, maximum=60, value=8)
        self.text = QLineEdit(placeholderText="Text")
        tools = QHBoxLayout()
        tools.addWidget(self.brush_button)
        tools.addWidget(QLabel("Brush size:"))
        tools.addWidget(self.brush_size)
        for label, handler in (("Add Rectangle", self.add_rectangle), ("Add Ellipse", self.add_ellipse)):
            button = QPushButton(label)
            button.clicked.connect(handler)
            tools.addWidget(button)
        tools.addWidget(self.text)
        add_text = QPushButton("Add Text")
        add_text.clicked.connect(self.add_text)
        tools.addWidget(add_text)
        export = QPushButton("Export PNG")
        export.clicked.connect(self.export_png)
        tools.addWidget(export)
        self.layers = QListWidget()
        self.layers.setAccessibleName("Layers")
        self.layers.addItem(QListWidgetItem("Paint (raster)"))
        self.layers.currentRowChanged.connect(self.select_layer)
        delete = QPushButton("Delete Layer")
        delete.clicked.connect(self.delete_layer)
        side = QVBoxLayout()
        side.addWidget(QLabel("Layers"))
        side.addWidget(self.layers)
        side.addWidget(delete)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addLayout(body)

    def place(self, item, name):
        """Put a vector item on a new layer above the others and select it, ready to move."""
        item.setFlags(MOVABLE)
        item.setZValue(self.layers.count())
        self.canvas.scene_.addItem(item)
        entry = QListWidgetItem(name)
        entry.setData(Qt.ItemDataRole.UserRole, item)
        self.layers.insertItem(0, entry)
        self.layers.setCurrentRow(0)
        self.canvas.setFocus()

    def numbered(self, kind):
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return f"{kind} {self.counts[kind]}"

    def offset(self):
        return 40 + 25 * (self.layers.count() % 8)

    def add_rectangle(self):
        item = QGraphicsRectItem(QRectF(0, 0, 160, 100))
        item.setPos(self.offset(), self.offset())
        item.setBrush(QBrush(QColor(240, 170, 60)))
        item.setPen(QPen(QColor(90, 60, 20), 2))
        self.place(item, self.numbered("Rectangle"))

    def add_ellipse(self):
        item = QGraphicsEllipseItem(QRectF(0, 0, 140, 140))
        item.setPos(self.offset() + 200, self.offset())
        item.setBrush(QBrush(QColor(110, 190, 120)))
        item.setPen(QPen(QColor(30, 80, 40), 2))
        self.place(item, self.numbered("Ellipse"))

    def add_text(self):
        words = self.text.text().strip()
        if not words:
            return
        item = QGraphicsTextItem(words)
        item.setFont(QFont("Sans", 24))
        item.setDefaultTextColor(QColor(20, 20, 20))
        item.setPos(self.offset(), self.offset() + 180)
        self.place(item, f"Text: {words}")
        self.text.clear()

    def select_layer(self, row):
        entry = self.layers.item(row)
        item = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        self.canvas.scene_.clearSelection()
        if item is not None:
            item.setSelected(True)

    def delete_layer(self):
        entry = self.layers.currentItem()
        item = entry.data(Qt.ItemDataRole.UserRole) if entry else None
        if item is not None:
            self.canvas.scene_.removeItem(item)
            self.layers.takeItem(self.layers.row(entry))

    def export_png(self):
        path, _ = QFileDialog.getSaveFileName(self, "Export PNG", "image.png", "PNG image (*.png)")
        if not path:
            return
        selected = self.canvas.scene_.selectedItems()
        self.canvas.scene_.clearSelection()
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self.canvas.scene_.render(painter, QRectF(0, 0, WIDTH, HEIGHT), QRectF(0, 0, WIDTH, HEIGHT))
        painter.end()
        image.save(path if path.lower().endswith(".png") else path + ".png", "PNG")
        for item in selected:
            item.setSelected(True)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Editor()
    window.show()
    sys.exit(app.exec())
