"""The FastAPI app: the JSON API under /api, the two pages, and the files of run and bench folders.

    create_app(settings) -> FastAPI

Every 4xx answers `{"error": "one clear line"}`. The OpenAPI page is at /docs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, StreamingResponse
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from aegis.acceptance import checks_from_text
from aegis.errors import AcceptanceError, AegisError
from aegis.serve import pages
from aegis.serve.guard import Guard
from aegis.serve.runs import diff, inside, list_benches, zip_run
from aegis.serve.settings import Settings
from aegis.serve.store import BuildRequest
from aegis.serve.stream import build_events
from aegis.serve.views import ID, Entry, every, find


class NewBuild(BaseModel):
    task: str = Field(description="What to build, in one sentence.")
    model: str | None = Field(default=None, description="One of the server's models; its default when absent.")
    checks: str | None = Field(default=None, description="Acceptance checks, as YAML or JSON text.")
    max_rounds: int | None = Field(default=None, ge=1, le=20)
    package: bool | None = Field(default=None, description="Package a passing app (the server's default if absent).")


def create_app(settings: Settings) -> FastAPI:
    app = FastAPI(title="AEGIS", description="Build, watch and download apps.", version="1")
    app.add_middleware(Guard, token=settings.token, loopback=settings.loopback)
    _errors(app)
    _api(app, settings)
    pages.add(app, settings)
    return app


def _errors(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        error = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "bad request"}
        where = ".".join(str(part) for part in error["loc"] if part != "body")
        return JSONResponse({"error": f"{where}: {error['msg']}" if where else error["msg"]}, status_code=422)


def _api(app: FastAPI, settings: Settings) -> None:  # noqa: C901 (one route each; they share `settings`)
    store, runs_dir = settings.store, settings.runs_dir

    def entry(build_id: str) -> Entry:
        found = find(store, runs_dir, build_id)
        if found is None:
            raise HTTPException(404, f"no build {build_id!r}")
        return found

    @app.post("/api/builds", status_code=201, summary="Queue a build")
    def submit(new: NewBuild) -> dict[str, str]:
        return {"id": store.add(validate(new, settings)).id}

    @app.get("/api/builds", summary="Every build and run folder, newest first")
    def builds() -> list[dict[str, Any]]:
        return [e.summary() for e in every(store, runs_dir)]

    @app.get("/api/builds/{build_id}", summary="One build: its rounds, verdicts, requirements and package")
    def build(build_id: str) -> dict[str, Any]:
        return entry(build_id).detail()

    @app.get("/api/builds/{build_id}/events", summary="The build's live events (server-sent events)")
    def events(build_id: str) -> StreamingResponse:
        entry(build_id)
        stream = build_events(lambda: find(store, runs_dir, build_id))
        return StreamingResponse(stream, media_type="text/event-stream", headers={"Cache-Control": "no-cache"})

    @app.get("/api/builds/{build_id}/files/{path:path}", summary="A file of the build's run folder")
    def file(build_id: str, path: str) -> FileResponse:
        found = entry(build_id)
        target = inside(found.run_dir, path) if found.run_dir else None
        if target is None:
            raise HTTPException(404, f"no file {path!r} in this build's run folder")
        return pages.file_response(target)

    @app.get("/api/builds/{build_id}/zip", summary="The whole run folder as a zip")
    def zipped(build_id: str) -> FileResponse:
        found = entry(build_id)
        if found.run_dir is None:
            raise HTTPException(404, "this build has no run folder yet")
        target = Path(tempfile.mkstemp(suffix=".zip")[1])
        zip_run(found.run_dir, target)
        cleanup = BackgroundTask(target.unlink, missing_ok=True)
        return FileResponse(target, filename=f"{found.run_dir.name}.zip", background=cleanup)

    @app.get("/api/builds/{build_id}/diff/{number}", summary="A round's program against the round before")
    def round_diff(build_id: str, number: int) -> PlainTextResponse:
        found = entry(build_id)
        return PlainTextResponse(diff(found.run_dir, number) if found.run_dir else "")

    @app.delete("/api/builds/{build_id}", summary="Cancel a queued or running build")
    def cancel(build_id: str) -> dict[str, Any]:
        found = entry(build_id)
        if found.build is None:
            raise HTTPException(409, "this run was not started by this server, so it cannot be cancelled here")
        if found.done:
            raise HTTPException(409, f"the build is already {found.status}")
        store.cancel(build_id)
        return entry(build_id).summary()

    @app.post("/api/builds/{build_id}/retry", status_code=201, summary="Queue the same build again")
    def retry(build_id: str) -> dict[str, str]:
        found = entry(build_id)
        if not found.done:
            raise HTTPException(409, f"the build is still {found.status}")
        build = found.build
        task = build.task if build else found.info.task if found.info else ""
        again = NewBuild(task=task, model=build.model if build else None, checks=build.checks if build else None)
        if build is not None:
            again = again.model_copy(update={"max_rounds": build.max_rounds, "package": build.package})
        return {"id": store.add(validate(again, settings)).id}

    @app.get("/api/benches", summary="Every bench folder in the runs folder")
    def benches() -> list[dict[str, Any]]:
        return list_benches(runs_dir)

    @app.get("/api/compare", summary="Two bench folders side by side (aegis report)")
    def compare(a: str, b: str) -> dict[str, Any]:
        from aegis.bench.compare import compare as compare_benches

        try:
            return compare_benches(bench_folder(runs_dir, a), bench_folder(runs_dir, b))
        except AegisError as exc:
            raise HTTPException(400, str(exc)) from None

    @app.get("/benches/{name}/report.html", summary="A bench's report.html")
    def report(name: str) -> FileResponse:
        target = inside(bench_folder(runs_dir, name), "report.html")
        if target is None:
            raise HTTPException(404, f"bench {name!r} has no report.html")
        return FileResponse(target, headers={"Content-Security-Policy": "sandbox allow-scripts"})


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
    if new.checks and new.checks.strip():
        try:
            checks_from_text(new.checks)
        except AcceptanceError as exc:
            raise HTTPException(422, f"checks: {exc}") from None
    if settings.store.queued() >= settings.config.serve.max_queue:
        raise HTTPException(429, f"the queue is full ({settings.config.serve.max_queue} builds wait); try later")
    checks = new.checks if new.checks and new.checks.strip() else None
    return BuildRequest(task=task, model=model, checks=checks, max_rounds=new.max_rounds, package=new.package)


def bench_folder(runs_dir: Path, name: str) -> Path:
    folder = runs_dir / name
    if not ID.fullmatch(name) or inside(folder, "summary.json") is None or folder.is_symlink():
        raise HTTPException(404, f"no bench {name!r}")
    return folder
