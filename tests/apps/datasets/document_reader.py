"""A reference PDF/ePub reader for the dataset's checks: pages, bookmarks, annotations and search.

Standard library only: a PDF's text is read from its content streams through each font's ToUnicode map; an
ePub's chapters (its spine) become its pages. Bookmarks and annotations are kept per file in ~/.reader.json.
"""

import json
import re
import sys
import zipfile
import zlib
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

STORE = Path.home() / ".reader.json"


def pdf_pages(data):
    """The text of each page of a PDF, in page order."""
    objects = {int(m[1]): m[2] for m in re.finditer(rb"(\d+)\s+0\s+obj(.*?)endobj", data, re.S)}

    def ref(body, key):
        found = re.search(rb"/" + key + rb"\s+(\d+)\s+0\s+R", body)
        return int(found[1]) if found else None

    def stream(number):
        body = objects.get(number, b"")
        found = re.search(rb"stream\r?\n(.*)endstream", body, re.S)
        raw = found[1] if found else b""
        return zlib.decompressobj().decompress(raw) if b"FlateDecode" in body[: found.start() if found else 0] else raw

    def page_list(number):
        body = objects.get(number, b"")
        if re.search(rb"/Type\s*/Pages\b", body):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
            return [p for kid in re.findall(rb"(\d+)\s+0\s+R", kids[1] if kids else b"") for p in page_list(int(kid))]
        return [number]

    root = next((n for n, body in objects.items() if re.search(rb"/Type\s*/Catalog", body)), None)
    pages = page_list(ref(objects[root], b"Pages")) if root is not None else []
    texts = []
    for page in pages:
        body = objects[page]
        resources = objects.get(ref(body, b"Resources"), body)
        fonts_ref = ref(resources, b"Font")
        fonts_body = (
            objects.get(fonts_ref, b"")
            if fonts_ref
            else (re.search(rb"/Font\s*<<(.*?)>>", resources, re.S) or [b"", b""])[1]
        )
        fonts = {
            name: font_map(objects, int(number), stream)
            for name, number in re.findall(rb"/(\w+)\s+(\d+)\s+0\s+R", fonts_body)
        }
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+\s+0\s+R)", body, re.S)
        parts = [int(n) for n in re.findall(rb"(\d+)\s+0\s+R", contents[1])] if contents else []
        texts.append(show_text(b"\n".join(stream(n) for n in parts), fonts))
    return texts


def font_map(objects, number, stream):
    """(bytes per character code, code -> text) of a font, from its ToUnicode CMap."""
    body = objects.get(number, b"")
    table, width = {}, 2 if b"/Type0" in body else 1
    found = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", body)
    cmap = stream(int(found[1])) if found else b""
    utf16 = lambda hexa: bytes.fromhex(hexa.decode()).decode("utf-16-be", errors="replace")  # noqa: E731
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(code, 16)] = utf16(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, target in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])", block
        ):
            low, high = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                for offset, text in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", target)):
                    table[low + offset] = utf16(text)
            else:
                first = int(target[1:-1], 16)
                table.update({low + offset: chr(first + offset) for offset in range(high - low + 1)})
    return width, table


def show_text(content, fonts):
    """The text a content stream shows: one line per text object (BT ... ET)."""
    width, table, lines, line = 1, {}, [], []
    tokens = rb"/(\w+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\)|\bET\b"
    for token in re.finditer(tokens, content, re.S):
        font, hexa, literal = token[1], token[2], token[3]
        if font is not None:
            width, table = fonts.get(font, (1, {}))
        elif hexa is not None:
            raw = bytes.fromhex(re.sub(rb"\s", b"", hexa).decode())
            codes = [int.from_bytes(raw[i : i + width], "big") for i in range(0, len(raw), width)]
            line.append("".join(table.get(code, chr(code)) for code in codes))
        elif literal is not None:
            line.append("".join(table.get(byte, chr(byte)) for byte in literal.replace(b"\\", b"")))
        else:
            lines.append("".join(line).replace("\t", " "))
            line = []
    return "\n".join(lines + ["".join(line)]).strip()


