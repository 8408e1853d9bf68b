"""Ask the model for a program: one call, plus continuations when the answer is cut off."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from aegis.generate import prompts
from aegis.generate.extract import extract_code, join_continuation
from aegis.protocols import LLM
from aegis.schema import Completion, Message, Usage

log = logging.getLogger("aegis")

OnExchange = Callable[[list[Message], Completion], None]


@dataclass(frozen=True)
class Answer:
    code: str
    """The program, or "" when the answer held none."""
    raw: str
    """The model's text, for the transcript and the next repair prompt."""
    usage: Usage
    seconds: float
    reason: str = ""
    """Why there is no code, when there is none."""


def ask_for_code(
    llm: LLM,
    messages: list[Message],
    *,
    max_tokens: int,
    seed: int,
    max_continuations: int,
    on_exchange: OnExchange,
) -> Answer:
    completion = llm.complete(messages, max_tokens=max_tokens, seed=seed)
    on_exchange(messages, completion)
    completions = [completion]
    extraction = extract_code(completion.text, finish_reason=_finish(completion))
    code = extraction.code
    while extraction.truncated and code and len(completions) <= max_continuations:
        log.info("answer was cut off (%s); asking the model to continue", completion.finish_reason)
        follow_up = prompts.continuation(messages, prompts.fenced(code))
        completion = llm.complete(follow_up, max_tokens=max_tokens, seed=seed)
        on_exchange(follow_up, completion)
        completions.append(completion)
        code = join_continuation(code, completion.text)
        extraction = extract_code(prompts.fenced(code), finish_reason=_finish(completion))
    return Answer(
        code=code,
        raw="\n".join(c.text for c in completions),
        usage=Usage(
            prompt_tokens=sum(c.usage.prompt_tokens for c in completions),
            completion_tokens=sum(c.usage.completion_tokens for c in completions),
        ),
        seconds=sum(c.seconds for c in completions),
        reason=extraction.reason,
    )


def _finish(completion: Completion) -> str:
    """A loop cut short by the repetition guard is as unfinished as one that hit max_tokens."""
    return "length" if completion.finish_reason in ("length", "repetition") else completion.finish_reason
