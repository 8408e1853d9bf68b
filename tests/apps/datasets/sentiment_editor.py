"""A reference sentiment editor for the sentiment-editor checks: every sentence is shaded green (positive), red
(negative) or left plain (neutral) as it is typed, and the document's overall mood score is shown below."""

import re
import sys

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

# fmt: off
POSITIVE = {
    "good", "great", "love", "loved", "lovely", "like", "liked", "happy", "glad", "joy", "wonderful", "excellent",
    "amazing", "awesome", "fantastic", "nice", "best", "better", "beautiful", "brilliant", "calm", "cheerful",
    "delight", "delighted", "delightful", "enjoy", "enjoyed", "fun", "kind", "perfect", "pleasant", "proud",
    "superb", "thank", "thanks", "win", "won", "success", "successful", "fresh", "friendly", "helpful", "hope",
    "smile", "warm"
}
NEGATIVE = {
    "bad", "awful", "terrible", "hate", "hated", "horrible", "sad", "angry", "poor", "worst", "worse", "ugly",
    "boring", "broken", "cold", "cruel", "dirty", "disappointed", "disappointing", "fail", "failed", "failure",
    "fear", "hurt", "lonely", "mess", "miserable", "nasty", "pain", "painful", "rude", "sick", "sorry", "stupid",
    "tired", "upset", "wrong", "annoying", "dreadful", "gloomy", "lost", "slow", "useless", "unhappy"
}
# fmt: on
NEGATIONS = {"not", "no", "never", "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "won't"}
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
WORD = re.compile(r"[a-z']+")
THRESHOLD = 0.05


def sentence_score(sentence):
    """Positive minus negative words (a negation just before a word flips it)."""
    score, negated = 0, False
    for word in WORD.findall(sentence.lower()):
        value = 1 if word in POSITIVE else -1 if word in NEGATIVE else 0
        score += -value if negated else value
        negated = word in NEGATIONS
    return score


def mood_of(score):
    return "Positive" if score > THRESHOLD else "Negative" if score < -THRESHOLD else "Neutral"


def document_score(text):
    """The mean sentence score squashed into -1..1: how the document feels overall."""
    scores = [sentence_score(found.group()) for found in SENTENCE.finditer(text) if found.group().strip()]
    if not scores:
        return 0.0
    mean = sum(scores) / len(scores)
    return max(-1.0, min(1.0, mean / 2))


def shade(colour):
    form = QTextCharFormat()
    form.setBackground(QColor(colour))
    return form


class SentimentHighlighter(QSyntaxHighlighter):
    FORMATS = {"Positive": shade("#c8f0c8"), "Negative": shade("#f8c8c8")}

    def highlightBlock(self, text):
        for found in SENTENCE.finditer(text):
            form = self.FORMATS.get(mood_of(sentence_score(found.group())))
            if form is not None:
                self.setFormat(found.start(), found.end() - found.start(), form)


class Editor(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Sentiment Editor")
        self.resize(700, 480)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Type your text here")
        self.text.setStyleSheet("QPlainTextEdit { background: white; color: #202020; font-size: 15px; }")
        self.highlighter = SentimentHighlighter(self.text.document())
        self.score = QLabel()
        self.score.setStyleSheet("font-weight: bold;")
        legend = QLabel("Sentences: green = positive, red = negative, plain = neutral")
        row = QHBoxLayout()
        row.addWidget(QLabel("Mood score:"))
        row.addWidget(self.score)
        row.addStretch()
        row.addWidget(legend)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        self.text.textChanged.connect(self.update_mood)
        self.update_mood()

    def update_mood(self):
        score = document_score(self.text.toPlainText())
        self.score.setText(f"{score:+.2f} {mood_of(score)}")


if __name__ == "__main__":
    app = QApplication(sys.argv)
    editor = Editor()
    editor.show()
    sys.exit(app.exec())
