"""Redaction: secrets from the environment and well-known key shapes never reach what AEGIS writes."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from aegis.run.redact import MASK, RedactingFilter, Redactor

OPENAI_KEY = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z"
GOOGLE_KEY = "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q"


def test_values_of_secret_named_env_vars_are_masked() -> None:
    redact = Redactor(
        env={"MY_SERVICE_API_KEY": "abcdef123456", "GITHUB_TOKEN": "token-value-42", "HOME": "/home/alice"}
    )
    text = "key abcdef123456 token token-value-42 home /home/alice"
    assert redact(text) == f"key {MASK} token {MASK} home /home/alice"


def test_a_longer_secret_is_masked_whole_even_when_a_shorter_one_is_inside_it() -> None:
    redact = Redactor(env={"A_TOKEN": "abcdefgh", "B_API_KEY": "abcdefgh1234"})
    assert redact("x=abcdefgh1234 y=abcdefgh") == f"x={MASK} y={MASK}"


def test_short_values_are_not_masked() -> None:
    redact = Redactor(env={"EMPTY_API_KEY": "", "DEBUG_TOKEN": "1", "X_API_KEY": "none"})
    text = "1 none of these are secrets; exit code 1"
    assert redact(text) == text


@pytest.mark.parametrize("key", [OPENAI_KEY, "sk-" + "a1B2" * 12, GOOGLE_KEY, "ghp_" + "Z" * 36, "hf_" + "q" * 34])
def test_known_key_shapes_are_masked_without_any_env_var(key: str) -> None:
    redact = Redactor(env={})
    assert redact(f'client = OpenAI(api_key="{key}")') == f'client = OpenAI(api_key="{MASK}")'


@pytest.mark.parametrize(
    "text",
    [
        "runs/20260315_120000_task-tracker-with-priorities/program.log",
        "a-desk-clock-with-alarms-and-snooze",
        "risk-assessment-matrix-editor",
        "self.ask-for-confirmation-dialog",
    ],
)
def test_ordinary_words_containing_sk_are_left_alone(text: str) -> None:
    assert Redactor(env={})(text) == text


@pytest.fixture
def logged() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    logger = logging.getLogger("aegis.test_redact")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter(Redactor(env={"OPENAI_API_KEY": "plain-secret-value"})))
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield logger, stream
    finally:
        logger.removeHandler(handler)
        logger.propagate = True


def test_the_logging_filter_masks_secrets_passed_as_args(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = logged
    logger.warning("calling %s with key %s (%d tries)", "https://api.example", "plain-secret-value", 3)
    logger.warning("inline key %s", OPENAI_KEY)
    assert stream.getvalue() == (
        f"WARNING calling https://api.example with key {MASK} (3 tries)\nWARNING inline key {MASK}\n"
    )


def test_the_logging_filter_masks_secrets_in_tracebacks(logged: tuple[logging.Logger, io.StringIO]) -> None:
    logger, stream = logged
    try:
        raise RuntimeError("auth failed for plain-secret-value")
    except RuntimeError:
        logger.exception("request failed")
    output = stream.getvalue()
    assert output.startswith("ERROR request failed\nTraceback (most recent call last):")
    assert f"RuntimeError: auth failed for {MASK}" in output
    assert "plain-secret-value" not in output
