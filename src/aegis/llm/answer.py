"""An OpenAI-compatible server's answer, checked before it is read: each way it can be wrong is one line.

chat_completion(sdk, **params) -> ChatCompletion   one chat request through the SDK (its retries and errors);
                                                   LLMError "M: the server's answer is not JSON: ..." when
                                                   the body is not UTF-8, not JSON, not an object, or lacks
                                                   what a chat completion holds
answer_problem(body) -> str | None                 what is wrong with a body, worded to follow "the answer"
"""

from __future__ import annotations

import json
from typing import Any

import openai
from openai.types.chat import ChatCompletion

from aegis.errors import LLMError
from aegis.paths import not_utf8

JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false"}
SHOWN_CHARS = 80
"""How much of a body that is not JSON the error line quotes."""
TOKEN_COUNTS = ("prompt_tokens", "completion_tokens")


def chat_completion(sdk: openai.OpenAI, **params: Any) -> ChatCompletion:
    raw = sdk.chat.completions.with_raw_response.create(**params)
    problem = answer_problem(raw.content)
    parsed = raw.parse() if problem is None else None
    if not isinstance(parsed, ChatCompletion):
        raise LLMError(f"{params['model']}: the server's answer {problem or 'is not a chat completion'}")
    return parsed


def answer_problem(body: bytes) -> str | None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"is not UTF-8 text ({not_utf8(exc)})"
    try:
        data = json.loads(text)
    except ValueError:
        shown = " ".join(text.split())
        return f"is not JSON: {shown[:SHOWN_CHARS]!r}" if shown else "is empty"
    if not isinstance(data, dict):
        return f"is {JSON_KINDS.get(type(data), 'null')} in JSON, not an object"
    return _completion_problem(data)


def _completion_problem(data: dict[str, Any]) -> str | None:
    choices = data.get("choices")
    if not isinstance(choices, list) or not choices:
        return "has no choices"
    choice = choices[0]
    message = choice.get("message") if isinstance(choice, dict) else None
    if not isinstance(message, dict):
        return "has no message in its first choice"
    return _message_problem(choice, message) or _envelope_problem(data)


def _message_problem(choice: dict[str, Any], message: dict[str, Any]) -> str | None:
    if not isinstance(choice.get("finish_reason"), str | None):
        return "has a finish reason that is not text"
    if not isinstance(message.get("content"), str | None):
        return "has a message whose content is not text"
    calls = message.get("tool_calls")
    if calls is not None and not (isinstance(calls, list) and all(isinstance(call, dict) for call in calls)):
        return "has tool calls that are not a list of objects"
    return None


def _envelope_problem(data: dict[str, Any]) -> str | None:
    if not isinstance(data.get("model"), str | None):
        return "names its model with something that is not text"
    usage = data.get("usage")
    if usage is None:
        return None
    if not isinstance(usage, dict) or not all(isinstance(usage.get(name), int | None) for name in TOKEN_COUNTS):
        return "has token counts that are not numbers"
    return None
