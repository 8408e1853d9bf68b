"""A reference chess game for the dataset's checks: legal moves typed as "e2e4", a simple AI that answers.

The rules: every piece's moves, no moving through pieces, never leaving one's own king in check, castling,
en passant, promotion to a queen, checkmate and stalemate. The AI (Black) takes the most valuable piece it can
without putting the taker where it can be taken, else a safe move towards the centre.
"""

import sys

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
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

START = ["rnbqkbnr", "pppppppp", "........", "........", "........", "........", "PPPPPPPP", "RNBQKBNR"]
VALUES = {"p": 1, "n": 3, "b": 3, "r": 5, "q": 9, "k": 0}
GLYPHS = dict(zip("KQRBNPkqrbnp", "♔♕♖♗♘♙♚♛♜♝♞♟", strict=True))
KNIGHT = ((1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1))
KING = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1))
ROOK, BISHOP = KING[:4], KING[4:]


def new_game():
    return {"board": [list(row) for row in START], "white": True, "ep": None, "rights": set("KQkq")}


def own(piece, white):
    return piece != "." and piece.isupper() == white


def inside(r, c):
    return 0 <= r < 8 and 0 <= c < 8


def attacked(board, r, c, by_white):
    """Whether a piece of that side attacks the square."""
    pawn_row = r + 1 if by_white else r - 1
    for dc in (-1, 1):
        if inside(pawn_row, c + dc) and board[pawn_row][c + dc] == ("P" if by_white else "p"):
            return True
    for steps, kinds, slide in ((KNIGHT, "n", False), (KING, "k", False), (ROOK, "rq", True), (BISHOP, "bq", True)):
        for dr, dc in steps:
            nr, nc = r + dr, c + dc
            while inside(nr, nc):
                piece = board[nr][nc]
                if piece != ".":
                    if own(piece, by_white) and piece.lower() in kinds:
                        return True
                    break
                if not slide:
                    break
                nr, nc = nr + dr, nc + dc
    return False


def in_check(board, white):
    king = "K" if white else "k"
    r, c = next((r, c) for r in range(8) for c in range(8) if board[r][c] == king)
    return attacked(board, r, c, not white)


def pseudo_moves(state):
    """Every move by the rules of movement, before asking whether it leaves the mover's king in check."""
    board, white = state["board"], state["white"]
    for r in range(8):
        for c in range(8):
            piece = board[r][c]
            if own(piece, white):
                yield from (pawn_moves if piece.lower() == "p" else piece_moves)(state, r, c)


def pawn_moves(state, r, c):
    board, white = state["board"], state["white"]
    step, home = (-1, 6) if white else (1, 1)
    if inside(r + step, c) and board[r + step][c] == ".":
        yield r, c, r + step, c
        if r == home and board[r + 2 * step][c] == ".":
            yield r, c, r + 2 * step, c
    for dc in (-1, 1):
        nr, nc = r + step, c + dc
        if inside(nr, nc) and (own(board[nr][nc], not white) or state["ep"] == (nr, nc)):
            yield r, c, nr, nc


def piece_moves(state, r, c):
    board, white = state["board"], state["white"]
    kind = board[r][c].lower()
    for dr, dc in {"n": KNIGHT, "k": KING, "r": ROOK, "b": BISHOP, "q": KING}[kind]:
        nr, nc = r + dr, c + dc
        while inside(nr, nc) and not own(board[nr][nc], white):
            yield r, c, nr, nc
            if board[nr][nc] != "." or kind in "nk":
                break
            nr, nc = nr + dr, nc + dc
    if kind == "k":
        yield from castlings(state, r, c)


def castlings(state, r, c):
    board, white = state["board"], state["white"]
    for right, rook_col, between in (("K", 7, (5, 6)), ("Q", 0, (1, 2, 3))):
        if (right if white else right.lower()) not in state["rights"]:
            continue
        if board[r][rook_col].lower() != "r" or any(board[r][x] != "." for x in between):
            continue
        passing = (4, 5, 6) if rook_col == 7 else (4, 3, 2)
        if not any(attacked(board, r, x, not white) for x in passing):
            yield r, c, r, passing[-1]


