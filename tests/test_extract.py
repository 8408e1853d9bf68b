"""extract_code and join_continuation on answers shaped like the ones real models give."""

from __future__ import annotations

import ast

from aegis.generate.extract import Extraction, extract_code, join_continuation

PROGRAM = """import sys

from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget


class CounterWindow(QWidget):
    def __init__(self):
        super().__init__()
        self.setWindowTitle("Counter")
        self.count = 0
        self.label = QLabel("0")
        self.button = QPushButton("Add one")
        self.button.clicked.connect(self.increment)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.button)

    def increment(self):
        self.count += 1
        self.label.setText(str(self.count))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = CounterWindow()
    window.show()
    sys.exit(app.exec())
"""

IMPORTS, CLASS, MAIN = (part.strip("\n") + "\n" for part in PROGRAM.split("\n\n\n"))


def compiles(code: str) -> bool:
    try:
        ast.parse(code)
    except SyntaxError:
        return False
    return True


def test_big_model_answer_with_prose_program_and_run_instructions() -> None:
    answer = (
        "Here's a complete PySide6 application that implements a simple counter:\n\n"
        f"```python\n{PROGRAM}```\n\n"
        "### How it works\n\n"
        "This code creates a `QWidget` window with a label and a button. "
        "Each click calls `increment`, which updates the label.\n\n"
        "To run it:\n\n```bash\npip install PySide6\npython counter.py\n```\n"
    )
    assert extract_code(answer) == Extraction(PROGRAM, truncated=False, reason="")


def test_small_model_answer_with_trailing_explanation() -> None:
    answer = f"```python\n{PROGRAM}\n```\nThis code creates a simple counter app using PySide6. The `Counter..."
    assert extract_code(answer).code == PROGRAM


def test_pip_install_block_first_is_never_chosen() -> None:
    for fence in ("```bash", "```sh", "```shell", "```console", "```"):
        answer = f"Install PySide6:\n\n{fence}\npip install PySide6\n```\n\nThen:\n\n```py\n{PROGRAM}```\n"
        assert extract_code(answer).code == PROGRAM, fence


def test_only_a_shell_block_gives_no_code() -> None:
    result = extract_code("Install it with:\n```bash\npip install PySide6\n```\nThen run `python app.py`.")
    assert result.code == ""
    assert result.reason
    assert not result.truncated


def test_complete_program_beats_a_longer_snippet() -> None:
    snippet = CLASS + "\n    def reset(self):\n        self.count = 0\n        self.label.setText('0')\n" * 5
    answer = f"```python\n{PROGRAM}```\n\nTo add a reset button, use:\n\n```python\n{snippet}```\n"
    assert len(snippet) > len(PROGRAM)
    assert extract_code(answer).code == PROGRAM


def test_longest_of_two_complete_programs() -> None:
    short = "import sys\nfrom PySide6.QtWidgets import QApplication\n\napp = QApplication([])\napp.exec()\n"
    answer = f"A minimal app:\n```python\n{short}```\nA full one:\n```python\n{PROGRAM}```\n"
    assert extract_code(answer).code == PROGRAM


def test_three_partial_blocks_are_joined() -> None:
    answer = (
        "First, the imports:\n\n```python\n" + IMPORTS + "```\n\n"
        "Next, the main window class:\n\n```python\n" + CLASS + "```\n\n"
        "Finally, start the application:\n\n```python\n" + MAIN + "```\n"
    )
    result = extract_code(answer)
    assert result.code == IMPORTS + "\n" + CLASS + "\n" + MAIN
    assert compiles(result.code)
    assert 'if __name__ == "__main__":' in result.code
    assert "class CounterWindow" in result.code


def test_no_fence_with_prose_around() -> None:
    answer = f"Here is the code:\n\n{PROGRAM}\nThis program shows a counter. Run it with python counter.py.\n"
    assert extract_code(answer) == Extraction(PROGRAM, truncated=False, reason="")


def test_no_fence_code_only() -> None:
    assert extract_code(PROGRAM).code == PROGRAM


def test_no_fence_shebang_start() -> None:
    code = "#!/usr/bin/env python3\n" + PROGRAM
    assert extract_code("Sure! Below is the script.\n" + code + "\nEnjoy your counter app!").code == code


def test_cut_off_mid_fence_takes_everything_after_it() -> None:
    cut = PROGRAM[: PROGRAM.index("layout.addWidget(self.button)") + len("layout.addWid")]
    result = extract_code(f"Here's the app:\n\n```python\n{cut}", finish_reason="length")
    assert result == Extraction(cut, truncated=True, reason="")


def test_unclosed_fence_is_truncated_even_without_length() -> None:
    cut = PROGRAM[: PROGRAM.index("    def increment")]
    result = extract_code(f"```python\n{cut}")
    assert result.truncated
    assert result.code == cut


def test_length_with_closed_compiling_fence_is_not_truncated() -> None:
    answer = f"```python\n{PROGRAM}```\nThis code creates a window with a bu"
    result = extract_code(answer, finish_reason="length")
    assert result == Extraction(PROGRAM, truncated=False, reason="")


def test_length_with_closed_fence_that_does_not_compile_is_truncated() -> None:
    broken = PROGRAM.replace("def increment(self):", "def increment(self:")
    result = extract_code(f"```python\n{broken}```\n", finish_reason="length")
    assert result.code == broken
    assert result.truncated


def test_no_fence_cut_off_mid_code() -> None:
    cut = PROGRAM[: PROGRAM.index("window.show()") + len("window.sh")]
    result = extract_code(f"Here is the code:\n\n{cut}", finish_reason="length")
    assert result == Extraction(cut, truncated=True, reason="")


