"""Named actions: validate a call's parameters, run the handler, time it, and never raise.

Every way a call can go wrong ends in ``ActionResult(success=False, error=...)`` with text the model can act
on: an unknown name lists the known ones, bad parameters say which and what is expected, an ActionError
or OSError from the handler gives its message.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import core_schema

from aegis.actions.models import ActionCall, ActionError, ActionResult, Output

P = TypeVar("P", bound=BaseModel)
FINISH = "finish"
"""The action a model calls when the program is done; the tool loop stops on it."""


@dataclass(frozen=True)
class RegisteredAction:
    name: str
    params_model: type[BaseModel]
    handler: Callable[[Any], Any]
    description: str


class Registry:
    def __init__(self) -> None:
        self._actions: dict[str, RegisteredAction] = {}

    @property
    def names(self) -> list[str]:
        return list(self._actions)

    def register(self, name: str, params_model: type[P], handler: Callable[[P], Any], description: str) -> None:
        if name in self._actions:
            raise ValueError(f"action {name!r} is registered already")
        self._actions[name] = RegisteredAction(name, params_model, handler, description)

    def call(self, call: ActionCall) -> ActionResult:
        started = time.perf_counter()
        output = self._run(call)
        elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
        if isinstance(output, ActionError):
            return ActionResult(success=False, data=output.data, error=str(output), duration_ms=elapsed_ms)
        return ActionResult(success=True, data=output.data, logs=output.logs, duration_ms=elapsed_ms)

    def tool_definitions(self) -> list[dict[str, Any]]:
        """The actions as OpenAI ``tools``: name, description and the parameters' JSON schema."""
        return [
            {
                "type": "function",
                "function": {
                    "name": action.name,
                    "description": action.description,
                    "parameters": parameters_schema(action.params_model),
                },
            }
            for action in self._actions.values()
        ]

    def _run(self, call: ActionCall) -> Output | ActionError:
        action = self._actions.get(call.name)
        if action is None:
            known = ", ".join(self._actions) or "none"
            return ActionError(f"unknown action {call.name!r}; the known actions are: {known}")
        try:
            params = action.params_model.model_validate(call.params)
        except ValidationError as exc:
            return ActionError(validation_message(action, exc))
        try:
            result = action.handler(params)
        except ActionError as exc:
            return exc
        except OSError as exc:
            return ActionError(f"{action.name} failed: {exc.strerror or exc}")
        return result if isinstance(result, Output) else Output(data=result)


def validation_message(action: RegisteredAction, error: ValidationError) -> str:
    """``invalid parameters for NAME: field: problem; ...`` plus the parameters NAME takes."""
    problems = []
    for item in error.errors(include_url=False):
        where = ".".join(str(part) for part in item["loc"]) or "parameters"
        problems.append(f"{where}: {item['msg'].removeprefix('Value error, ')}")
    return f"invalid parameters for {action.name}: {'; '.join(problems)}. {signature(action)}"


def signature(action: RegisteredAction) -> str:
    schema = parameters_schema(action.params_model)
    required = set(schema.get("required", []))
    parts = [
        f"{name} ({prop.get('type', 'value')}{', required' if name in required else ''})"
        for name, prop in schema.get("properties", {}).items()
    ]
    return f"{action.name} takes: {', '.join(parts) or 'no parameters'}."


class _WithoutTitles(GenerateJsonSchema):
    """Schemas without pydantic's generated titles: shorter prompts, same meaning."""

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def model_schema(self, schema: core_schema.ModelSchema) -> dict[str, Any]:
        result = super().model_schema(schema)
        result.pop("title", None)
        return result


def parameters_schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(schema_generator=_WithoutTitles)