def play(state, move):
    """The position after the move (a new state; the old one is left alone)."""
    fr, fc, tr, tc = move
    board = [row[:] for row in state["board"]]
    piece = board[fr][fc]
    if piece.lower() == "p" and (tr, tc) == state["ep"]:
        board[fr][tc] = "."
    if piece.lower() == "k" and abs(tc - fc) == 2:
        rook_from, rook_to = (7, 5) if tc == 6 else (0, 3)
        board[tr][rook_to], board[tr][rook_from] = board[tr][rook_from], "."
    board[tr][tc], board[fr][fc] = piece, "."
    if piece.lower() == "p" and tr in (0, 7):
        board[tr][tc] = "Q" if piece.isupper() else "q"
    rights = set(state["rights"])
    for square, lost in (((7, 4), "KQ"), ((0, 4), "kq"), ((7, 7), "K"), ((7, 0), "Q"), ((0, 7), "k"), ((0, 0), "q")):
        if square in ((fr, fc), (tr, tc)):
            rights -= set(lost)
    ep = ((fr + tr) // 2, fc) if piece.lower() == "p" and abs(tr - fr) == 2 else None
    return {"board": board, "white": not state["white"], "ep": ep, "rights": rights}


def legal_moves(state):
    return [m for m in pseudo_moves(state) if not in_check(play(state, m)["board"], state["white"])]


def notation(move):
    fr, fc, tr, tc = move
    return f"{'abcdefgh'[fc]}{8 - fr}{'abcdefgh'[tc]}{8 - tr}"


def ai_move(state):
    """Greedy: mate, else the biggest capture not taken back at a loss, else a safe move towards the centre."""

    def score(move):
        after = play(state, move)
        fr, fc, tr, tc = move
        gain = VALUES.get(state["board"][tr][tc].lower(), 0)
        risk = VALUES[state["board"][fr][fc].lower()] if attacked(after["board"], tr, tc, after["white"]) else 0
        mate = 100 if not legal_moves(after) and in_check(after["board"], after["white"]) else 0
        centre = (abs(3.5 - tr) + abs(3.5 - tc)) / 20  # else prefer moves towards the centre
        return mate + gain - risk - centre

    moves = legal_moves(state)
    return max(moves, key=score) if moves else None


class BoardView(QWidget):
    def __init__(self, game):
        super().__init__()
        self.game = game
        self.setMinimumSize(400, 400)

    def paintEvent(self, event):
        painter = QPainter(self)
        side = min(self.width(), self.height()) / 8
        painter.setFont(QFont("DejaVu Sans", int(side * 0.6)))
        for r in range(8):
            for c in range(8):
                square = QRectF(c * side, r * side, side, side)
                painter.fillRect(square, QColor("#f0d9b5" if (r + c) % 2 == 0 else "#b58863"))
                piece = self.game.state["board"][r][c]
                if piece != ".":
                    painter.setPen(QColor("black"))
                    painter.drawText(square, Qt.AlignmentFlag.AlignCenter, GLYPHS[piece])
        painter.end()


class Game(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Chess")
        self.state = new_game()
        self.board = BoardView(self)
        self.moves = QListWidget()
        self.moves.setAccessibleName("Moves")
        self.entry = QLineEdit(placeholderText="Move")
        self.entry.returnPressed.connect(self.human_move)
        move = QPushButton("Move")
        move.clicked.connect(self.human_move)
        restart = QPushButton("New Game")
        restart.clicked.connect(self.new_game)
        self.status = QLabel("White to move")
        side = QVBoxLayout()
        side.addWidget(QLabel("Moves"))
        side.addWidget(self.moves)
        for widget in (self.entry, move, restart, self.status):
            side.addWidget(widget)
        layout = QHBoxLayout(self)
        layout.addWidget(self.board, 1)
        layout.addLayout(side)

    def new_game(self):
        self.state = new_game()
        self.moves.clear()
        self.status.setText("White to move")
        self.board.update()

    def human_move(self):
        text = self.entry.text().strip().lower().replace("-", "")
        if not self.state["white"] or self.is_over():
            return
        chosen = [m for m in legal_moves(self.state) if notation(m) == text[:4]]
        if not chosen:
            self.status.setText(f"Illegal move: {text or '(empty)'}")
            return
        self.entry.clear()
        self.make(chosen[0])
        if not self.is_over():
            self.status.setText("Black is thinking...")
            QTimer.singleShot(200, self.computer_move)

    def computer_move(self):
        move = ai_move(self.state)
        if move is not None:
            self.make(move)
            self.is_over()

    def make(self, move):
        self.state = play(self.state, move)
        self.moves.addItem(f"{'Black' if self.state['white'] else 'White'}: {notation(move)}")
        self.moves.scrollToBottom()
        self.status.setText(("White" if self.state["white"] else "Black") + " to move")
        self.board.update()

    def is_over(self):
        if legal_moves(self.state):
            if in_check(self.state["board"], self.state["white"]):
                self.status.setText(("White" if self.state["white"] else "Black") + " is in check")
            return False
        mated = in_check(self.state["board"], self.state["white"])
        winner = "Black" if self.state["white"] else "White"
        self.status.setText(f"Checkmate: {winner} wins" if mated else "Stalemate: a draw")
        return True


if __name__ == "__main__":
    app = QApplication(sys.argv)
    game = Game()
    game.show()
    sys.exit(app.exec())
