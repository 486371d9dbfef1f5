"""The analyst web app: FastAPI, pages from Jinja2 templates, static files from installed packages.

Never imports the extraction stage (eventwire.extract, eventwire.pipeline): serving a store loads no model.
Nothing is fetched from another host: Leaflet and MarkerCluster come from the xstatic packages, Swagger UI
(/docs) from swagger-ui-bundle, and the Content-Security-Policy allows only this server.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import swagger_ui_bundle
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..settings import Settings
from ..store.db import open_db
from . import borders
from .index import EventIndex
from .security import CSP, CSRF_COOKIE, new_csrf
from .views import api, pages
from .views.common import StoreWatch, current_user

HERE = Path(__file__).parent
TITLES = {400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
          422: "Invalid Request", 500: "Server Error"}
OPEN_PATHS = ("/login", "/static/", "/favicon.ico")


def create_app(settings: Settings) -> FastAPI:
    """The app for ``settings`` (the store must exist: serving never creates one)."""
    app = FastAPI(title="eventwire", version="0.1.0", docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="ACLED-style conflict events read from news wires, with their evidence and "
                              "analysts' reviews. Every error is {ok: false, status, title, error}.")
    app.state.settings = settings
    app.state.factory = open_db(settings.db, create=False)
    # the reviewed records and their index (views.common.index_of), with review.all_records' caches
    app.state.index, app.state.watch = EventIndex(), StoreWatch(app.state.factory)
    app.state.base_records, app.state.applied_records = {}, {}
    app.state.seen, app.state.checked_at, app.state.dirty = None, 0.0, True
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    app.state.templates = templates
    app.mount("/static/vendor/leaflet", StaticFiles(directory=xs_leaflet.BASE_DIR), name="leaflet")
    app.mount("/static/vendor/markercluster", StaticFiles(directory=xs_cluster.BASE_DIR), name="markercluster")
    app.mount("/static/vendor/swagger-ui", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    app.add_middleware(Guard, settings=settings)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        msgs = "; ".join(f"{'.'.join(str(x) for x in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors())
        return error_response(request, 400, msgs or "invalid request")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:  # pragma: no cover - a bug's last resort
        return error_response(request, 500, f"{type(exc).__name__}: the server failed on this request")

    return app


SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]
_REPLACED = {name for name, _ in SECURITY_HEADERS}


class Guard:
    """Every answer: the security headers and the CSRF cookie (set when the browser has none; its value is
    ``request.state.csrf`` for the forms); with ``--private``, anonymous requests get 401 (API) or the login page.

    A plain ASGI middleware: Starlette's ``@app.middleware("http")`` wraps every request and response in extra
    tasks and streams, which cost about as much as answering a cached /api/events itself."""

    def __init__(self, app: Any, settings: Settings) -> None:
        self.app, self.settings = app, settings

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        cookie = request.cookies.get(CSRF_COOKIE)
        csrf = cookie or new_csrf()
        scope.setdefault("state", {})["csrf"] = csrf
        extra = list(SECURITY_HEADERS)
        if not cookie:
            r = Response()
            r.set_cookie(CSRF_COOKIE, csrf, httponly=False, samesite="strict", path="/")
            extra += [h for h in r.raw_headers if h[0] == b"set-cookie"]

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                kept = [h for h in message.get("headers", []) if h[0].lower() not in _REPLACED]
                message = {**message, "headers": kept + extra}
            await send(message)

        path = scope["path"]
        if self.settings.private and not path.startswith(OPEN_PATHS) and current_user(request) is None:
            if _wants_json(request):
                resp: Response = error_response(request, 401, "this server is private: log in or send an API token")
            else:
                resp = RedirectResponse("/login?next=" + _quote(path), status_code=303)
            await resp(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _quote(path: str) -> str:
    from urllib.parse import quote
    return quote(path, safe="/")


def _wants_json(request: Request) -> bool:
    p = request.url.path
    return p.startswith("/api/") or p == "/openapi.json" or "application/json" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    """Every error has one shape: JSON {ok, status, title, error} for the API, the same on an HTML page."""
    body: dict[str, Any] = {"ok": False, "status": status, "title": TITLES.get(status, "Error"), "error": message}
    if _wants_json(request):
        return JSONResponse(body, status_code=status)
    try:
        return pages.render(request, "error.html", status=status, err=body)
    except Exception:  # noqa: BLE001 - never fail while reporting a failure
        return HTMLResponse(f"<h1>{status}</h1>", status_code=status)


def run(settings: Settings) -> None:  # pragma: no cover - exercised by `eventwire serve`
    import uvicorn

    from .views.common import index_of

    app = create_app(settings)
    index_of(app.state)   # decode and index every event once before the first request
    threading.Thread(target=borders.geojson, name="borders", daemon=True).start()   # ready by the first map
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
