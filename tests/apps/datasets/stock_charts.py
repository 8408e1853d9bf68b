"""A reference stock dashboard for the dataset's checks: prices from a CSV file, a Renko chart and a
Point-and-Figure chart drawn from the closes, with box size and reversal amount; the counts shown as text."""

import csv
import math
import sys

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

EPS = 1e-9


def renko(closes, box):
    """Traditional Renko: a brick each time the close passes a whole box beyond the last brick; a reversal
    needs a box beyond the last brick's far end. Returns (low, high, up) bricks."""
    bricks = []
    if not closes:
        return bricks
    low = high = math.floor(closes[0] / box + EPS) * box
    for price in closes:
        while price >= high + box - EPS:
            bricks.append((high, high + box, True))
            low, high = high, high + box
        while price <= low - box + EPS:
            bricks.append((low - box, low, False))
            low, high = low - box, low
    return bricks


def point_and_figure(closes, box, reversal):
    """Close-only Point-and-Figure on box levels that are multiples of the box size.
    Returns columns as [up, bottom, top]."""
    columns = []
    if not closes:
        return columns
    start = math.floor(closes[0] / box + EPS) * box
    down_to = lambda p: math.ceil(p / box - EPS) * box  # noqa: E731
    up_to = lambda p: math.floor(p / box + EPS) * box  # noqa: E731
    for price in closes:
        if not columns:
            if price >= start + box - EPS:
                columns.append([True, start + box, up_to(price)])
            elif price <= start - box + EPS:
                columns.append([False, down_to(price), start - box])
            continue
        up, bottom, top = columns[-1]
        if up and price >= top + box - EPS:
            columns[-1][2] = up_to(price)
        elif up and price <= top - reversal * box + EPS:
            columns.append([False, down_to(price), top - box])
        elif not up and price <= bottom - box + EPS:
            columns[-1][1] = down_to(price)
        elif not up and price >= bottom + reversal * box - EPS:
            columns.append([True, bottom + box, up_to(price)])
    return columns


class Chart(QWidget):
    def __init__(self, draw):
        super().__init__()
        self.draw, self.shapes = draw, []
        self.setMinimumSize(380, 220)

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.shapes and self.shapes[0]:
            self.draw(painter, self.shapes, self.width(), self.height())


def draw_renko(painter, bricks, width, height):
    low, high = min(b[0] for b in bricks), max(b[1] for b in bricks)
    step, scale = width / max(len(bricks), 1), height / (high - low)
    for i, (bottom, top, up) in enumerate(bricks):
        rect = QRectF(i * step, height - (top - low) * scale, step, (top - bottom) * scale)
        painter.fillRect(rect.adjusted(1, 1, -1, -1), QColor(40, 150, 70) if up else QColor(200, 50, 50))


def draw_pnf(painter, shapes, width, height):
    columns, box = shapes
    low, high = min(c[1] for c in columns), max(c[2] for c in columns)
    rows = round((high - low) / box) + 1
    cell_w, cell_h = width / max(len(columns), 1), height / rows
    for i, (up, bottom, top) in enumerate(columns):
        painter.setPen(QColor(40, 150, 70) if up else QColor(200, 50, 50))
        for k in range(round((top - bottom) / box) + 1):
            row = round((high - bottom) / box) - k
            painter.drawText(
                QRectF(i * cell_w, row * cell_h, cell_w, cell_h), Qt.AlignmentFlag.AlignCenter, "X" if up else "O"
            )


class Dashboard(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Stock Charts")
        self.closes = []
        load = QPushButton("Load CSV")
        load.clicked.connect(self.load)
        self.file_label = QLabel("No file loaded")
        self.box = QDoubleSpinBox(minimum=0.01, maximum=100000, value=5, decimals=2)
        self.reversal = QSpinBox(minimum=1, maximum=20, value=3)
        self.box.valueChanged.connect(self.redraw)
        self.reversal.valueChanged.connect(self.redraw)
        top = QHBoxLayout()
        for widget in (load, self.file_label, QLabel("Box size:"), self.box, QLabel("Reversal:"), self.reversal):
            top.addWidget(widget)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(["Date", "Close"])
        self.table.setMinimumWidth(240)
        self.last_label, self.bricks_label, self.columns_label = QLabel("-"), QLabel("0"), QLabel("0")
        stats = QFormLayout()
        stats.addRow("Last close:", self.last_label)
        stats.addRow("Bricks:", self.bricks_label)
        stats.addRow("Columns:", self.columns_label)
        left = QVBoxLayout()
        left.addWidget(self.table)
        left.addLayout(stats)
        self.renko_chart, self.pnf_chart = Chart(draw_renko), Chart(draw_pnf)
        charts = QVBoxLayout()
        for title, chart in (("Renko", self.renko_chart), ("Point and Figure", self.pnf_chart)):
            group = QGroupBox(title)
            QVBoxLayout(group).addWidget(chart)
            charts.addWidget(group)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(charts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)

    def load(self):
        path, _ = QFileDialog.getOpenFileName(self, "Load CSV", "", "CSV files (*.csv);;All files (*)")
        if not path:
            return
        try:
            rows = read_prices(path)
        except (OSError, ValueError, csv.Error) as exc:
            QMessageBox.warning(self, "Load CSV", f"Cannot read prices: {exc}")
            return
        self.table.setRowCount(len(rows))
        for r, (date, close) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(date))
            self.table.setItem(r, 1, QTableWidgetItem(f"{close:g}"))
        self.closes = [close for _, close in rows]
        self.file_label.setText(path.rsplit("/", 1)[-1])
        self.last_label.setText(f"{self.closes[-1]:g}")
        self.redraw()

    def redraw(self):
        bricks = renko(self.closes, self.box.value())
        columns = point_and_figure(self.closes, self.box.value(), self.reversal.value())
        self.renko_chart.shapes, self.pnf_chart.shapes = bricks, (columns, self.box.value())
        self.bricks_label.setText(str(len(bricks)))
        self.columns_label.setText(str(len(columns)))
        self.renko_chart.update()
        self.pnf_chart.update()


def read_prices(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        fields = {name.strip().lower(): name for name in reader.fieldnames or []}
        close = fields.get("close") or fields.get("adj close") or fields.get("price")
        date = fields.get("date") or (reader.fieldnames or [""])[0]
        if close is None:
            raise ValueError("no Close column")
        rows = [(row[date], float(row[close])) for row in reader if row.get(close, "").strip()]
    if not rows:
        raise ValueError("no prices")
    return rows


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Dashboard()
    window.show()
    sys.exit(app.exec())
