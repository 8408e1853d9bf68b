"""A reference GeoText analyzer: finds known place names (a small built-in gazetteer) and decimal or
hemisphere coordinates in pasted text, lists each with how often it occurs, and plots them on a world map."""

import re
import sys
from collections import Counter

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

PLACES = (
    "Paris:48.86:2.35;London:51.51:-0.13;Berlin:52.52:13.40;Madrid:40.42:-3.70;Rome:41.90:12.50;"
    "Vienna:48.21:16.37;Amsterdam:52.37:4.90;Brussels:50.85:4.35;Lisbon:38.72:-9.14;Athens:37.98:23.73;"
    "Stockholm:59.33:18.07;Oslo:59.91:10.75;Helsinki:60.17:24.94;Warsaw:52.23:21.01;Prague:50.08:14.44;"
    "Moscow:55.76:37.62;Istanbul:41.01:28.98;Cairo:30.04:31.24;Lagos:6.52:3.38;Nairobi:-1.29:36.82;"
    "Cape Town:-33.92:18.42;Johannesburg:-26.20:28.05;Dubai:25.20:55.27;Tehran:35.69:51.39;"
    "Mumbai:19.08:72.88;Delhi:28.70:77.10;Beijing:39.90:116.40;Shanghai:31.23:121.47;Tokyo:35.68:139.69;"
    "Seoul:37.57:126.98;Bangkok:13.76:100.50;Singapore:1.35:103.82;Jakarta:-6.21:106.85;"
    "Sydney:-33.87:151.21;Melbourne:-37.81:144.96;Auckland:-36.85:174.76;New York:40.71:-74.01;"
    "Los Angeles:34.05:-118.24;Chicago:41.88:-87.63;Toronto:43.65:-79.38;Vancouver:49.28:-123.12;"
    "Mexico City:19.43:-99.13;Havana:23.11:-82.37;Bogota:4.71:-74.07;Lima:-12.05:-77.04;"
    "Santiago:-33.45:-70.67;Buenos Aires:-34.60:-58.38;Rio de Janeiro:-22.91:-43.17;Sao Paulo:-23.55:-46.63;"
    "France:46.60:1.89;Germany:51.17:10.45;Spain:40.46:-3.75;Italy:41.87:12.57;Japan:36.20:138.25;"
    "China:35.86:104.20;India:20.59:78.96;Brazil:-14.24:-51.93;Canada:56.13:-106.35;Egypt:26.82:30.80;"
    "Australia:-25.27:133.78;Kenya:-0.02:37.91;Mexico:23.63:-102.55;Russia:61.52:105.32"
)
"""name:latitude:longitude, separated by semicolons."""
GAZETTEER = {name: (float(lat), float(lon)) for name, lat, lon in (e.split(":") for e in PLACES.split(";"))}
PLACE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, GAZETTEER), key=len, reverse=True)) + r")\b")
NUMBER = r"(\d{1,3}(?:\.\d+)?)\s*°?\s*"
COORDINATE = re.compile(
    r"(?<![\w.])(-?\d{1,2}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)(?![\w.])"  # 48.8566, 2.3522
    r"|" + NUMBER + r"([NS])\s*,?\s*" + NUMBER + r"([EW])"  # 48.85° N, 2.35° E
)
# fmt: off
CONTINENTS = [
    [(-168, 65), (-140, 70), (-95, 72), (-80, 62), (-60, 55), (-52, 47), (-70, 43), (-81, 25), (-97, 18),
     (-85, 10), (-78, 8), (-105, 22), (-117, 32), (-125, 48), (-150, 60)],
    [(-78, 8), (-60, 10), (-35, -5), (-40, -22), (-58, -38), (-68, -55), (-75, -45), (-72, -18), (-81, -5)],
    [(-10, 36), (-9, 43), (-2, 44), (-5, 48), (5, 52), (10, 58), (5, 62), (20, 70), (30, 70), (40, 67),
     (40, 45), (28, 41), (22, 36), (10, 44), (0, 38)],
    [(-17, 15), (-10, 30), (-5, 36), (10, 37), (32, 31), (43, 12), (51, 11), (40, -15), (32, -28), (20, -35),
     (12, -18), (9, 4), (-8, 4)],
    [(40, 67), (70, 73), (110, 77), (140, 72), (180, 68), (160, 60), (140, 50), (122, 40), (120, 22),
     (105, 10), (98, 8), (90, 22), (78, 8), (72, 20), (60, 25), (48, 30), (35, 35), (28, 41), (40, 45)],
    [(114, -22), (122, -34), (140, -38), (150, -37), (153, -27), (142, -11), (131, -12), (123, -17)],
]
# fmt: on


