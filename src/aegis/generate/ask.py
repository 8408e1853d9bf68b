"""One model round: the Asker seam, and the text mode's asker (whole-file answers, with continuations).

Asker.ask(kind, attempts, checks, seed, n) -> answers   the text mode (TextAsker: up to n candidates, each
                                                         asked for when the loop wants the next), the tools
                                                         mode (tools_mode.ToolsAsker) and the seed's
                                                         (bench.baselines): one each
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from aegis.acceptance import AcceptanceCheck
from aegis.generate import prompts
from aegis.generate.extract import extract_code, join_continuation
from aegis.protocols import LLM
from aegis.schema import Attempt, Completion, Message, Usage

log = logging.getLogger("aegis")

AttemptKind = Literal["generate", "repair", "regenerate"]
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


class Asker(Protocol):
    """Asks the model for the program of one round; writes the exchange to the run's transcript."""

    def ask(
        self, kind: AttemptKind, attempts: Sequence[Attempt], checks: Sequence[AcceptanceCheck], *, seed: int, n: int
    ) -> Iterable[Answer]:
        """`kind`: a first try, a repair of the last attempt, or a fresh start; `checks`: how a user will test it;
        `n`: candidates at most (an asker that samples once gives one). The loop takes them one at a time and
        stops at the first that passes: an asker may ask the model for each only when it is taken."""
        ...


class TextAsker:
    """The model answers with the whole program; a repair shows it its last program and what failed."""

    def __init__(
        self,
        llm: LLM,
        task: str,
        on_exchange: OnExchange,
        *,
        max_tokens: int,
        max_continuations: int,
        prompt_budget: int | None = None,
        together: bool = False,
        fresh_candidates: bool = False,
        recipe: Sequence[str] = (),
    ) -> None:
        self.llm = llm
        self.together = together
        """Ask for all candidates in one go (`llm.candidates_together`), not each when it is wanted."""
        self.fresh_candidates = fresh_candidates
        """In a repair round, candidates after the first start afresh, told what failed (`loop.repair_mix`)."""
        self.task = task
        self.recipe = recipe
        """How to build this kind of app, in every prompt (`loop.recipes`)."""
        self.on_exchange = on_exchange
        self.max_tokens = max_tokens
        self.max_continuations = max_continuations
        self.prompt_budget = prompt_budget
        """Prompt tokens that leave room for the answer in the model's context (None: no known limit)."""

    def ask(
        self, kind: AttemptKind, attempts: Sequence[Attempt], checks: Sequence[AcceptanceCheck], *, seed: int, n: int
    ) -> Iterator[Answer]:
        """A first try; a repair; or a fresh start that lists what failed last time (a regenerate, a repair that
        would not fit the context, and with `fresh_candidates` every repair candidate after the first)."""
        failed = attempts[-1].verdict.failures if attempts else []
        repair = self._repair(attempts[-1], checks) if kind == "repair" else None
        avoid = failed if kind != "generate" else ()
        fresh = prompts.fresh(self.task, checks, avoid, recipe=self.recipe, budget=self.prompt_budget)
        if repair is None:
            return self._answers(fresh, n=n, seed=seed)
        if not self.fresh_candidates or self.together or n == 1:
            return self._answers(repair, n=n, seed=seed)
        return itertools.chain(self._answers(repair, n=1, seed=seed), self._answers(fresh, n=n - 1, seed=seed + 1))

    def _answers(self, messages: list[Message], *, n: int, seed: int) -> Iterator[Answer]:
        return ask_for_code(
            self.llm,
            messages,
            n=n,
            together=self.together,
            max_tokens=self.max_tokens,
            seed=seed,
            max_continuations=self.max_continuations,
            on_exchange=self.on_exchange,
        )

    def _repair(self, last: Attempt, checks: Sequence[AcceptanceCheck]) -> list[Message] | None:
        """The repair prompt, trimmed to the budget; None (a fresh start) when the program alone overflows it."""
        previous = prompts.fenced(last.code) if last.code else last.verdict.problems[0].message
        failures = last.verdict.failures
        messages = prompts.repair(self.task, previous, failures, checks, recipe=self.recipe, budget=self.prompt_budget)
        if messages is None:
            log.warning("the last program is too long to repair within the model's context; starting afresh")
        return messages


def ask_for_code(
    llm: LLM,
    messages: list[Message],
    *,
    n: int = 1,
    together: bool = False,
    max_tokens: int,
    seed: int,
    max_continuations: int,
    on_exchange: OnExchange,
) -> Iterator[Answer]:
    """Up to `n` answers, each continued where it was cut off. The first is `complete`'s; the others are sampled,
    each asked for only when the one before was taken and found wanting, or (`together`) all in one call."""
    for completion in _completions(llm, messages, n=n, together=together, max_tokens=max_tokens, seed=seed):
        on_exchange(messages, completion)
        yield _continued(llm, messages, completion, max_tokens, seed, max_continuations, on_exchange)


def _completions(
    llm: LLM, messages: list[Message], *, n: int, together: bool, max_tokens: int, seed: int
) -> Iterator[Completion]:
    if together and n > 1:
        yield from llm.complete_many(messages, n=n, max_tokens=max_tokens, seed=seed)
        return
    yield llm.complete(messages, max_tokens=max_tokens, seed=seed)
    for k in range(1, n):
        yield llm.sample(messages, max_tokens=max_tokens, seed=seed + k)


def _continued(
    llm: LLM,
    messages: list[Message],
    completion: Completion,
    max_tokens: int,
    seed: int,
    max_continuations: int,
    on_exchange: OnExchange,
) -> Answer:
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
