"""A five-question multiple-choice quiz with a score at the end."""

import sys

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

QUESTIONS = [
    ("Which planet is closest to the Sun?", ["Venus", "Mercury", "Mars", "Earth"], 1),
    ("How many sides has a hexagon?", ["Five", "Six", "Seven", "Eight"], 1),
    ("What is the chemical symbol for gold?", ["Ag", "Gd", "Au", "Go"], 2),
    ("Which ocean is the largest?", ["Atlantic", "Indian", "Arctic", "Pacific"], 3),
    ("What is 7 × 8?", ["54", "56", "58", "64"], 1),
]


class Quiz(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Quiz")
        self.resize(420, 300)
        self.index = 0
        self.answers = [None] * len(QUESTIONS)

        self.progress = QLabel()
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.choices = QButtonGroup(self)
        choice_box = QVBoxLayout()
        for number in range(4):
            button = QRadioButton()
            self.choices.addButton(button, number)
            choice_box.addWidget(button)
        self.choices.idClicked.connect(self.choose)

        self.back = QPushButton("Back")
        self.back.clicked.connect(self.previous)
        self.forward = QPushButton("Next")
        self.forward.clicked.connect(self.next)
        self.finish = QPushButton("Finish")
        self.finish.clicked.connect(self.score)
        restart = QPushButton("Restart")
        restart.clicked.connect(self.restart)
        self.feedback = QLabel()

        nav = QHBoxLayout()
        for widget in (self.back, self.forward, self.finish, restart):
            nav.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.question)
        layout.addLayout(choice_box)
        layout.addLayout(nav)
        layout.addWidget(self.feedback)
        self.show_question()

    def show_question(self):
        text, options, _ = QUESTIONS[self.index]
        self.progress.setText(f"Question {self.index + 1} of {len(QUESTIONS)}")
        self.question.setText(text)
        self.choices.setExclusive(False)
        for number, option in enumerate(options):
            button = self.choices.button(number)
            button.setText(option)
            button.setChecked(self.answers[self.index] == number)
        self.choices.setExclusive(True)
        self.back.setEnabled(self.index > 0)
        self.forward.setEnabled(self.index < len(QUESTIONS) - 1)

    def choose(self, number):
        self.answers[self.index] = number
        self.feedback.setText(f"{sum(a is not None for a in self.answers)} answered")

    def previous(self):
        if self.index > 0:
            self.index -= 1
            self.show_question()

    def next(self):
        if self.index < len(QUESTIONS) - 1:
            self.index += 1
            self.show_question()

    def score(self):
        right = sum(answer == q[2] for answer, q in zip(self.answers, QUESTIONS, strict=True))
        missing = self.answers.count(None)
        note = f" ({missing} unanswered)" if missing else ""
        self.feedback.setText(f"You scored {right} / {len(QUESTIONS)}{note}")

    def restart(self):
        self.index = 0
        self.answers = [None] * len(QUESTIONS)
        self.feedback.setText("")
        self.show_question()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Quiz()
    window.show()
    sys.exit(app.exec())
