"""Pull the Python program out of an LLM answer.

Answers come in every shape: prose around a fenced block, several blocks (a `pip install` line, snippets,
the program cut into parts), no fence at all, `<think>` reasoning first, CRLF line endings, or cut off
mid-block. `extract_code` picks the program; `join_continuation` glues a cut-off program to the model's
continuation of it. Nothing here raises: "no code" is an `Extraction` with a reason.
"""

from __future__ import annotations

import ast
import re
import textwrap
import warnings
from dataclasses import dataclass

_PYTHON_LANGS = frozenset({"", "python", "py", "python3", "py3", "pyw", "pyside6", "pyqt5", "pyqt6"})
_OPEN_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
_THINK_RE = re.compile(r"<(think|thinking)>.*?</\1>", re.DOTALL | re.IGNORECASE)
_THINK_OPEN_RE = re.compile(r"<think(?:ing)?>", re.IGNORECASE)
_THINK_CLOSE_RE = re.compile(r"</think(?:ing)?>", re.IGNORECASE)
_CODE_START_RE = re.compile(r"^(?:import |from |#!|class |def )")
_IMPORT_RE = re.compile(r"^(?:import|from)\s+\w", re.MULTILINE)
_MAIN_RE = re.compile(r"""if\s+__name__\s*==\s*['"]__main__['"]|\.exec_?\(|QApplication\(""")
_PROSE_RE = re.compile(r"^(?:(?!(?:True|False|None)\b)[A-Z][a-z']*[,!.:]? +[A-Za-z]|\*\*|[-*] +\w|\d+\. +\w)")
_MIN_OVERLAP_CHARS = 8


@dataclass(frozen=True)
class Extraction:
    """The program found in one answer."""

    code: str
    """The program's source; "" when nothing usable was found."""
    truncated: bool
    """Cut off mid-code: a fence never closed, code ran up to the length limit, or failed to compile at it."""
    reason: str
    """Why `code` is empty, in a few words; "" when there is code."""


@dataclass(frozen=True)
class _Block:
    lang: str
    code: str
    closed: bool


def extract_code(answer: str, *, finish_reason: str = "stop") -> Extraction:
    """Pick the program out of `answer`; `finish_reason` is the backend's ("length" when it hit the limit)."""
    text, thinking_cut = _clean(answer)
    cut = finish_reason == "length"
    code, unclosed = _fenced_program(text)
    if not code:
        code, unclosed = _unfenced_program(text, cut)
    if not code:
        return Extraction("", cut or thinking_cut, _no_code_reason(text, cut, thinking_cut))
    return Extraction(code, unclosed or (cut and not _compiles(code)), "")


def join_continuation(partial_code: str, continuation_answer: str) -> str:
    """Append the code of `continuation_answer` to the cut-off `partial_code`, dropping repeated lines."""
    more = _continuation_code(continuation_answer)
    head, newline, stub = partial_code.rpartition("\n")
    head += newline
    if stub.strip():
        restarted = _drop_overlap_with_stub(head.split("\n"), stub, more)
        if restarted is not None:
            return head + restarted
        return head + stub + _separator(stub, more) + more
    overlap_end = _overlap_end(head.split("\n"), more)
    if overlap_end is not None:
        return head.rstrip() + (more[overlap_end:] or "\n")
    if not more[:1].isspace():
        return head + stub + more
    # a cut inside indentation: the model may restart the line or carry on; keep whichever compiles
    restarted, carried_on = head + more, head + stub + more
    return carried_on if _compiles(carried_on) and not _compiles(restarted) else restarted


def _clean(answer: str) -> tuple[str, bool]:
    """Drop a BOM and reasoning blocks, normalise line endings; say if the answer stopped mid-reasoning."""
    text = answer.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = _THINK_RE.sub("", text)
    closes = list(_THINK_CLOSE_RE.finditer(text))
    if closes:
        text = text[closes[-1].end() :]
    opening = _THINK_OPEN_RE.search(text)
    if opening:
        return text[: opening.start()], True
    return text, False


