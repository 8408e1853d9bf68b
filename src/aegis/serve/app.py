"""The FastAPI app: the build API, the files, the pages, one error shape.

    create_app(settings) -> FastAPI

Every 4xx answers `{"error": "one clear line"}`. The OpenAPI page is at /docs.
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline

from aegis.serve import builds, files, pages
from aegis.serve.guard import Guard
from aegis.serve.settings import Settings


def create_app(settings: Settings) -> FastAPI:
    app = FastAPIOffline(  # FastAPI's /docs and /redoc, their scripts served from here: they work offline
        title="AEGIS", description="Build, watch and download apps.", version="1", favicon_url="/favicon.ico"
    )
    app.state.settings = settings
    app.add_middleware(Guard, token=settings.token, loopback=settings.loopback)
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _bad_request)  # type: ignore[arg-type]
    for router in (builds.router, files.router, pages.router):
        app.include_router(router)
    return app


async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)


async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
    """FastAPI's list of errors, as its first error in one line: `max_rounds: Input should be ...`."""
    error = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "bad request"}
    where = ".".join(str(part) for part in error["loc"] if part != "body")
    return JSONResponse({"error": f"{where}: {error['msg']}" if where else error["msg"]}, status_code=422)
