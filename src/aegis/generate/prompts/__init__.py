"""Render the prompt templates beside this file (Jinja, StrictUndefined).

The message list always starts with the same system + task messages, so llama.cpp can reuse the
cached prefix on every repair round.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

import jinja2

from aegis.acceptance import AcceptanceCheck, Step, verb_of
from aegis.schema import Message, Problem

_env = jinja2.Environment(
    loader=jinja2.PackageLoader("aegis.generate", "prompts"),
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=False,
    autoescape=False,
)
_env.filters["q"] = repr  # 'quoted' the way the repair prompt's failure sentences quote labels

MAX_PROBLEMS = 3
"""Problems shown in one repair prompt: the first failures matter, the rest is noise for a small model."""
CHARS_PER_TOKEN = 3.0
"""A cautious estimate for code and tracebacks (Qwen's tokenizer averages about 3.5 on Python)."""
TRIMMED_TRACEBACK_LINES = 8
TRIMMED_MESSAGE_CHARS = 400


def render(name: str, **values: object) -> str:
    return _env.get_template(f"{name}.j2").render(**values).strip()


def start(
    task: str,
    checks: Sequence[AcceptanceCheck] = (),
    avoid: Sequence[Problem] = (),
    *,
    recipe: Sequence[str] = (),
) -> list[Message]:
    """The stable prefix: system rules, then the task, how to build it (`recipe`, see `recipe_for`) and how a user
    will test it (one line a check). A fresh start after failed rounds also lists what went wrong in them
    (`avoid`), after the task, without the program."""
    views = [{"name": c.name, "steps": [_step_view(s) for s in c.steps]} for c in checks]
    notes = [(_trimmed(p).message, hint(p)) for p in list(avoid)[:MAX_PROBLEMS]]
    return [
        Message(role="system", content=render("system")),
        Message(role="user", content=render("generate", task=task, recipe=list(recipe), checks=views, avoid=notes)),
    ]


def fresh(
    task: str,
    checks: Sequence[AcceptanceCheck],
    avoid: Sequence[Problem],
    *,
    recipe: Sequence[str] = (),
    budget: int | None = None,
) -> list[Message]:
    """A fresh start that lists what failed before, with fewer of those (down to none) until it fits `budget`."""
    shown = list(avoid)[:MAX_PROBLEMS]
    for count in range(len(shown), 0, -1):
        messages = start(task, checks, shown[:count], recipe=recipe)
        if budget is None or estimated_tokens(messages) <= budget:
            return messages
    return start(task, checks, recipe=recipe)


def recipe_for(task: str) -> list[str]:
    """How to build the kind of app the task names (data/recipes.json): the lines of every entry that matches."""
    return [line for pattern, lines in _recipes() if pattern.search(task) for line in lines]


def _step_view(step: Step) -> dict[str, object]:
    """A step for the templates: its fields by their check-language names, plus which verb it is."""
    return {"verb": verb_of(step), **step.model_dump(by_alias=True)}


def repair(
    task: str,
    previous_answer: str,
    problems: Sequence[Problem],
    checks: Sequence[AcceptanceCheck] = (),
    *,
    recipe: Sequence[str] = (),
    budget: int | None = None,
) -> list[Message] | None:
    """The task, the last program (always whole) and what failed, in at most `budget` prompt tokens (estimated):
    when it does not fit, tracebacks and messages are cut to their ends first, then fewer problems are shown,
    then the checks leave the task message, then the recipe. None when even that does not fit (the caller starts
    afresh)."""
    shown = list(problems)[:MAX_PROBLEMS]
    short = [_trimmed(p) for p in shown]
    cuts = ((shown, checks, recipe), (short, checks, recipe), (short[:1], checks, recipe), (short[:1], (), recipe))
    for fewer, with_checks, with_recipe in (*cuts, (short[:1], (), ())):
        messages = [
            *start(task, with_checks, recipe=with_recipe),
            Message(role="assistant", content=previous_answer),
            Message(role="user", content=failures(fewer)),
        ]
        if budget is None or estimated_tokens(messages) <= budget:
            return messages
    return None


def failures(problems: Sequence[Problem]) -> str:
    """What failed, for a repair: each problem, with advice where a small model keeps repeating the error."""
    return render("repair", problems=list(problems), hints=[hint(p) for p in problems])


def hint(problem: Problem) -> str:
    """The advice for an error a small model keeps repeating (data/repair_hints.json), or ""."""
    for pattern, advice in _hints():
        if pattern.search(problem.message):
            return advice
    return ""


@cache
def _hints() -> list[tuple[re.Pattern[str], str]]:
    text = resources.files("aegis.data").joinpath("repair_hints.json").read_text(encoding="utf-8")
    return [(re.compile(entry["pattern"]), entry["hint"]) for entry in json.loads(text)["hints"]]


@cache
def _recipes() -> list[tuple[re.Pattern[str], list[str]]]:
    text = resources.files("aegis.data").joinpath("recipes.json").read_text(encoding="utf-8")
    return [(re.compile(entry["when"], re.IGNORECASE), entry["lines"]) for entry in json.loads(text)["recipes"]]


def estimated_tokens(messages: Sequence[Message]) -> int:
    return int(sum(len(m.content) + 8 for m in messages) / CHARS_PER_TOKEN)


def _trimmed(problem: Problem) -> Problem:
    """The end of a traceback (the root error and the app's last frames) and the start of the message."""
    lines = problem.traceback.splitlines()
    traceback = problem.traceback
    if len(lines) > TRIMMED_TRACEBACK_LINES:
        traceback = "\n".join(["...", *lines[-TRIMMED_TRACEBACK_LINES:]])
    message = problem.message
    if len(message) > TRIMMED_MESSAGE_CHARS:
        message = message[:TRIMMED_MESSAGE_CHARS].rstrip() + " ..."
    return problem.model_copy(update={"traceback": traceback, "message": message})


def continuation(messages: Sequence[Message], partial_answer: str) -> list[Message]:
    return [
        *messages,
        Message(role="assistant", content=partial_answer),
        Message(role="user", content=render("continue")),
    ]


def fenced(code: str) -> str:
    return f"```python\n{code.rstrip()}\n```"
