"""A repair never overflows the model's context: the program stays whole, the rest is cut to fit, in order
(tracebacks and messages to their ends, fewer problems, the checks, then the recipe), and a program too long to repair
within the context is regenerated instead. Real templates, the real asker, a scripted model."""

from __future__ import annotations

import logging

import pytest

from aegis.acceptance import parse_checks
from aegis.generate import prompts
from aegis.generate.ask import TextAsker
from aegis.llm.scripted import ScriptedLLM
from aegis.schema import Attempt, Completion, Message, Problem, Verdict
from helpers import COUNTER_APP, fenced

CHECKS = parse_checks(
    [{"name": "saves the typed text", "steps": [{"type": "hello aegis"}, {"click": "Save"}, {"expect_file": "hello"}]}]
)
FRAMES = "\n".join(f'  File "app.py", line {n}, in handler_{n}\n    self.step_{n}()' for n in range(150))
ROOT = "ValueError: could not convert string to float: ''"
PROBLEMS = [
    Problem(kind="exception", message=ROOT + " (clicking '=')", traceback=f"Traceback:\n{FRAMES}\n{ROOT}"),
    Problem(kind="unreadable_text", message="text 'Total' is unreadable: " + "white on white, " * 60),
    Problem(kind="acceptance", message="check 'saves the typed text' failed at click 'Save'"),
]
PROGRAM = fenced(COUNTER_APP)


def size(messages: list[Message] | None) -> int:
    assert messages is not None
    return prompts.estimated_tokens(messages)


def test_without_a_budget_everything_is_shown() -> None:
    messages = prompts.repair("a calculator", PROGRAM, PROBLEMS, CHECKS)
    assert messages is not None and FRAMES in messages[-1].content
    assert "A user will test it like this" in messages[1].content


def test_the_cuts_come_in_order_and_the_program_stays_whole() -> None:
    full = size(prompts.repair("a calculator", PROGRAM, PROBLEMS, CHECKS))
    cut = prompts.repair("a calculator", PROGRAM, PROBLEMS, CHECKS, budget=full - 1)
    assert cut is not None and cut[2].content == PROGRAM
    repair = cut[-1].content
    assert ROOT in repair and "handler_149" in repair and "handler_10\n" not in repair  # the traceback's end
    assert repair.count("\n- ") == 3 and "white on white, ..." not in repair and " ..." in repair
    three = size(cut)

    one = prompts.repair("a calculator", PROGRAM, PROBLEMS, CHECKS, budget=three - 1)
    assert one is not None and one[-1].content.count("\n- ") == 1 and ROOT in one[-1].content
    assert "A user will test it like this" in one[1].content

    bare = prompts.repair("a calculator", PROGRAM, PROBLEMS, CHECKS, budget=size(one) - 1)
    assert bare is not None and "A user will test it like this" not in bare[1].content
    assert bare[2].content == PROGRAM and ROOT in bare[-1].content

    assert prompts.repair("a calculator", PROGRAM, PROBLEMS, CHECKS, budget=size(bare) - 1) is None


@pytest.mark.parametrize("budget", [None, 100_000])
def test_the_asker_repairs_when_the_repair_fits(budget: int | None) -> None:
    asked: list[list[Message]] = []
    asker = TextAsker(
        ScriptedLLM([PROGRAM]),
        "a calculator",
        lambda m, c: asked.append(m),
        max_tokens=10,
        max_continuations=0,
        prompt_budget=budget,
    )
    last = Attempt(number=1, kind="generate", code=COUNTER_APP, verdict=Verdict.failing(*PROBLEMS))
    list(asker.ask("repair", [last], CHECKS, seed=1, n=1))
    assert asked[0][2].role == "assistant" and COUNTER_APP.strip() in asked[0][2].content


def test_a_program_too_long_to_repair_is_regenerated(caplog: pytest.LogCaptureFixture) -> None:
    asked: list[list[Message]] = []

    def record(messages: list[Message], completion: Completion) -> None:
        asked.append(messages)

    start = size(prompts.start("a calculator", CHECKS))
    asker = TextAsker(
        ScriptedLLM([PROGRAM]), "a calculator", record, max_tokens=10, max_continuations=0, prompt_budget=start + 20
    )
    last = Attempt(number=1, kind="generate", code=COUNTER_APP, verdict=Verdict.failing(*PROBLEMS))
    with caplog.at_level(logging.WARNING, logger="aegis"):
        answers = list(asker.ask("repair", [last], CHECKS, seed=1, n=1))
    assert asked == [prompts.start("a calculator", CHECKS)] and answers[0].code.strip() == COUNTER_APP.strip()
    assert "too long to repair" in caplog.text


def test_a_fresh_start_lists_as_many_earlier_failures_as_fit() -> None:
    bare = size(prompts.start("a calculator", CHECKS))
    every = prompts.fresh("a calculator", CHECKS, PROBLEMS)
    assert every == prompts.start("a calculator", CHECKS, PROBLEMS) and size(every) > bare + 20
    assert prompts.fresh("a calculator", CHECKS, PROBLEMS, budget=bare + 20) == prompts.start("a calculator", CHECKS)
    one = prompts.fresh(
        "a calculator", CHECKS, PROBLEMS, budget=size(prompts.start("a calculator", CHECKS, PROBLEMS[:1]))
    )
    assert one == prompts.start("a calculator", CHECKS, PROBLEMS[:1])


def test_the_recipe_leaves_a_repair_last() -> None:
    recipe, problem = prompts.recipe_for("a calculator"), PROBLEMS[2:]  # one short problem: nothing to trim
    bare = prompts.repair("a calculator", PROGRAM, problem, (), recipe=recipe)
    assert bare is not None and bare[:2] == prompts.start("a calculator", recipe=recipe)  # the first prompt's prefix
    kept = prompts.repair("a calculator", PROGRAM, problem, CHECKS, recipe=recipe, budget=size(bare))
    assert kept == bare  # the checks left first
    cut = prompts.repair("a calculator", PROGRAM, problem, CHECKS, recipe=recipe, budget=size(bare) - 1)
    assert cut == prompts.repair("a calculator", PROGRAM, problem)
