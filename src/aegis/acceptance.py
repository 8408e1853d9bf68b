"""The acceptance check language: what a user would do and see, as data the probe can run.

A check is a name and a list of steps; each step is an object with exactly one verb:

    {"name": "adds two numbers",
     "steps": [{"click": "2"}, {"click": "+"}, {"click": "3"}, {"click": "="}, {"expect_text": "5"}]}

Actions
    click       a button or action by its text or accessible name; menus as "File > Save"
    type        text into a field, chosen by `into` (placeholder, label, accessible name) or the first field
    key         a key or shortcut ("Enter", "Left", "Space", "a", "Ctrl+S"), to `into` or the focused widget
    wait        seconds (timers run meanwhile)
    select      an item of a list, table, tree, combo box or tab bar, by its text (`in`: which one)
    drag        the item of a list, table or tree whose text contains this onto the widget `to` names
                (a list, table, tree or any widget, also by a label or group box title beside it)
    set_clipboard  put this text on the app's clipboard
    restart     end the app and start it again with the same home and working folder, so what it saved
                persists; the steps after it run against the new instance, expectations start afresh
    provide_file   a file of this name (with `content`) in the app's home folder, which open dialogs return from
                then on (folder dialogs: the home folder); .pdf, .xlsx, .wav and images are made real files
Expectations (retried for up to a second, so a short timer can catch up)
    expect_text             text shown somewhere (`in`: one widget; `elsewhere`: not in the field last typed
                            into, e.g. a live preview); numbers compare as numbers (5 == 5.0)
    expect_changed          "window": its pixels changed; else a widget (selector) whose text changed; compared
                            with the state before the last action (or the last expect_changed)
    expect_unchanged        "window": its pixels are as the last action left them (its state 0.3 s after it,
                            e.g. a stopwatch after Stop, however long the check waited); else a widget's text;
                            never retried
    expect_file             the file last chosen in a save dialog exists and contains this text ("": exists);
                            `format` (pdf, png, svg, html, csv, json, txt): it really is one, and a save dialog
                            offers a name with that suffix; `lacks`: it does not contain that text
    expect_image_shown      the sample image given to the last open dialog is visible in the window
    expect_items            a list, table or tree holds an entry containing this text (`count`: at least N rows)
    expect_count            at least N visible widgets of a kind (`of`: button, field, label, list, any)
    expect_no_dialog_error  no error or warning message box appeared during the check
    expect_sqlite           a SQLite database the app wrote since the check started (under its folder or home)
                            has a row with a cell containing this text
    expect_clipboard        the clipboard holds text containing this
    expect_not_stored       the app wrote a file since the check started (under its folder or home) and none
                            of them, SQLite cells included, holds this text (a vault's password in plain text)

Selectors forgive case, `&` accelerators, surrounding spaces, trailing "..." and look-alike symbols
("+"/"＋", "*"/"×"/"x", "/"/"÷", "-"/"−"). Every check runs on a fresh start of the app.

    parse_checks(data) -> list[AcceptanceCheck]    validate; AcceptanceError names the check and step
    load_checks(path)  -> list[AcceptanceCheck]    a JSON or YAML file: a list of checks, or {"checks": [...]}
    describe(step)     -> str                      the step in words, for reports and repair prompts
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, model_validator

from aegis.errors import AcceptanceError
from aegis.paths import read_text
from aegis.schema import CheckSource, Frozen


class _Step(Frozen):
    model_config = {"frozen": True, "extra": "forbid", "populate_by_name": True}


class Click(_Step):
    click: str = Field(min_length=1)
    double: bool = False


class Type(_Step):
    type: str
    into: str | None = None
    enter: bool = False
    """Press Enter after typing."""
    clear: bool = True
    """Empty the field first."""


class Key(_Step):
    key: str = Field(min_length=1)
    into: str | None = None


class Wait(_Step):
    wait: float = Field(gt=0, le=30)


class Select(_Step):
    select: str = Field(min_length=1)
    within: str | None = Field(default=None, alias="in")


class Drag(_Step):
    drag: str = Field(min_length=1)
    """Text contained in the dragged item of a list, table or tree."""
    to: str = Field(min_length=1)
    """The widget it is dropped onto, named like `in` (a label or group box title beside it counts)."""


class SetClipboard(_Step):
    set_clipboard: str
    """The text put on the clipboard, as if the user had copied it elsewhere."""


class ProvideFile(_Step):
    provide_file: str = Field(pattern=r"^[A-Za-z0-9_][A-Za-z0-9_ .,()-]*$", max_length=80)
    """A plain file name; its suffix says what kind of file is made (see probe/qt/accept_samples.py)."""
    content: str = ""
    """The file's text: a PDF shows it, a workbook's first sheet holds it as CSV rows; ignored for audio and images."""


class Restart(_Step):
    restart: Literal[True] = True
    """End the app and start it again with the same home and working folder."""


class ExpectText(_Step):
    expect_text: str = Field(min_length=1)
    within: str | None = Field(default=None, alias="in")
    exact: bool = False
    elsewhere: bool = False
    """Only in a widget other than the field the last `type` step typed into (a live preview)."""


class ExpectChanged(_Step):
    expect_changed: str = "window"


class ExpectUnchanged(_Step):
    expect_unchanged: str = "window"


FileFormat = Literal["pdf", "png", "svg", "html", "csv", "json", "txt"]
UNREADABLE = ("pdf", "png")
"""Formats whose text a check cannot read: only their format and `lacks` are checked."""


class ExpectFile(_Step):
    expect_file: str = ""
    """Text the saved file contains; "" only asks that it exists."""
    format: FileFormat | None = None
    """What the file really is (a PDF starts with %PDF, an SVG parses with an <svg> root, ...)."""
    lacks: str | None = Field(default=None, min_length=1)
    """Text the file must not contain (a vault must not hold the password in plain text)."""

    @model_validator(mode="after")
    def _readable(self) -> ExpectFile:
        if self.expect_file and self.format in UNREADABLE:
            raise ValueError(f'the text of a {self.format} file cannot be read; use "expect_file": "" with a format')
        return self


class ExpectImageShown(_Step):
    expect_image_shown: Literal[True] = True


class ExpectItems(_Step):
    expect_items: str = ""
    within: str | None = Field(default=None, alias="in")
    count: int = Field(default=1, ge=1)


class ExpectCount(_Step):
    expect_count: int = Field(ge=1)
    of: Literal["button", "field", "label", "list", "any"] = "any"


class ExpectNoDialogError(_Step):
    expect_no_dialog_error: Literal[True] = True


class ExpectSqlite(_Step):
    expect_sqlite: str = Field(min_length=1)
    """Text a cell of some table holds, in a SQLite file the app wrote since the check started."""


class ExpectClipboard(_Step):
    expect_clipboard: str = Field(min_length=1)
    """Text the clipboard holds."""


class ExpectNotStored(_Step):
    expect_not_stored: str = Field(min_length=1)
    """Text no file the app wrote since the check started may hold (a password kept only encrypted)."""


STEPS: dict[str, type[_Step]] = {
    "click": Click,
    "type": Type,
    "key": Key,
    "wait": Wait,
    "select": Select,
    "drag": Drag,
    "set_clipboard": SetClipboard,
    "provide_file": ProvideFile,
    "restart": Restart,
    "expect_text": ExpectText,
    "expect_changed": ExpectChanged,
    "expect_unchanged": ExpectUnchanged,
    "expect_file": ExpectFile,
    "expect_image_shown": ExpectImageShown,
    "expect_items": ExpectItems,
    "expect_count": ExpectCount,
    "expect_no_dialog_error": ExpectNoDialogError,
    "expect_sqlite": ExpectSqlite,
    "expect_clipboard": ExpectClipboard,
    "expect_not_stored": ExpectNotStored,
}
Step = (
    Click
    | Type
    | Key
    | Wait
    | Select
    | Drag
    | SetClipboard
    | ProvideFile
    | Restart
    | ExpectText
    | ExpectChanged
    | ExpectUnchanged
    | ExpectFile
    | ExpectImageShown
    | ExpectItems
    | ExpectCount
    | ExpectNoDialogError
    | ExpectSqlite
    | ExpectClipboard
    | ExpectNotStored
)
MAX_STEPS = 30


class AcceptanceCheck(Frozen):
    name: str = Field(min_length=1)
    steps: list[Step] = Field(min_length=1, max_length=MAX_STEPS)

    def wire(self) -> dict[str, Any]:
        """The check as the probe reads it: each step a plain object with its verb under "do"."""
        return {"name": self.name, "steps": [{"do": verb_of(s), **s.model_dump(by_alias=True)} for s in self.steps]}


class CheckSet(Frozen):
    """The checks an app must pass, and where they came from."""

    source: CheckSource
    checks: list[AcceptanceCheck] = Field(min_length=1)

    @classmethod
    def parse(cls, source: CheckSource, data: object) -> CheckSet:
        return cls(source=source, checks=parse_checks(data))


def verb_of(step: _Step) -> str:
    return next(verb for verb, cls in STEPS.items() if isinstance(step, cls))


def parse_checks(data: object) -> list[AcceptanceCheck]:
    """Validate raw checks (from a dataset, a file or the model); the error names the check and step."""
    if isinstance(data, dict) and "checks" in data:
        data = data["checks"]
    if not isinstance(data, list) or not data:
        raise AcceptanceError('checks must be a non-empty list of {"name", "steps"} objects')
    return [_check(index, raw) for index, raw in enumerate(data, 1)]


def load_checks(path: Path) -> list[AcceptanceCheck]:
    text = read_text(path, AcceptanceError)
    try:
        data = _parse_text(text, yaml=path.suffix in (".yaml", ".yml"))
    except ValueError as exc:
        raise AcceptanceError(f"{path}: {exc}") from None
    try:
        return parse_checks(data)
    except AcceptanceError as exc:
        raise AcceptanceError(f"{path}: {exc}") from None


def checks_from_text(text: str) -> list[AcceptanceCheck]:
    """Checks given as text (a form or an API request): JSON when it starts like JSON, else YAML."""
    try:
        data = _parse_text(text, yaml=not text.lstrip().startswith(("[", "{")))
    except ValueError as exc:
        raise AcceptanceError(str(exc)) from None
    return parse_checks(data)


DETAILS = {"to": " to {!r}", "format": " as a {} file", "lacks": " without {!r}"}
"""How describe() words a step's further fields."""