def _no_code_reason(text: str, cut: bool, thinking_cut: bool) -> str:
    if thinking_cut:
        return "the answer ended inside its <think> reasoning, before any code"
    if not text.strip():
        return "the answer is empty"
    if cut:
        return "the answer was cut off before any Python code"
    if _fenced_blocks(text):
        return "the answer's code blocks hold no Python program"
    return "the answer contains no Python code"


# --- fenced blocks -------------------------------------------------------------------------------------


def _fenced_blocks(text: str) -> list[_Block]:
    lines = text.split("\n")
    blocks: list[_Block] = []
    i = 0
    while i < len(lines):
        opening = _OPEN_RE.match(lines[i])
        if opening is None:
            i += 1
            continue
        block, i = _read_block(lines, i + 1, opening)
        blocks.append(block)
    return blocks


def _read_block(lines: list[str], first: int, opening: re.Match[str]) -> tuple[_Block, int]:
    """The block opened just before line `first`, and the index of the line after its closing fence."""
    fence, indent = opening["fence"], len(opening["indent"].expandtabs())
    closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    lang = _language(opening["info"])
    for end in range(first, len(lines)):
        if closing.match(lines[end]):
            return _Block(lang, _unindent(lines[first:end], indent), True), end + 1
    return _Block(lang, _unindent(lines[first:], indent), False), len(lines)


def _language(info: str) -> str:
    word = re.split(r"[\s{:,]", info.strip(), maxsplit=1)[0].lower()
    return "python" if word.endswith(".py") else word


def _unindent(lines: list[str], indent: int) -> str:
    """Remove up to `indent` leading spaces from each line, as Markdown does for an indented fence."""
    return "\n".join(re.sub(rf"^ {{0,{indent}}}", "", line) if indent else line for line in lines)


def _fenced_program(text: str) -> tuple[str, bool]:
    """The program among the Python blocks of `text`, and whether it ran into an unclosed fence."""
    blocks = [b for b in _fenced_blocks(text) if b.lang in _PYTHON_LANGS and _looks_like_code(b.code)]
    programs = [b for b in blocks if _has_main(b.code) and _IMPORT_RE.search(b.code)]
    if programs:
        return _finish(max(programs, key=lambda b: len(b.code.strip())))
    if len(blocks) > 1:
        joined = "\n\n".join(textwrap.dedent(b.code).strip("\n") for b in blocks) + "\n"
        if _compiles(joined) and _has_main(joined):
            return _finish(_Block("python", joined, all(b.closed for b in blocks)))
    if blocks:
        return _finish(max(blocks, key=lambda b: len(b.code.strip())))
    return "", False


def _finish(block: _Block) -> tuple[str, bool]:
    if not block.closed:
        return block.code.lstrip("\n"), True
    return textwrap.dedent(block.code).strip("\n") + "\n", False


# --- answers without a fence ---------------------------------------------------------------------------


def _unfenced_program(text: str, cut: bool) -> tuple[str, bool]:
    """The longest compiling run of code lines; if the answer was cut mid-code, everything from its start."""
    lines = text.split("\n")
    starts = [0] + [i for i, line in enumerate(lines) if _CODE_START_RE.match(line)]
    run = _longest_run(lines, starts)
    if cut and len(starts) > 1 and (run is None or not _followed_by_prose(lines, run[1])):
        first = 0 if run is not None and run[0] == 0 else starts[1]
        return "\n".join(lines[first:]).lstrip("\n"), True
    if run is None:
        return "", False
    return "\n".join(lines[run[0] : run[1]]).strip("\n") + "\n", False


def _longest_run(lines: list[str], starts: list[int]) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for start in starts:
        if best is not None and start < best[1]:
            continue
        end = _compiling_end(lines, start)
        longer = best is None or end - start > best[1] - best[0]
        if longer and _looks_like_code("\n".join(lines[start:end])):
            best = (start, end)
    return best


def _compiling_end(lines: list[str], start: int) -> int:
    """The largest `end` such that lines[start:end] compiles, found by cutting at each syntax error."""
    end = len(lines)
    while end > start:
        error_line = _syntax_error_line("\n".join(lines[start:end]))
        if error_line is None:
            return end
        end = min(end - 1, start + error_line - 1)
    return start


def _followed_by_prose(lines: list[str], end: int) -> bool:
    """Prose follows line `end`: the code before it was complete."""
    rest = [line for line in lines[end:] if line.strip()]
    return bool(rest) and bool(_PROSE_RE.match(rest[0]))