def find_places(text):
    """[(name, kind, count, lat, lon)] for every place name and coordinate pair in the text."""
    places = Counter(match.group(1) for match in PLACE.finditer(text))
    coordinates = Counter()
    for match in COORDINATE.finditer(text):
        if match.group(1) is not None:
            lat, lon = float(match.group(1)), float(match.group(2))
        else:
            lat = float(match.group(3)) * (-1 if match.group(4) == "S" else 1)
            lon = float(match.group(5)) * (-1 if match.group(6) == "W" else 1)
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            coordinates[(lat, lon)] += 1
    found = [(name, "place", n, *GAZETTEER[name]) for name, n in places.most_common()]
    found += [(f"{lat:g}, {lon:g}", "coordinates", n, lat, lon) for (lat, lon), n in coordinates.most_common()]
    return found


class WorldMap(QWidget):
    def __init__(self):
        super().__init__()
        self.points = []
        self.setMinimumSize(480, 240)
        self.setAccessibleName("Map")

    def spot(self, lat, lon):
        return QPointF((lon + 180) / 360 * self.width(), (90 - lat) / 180 * self.height())

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#cfe6f7"))
        painter.setPen(QPen(QColor("#a9c9e0"), 1))
        for lon in range(-180, 181, 30):
            painter.drawLine(self.spot(90, lon), self.spot(-90, lon))
        for lat in range(-60, 61, 30):
            painter.drawLine(self.spot(lat, -180), self.spot(lat, 180))
        painter.setPen(QPen(QColor("#6b8e4e"), 1))
        painter.setBrush(QColor("#b8d8a0"))
        for outline in CONTINENTS:
            painter.drawPolygon(QPolygonF([self.spot(lat, lon) for lon, lat in outline]))
        for name, _, count, lat, lon in self.points:
            centre = self.spot(lat, lon)
            painter.setPen(QPen(QColor("#7a1010"), 1))
            painter.setBrush(QColor("#d62828"))
            radius = 3 + min(count, 5)
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QColor("black"))
            painter.drawText(centre + QPointF(radius + 2, -2), name)


class GeoText(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("GeoText Analyzer")
        self.text = QPlainTextEdit(placeholderText="Paste text here")
        analyze, clear = QPushButton("Analyze"), QPushButton("Clear")
        analyze.clicked.connect(self.analyze)
        clear.clicked.connect(self.clear)
        self.results = QTableWidget(0, 5)
        self.results.setHorizontalHeaderLabels(["Place", "Kind", "Count", "Latitude", "Longitude"])
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.map = WorldMap()
        self.status = QLabel("Paste some text and press Analyze.")
        left = QVBoxLayout()
        left.addWidget(QLabel("Text"))
        left.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.addWidget(analyze)
        buttons.addWidget(clear)
        left.addLayout(buttons)
        left.addWidget(self.results)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.map, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.status)

    def analyze(self):
        found = find_places(self.text.toPlainText())
        self.results.setRowCount(len(found))
        for row, (name, kind, count, lat, lon) in enumerate(found):
            for column, value in enumerate((name, kind, str(count), f"{lat:g}", f"{lon:g}")):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.results.setItem(row, column, item)
        self.results.resizeColumnsToContents()
        self.map.points = found
        self.map.update()
        mentions = sum(entry[2] for entry in found)
        self.status.setText(f"{len(found)} distinct places, {mentions} mentions." if found else "No places found.")

    def clear(self):
        self.text.clear()
        self.results.setRowCount(0)
        self.map.points = []
        self.map.update()
        self.status.setText("Cleared.")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = GeoText()
    window.resize(1000, 520)
    window.show()
    sys.exit(app.exec())
