"""The API of builds: queue, list, read, follow, cancel, retry.

POST   /api/builds                 {"task", "model"?, "checks"?, "max_rounds"?, "package"?} -> 201 {"id"}
GET    /api/builds                 every build and run folder, newest first
GET    /api/builds/{id}            one build: rounds, verdicts, requirements, package
GET    /api/builds/{id}/events     its live events (server-sent events)
DELETE /api/builds/{id}            cancel a queued or running build
POST   /api/builds/{id}/retry      the same build again -> 201 {"id"}
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field

from aegis.acceptance import checks_from_text
from aegis.errors import AcceptanceError
from aegis.serve.settings import Settings, SettingsDep, entry_of
from aegis.serve.store import BuildRequest
from aegis.serve.stream import build_events
from aegis.serve.views import every, find

router = APIRouter(prefix="/api/builds", tags=["builds"])


class NewBuild(BaseModel):
    task: str = Field(description="What to build, in one sentence.")
    model: str | None = Field(default=None, description="One of the server's models; its default when absent.")
    checks: str | None = Field(default=None, description="Acceptance checks, as YAML or JSON text.")
    max_rounds: int | None = Field(default=None, ge=1, le=20)
    package: bool | None = Field(default=None, description="Package a passing app (the server's default if absent).")


@router.post("", status_code=201, summary="Queue a build")
def submit(new: NewBuild, settings: SettingsDep) -> dict[str, str]:
    return {"id": settings.store.add(validate(new, settings)).id}


@router.get("", summary="Every build and run folder, newest first")
def builds(settings: SettingsDep) -> list[dict[str, Any]]:
    return [entry.summary() for entry in every(settings.store, settings.runs_dir)]


@router.get("/{build_id}", summary="One build: its rounds, verdicts, requirements and package")
def build(build_id: str, settings: SettingsDep) -> dict[str, Any]:
    return entry_of(settings, build_id).detail()


@router.get("/{build_id}/events", summary="The build's live events (server-sent events)")
def events(build_id: str, settings: SettingsDep) -> StreamingResponse:
    entry_of(settings, build_id)
    stream = build_events(lambda: find(settings.store, settings.runs_dir, build_id))
    return StreamingResponse(stream, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})


@router.delete("/{build_id}", summary="Cancel a queued or running build")
def cancel(build_id: str, settings: SettingsDep) -> dict[str, Any]:
    found = entry_of(settings, build_id)
    if found.build is None:
        raise HTTPException(409, "this run was not started by this server, so it cannot be cancelled here")
    if found.done:
        raise HTTPException(409, f"the build is already {found.status}")
    settings.store.cancel(build_id)
    return entry_of(settings, build_id).summary()


@router.post("/{build_id}/retry", status_code=201, summary="Queue the same build again")
def retry(build_id: str, settings: SettingsDep) -> dict[str, str]:
    found = entry_of(settings, build_id)
    if not found.done:
        raise HTTPException(409, f"the build is still {found.status}")
    if (old := found.build) is not None:
        again = NewBuild(**old.model_dump(include={"task", "model", "checks", "max_rounds", "package"}))
    else:
        again = NewBuild(task=found.info.task if found.info else "")
    return {"id": settings.store.add(validate(again, settings)).id}


def validate(new: NewBuild, settings: Settings) -> BuildRequest:
    """A build request the workers can run, or a 4xx with the reason in one line."""
    task = " ".join(new.task.split())
    limit = settings.config.serve.max_task_chars
    if not task:
        raise HTTPException(422, 'the task is empty: say what to build, e.g. "a calculator"')
    if len(task) > limit:
        raise HTTPException(422, f"the task is {len(task)} characters long; at most {limit}")
    model = new.model or settings.config.llm.model
    if model not in settings.models:
        raise HTTPException(422, f"unknown model {model!r}; this server offers: {', '.join(settings.models)}")
    checks = new.checks if new.checks and new.checks.strip() else None
    if checks is not None:
        try:
            checks_from_text(checks)
        except AcceptanceError as exc:
            raise HTTPException(422, f"checks: {exc}") from None
    if settings.store.queued() >= settings.config.serve.max_queue:
        raise HTTPException(429, f"the queue is full ({settings.config.serve.max_queue} builds wait); try later")
    return BuildRequest(task=task, model=model, checks=checks, max_rounds=new.max_rounds, package=new.package)
