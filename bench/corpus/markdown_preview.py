"""Write Markdown on the left and see it rendered on the right, in a splitter."""

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
)

SAMPLE = """# Shopping list

- **Bread**
- Milk, *semi-skimmed*
- Apples

> Remember the bags.

| Shop | Open |
|------|------|
| Bakery | 7–18 |
"""


class MarkdownPreview(QMainWindow):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Markdown Preview")
        self.resize(820, 520)
        self.source = QPlainTextEdit()
        self.preview = QTextBrowser()
        self.preview.setOpenExternalLinks(False)
        self.preview.anchorClicked.connect(self.link_clicked)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.source)
        splitter.addWidget(self.preview)
        self.setCentralWidget(splitter)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(200)
        self.debounce.timeout.connect(self.refresh_preview)
        self.source.textChanged.connect(self.debounce.start)

        view = self.menuBar().addMenu("&View")
        self.wrap = QAction("Wrap lines", self, checkable=True, checked=True)
        self.wrap.toggled.connect(self.set_wrap)
        view.addAction(self.wrap)
        insert = self.menuBar().addMenu("&Insert")
        for label, text in (("Heading", "\n## Heading\n"), ("Bullet", "\n- item"), ("Link", "[AEGIS](#top)")):
            action = QAction(label, self)
            action.triggered.connect(lambda checked=False, t=text: self.insert(t))
            insert.addAction(action)
        self.source.setPlainText(SAMPLE)
        self.refresh_preview()

    def refresh_preview(self):
        text = self.source.toPlainText()
        self.preview.setMarkdown(text)
        words = len(text.split())
        self.statusBar().showMessage(f"{words} words")

    def insert(self, text):
        self.source.insertPlainText(text)
        self.source.setFocus()

    def set_wrap(self, on):
        mode = QPlainTextEdit.WidgetWidth if on else QPlainTextEdit.NoWrap
        self.source.setLineWrapMode(mode)

    def link_clicked(self, url):
        self.statusBar().showMessage(f"Link: {url.toString()}", 3000)


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = MarkdownPreview()
    window.show()
    sys.exit(app.exec())
