"""A reference arXiv aggregator for the arxiv-aggregator checks: fetch or open an Atom feed, search, read
abstracts, bookmark papers (kept in a JSON file in the home folder)."""

import json
import os
import sys
import xml.etree.ElementTree as ElementTree

from PySide6.QtCore import QUrl
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
CATEGORIES = ["cs.AI", "cs.LG", "cs.CL", "cs.CV", "math.CO", "physics.optics", "q-bio.NC", "stat.ML"]
API = "https://export.arxiv.org/api/query?search_query=cat:{}&sortBy=submittedDate&sortOrder=descending&max_results=50"
BOOKMARKS = os.path.join(os.path.expanduser("~"), ".arxiv_bookmarks.json")


def text_of(entry, tag):
    found = entry.find(ATOM + tag)
    return " ".join((found.text or "").split()) if found is not None else ""


def parse_feed(data):
    """The papers of an arXiv Atom feed, each a dict of id, title, authors, category, published, abstract."""
    papers = []
    for entry in ElementTree.fromstring(data).iter(ATOM + "entry"):
        tag = entry.find(ARXIV + "primary_category")
        if tag is None:
            tag = entry.find(ATOM + "category")
        papers.append(
            {
                "id": text_of(entry, "id"),
                "title": text_of(entry, "title"),
                "authors": ", ".join(text_of(a, "name") for a in entry.iter(ATOM + "author")),
                "category": tag.get("term", "") if tag is not None else "",
                "published": text_of(entry, "published")[:10],
                "abstract": text_of(entry, "summary"),
            }
        )
    return papers


class Aggregator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("arXiv Aggregator")
        self.resize(900, 600)
        self.papers = []
        self.network = QNetworkAccessManager(self)
        self.category = QComboBox()
        self.category.addItems(CATEGORIES)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search")
        self.search.textChanged.connect(self.show_papers)
        self.paper_list = QListWidget()
        self.bookmark_list = QListWidget()
        for view in (self.paper_list, self.bookmark_list):
            view.currentItemChanged.connect(self.show_abstract)
        self.abstract = QTextBrowser()
        self.status = QLabel("Choose a category and fetch, or open a saved feed.")
        top = QHBoxLayout()
        top.addWidget(QLabel("Category"))
        top.addWidget(self.category)
        for text, handler in (("Fetch", self.fetch), ("Open Feed", self.open_feed), ("Bookmark", self.bookmark)):
            button = QPushButton(text)
            button.clicked.connect(handler)
            top.addWidget(button)
        top.addWidget(self.search, 1)
        left = QVBoxLayout()
        left.addWidget(QLabel("Papers"))
        left.addWidget(self.paper_list, 3)
        left.addWidget(QLabel("Bookmarks"))
        left.addWidget(self.bookmark_list, 1)
        panes = QHBoxLayout()
        panes.addLayout(left, 1)
        panes.addWidget(self.abstract, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(panes)
        layout.addWidget(self.status)
        self.bookmarks = self.load_bookmarks()
        self.show_bookmarks()

    def fetch(self):
        category = self.category.currentText()
        self.status.setText(f"Fetching recent {category} papers...")
        reply = self.network.get(QNetworkRequest(QUrl(API.format(category))))
        reply.finished.connect(lambda: self.fetched(reply, category))

    def fetched(self, reply, category):
        if reply.error() != QNetworkReply.NetworkError.NoError:
            self.status.setText(f"Could not fetch {category}: {reply.errorString()}")
        else:
            self.load(bytes(reply.readAll()), f"{category} from arXiv")
        reply.deleteLater()

    def open_feed(self):
        path, _ = QFileDialog.getOpenFileName(self, "Open Feed", "", "Atom feeds (*.xml *.atom);;All files (*)")
        if path:
            with open(path, "rb") as handle:
                self.load(handle.read(), os.path.basename(path))

    def load(self, data, source):
        try:
            self.papers = parse_feed(data)
        except ElementTree.ParseError as exc:
            self.status.setText(f"Not an Atom feed: {exc}")
            return
        self.show_papers()
        self.status.setText(f"{len(self.papers)} papers from {source}")

    def matches(self, paper):
        words = self.search.text().casefold().split()
        haystack = " ".join(paper[key] for key in ("title", "authors", "abstract", "category")).casefold()
        return all(word in haystack for word in words)

    def show_papers(self):
        self.paper_list.clear()
        for paper in filter(self.matches, self.papers):
            self.add_item(self.paper_list, paper)

    def add_item(self, view, paper):
        item = QListWidgetItem(f"{paper['title']} ({paper['category']}, {paper['published']})")
        item.setData(256, paper)
        view.addItem(item)

    def show_abstract(self, item):
        if item is None:
            return
        paper = item.data(256)
        self.abstract.setHtml(
            f"<h3>{paper['title']}</h3><p><i>{paper['authors']}</i></p><p>{paper['id']}</p><p>{paper['abstract']}</p>"
        )

    def bookmark(self):
        item = self.paper_list.currentItem()
        if item is None:
            self.status.setText("Select a paper to bookmark.")
            return
        paper = item.data(256)
        if all(b["id"] != paper["id"] for b in self.bookmarks):
            self.bookmarks.append(paper)
            with open(BOOKMARKS, "w", encoding="utf-8") as handle:
                json.dump(self.bookmarks, handle, indent=1)
        self.show_bookmarks()
        self.status.setText(f"Bookmarked: {paper['title']}")

    def load_bookmarks(self):
        try:
            with open(BOOKMARKS, encoding="utf-8") as handle:
                return json.load(handle)
        except (OSError, ValueError):
            return []

    def show_bookmarks(self):
        self.bookmark_list.clear()
        for paper in self.bookmarks:
            self.add_item(self.bookmark_list, paper)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Aggregator()
    window.show()
    sys.exit(app.exec())