def describe(step: _Step) -> str:
    verb = verb_of(step)
    if verb == "restart":
        return "restart the app"
    value = getattr(step, verb)
    where = getattr(step, "within", None) or getattr(step, "into", None)
    words = verb.replace("_", " ")
    shown = f" {value!r}" if not isinstance(value, bool) and value != "" else ""
    details = "".join(form.format(getattr(step, name)) for name, form in DETAILS.items() if getattr(step, name, None))
    elsewhere = " outside the typed field" if getattr(step, "elsewhere", False) else ""
    return f"{words}{shown}" + (f" in {where!r}" if where else "") + details + elsewhere


def _check(index: int, raw: object) -> AcceptanceCheck:
    if not isinstance(raw, dict):
        raise AcceptanceError(f'check {index}: must be an object with "name" and "steps"')
    name = str(raw.get("name") or f"check {index}")
    steps = raw.get("steps")
    if not isinstance(steps, list) or not steps:
        raise AcceptanceError(f'check {index} ({name}): "steps" must be a non-empty list')
    extra = sorted(set(raw) - {"name", "steps"})
    if extra:
        raise AcceptanceError(f"check {index} ({name}): unknown field(s) {', '.join(extra)}")
    parsed = [_step(f"check {index} ({name}), step {n}", step) for n, step in enumerate(steps, 1)]
    try:
        return AcceptanceCheck.model_validate({"name": name, "steps": parsed})
    except ValidationError as exc:
        raise AcceptanceError(f"check {index} ({name}): {_first_error(exc)}") from None


def _step(where: str, raw: object) -> _Step:
    if not isinstance(raw, dict):
        raise AcceptanceError(f'{where}: must be an object such as {{"click": "OK"}}')
    verbs = [key for key in raw if key in STEPS]
    if len(verbs) != 1:
        found = ", ".join(map(repr, raw)) or "nothing"
        raise AcceptanceError(f"{where}: needs exactly one of {', '.join(STEPS)}; found {found}")
    try:
        return STEPS[verbs[0]].model_validate(raw)
    except ValidationError as exc:
        raise AcceptanceError(f"{where}: {_first_error(exc)}") from None


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    field = ".".join(str(part) for part in error["loc"])
    return f"{field}: {error['msg']}" if field else error["msg"]


def _parse_text(text: str, *, yaml: bool) -> object:
    if not yaml:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"not JSON: {exc.msg} at line {exc.lineno}") from None
    import yaml as pyyaml  # a declared dependency, imported only for YAML files

    try:
        return pyyaml.safe_load(text)
    except pyyaml.YAMLError as exc:
        raise ValueError(f"not YAML: {exc}") from None
