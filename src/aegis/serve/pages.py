"""The two pages (the runs list with the build form, and one build's live page) and how files are served.

The pages are Jinja templates with plain JavaScript: no build step. Everything they show of a build comes
from the JSON API and is put on the page as text (textContent), never as HTML. Files of a run folder were
written next to untrusted programs: only PNG and JPEG images are shown inline; every other file is a
download, and no file may run script on this origin (Content-Security-Policy: sandbox).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import FileResponse, HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from aegis.serve.settings import Settings

INLINE = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
SAFE_HEADERS = {"Content-Security-Policy": "sandbox", "X-Content-Type-Options": "nosniff"}


def file_response(path: Path) -> FileResponse:
    if (media := INLINE.get(path.suffix.lower())) is not None:
        return FileResponse(path, media_type=media, headers=SAFE_HEADERS)
    return FileResponse(path, filename=path.name, media_type="application/octet-stream", headers=SAFE_HEADERS)


def add(app: FastAPI, settings: Settings) -> None:
    templates = Environment(
        loader=PackageLoader("aegis.serve", "templates"), autoescape=select_autoescape(), undefined=StrictUndefined
    )

    def render(name: str, **values: Any) -> HTMLResponse:
        page = templates.get_template(name).render(models=settings.models, config=settings.config, **values)
        return HTMLResponse(page, headers={"Content-Security-Policy": CSP})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> HTMLResponse:
        return render("index.html.j2")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/builds/{build_id}", response_class=HTMLResponse, include_in_schema=False)
    def build_page(build_id: str) -> HTMLResponse:
        from aegis.serve.views import find

        if find(settings.store, settings.runs_dir, build_id) is None:
            raise HTTPException(404, f"no build {build_id!r}")
        return render("build.html.j2", build_id=build_id)


CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self'"
"""The pages' own inline script and style, and nothing from anywhere else."""
