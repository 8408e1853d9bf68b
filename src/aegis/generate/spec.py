"""The model writes the acceptance spec for a task that has none: the features a user sees and 3-6 checks.

The answer is one JSON object, `{"features": [...], "checks": [...]}`, the checks in the language of
`aegis.acceptance`. A small model pads and loops, so repeated checks and checks that expect nothing are
dropped, only the first MAX_CHECKS are kept, and an answer cut off mid-way keeps its complete checks.
An invalid answer is sent back once with the reason (the AcceptanceError text, which names the check and
step, or what is wrong with the JSON); when the second answer is invalid too, the spec is recorded as
invalid and the build goes on without acceptance checks.

    SpecWriter.checks_for(task, recorder)  the loop's step: write, record spec.json and an event, -> CheckSet
    write_spec(llm, task, ...) -> Spec     ask, validate, ask again once
    prompt(task)              -> messages the first request
    parse_spec(answer)        -> (features, checks); raises AcceptanceError with the text the model reads
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aegis.acceptance import STEPS, CheckSet, parse_checks
from aegis.config import AegisConfig
from aegis.errors import AcceptanceError
from aegis.generate import prompts
from aegis.protocols import LLM
from aegis.run.recorder import RunRecorder
from aegis.schema import Completion, Frozen, Message, Usage

OnExchange = Callable[[list[Message], Completion], None]
log = logging.getLogger("aegis")

MAX_CHECKS = 6
"""Checks kept from a spec; extra ones are dropped rather than failed."""
CUT_OFF = ("length", "repetition")
"""Finish reasons of an answer that stopped before its end: at max_tokens, or cut out of a loop."""
ACTIONS = frozenset(verb for verb in STEPS if not verb.startswith("expect_"))
"""The verbs that do something; a check of these alone tests nothing a user would see."""
MAX_ATTEMPTS = 2
"""The first answer, and one more after the validation error is sent back (with the next seed, so a small
model does not sample the same answer again)."""

_FENCE_RE = re.compile(r"^[ \t]*```[ \t]*(?P<lang>[\w-]*)[^\n]*\n(?P<body>.*?)(?:^[ \t]*```|\Z)", re.DOTALL | re.M)
_THINK_RE = re.compile(r"^.*</think(?:ing)?>", re.DOTALL | re.IGNORECASE)
_DECODER = json.JSONDecoder()


class Spec(Frozen):
    """What the model says the app should do, and whether it said it in the check language."""

    features: list[str]
    """The user-visible features, in the model's words."""
    checks: list[dict[str, object]]
    """The checks as `parse_checks` accepted them; [] when the spec is invalid."""
    valid: bool
    error: str = ""
    """The last validation error, when invalid."""
    usage: Usage = Usage()
    """Tokens of every spec request together."""
    attempts: int = 1


@dataclass(frozen=True)
class SpecWriter:
    llm: LLM
    max_tokens: int
    seed: int

    @classmethod
    def of(cls, llm: LLM, config: AegisConfig) -> SpecWriter:
        return cls(llm, config.loop.spec_max_tokens, config.llm.seed)

    def checks_for(self, task: str, recorder: RunRecorder) -> tuple[CheckSet | None, Usage]:
        """The checks of a spec the model writes (None when it is invalid), recorded in the run folder."""
        spec = write_spec(self.llm, task, max_tokens=self.max_tokens, seed=self.seed, on_exchange=recorder.chat)
        recorder.write_json("spec.json", spec.model_dump(mode="json"))
        recorder.event(
            "spec",
            valid=spec.valid,
            checks=len(spec.checks),
            error=spec.error,
            attempts=spec.attempts,
            prompt_tokens=spec.usage.prompt_tokens,
            completion_tokens=spec.usage.completion_tokens,
        )
        if not spec.valid:
            log.info("the model's spec is not valid (%s); building without acceptance checks", spec.error)
            return None, spec.usage
        return CheckSet.parse("generated", spec.checks), spec.usage


