"""Keep secrets out of everything AEGIS writes: logs, transcripts, events, metadata, reports, folder names.

Matching ignores case: a key typed into a task comes back lowercased in a run folder's name and every path
under it, and must be masked there too.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping

from aegis.sandbox.runner import SECRET_NAME

MIN_SECRET_LENGTH = 6
MASK = "[REDACTED]"
KEY_PATTERNS = re.compile(
    r"\b(?:"  # a key starts a word: "task-tracker-with-priorities" holds "sk-..." but is no key
    r"sk-[A-Za-z0-9_\-]{16,}"  # OpenAI-style keys
    r"|AIza[0-9A-Za-z_\-]{30,}"  # Google API keys
    r"|gh[pousr]_[A-Za-z0-9]{30,}"  # GitHub tokens
    r"|hf_[A-Za-z0-9]{30,}"  # Hugging Face tokens
    r"|xox[abpr]-[A-Za-z0-9\-]{10,}"  # Slack tokens
    r")",
    re.IGNORECASE,
)


class Redactor:
    """Masks the values of secret-looking environment variables and well-known key shapes."""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        source = os.environ if env is None else env
        values = {v for k, v in source.items() if SECRET_NAME.search(k) and len(v) >= MIN_SECRET_LENGTH}
        longest_first = sorted(values, key=len, reverse=True)
        self._values = re.compile("|".join(map(re.escape, longest_first)), re.IGNORECASE) if values else None

    def __call__(self, text: str) -> str:
        if self._values is not None:
            text = self._values.sub(MASK, text)
        return KEY_PATTERNS.sub(MASK, text)


class RedactingFilter(logging.Filter):
    """A logging filter that redacts each record's final message before any handler formats it."""

    def __init__(self, redact: Redactor) -> None:
        super().__init__()
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        """Fold any traceback into the message too, so `log.exception(...)` cannot leak a key."""
        parts = [record.getMessage()]
        if record.exc_info:
            parts.append(_PLAIN.formatException(record.exc_info))
        if record.stack_info:
            parts.append(record.stack_info)
        record.msg = self.redact("\n".join(parts))
        record.args = record.exc_info = record.exc_text = record.stack_info = None
        return True


_PLAIN = logging.Formatter()