class Stripper(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_endtag(self, tag):
        if tag in ("p", "div", "h1", "h2", "h3", "li", "br"):
            self.parts.append("\n")


def epub_pages(path):
    """The text of each chapter of an ePub, in reading (spine) order."""
    with zipfile.ZipFile(path) as book:
        container = book.read("META-INF/container.xml").decode()
        opf_path = re.search(r'full-path="([^"]+)"', container)[1]
        opf = book.read(opf_path).decode()
        items = {m[1]: m[2] for m in re.finditer(r'<item\b[^>]*?id="([^"]+)"[^>]*?href="([^"]+)"', opf)}
        items.update({m[2]: m[1] for m in re.finditer(r'<item\b[^>]*?href="([^"]+)"[^>]*?id="([^"]+)"', opf)})
        folder = PurePosixPath(opf_path).parent
        pages = []
        for idref in re.findall(r'<itemref\b[^>]*?idref="([^"]+)"', opf):
            stripper = Stripper()
            stripper.feed(book.read(str(folder / items[idref])).decode("utf-8", errors="replace"))
            pages.append("".join(stripper.parts).strip())
    return pages


class Reader(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Document Reader")
        self.resize(860, 640)
        self.path, self.pages, self.page = "", [], 0
        self.store = json.loads(STORE.read_text()) if STORE.exists() else {}
        self.text = QTextBrowser()
        self.where = QLabel("No document")
        self.search = QLineEdit(placeholderText="Search")
        self.search.returnPressed.connect(self.find)
        self.note = QLineEdit(placeholderText="Annotation")
        self.results, self.bookmarks, self.notes = QListWidget(), QListWidget(), QListWidget()
        top = QHBoxLayout()
        for text, handler in (
            ("Open", self.open),
            ("Previous", lambda: self.go(self.page - 1)),
            ("Next", lambda: self.go(self.page + 1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            top.addWidget(button)
        top.addWidget(self.where)
        top.addWidget(self.search)
        side = QVBoxLayout()
        for title, view, extra, button_text, handler in (
            ("Results", self.results, None, None, None),
            ("Bookmarks", self.bookmarks, None, "Add Bookmark", self.add_bookmark),
            ("Annotations", self.notes, self.note, "Add Annotation", self.add_note),
        ):
            view.setAccessibleName(title)
            view.itemActivated.connect(self.go_to_item)
            side.addWidget(QLabel(title))
            side.addWidget(view)
            if extra is not None:
                side.addWidget(extra)
            if button_text:
                button = QPushButton(button_text)
                button.clicked.connect(handler)
                side.addWidget(button)
        body = QHBoxLayout()
        body.addWidget(self.text, 2)
        body.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body)

    def open(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open document", "", "Documents (*.pdf *.epub)")
        if not path:
            return
        try:
            pages = epub_pages(path) if path.lower().endswith(".epub") else pdf_pages(Path(path).read_bytes())
        except (OSError, KeyError, TypeError, ValueError, zipfile.BadZipFile) as exc:
            QMessageBox.warning(self, "Open document", f"Cannot read {Path(path).name}: {exc}")
            return
        if not pages:
            QMessageBox.warning(self, "Open document", f"{Path(path).name} has no pages this reader can show")
            return
        self.path, self.pages = str(Path(path).resolve()), pages
        self.setWindowTitle(f"{Path(path).name} - Document Reader")
        self.results.clear()
        self.show_saved()
        self.go(0)

    def go(self, page):
        if self.pages and 0 <= page < len(self.pages):
            self.page = page
            self.text.setPlainText(self.pages[page])
            self.where.setText(f"Page {page + 1} of {len(self.pages)}")

    def go_to_item(self, item):
        number = re.match(r"Page (\d+)", item.text())
        if number:
            self.go(int(number[1]) - 1)

    def find(self):
        word = self.search.text().strip().casefold()
        self.results.clear()
        for number, text in enumerate(self.pages, 1):
            at = text.casefold().find(word) if word else -1
            if at >= 0:
                if not self.results.count():
                    self.go(number - 1)
                self.results.addItem(f"Page {number}: …{' '.join(text[max(0, at - 20) : at + 40].split())}…")
        if not self.results.count():
            self.results.addItem("No matches")

    def saved(self):
        return self.store.setdefault(self.path, {"bookmarks": [], "notes": []})

    def show_saved(self):
        self.bookmarks.clear()
        self.notes.clear()
        for page in sorted(self.saved()["bookmarks"]):
            self.bookmarks.addItem(f"Page {page}")
        for page, note in self.saved()["notes"]:
            self.notes.addItem(f"Page {page}: {note}")

    def add_bookmark(self):
        if self.pages and self.page + 1 not in self.saved()["bookmarks"]:
            self.saved()["bookmarks"].append(self.page + 1)
            self.keep()

    def add_note(self):
        if self.pages and self.note.text().strip():
            self.saved()["notes"].append([self.page + 1, self.note.text().strip()])
            self.note.clear()
            self.keep()

    def keep(self):
        STORE.write_text(json.dumps(self.store, indent=1))
        self.show_saved()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    reader = Reader()
    reader.show()
    sys.exit(app.exec())