# --- continuations -------------------------------------------------------------------------------------


def _continuation_code(answer: str) -> str:
    """The code of a continuation answer, which need not compile on its own."""
    text, _ = _clean(answer)
    blocks = [b for b in _fenced_blocks(text) if b.lang in _PYTHON_LANGS and b.code.strip()]
    if blocks:
        block = max(blocks, key=lambda b: len(b.code))
        return block.code.strip("\n") + "\n" if block.closed else block.code.lstrip("\n")
    return _trim_prose(text)


def _trim_prose(text: str) -> str:
    lines = text.split("\n")
    while lines and (not lines[0].strip() or _is_prose_sentence(lines[0])):
        del lines[0]
    if not any(_is_prose_sentence(line) for line in lines[-3:]):
        return "\n".join(lines)
    while lines and (not lines[-1].strip() or _is_prose_sentence(lines[-1])):
        del lines[-1]
    return "\n".join(lines) + "\n"


def _is_prose_sentence(line: str) -> bool:
    ends_sentence = line.rstrip()[-1:] in {":", ".", "!"}
    return ends_sentence and bool(_PROSE_RE.match(line)) and not re.search(r"[\"(=]", line)


def _overlap_end(head: list[str], more: str) -> int | None:
    """Where `more` goes on after first repeating the last non-empty lines of `head` (at that line's end)."""
    tail = [line.strip() for line in head if line.strip()][-5:]
    more_lines = more.split("\n")
    starts = [i for i, line in enumerate(more_lines) if line.strip()]
    for k in range(min(len(tail), len(starts)), 0, -1):
        repeated = [more_lines[i].strip() for i in starts[:k]]
        if repeated == tail[-k:] and len("".join(repeated)) >= _MIN_OVERLAP_CHARS:
            return len("\n".join(more_lines[: starts[k - 1] + 1]))
    return None


def _drop_overlap_with_stub(head: list[str], stub: str, more: str) -> str | None:
    """When `more` restarts the unfinished last line `stub` (maybe after repeating lines before it),
    `more` from that restarted line on; else None."""
    tail = [line.strip() for line in head if line.strip()][-4:]
    more_lines = more.split("\n")
    starts = [i for i, line in enumerate(more_lines) if line.strip()]
    for k in range(min(len(tail), len(starts) - 1), -1, -1):
        repeated = [more_lines[i].strip() for i in starts[:k]]
        restarted = more_lines[starts[k]]
        if repeated == tail[len(tail) - k :] and restarted.strip().startswith(stub.strip()):
            indent = "" if restarted[:1].isspace() else stub[: len(stub) - len(stub.lstrip())]
            return indent + "\n".join(more_lines[starts[k] :])
    return None


def _separator(stub: str, more: str) -> str:
    """A newline when `more` starts a new statement after the complete last line `stub`; else ""."""
    first = more.split("\n", 1)[0]
    if not first.strip() or not _line_compiles(stub.strip()):
        return ""
    if first.startswith("  ") or not _line_compiles(stub.strip() + first):
        return "\n" if _line_compiles(first.strip()) else ""
    return ""


# --- Python checks -------------------------------------------------------------------------------------


def _parse(code: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(code)


def _syntax_error_line(code: str) -> int | None:
    """None when `code` parses; else the 1-based line of the first syntax error."""
    try:
        _parse(code)
    except SyntaxError as error:
        return error.lineno or code.count("\n") + 1
    except (ValueError, RecursionError, MemoryError):
        return code.count("\n") + 1
    return None


def _compiles(code: str) -> bool:
    return _syntax_error_line(code) is None


def _line_compiles(line: str) -> bool:
    return _compiles(line) or _compiles(line + "\n    pass")


def _has_main(code: str) -> bool:
    return bool(_MAIN_RE.search(code))


def _looks_like_code(code: str) -> bool:
    """Code lines, not prose that happens to parse (a lone word, a bare string)."""
    if any(_CODE_START_RE.match(line.lstrip()) for line in code.split("\n")):
        return True
    if not _compiles(code):
        return False
    body = _parse(code).body
    return any(not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Name | ast.Constant)) for s in body)
