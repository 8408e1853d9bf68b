"""A reference engineering calculator for the middle dataset's checks: bracketed expressions with precedence,
powers and scientific functions, evaluated by a small parser (no eval), and a history of calculations."""

import math
import re
import sys

from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

FUNCTIONS = {"sin": math.sin, "cos": math.cos, "tan": math.tan, "sqrt": math.sqrt, "log": math.log10, "ln": math.log}
CONSTANTS = {"pi": math.pi, "e": math.e}
TOKEN = re.compile(r"\s*(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+|[A-Za-z]+|\*\*|[-+*/^()×÷−])")


class Parser:
    """expression := term (('+'|'-') term)*; term := power (('*'|'/') power)*;
    power := unary ('^' power)?; unary := '-' unary | atom; atom := number | name | f(expr) | (expr)."""

    def __init__(self, text):
        text = text.replace("×", "*").replace("÷", "/").replace("−", "-").replace("**", "^")
        self.tokens, position = [], 0
        while position < len(text.rstrip()):
            match = TOKEN.match(text, position)
            if not match:
                raise ValueError(f"unexpected {text[position]!r}")
            self.tokens.append(match.group(1))
            position = match.end()
        self.index = 0

    def peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def take(self, expected=None):
        token = self.peek()
        if token is None or (expected and token != expected):
            raise ValueError(f"expected {expected or 'more'}")
        self.index += 1
        return token

    def parse(self):
        value = self.expression()
        if self.peek() is not None:
            raise ValueError(f"unexpected {self.peek()!r}")
        return value

    def expression(self):
        value = self.term()
        while self.peek() in ("+", "-"):
            value = value + self.term() if self.take() == "+" else value - self.term()
        return value

    def term(self):
        value = self.power()
        while self.peek() in ("*", "/"):
            if self.take() == "*":
                value *= self.power()
            else:
                value /= self.power()
        return value

    def power(self):
        base = self.unary()
        if self.peek() == "^":
            self.take()
            return base ** self.power()
        return base

    def unary(self):
        if self.peek() in ("-", "+"):
            return -self.unary() if self.take() == "-" else self.unary()
        return self.atom()

    def atom(self):
        token = self.take()
        if token == "(":
            value = self.expression()
            self.take(")")
            return value
        if token in FUNCTIONS:
            self.take("(")
            value = self.expression()
            self.take(")")
            return FUNCTIONS[token](value)
        if token in CONSTANTS:
            return CONSTANTS[token]
        if token[0].isdigit() or token[0] == ".":
            return float(token)
        raise ValueError(f"unknown name {token!r}")


def evaluate(text):
    value = Parser(text).parse()
    if isinstance(value, complex) or math.isnan(value) or math.isinf(value):
        raise ValueError("result is not a real number")
    return value


def shown(value):
    return f"{value:.12g}"


BUTTONS = [
    ["sin", "cos", "tan", "sqrt", "log", "ln"],
    ["(", ")", "^", "pi", "e", "C"],
    ["7", "8", "9", "/", "⌫", "Ans"],
    ["4", "5", "6", "*", "", ""],
    ["1", "2", "3", "-", "", ""],
    ["0", ".", "=", "+", "", ""],
]


class Calculator(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Engineering Calculator")
        self.answer = 0.0
        self.fresh = False
        """A result is shown: a digit or function starts a new expression, an operator continues it."""
        self.display = QLineEdit(placeholderText="Expression, e.g. (2+3)*sqrt(16)")
        self.display.setAccessibleName("Display")
        self.display.returnPressed.connect(self.equals)
        self.result = QLabel("0")
        self.result.setAccessibleName("Result")
        self.result.setStyleSheet("font-size: 20px")
        self.history = QListWidget()
        self.history.setAccessibleName("History")
        self.history.itemDoubleClicked.connect(lambda item: self.display.setText(item.text().split(" = ")[0]))
        grid = QGridLayout()
        for row, texts in enumerate(BUTTONS):
            for column, text in enumerate(texts):
                if text:
                    button = QPushButton(text)
                    button.clicked.connect(lambda _=False, t=text: self.pressed(t))
                    grid.addWidget(button, row, column)
        self.history.setMinimumWidth(220)
        left = QVBoxLayout()
        left.addWidget(self.display)
        left.addWidget(self.result)
        left.addLayout(grid)
        right = QVBoxLayout()
        right.addWidget(QLabel("History"))
        right.addWidget(self.history)
        clear = QPushButton("Clear history")
        clear.clicked.connect(self.history.clear)
        right.addWidget(clear)
        layout = QHBoxLayout(self)
        layout.addLayout(left)
        layout.addLayout(right)

    def pressed(self, text):
        if self.fresh and text not in ("+", "-", "*", "/", "^", "=", "⌫"):
            self.display.clear()
        self.fresh = False
        if text == "=":
            self.equals()
        elif text == "C":
            self.display.clear()
            self.result.setText("0")
        elif text == "⌫":
            self.display.backspace()
        elif text == "Ans":
            self.display.insert(shown(self.answer))
        elif text in FUNCTIONS:
            self.display.insert(text + "(")
        else:
            self.display.insert(text)

    def equals(self):
        expression = self.display.text().strip()
        if not expression:
            return
        try:
            value = evaluate(expression)
        except (ValueError, ZeroDivisionError, OverflowError) as error:
            self.result.setText(f"Error: {error}")
            return
        self.answer = value
        self.result.setText(shown(value))
        self.history.insertItem(0, f"{expression} = {shown(value)}")
        self.display.setText(shown(value))
        self.fresh = True


if __name__ == "__main__":
    app = QApplication(sys.argv)
    calculator = Calculator()
    calculator.show()
    sys.exit(app.exec())
