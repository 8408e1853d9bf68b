"""A quote of the moment, written in plain functions: next, previous, favourite, search by author."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

QUOTES = [
    ("Simple is better than complex.", "Tim Peters"),
    ("Programs must be written for people to read.", "Harold Abelson"),
    ("Premature optimisation is the root of all evil.", "Donald Knuth"),
    ("Make it work, make it right, make it fast.", "Kent Beck"),
    ("Talk is cheap. Show me the code.", "Linus Torvalds"),
]


def find_author(needle):
    """The index of the first quote whose author contains `needle`, or None."""
    needle = needle.strip().lower()
    for index, (_, who) in enumerate(QUOTES):
        if needle and needle in who.lower():
            return index
    return None


def add_unique(list_widget, text):
    """Add `text` to `list_widget` unless it is there already."""
    if not list_widget.findItems(text, Qt.MatchExactly):
        list_widget.addItem(text)


def build_window():
    window = QWidget()
    window.setWindowTitle("Quotes")
    window.resize(480, 380)
    state = {"index": 0}
    quote = QLabel()
    quote.setWordWrap(True)
    quote.setAlignment(Qt.AlignCenter)
    quote.setStyleSheet("font-size: 16px; padding: 16px; color: #202020; background: #fffde7;")
    author = QLabel()
    author.setAlignment(Qt.AlignRight)
    search = QLineEdit()
    search.setPlaceholderText("Author search, press Enter")
    favourites = QListWidget()

    def show():
        text, who = QUOTES[state["index"]]
        quote.setText(f"“{text}”")
        author.setText(f"— {who}")

    def step(delta):
        state["index"] = (state["index"] + delta) % len(QUOTES)
        show()

    def on_next():
        step(1)

    def on_previous():
        step(-1)

    def on_favourite():
        text, who = QUOTES[state["index"]]
        add_unique(favourites, f"{text} ({who})")

    def on_search():
        index = find_author(search.text())
        if index is None:
            author.setText("No such author")
            return
        state["index"] = index
        show()

    def on_forget(item):
        favourites.takeItem(favourites.row(item))

    buttons = QHBoxLayout()
    for label, handler in (("◀ Previous", on_previous), ("Next ▶", on_next), ("♥ Keep", on_favourite)):
        button = QPushButton(label)
        button.clicked.connect(handler)
        buttons.addWidget(button)
    search.returnPressed.connect(on_search)
    favourites.itemDoubleClicked.connect(on_forget)

    layout = QVBoxLayout(window)
    layout.addWidget(quote)
    layout.addWidget(author)
    layout.addLayout(buttons)
    layout.addWidget(search)
    layout.addWidget(QLabel("Kept (double-click to forget):"))
    layout.addWidget(favourites)
    show()
    return window


def main():
    app = QApplication(sys.argv)
    window = build_window()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
