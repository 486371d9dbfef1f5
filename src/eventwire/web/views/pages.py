"""Server-rendered pages (Jinja2, autoescaped). Each page has a JSON twin under /api (linked from the page)."""
from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ... import review
from ..security import CSRF_COOKIE, SESSION_COOKIE, authenticate, csrf_ok, sign_session
from .api import do_review, do_undo, document_detail, event_detail, queue_rows
from .common import EventQuery, current_user, event_query, index_of, page_of, require_reviewer, select_records

router = APIRouter(include_in_schema=False)
TABLE_COLUMNS = [("event_date", "date"), ("event_type", "type"), ("sub_event_type", "sub-type"),
                 ("actor1", "actor 1"), ("actor2", "actor 2"), ("location", "location"), ("admin1", "admin1"),
                 ("country", "country"), ("fatalities", "fat."), ("attribution", "attribution"),
                 ("review_status", "review")]


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    templates = request.app.state.templates
    ctx.update(request=request, user=current_user(request), csrf=request.state.csrf,
               private=request.app.state.settings.private)
    return templates.TemplateResponse(request, name, ctx, status_code=status)


def _options(request: Request) -> dict[str, list[str]]:
    return index_of(request.app.state).memo("options", lambda recs: {
        k: sorted({r[k] for r in recs if r.get(k)}) for k in
        ("country", "admin1", "event_type", "sub_event_type", "attribution")})


@router.get("/", response_class=HTMLResponse)
def map_page(request: Request, f: EventQuery = Depends(event_query)) -> HTMLResponse:
    return render(request, "map.html", f=f, qs=urlencode(f.params(page=1, page_size=0)), options=_options(request),
                  twin="/api/events.geojson?" + urlencode(f.params(page=1, page_size=0)))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: EventQuery = Depends(event_query)) -> HTMLResponse:
    rows = select_records(request, f)
    part, size, pages = page_of(request, f, rows)

    def link(**change: Any) -> str:
        return "/events?" + urlencode(f.params(**change))

    def sort_link(col: str) -> str:
        return link(sort=("-" + col) if f.sort == col else col, page=1)

    return render(request, "events.html", f=f, rows=part, total=len(rows), pages=pages, size=size, link=link,
                  sort_link=sort_link, columns=TABLE_COLUMNS, options=_options(request),
                  qs=urlencode(f.params(page=1)), twin="/api/events?" + urlencode(f.params()))


def highlighted(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """The text cut at every evidence boundary: segments with the fields whose evidence covers them and, at the
    end of a span, the labels of the fields that end there (the template escapes every piece)."""
    cuts = sorted({0, len(text)} | {max(0, min(len(text), p)) for s, e, _ in spans for p in (s, e)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        fields = sorted({f for s, e, f in spans if s <= a and b <= e and s < e})
        ends = sorted({f for s, e, f in spans if e == b and s < e})
        out.append({"text": text[a:b], "fields": fields, "ends": ends})
    return out


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    d = event_detail(request, event_id)
    articles = []
    for doc in d["documents"]:
        full = document_detail(request, doc["id"])["document"]
        spans = [(sp["start"], sp["end"], field) for field, sps in d["evidence"].items() for sp in sps
                 if sp["doc_id"] == doc["id"]]
        articles.append({**doc, "segments": highlighted(full["text"], spans)})
    ev = d["event"]
    return render(request, "event.html", d=d, ev=ev, articles=articles, editable=review.EDITABLE,
                  fields=[(k, ev.get(k)) for k in review.EDITABLE], twin=f"/api/events/{event_id}")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    d = document_detail(request, doc_id)
    return render(request, "document.html", d=d, twin=f"/api/documents/{doc_id}")


@router.get("/review", response_class=HTMLResponse)
def review_page(request: Request, page: int = 1) -> HTMLResponse:
    rows = queue_rows(request)
    f = EventQuery(status="unreviewed", page=max(1, page))
    part, size, pages = page_of(request, f, rows)
    return render(request, "review.html", rows=part, total=len(rows), page=f.page, pages=pages,
                  twin=f"/api/review-queue?page={f.page}")


async def form_of(request: Request) -> dict[str, str]:
    """A urlencoded form (python-multipart is not needed for these small forms); checks the CSRF token."""
    body = (await request.body()).decode("utf-8", "replace")
    form = {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}
    if not csrf_ok(request.cookies.get(CSRF_COOKIE), form.get("csrf_token")):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    return form


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", next=_local(next), error="")


def _local(url: str) -> str:
    return url if url.startswith("/") and not url.startswith("//") and "\\" not in url else "/"


@router.post("/login")
async def login(request: Request) -> Response:
    form = await form_of(request)
    with request.app.state.factory() as s:
        user = authenticate(s, form.get("name", ""), form.get("password", ""))
    if user is None:
        return render(request, "login.html", status=401, next=_local(form.get("next", "/")),
                      error="wrong name or password")
    st = request.app.state.settings
    resp = RedirectResponse(_local(form.get("next", "/")), status_code=303)
    resp.set_cookie(SESSION_COOKIE, sign_session(st.secret_key, user.name, st.session_hours),
                    max_age=st.session_hours * 3600, httponly=True, samesite="lax", path="/")
    return resp


@router.post("/logout")
async def logout(request: Request) -> Response:
    await form_of(request)
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, path="/")
    return resp


@router.post("/events/{event_id}/review")
async def review_form(request: Request, event_id: str) -> Response:
    user = require_reviewer(request)
    form = await form_of(request)
    do_review(request, user.name, event_id, form.get("action", ""), form.get("field", ""), form.get("value"),
              form.get("reason", ""))
    back = form.get("next") or f"/events/{event_id}"
    return RedirectResponse(_local(back), status_code=303)


@router.post("/reviews/{review_id}/undo")
async def undo_form(request: Request, review_id: int) -> Response:
    user = require_reviewer(request)
    form = await form_of(request)
    r = do_undo(request, user.name, review_id, form.get("reason", ""))
    return RedirectResponse(f"/events/{r['review']['event_id']}", status_code=303)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    return render(request, "docs.html")
