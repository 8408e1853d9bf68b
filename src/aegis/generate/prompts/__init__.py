"""Render the prompt templates beside this file (Jinja, StrictUndefined).

The message list always starts with the same system + task messages, so llama.cpp can reuse the
cached prefix on every repair round.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def render(name: str, **values: object) -> str:
    return _env.get_template(f"{name}.j2").render(**values).strip()


def start(task: str, checks: Sequence[AcceptanceCheck] = ()) -> list[Message]:
    """The stable prefix: system rules, then the task and how a user will test it (one line a check)."""
    views = [{"name": c.name, "steps": [_step_view(s) for s in c.steps]} for c in checks]
    return [
        Message(role="system", content=render("system")),
        Message(role="user", content=render("generate", task=task, checks=views)),
    ]


def _step_view(step: Step) -> dict[str, object]:
    """A step for the templates: its fields by their check-language names, plus which verb it is."""
    return {"verb": verb_of(step), **step.model_dump(by_alias=True)}


def repair(
    task: str, previous_answer: str, problems: Sequence[Problem], checks: Sequence[AcceptanceCheck] = ()
) -> list[Message]:
    return [
        *start(task, checks),
        Message(role="assistant", content=previous_answer),
        Message(role="user", content=render("repair", problems=list(problems)[:MAX_PROBLEMS])),
    ]


def continuation(messages: Sequence[Message], partial_answer: str) -> list[Message]:
    return [
        *messages,
        Message(role="assistant", content=partial_answer),
        Message(role="user", content=render("continue")),
    ]


def fenced(code: str) -> str:
    return f"```python\n{code.rstrip()}\n```"
