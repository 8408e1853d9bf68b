"""The spec round: the model writes acceptance checks; a real OpenAI-compatible server serves scripted replies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from aegis.acceptance import CheckSet
from aegis.generate.spec import Spec, prompt, write_spec
from aegis.llm import make_llm
from aegis.protocols import LLM
from aegis.schema import Completion, Message
from fakeserver import Reply, ScriptedServer

TASK = "a shopping list where you type an item, press Add, and remove the selected item with Remove"
ADDS = {"name": "adds an item", "steps": [{"type": "milk"}, {"click": "Add"}, {"expect_items": "milk"}]}
REMOVES = {
    "name": "removes the item",
    "steps": [
        {"type": "milk"},
        {"click": "Add"},
        {"select": "milk"},
        {"click": "Remove"},
        {"expect_changed": "window"},
    ],
}
SPEC = {"features": ["an item field", "Add and Remove buttons", "the list"], "checks": [ADDS, REMOVES]}
TAP = {"name": "adds an item", "steps": [{"tap": "Add"}, {"expect_items": "milk"}]}
TAPS = {"features": ["buttons"], "checks": [TAP]}


def as_json_block(spec: object, prose: str = "Here is the spec:") -> str:
    return f"{prose}\n\n```json\n{json.dumps(spec, indent=1)}\n```\n"


@pytest.fixture
def llm(server: ScriptedServer, config_for: Any) -> Iterator[LLM]:
    backend = make_llm(config_for(server).llm)
    yield backend
    backend.close()


def spec_for(llm: LLM, exchanges: list[tuple[list[Message], Completion]] | None = None) -> Spec:
    def record(messages: list[Message], completion: Completion) -> None:
        if exchanges is not None:
            exchanges.append((messages, completion))

    return write_spec(llm, TASK, max_tokens=600, seed=7, on_exchange=record)


def last_user_message(request: dict[str, Any]) -> str:
    message = request["messages"][-1]
    assert message["role"] == "user"
    return str(message["content"])


def test_valid_spec_gives_features_and_checks_in_one_request(server: ScriptedServer, llm: LLM) -> None:
    server.add(as_json_block(SPEC))
    exchanges: list[tuple[list[Message], Completion]] = []
    spec = spec_for(llm, exchanges)

    assert spec.valid and spec.error == "" and spec.attempts == 1
    assert spec.features == SPEC["features"]
    assert spec.checks == [ADDS, REMOVES]
    assert [c.name for c in CheckSet.parse("generated", spec.checks).checks] == ["adds an item", "removes the item"]
    assert len(server.requests) == 1 and len(exchanges) == 1
    request = server.requests[0]
    assert request["max_tokens"] == 600 and request["seed"] == 7
    assert TASK in last_user_message(request)
    assert spec.usage.prompt_tokens > 0 and spec.usage.completion_tokens > 0


def test_invalid_spec_is_sent_back_once_with_the_error(server: ScriptedServer, llm: LLM) -> None:
    first = as_json_block(TAPS)
    server.add(first, as_json_block(SPEC))
    exchanges: list[tuple[list[Message], Completion]] = []
    spec = spec_for(llm, exchanges)

    assert spec.valid and spec.attempts == 2 and spec.checks == [ADDS, REMOVES]
    assert len(server.requests) == 2 and len(exchanges) == 2
    fix = last_user_message(server.requests[1])
    assert fix.startswith("Your spec is not valid: check 1 (adds an item), step 1: needs exactly one of click")
    assert "found 'tap'" in fix and "Answer again with the whole JSON object only." in fix
    assert "A step is one object: one verb and only its own fields" in fix
    assert server.requests[1]["seed"] == 8  # the next seed, so the model does not sample the same answer
    sent_back = server.requests[1]["messages"]
    assert sent_back[:1] == server.requests[0]["messages"]
    assert sent_back[-2] == {"role": "assistant", "content": first}
    assert spec.usage.prompt_tokens == sum(c.usage.prompt_tokens for _, c in exchanges)


def test_two_invalid_answers_give_an_invalid_spec(server: ScriptedServer, llm: LLM) -> None:
    server.add(as_json_block(TAPS), as_json_block({"features": [], "checks": []}), as_json_block(SPEC))
    spec = spec_for(llm)

    assert not spec.valid and spec.checks == [] and spec.attempts == 2
    assert spec.error == 'checks must be a non-empty list of {"name", "steps"} objects'
    assert len(server.requests) == 2 and server.remaining == 1


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        ("Sure! The app will have an Add button and a list of items.", "the answer holds no JSON object"),
        ('```json\n{"features": ["a list"], "checks": [{"name": "adds",}]}\n```', "not valid JSON: Expecting"),
        ('```json\n["Add", "Remove"]\n```', 'check 1: must be an object with "name" and "steps"'),
    ],
)
def test_answer_that_is_not_a_spec_is_sent_back(server: ScriptedServer, llm: LLM, answer: str, error: str) -> None:
    server.add(answer, as_json_block(SPEC))
    spec = spec_for(llm)

    assert spec.valid and spec.attempts == 2
    assert error in last_user_message(server.requests[1])


def test_answer_cut_off_before_any_check_asks_for_a_shorter_spec(server: ScriptedServer, llm: LLM) -> None:
    server.add(
        Reply(content='```json\n{"features": ["a list"], "checks": [{"name": "adds", "st', finish_reason="length")
    )
    server.add(as_json_block(SPEC))
    spec = spec_for(llm)

    assert spec.valid and spec.attempts == 2
    assert "cut off before the JSON ended" in last_user_message(server.requests[1])


def test_looping_answer_keeps_its_complete_checks_without_repeats(server: ScriptedServer, llm: LLM) -> None:
    looping = as_json_block({"features": ["a list"], "checks": [ADDS, REMOVES, ADDS, REMOVES, ADDS]})
    server.add(Reply(content=looping[: looping.rindex('"name"') + 20], finish_reason="repetition"))
    spec = spec_for(llm)

    assert spec.valid and spec.attempts == 1 and len(server.requests) == 1
    assert spec.features == ["a list"] and spec.checks == [ADDS, REMOVES]


def test_checks_that_expect_nothing_are_dropped(server: ScriptedServer, llm: LLM) -> None:
    clicks_only = {"name": "opens", "steps": [{"click": "File > Open"}]}
    server.add(as_json_block({"features": [], "checks": [clicks_only, ADDS]}))
    server.add(as_json_block({"features": [], "checks": [clicks_only]}), as_json_block(SPEC))
    first, second = spec_for(llm), spec_for(llm)

    assert first.valid and first.checks == [ADDS]
    assert second.valid and second.attempts == 2 and second.checks == [ADDS, REMOVES]
    assert "no check has an expect_ step" in last_user_message(server.requests[2])


def test_more_than_six_checks_keeps_the_first_six(server: ScriptedServer, llm: LLM) -> None:
    checks = [{**ADDS, "name": f"adds {n}"} for n in range(1, 7)] + [TAP, REMOVES]
    server.add(as_json_block({"features": ["a list"], "checks": checks}))
    spec = spec_for(llm)

    assert spec.valid and len(server.requests) == 1
    assert [c["name"] for c in spec.checks] == [f"adds {n}" for n in range(1, 7)]


def test_bare_json_after_reasoning_is_read(server: ScriptedServer, llm: LLM) -> None:
    server.add(f"<think>The user wants {{a list}}.</think>\nThe spec: {json.dumps({'checks': [ADDS]})} Done.")
    spec = spec_for(llm)

    assert spec.valid and spec.features == [] and spec.checks == [ADDS]


def test_prompt_is_short_and_shows_the_check_language() -> None:
    long_task = (
        "a recipe manager where you add recipes with a name, ingredients and steps, search them by ingredient, "
        "mark favourites with a star, and export the selected recipe to a text file"
    )
    messages = prompt(long_task)
    text = "\n".join(m.content for m in messages)

    # the embedded Qwen tokenizer reads this prompt at ~3.6 chars a token: chars/4 < 400 is under ~440 tokens
    assert len(text) / 4 < 400
    assert long_task in text and "```json" in text
    verbs = ["click", "type", "key", "wait", "select", "expect_text", "expect_changed", "expect_file"]
    verbs += ["expect_image_shown", "expect_items", "expect_count", "expect_no_dialog_error"]
    assert all(f"\n{verb}: " in text for verb in verbs)
    assert all(f'"{field}"' in text for field in ("into", "in", "count", "of"))
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    assert CheckSet.parse("generated", json.loads(example))  # the example itself follows the language
