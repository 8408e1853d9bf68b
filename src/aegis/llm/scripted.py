"""`scripted:FILE`: replays canned assistant replies, for demos and tests.

The file is either a JSON array of strings, or text with replies separated by lines holding only `---8<---`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from aegis.errors import ConfigError, LLMError
from aegis.paths import read_text
from aegis.schema import Completion, Message, Usage

SEPARATOR = "---8<---"


class ScriptedLLM:
    def __init__(self, replies: Sequence[str], *, name: str = "scripted") -> None:
        self.name = name
        self._replies = list(replies)
        self._next = 0

    @classmethod
    def from_file(cls, path: str) -> ScriptedLLM:
        if not path:
            raise ConfigError("scripted: needs a file, e.g. scripted:replies.json")
        text = read_text(Path(path))
        return cls(_parse(path, text), name=f"scripted:{Path(path).name}")

    def complete(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        if self._next >= len(self._replies):
            raise LLMError(f"{self.name}: no replies left after {len(self._replies)}")
        text = self._replies[self._next]
        self._next += 1
        prompt_words = sum(len(m.content.split()) for m in messages)
        return Completion(
            text=text, usage=Usage(prompt_tokens=prompt_words, completion_tokens=len(text.split())), model=self.name
        )

    def complete_many(self, messages: Sequence[Message], *, n: int, max_tokens: int, seed: int) -> list[Completion]:
        """The next `n` replies (fewer when the script runs out after the first)."""
        first = self.complete(messages, max_tokens=max_tokens, seed=seed)
        more = min(n - 1, len(self._replies) - self._next)
        return [first, *(self.complete(messages, max_tokens=max_tokens, seed=seed + k) for k in range(1, more + 1))]

    def sample(self, messages: Sequence[Message], *, max_tokens: int, seed: int) -> Completion:
        """The next reply, as `complete` gives it: a script has no temperature."""
        return self.complete(messages, max_tokens=max_tokens, seed=seed)

    def close(self) -> None:
        return None


def _parse(path: str, text: str) -> list[str]:
    if text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise ConfigError(f"{path}: not a JSON array of strings ({exc})") from None
        if not isinstance(data, list) or not all(isinstance(item, str) for item in data):
            raise ConfigError(f"{path}: a JSON file of replies must be an array of strings")
        return list(data)
    return [part.strip("\n") for part in text.split(f"\n{SEPARATOR}\n")]
