"""The two pages: the runs list with the build form, and one build's live page.

They are Jinja templates (templates/) with plain JavaScript: no build step. Everything they show of a build
comes from the JSON API and is put on the page as text (textContent), never as HTML.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from aegis.serve.settings import Settings, SettingsDep, entry_of

router = APIRouter(include_in_schema=False)
CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self'"
"""The pages' own inline script and style, and nothing from anywhere else."""


@router.get("/", response_class=HTMLResponse)
def index(settings: SettingsDep) -> HTMLResponse:
    return _render("index.html.j2", settings)


@router.get("/builds/{build_id}", response_class=HTMLResponse)
def build_page(build_id: str, settings: SettingsDep) -> HTMLResponse:
    entry_of(settings, build_id)
    return _render("build.html.j2", settings, build_id=build_id)


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response(status_code=204)


def _render(name: str, settings: Settings, **values: Any) -> HTMLResponse:
    page = _templates().get_template(name).render(models=settings.models, config=settings.config, **values)
    return HTMLResponse(page, headers={"Content-Security-Policy": CSP})


@cache
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("aegis.serve", "templates"), autoescape=select_autoescape(), undefined=StrictUndefined
    )
