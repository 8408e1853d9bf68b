"""A reference duplicate image finder: scans a chosen folder (and its subfolders), groups identical files (same
bytes) and visually similar images (a 64-bit perceptual hash within a few bits), previews the selected image
and deletes the chosen file or every duplicate but the first of each group."""

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"}
SIMILAR_BITS = 6
"""Two images whose hashes differ in at most this many of 64 bits look alike."""


def perceptual_hash(image):
    """Median hash: the image shrunk to 8x8 grey cells, one bit per cell brighter than the median cell."""
    small = image.convertToFormat(QImage.Format.Format_Grayscale8).scaled(
        8, 8, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    greys = [small.pixelColor(x, y).red() for y in range(8) for x in range(8)]
    middle = sorted(greys)[31:33]
    median = sum(middle) / 2
    return sum(1 << i for i, grey in enumerate(greys) if grey > median)


def distance(a, b):
    return bin(a ^ b).count("1")


def find_images(folder):
    for parent, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            if Path(name).suffix.casefold() in SUFFIXES:
                yield Path(parent, name)


def group_images(paths):
    """Groups of two or more: identical bytes first, then images whose perceptual hashes are close."""
    by_digest, hashes = {}, {}
    for path in paths:
        by_digest.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), []).append(path)
    for copies in by_digest.values():
        image = QImage(str(copies[0]))
        if not image.isNull():
            hashes[tuple(copies)] = perceptual_hash(image)
    groups, used = [], set()
    for copies, value in hashes.items():
        if copies in used:
            continue
        used.add(copies)
        alike = [copies]
        for other, other_value in hashes.items():
            if other not in used and distance(value, other_value) <= SIMILAR_BITS:
                used.add(other)
                alike.append(other)
        members = [(path, "identical" if len(same) > 1 else "similar") for same in alike for path in same]
        if len(members) > 1:
            groups.append(members)
    return groups


class Finder(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Duplicate Image Finder")
        self.folder = None
        buttons = QHBoxLayout()
        for text, slot in (
            ("Scan folder", self.scan),
            ("Delete", self.delete_selected),
            ("Delete duplicates", self.delete_duplicates),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["File", "Match", "Size"])
        self.tree.setColumnWidth(0, 260)
        self.tree.currentItemChanged.connect(self.show_preview)
        self.preview = QLabel("Select an image to preview it")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(280, 240)
        middle = QHBoxLayout()
        middle.addWidget(self.tree, 3)
        middle.addWidget(self.preview, 2)
        self.status = QLabel("Choose a folder to scan for duplicate images.")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(middle)
        layout.addWidget(self.status)
        self.resize(820, 480)

    def scan(self):
        folder = QFileDialog.getExistingDirectory(self, "Choose a folder to scan", self.folder or str(Path.home()))
        if folder:
            self.folder = folder
            self.refresh()

    def refresh(self):
        images = list(find_images(self.folder))
        groups = group_images(images)
        self.tree.clear()
        for number, members in enumerate(groups, 1):
            top = QTreeWidgetItem([f"Group {number} ({len(members)} images)"])
            for path, match in members:
                child = QTreeWidgetItem([str(Path(path).relative_to(self.folder)), match, f"{path.stat().st_size} B"])
                child.setData(0, Qt.ItemDataRole.UserRole, str(path))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        found = f"{len(groups)} groups of duplicates" if groups else "No duplicates found"
        self.status.setText(f"{found} among {len(images)} images in {self.folder}")
        self.preview.setText("Select an image to preview it")

    def show_preview(self, item):
        path = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.preview.setText("Select an image to preview it")
            return
        size = self.preview.size()
        self.preview.setPixmap(pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))

    def remove(self, paths):
        asked = QMessageBox.question(self, "Delete", "Delete these files?\n" + "\n".join(map(str, paths)))
        if asked != QMessageBox.StandardButton.Yes:
            return
        for path in paths:
            Path(path).unlink(missing_ok=True)
        self.refresh()

    def delete_selected(self):
        item = self.tree.currentItem()
        path = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if path:
            self.remove([path])

    def delete_duplicates(self):
        """Keep the first image of each group, delete the rest."""
        doomed = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            doomed += [group.child(i).data(0, Qt.ItemDataRole.UserRole) for i in range(1, group.childCount())]
        if doomed:
            self.remove(doomed)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Finder()
    window.show()
    sys.exit(app.exec())