def test_no_fence_cut_off_at_a_line_end_is_still_truncated() -> None:
    cut = PROGRAM[: PROGRAM.index("    window.show()")]
    assert compiles(cut)
    result = extract_code(f"Here is the code:\n\n{cut}", finish_reason="length")
    assert result == Extraction(cut, truncated=True, reason="")


def test_no_fence_cut_off_in_the_explanation_after_complete_code() -> None:
    answer = f"{PROGRAM}\nThis code creates a window. The label shows the co"
    assert extract_code(answer, finish_reason="length") == Extraction(PROGRAM, truncated=False, reason="")


def test_think_block_is_ignored() -> None:
    decoy = "import os\nprint(os.getcwd())\n"
    answer = (
        "<think>\nThe user wants a counter. Maybe something like:\n```python\n"
        f"{decoy}```\nNo, I need PySide6 with QApplication(...). Let me write it.\n</think>\n\n"
        f"```python\n{PROGRAM}```"
    )
    assert extract_code(answer).code == PROGRAM


def test_reasoning_without_opening_tag_is_ignored() -> None:
    answer = f"Okay, so the user wants `import sys` and a window.\n</think>\n\n```python\n{PROGRAM}```\n"
    assert extract_code(answer).code == PROGRAM


def test_answer_cut_inside_think_block() -> None:
    result = extract_code("<think>\nI should import sys and make a QWidget", finish_reason="length")
    assert result.code == ""
    assert result.truncated
    assert "think" in result.reason


def test_crlf_line_endings() -> None:
    answer = f"Here you go:\r\n\r\n```python\r\n{PROGRAM}```\r\n\r\nThis code creates...\r\n".replace(
        "\n", "\r\n"
    ).replace("\r\r\n", "\r\n")
    assert "\r\n" in answer
    assert extract_code(answer).code == PROGRAM


def test_bom_and_tilde_fence() -> None:
    answer = f"\ufeff~~~python\n{PROGRAM}~~~\n"
    assert extract_code(answer).code == PROGRAM


def test_indented_fence_with_trailing_spaces_and_capitalised_tag() -> None:
    body = "".join(f"   {line}\n" if line else "\n" for line in PROGRAM.splitlines())
    answer = f"1. Save this as `counter.py`:\n\n   ```Python3   \n{body}   ```  \n\n2. Run it.\n"
    assert extract_code(answer).code == PROGRAM


def test_block_with_only_prose_gives_no_code() -> None:
    answer = "```\nThe application shows a window with a button. Clicking it increases the counter.\n```"
    result = extract_code(answer)
    assert result.code == ""
    assert result.reason
    assert not result.truncated


def test_prose_only_answer_gives_no_code() -> None:
    result = extract_code("I'm sorry, but I can't help with that.")
    assert result == Extraction("", truncated=False, reason="the answer contains no Python code")


def test_empty_answer() -> None:
    for answer in ("", "  \n\n", "\ufeff"):
        assert extract_code(answer) == Extraction("", truncated=False, reason="the answer is empty")


def test_cut_off_right_after_the_opening_fence() -> None:
    result = extract_code("Here's the code:\n\n```python\n", finish_reason="length")
    assert result.code == ""
    assert result.truncated


# --- join_continuation ----------------------------------------------------------------------------------


def test_join_without_overlap() -> None:
    partial = PROGRAM[: PROGRAM.index("if __name__")]
    assert join_continuation(partial, "```python\n" + MAIN + "```") == PROGRAM


def test_join_drops_repeated_tail_lines() -> None:
    partial = PROGRAM[: PROGRAM.index("    def increment")]
    repeat = "        layout.addWidget(self.label)\n        layout.addWidget(self.button)\n\n"
    continuation = f"Here is the rest of the code:\n\n```python\n{repeat}{PROGRAM[len(partial) :]}```\n"
    joined = join_continuation(partial, continuation)
    assert joined == PROGRAM
    assert compiles(joined)


def test_join_unfenced_continuation_with_prose() -> None:
    partial = PROGRAM[: PROGRAM.index("if __name__")]
    continuation = f"Sure! Here's the continuation:\n\n{MAIN}\nThis completes the program.\n"
    assert join_continuation(partial, continuation) == PROGRAM


def test_join_partial_ending_mid_token() -> None:
    split = PROGRAM.index('Title("Counter")')
    assert join_continuation(PROGRAM[:split], PROGRAM[split:]) == PROGRAM


def test_join_partial_ending_mid_line_and_continuation_restarting_it() -> None:
    split = PROGRAM.index('Title("Counter")')
    start = PROGRAM.index("        super().__init__()")
    continuation = "```python\n" + PROGRAM[start:] + "```"
    joined = join_continuation(PROGRAM[:split], continuation)
    assert joined == PROGRAM
    assert compiles(joined)


def test_join_partial_ending_after_a_complete_statement() -> None:
    split = PROGRAM.index("\n    window.show()")
    joined = join_continuation(PROGRAM[:split], "    window.show()\n    sys.exit(app.exec())\n")
    assert joined == PROGRAM


def test_join_continuation_that_is_itself_cut_off() -> None:
    partial = PROGRAM[: PROGRAM.index("    def increment")]
    rest = PROGRAM[len(partial) : PROGRAM.index("app.exec())") + len("app.exec(")]
    joined = join_continuation(partial, "```python\n" + rest)
    assert joined == partial + rest
    assert not compiles(joined)