def write_spec(llm: LLM, task: str, *, max_tokens: int, seed: int, on_exchange: OnExchange) -> Spec:
    """Ask for a spec; send an invalid one back once with the reason."""
    messages = prompt(task)
    completions: list[Completion] = []
    error = ""
    while len(completions) < MAX_ATTEMPTS:
        completion = llm.complete(messages, max_tokens=max_tokens, seed=seed + len(completions))
        on_exchange(messages, completion)
        completions.append(completion)
        try:
            features, checks = parse_spec(completion.text, cut=completion.finish_reason in CUT_OFF)
        except AcceptanceError as exc:
            error = str(exc)
            messages = fix_prompt(messages, completion.text, error)
            continue
        return Spec(features=features, checks=checks, valid=True, usage=_usage(completions), attempts=len(completions))
    return Spec(features=[], checks=[], valid=False, error=error, usage=_usage(completions), attempts=len(completions))


def prompt(task: str) -> list[Message]:
    return [Message(role="user", content=prompts.render("spec", task=task))]


def fix_prompt(messages: list[Message], answer: str, error: str) -> list[Message]:
    return [
        *messages,
        Message(role="assistant", content=answer),
        Message(role="user", content=prompts.render("spec_fix", error=error)),
    ]


def parse_spec(answer: str, *, cut: bool = False) -> tuple[list[str], list[dict[str, object]]]:
    """The features and the (at most MAX_CHECKS) checks of an answer; `cut`: it stopped before its end."""
    data = _spec_object(_json_text(answer), cut=cut)
    checks = data.get("checks")
    if not isinstance(checks, list):
        raise AcceptanceError('"checks" must be a non-empty list of {"name", "steps"} objects')
    kept = _useful(checks)[:MAX_CHECKS]
    parse_checks(kept)
    return _features(data.get("features")), kept


def _json_text(answer: str) -> str:
    """The first ```json block, else the first fenced block, else the text from the first "{" on."""
    text = _THINK_RE.sub("", answer).strip()
    blocks = list(_FENCE_RE.finditer(text))
    block = next((b for b in blocks if b["lang"].lower() == "json"), blocks[0] if blocks else None)
    if block is not None:
        return block["body"].strip()
    start, end = text.find("{"), text.rfind("}")
    if start < 0:
        raise AcceptanceError("the answer holds no JSON object; answer with one ```json block")
    return text[start : end + 1] if end > start else text[start:]


def _spec_object(text: str, *, cut: bool) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if not cut:
            raise AcceptanceError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
        data = _salvage(text)
    if isinstance(data, list):
        data = {"checks": data}
    if not isinstance(data, dict):
        raise AcceptanceError('the answer must be one JSON object with "features" and "checks"')
    return data


def _salvage(text: str) -> dict[str, Any]:
    """The features and the complete checks of a JSON answer cut off mid-way (often in a loop of checks)."""
    checks = _complete_items(text, "checks")
    if not checks:
        raise AcceptanceError("the answer was cut off before the JSON ended; write fewer, shorter checks")
    return {"features": _complete_items(text, "features"), "checks": checks}


def _complete_items(text: str, key: str) -> list[object]:
    """The whole JSON values at the start of the array under `key`, up to the first incomplete one."""
    found = re.search(rf'"{key}"\s*:\s*\[', text)
    if found is None:
        return []
    items: list[object] = []
    position = found.end()
    while True:
        while position < len(text) and text[position] in " \t\r\n,":
            position += 1
        try:
            item, position = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError:
            return items
        items.append(item)


def _useful(checks: list[Any]) -> list[Any]:
    """The checks without repeats and without those made of actions only (malformed ones stay, to be reported)."""
    kept: list[Any] = []
    for check in checks:
        if check not in kept and not _expects_nothing(check):
            kept.append(check)
    if checks and not kept:
        raise AcceptanceError("no check has an expect_ step; end every check with what the user should see")
    return kept


def _expects_nothing(check: object) -> bool:
    steps = check.get("steps") if isinstance(check, dict) else None
    if not isinstance(steps, list) or not steps:
        return False
    return all(isinstance(step, dict) and any(verb in ACTIONS for verb in step) for step in steps)


def _features(raw: object) -> list[str]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else []
    return [str(item).strip() for item in items if str(item).strip()]


def _usage(completions: list[Completion]) -> Usage:
    return Usage(
        prompt_tokens=sum(c.usage.prompt_tokens for c in completions),
        completion_tokens=sum(c.usage.completion_tokens for c in completions),
    )
