"""A reference 2D platformer for the middle dataset's checks: gravity, running and jumping, three levels."""

import sys

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

WIDTH, HEIGHT = 640, 360
GRAVITY, JUMP, SPEED, STEP = 0.6, -11.0, 4.0, 6.0
# Each level: platforms (x, y, w, h) and the goal flag's x, y.
LEVELS = [
    {"platforms": [(0, 320, 640, 40), (200, 250, 120, 16), (380, 190, 120, 16)], "goal": (600, 280)},
    {
        "platforms": [(0, 320, 200, 40), (260, 270, 100, 16), (420, 220, 100, 16), (560, 320, 80, 40)],
        "goal": (600, 280),
    },
    {
        "platforms": [
            (0, 320, 120, 40),
            (170, 260, 80, 16),
            (300, 200, 80, 16),
            (430, 140, 80, 16),
            (560, 100, 80, 16),
        ],
        "goal": (600, 60),
    },
]
COLOURS = [QColor("#87ceeb"), QColor("#f4c28a"), QColor("#b9a4e0")]


class Game(QWidget):
    """The playing field: the player runs with Left/Right and jumps with Space/Up; the flag ends a level."""

    def __init__(self, on_level):
        super().__init__()
        self.setFixedSize(WIDTH, HEIGHT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.on_level = on_level
        self.held = set()
        self.timer = QTimer(self, interval=16, timeout=self.tick)
        self.timer.start()
        self.load(0)

    def load(self, index):
        self.level = index
        self.x, self.y, self.vx, self.vy = 20.0, 290.0, 0.0, 0.0
        self.on_ground = True
        self.held.clear()
        self.on_level(index)
        self.update()

    def platforms(self):
        return [QRectF(*p) for p in LEVELS[self.level]["platforms"]]

    def player(self):
        return QRectF(self.x, self.y, 24, 30)

    def keyPressEvent(self, event):
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_A, Qt.Key.Key_Right, Qt.Key.Key_D):
            direction = -1 if key in (Qt.Key.Key_Left, Qt.Key.Key_A) else 1
            self.held.add(direction)
            self.x = max(0.0, min(WIDTH - 24.0, self.x + direction * STEP))  # a tap still moves a little
            self.update()
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Up, Qt.Key.Key_W) and self.on_ground:
            self.vy, self.on_ground = JUMP, False
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event):
        if not event.isAutoRepeat():
            if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_A):
                self.held.discard(-1)
            elif event.key() in (Qt.Key.Key_Right, Qt.Key.Key_D):
                self.held.discard(1)

    def tick(self):
        self.vx = SPEED * sum(self.held)
        if self.vx == 0 and self.on_ground and self.vy == 0:
            return  # standing still: nothing moves
        self.x = max(0.0, min(WIDTH - 24.0, self.x + self.vx))
        self.vy += GRAVITY
        self.y += self.vy
        self.on_ground = False
        for platform in self.platforms():
            body = self.player()
            if body.intersects(platform) and self.vy >= 0 and body.bottom() - self.vy <= platform.top() + 1:
                self.y, self.vy, self.on_ground = platform.top() - 30, 0.0, True
        if self.y > HEIGHT:
            self.load(self.level)  # fell: start the level again
        gx, gy = LEVELS[self.level]["goal"]
        if self.player().intersects(QRectF(gx, gy, 20, 40)):
            self.load((self.level + 1) % len(LEVELS))
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), COLOURS[self.level])
        for platform in self.platforms():
            painter.fillRect(platform, QColor("#3b7d2f"))
        gx, gy = LEVELS[self.level]["goal"]
        painter.fillRect(QRectF(gx, gy, 4, 40), QColor("#333333"))
        painter.fillRect(QRectF(gx + 4, gy, 16, 12), QColor("#d62828"))
        painter.fillRect(self.player(), QColor("#1d3557"))


class Window(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Platformer")
        self.status = QLabel()
        self.game = Game(self.show_level)
        bar = QHBoxLayout()
        bar.addWidget(self.status)
        bar.addStretch()
        for index in range(len(LEVELS)):
            button = QPushButton(f"Level {index + 1}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=index: self.start(i))
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.game)
        layout.addWidget(QLabel("Left/Right: run   Space/Up: jump   reach the flag to finish the level"))
        self.game.setFocus()

    def show_level(self, index):
        self.status.setText(f"Level {index + 1} of {len(LEVELS)}")

    def start(self, index):
        self.game.load(index)
        self.game.setFocus()


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Window()
    window.show()
    sys.exit(app.exec())
