"""The data of the action API: one call, one result, one parameters model per action.

The parameters models are the contract with the model: their field descriptions become the JSON schemas of
the tool definitions, and their validation messages are what the model reads when it gets a call wrong.

    ActionError        raised by an action for the model to read; the registry turns it into a failed result
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class ActionError(Exception):
    """An action refused or failed; ``str(error)`` is the message the model reads and can act on."""

    def __init__(self, message: str, *, data: Any = None) -> None:
        super().__init__(message)
        self.data = data
        """What the action still has to show, e.g. a command's output when it exited non-zero."""


class ActionCall(BaseModel):
    """One call of a named action, as the model asked for it."""

    model_config = ConfigDict(frozen=True)

    name: str
    params: dict[str, Any] = Field(default_factory=dict)


class ActionResult(BaseModel):
    """What one call did; serialised as JSON into the tool message the model reads next."""

    model_config = ConfigDict(frozen=True)

    success: bool
    data: Any = None
    error: str = ""
    """Why the call failed, written for the model; "" on success."""
    logs: list[str] = []
    """Notes about the call the model should know, e.g. that output was cut or a file no longer parses."""
    duration_ms: float


class Output(BaseModel):
    """What a handler may return instead of bare data when it has notes for the model."""

    model_config = ConfigDict(frozen=True)

    data: Any = None
    logs: list[str] = []


class Params(BaseModel):
    """Base of the parameters models: unknown parameters are an error, so typos do not pass silently.

    A parameter sent as ``null`` counts as left out, as models often send every parameter they know.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _null_means_default(cls, data: Any) -> Any:
        return {k: v for k, v in data.items() if v is not None} if isinstance(data, dict) else data


_PATH = "Path of the file, relative to the workspace root, with forward slashes (e.g. `app.py`)."


class ReadFileParams(Params):
    path: str = Field(description=_PATH)
    start_line: int = Field(default=1, ge=1, description="First line to show, 1-based.")
    end_line: int = Field(
        default=0, ge=0, description="Last line to show, 1-based and inclusive; 0 means the end of the file."
    )


class CreateFileParams(Params):
    path: str = Field(description=_PATH)
    content: str = Field(description="The complete text of the new file.")
    overwrite: bool = Field(
        default=False, description="Replace the file if it exists already; otherwise creating it is refused."
    )


class EditFileParams(Params):
    path: str = Field(description=_PATH)
    search: str = Field(
        description="Text to replace, copied exactly from the file (without line numbers); it must occur once. "
        "Include a few surrounding lines if it occurs more than once."
    )
    replace: str = Field(description="The text that takes its place.")


class ListFilesParams(Params):
    path: str = Field(default=".", description="Directory to list, relative to the workspace root.")
    recursive: bool = Field(default=False, description="Also list the contents of subdirectories.")


class GetSymbolsParams(Params):
    path: str = Field(description="Python file to outline, relative to the workspace root.")


class RunCommandParams(Params):
    argv: list[str] = Field(
        min_length=1,
        description='The program and its arguments as a list, e.g. ["python", "app.py"]; no shell is used.',
    )
    timeout_s: float = Field(
        default=30.0, gt=0, description="Seconds before the command is killed; capped by the workspace policy."
    )

    @field_validator("argv", mode="before")
    @classmethod
    def _not_a_shell_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            raise ValueError(f"argv must be a list of strings, not one string; e.g. {json.dumps(value.split())}")
        return value


class FinishParams(Params):
    summary: str = Field(default="", description="One or two sentences on what the program does.")
