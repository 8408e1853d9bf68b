"""Pretended features are named: handlers that only announce work, next to code that says it is not done."""

from __future__ import annotations

from pathlib import Path

import pytest

from aegis.precheck.placeholders import find_placeholders
from aegis.schema import Problem

APPS = Path(__file__).parent / "apps" / "placeholders"
CORPUS = Path(__file__).resolve().parents[1] / "bench" / "corpus"


def names(found: list[Problem]) -> list[str]:
    return [p.message.split("()")[0] for p in found]


def test_a_screenshot_handler_that_only_shows_a_message_box_is_a_placeholder() -> None:
    found = find_placeholders((APPS / "screenshot_shell.py").read_text())
    assert names(found) == ["take_screenshot", "start_recording"]
    assert all(p.kind == "placeholder" and p.severity == "fail" for p in found)
    assert "'Implement screenshot capturing logic here'" in found[0].message
    assert "(simulated)" in found[1].message


def test_a_simulated_progress_an_empty_handler_and_not_implemented_are_placeholders() -> None:
    found = find_placeholders((APPS / "converter_shell.py").read_text())
    assert names(found) == ["convert", "load_model", "export"]
    assert "Simulate conversion process" in found[0].message
    assert "its body is empty" in found[1].message and "NotImplementedError" in found[2].message


def test_real_features_with_a_todo_a_message_box_or_an_empty_override_are_not() -> None:
    assert find_placeholders((APPS / "real_features.py").read_text()) == []


@pytest.mark.parametrize("program", sorted(CORPUS.glob("*.py")), ids=lambda p: p.stem)
def test_no_false_alarm_on_the_working_corpus(program: Path) -> None:
    assert find_placeholders(program.read_text(encoding="utf-8")) == []


def test_code_that_does_not_parse_has_none() -> None:
    assert find_placeholders("def broken(:\n    # TODO implement here\n") == []
