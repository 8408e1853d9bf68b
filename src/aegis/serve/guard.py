"""Who may talk to the server, as one ASGI middleware.

- Bound to a loopback address: no token, but the Host header must name this machine (a web page elsewhere
  cannot rebind its DNS name to 127.0.0.1 and read the API).
- Bound to any other address: every request carries the token, as `Authorization: Bearer TOKEN` (scripts)
  or as the cookie the page gets when it is opened once with `?token=TOKEN` (the printed URL). The cookie is
  HttpOnly and SameSite=Strict, so the event stream, images and downloads work and no other site can use it.
- Everywhere: a request that changes something (POST, DELETE) must say `Content-Type: application/json`,
  which a browser sends cross-site only after a preflight this server never grants.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

COOKIE = "aegis_token"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class Guard:
    def __init__(self, app: ASGIApp, *, token: str | None, loopback: bool) -> None:
        self.app = app
        self.token = token
        self.loopback = loopback

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        refused = self._refused(request)
        if refused is not None:
            await refused(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _refused(self, request: Request) -> Response | None:
        if self.loopback and request.url.hostname not in LOOPBACK_HOSTS:
            return _error(400, "this server answers only on its own machine's name (127.0.0.1 or localhost)")
        if self.token is not None and not self._has_token(request):
            if _given(request.query_params.get("token"), self.token) and request.method == "GET":
                return self._with_cookie(request)
            return _error(401, "this server needs its token: open the URL it printed, or send Authorization: Bearer")
        if request.method in ("POST", "DELETE", "PUT", "PATCH"):
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind != "application/json":
                return _error(415, "send Content-Type: application/json")
        return None

    def _has_token(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        bearer = header[7:] if header.lower().startswith("bearer ") else None
        return _given(bearer, self.token) or _given(request.cookies.get(COOKIE), self.token)

    def _with_cookie(self, request: Request) -> Response:
        """The page opened with ?token=: set the cookie and drop the token from the address bar."""
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(COOKIE, self.token or "", httponly=True, samesite="strict")
        return response


def _given(value: str | None, token: str | None) -> bool:
    return bool(value) and token is not None and secrets.compare_digest(value or "", token)


def _error(status: int, message: str) -> Response:
    return JSONResponse({"error": message}, status_code=status)


def new_token() -> str:
    return secrets.token_urlsafe(24)
