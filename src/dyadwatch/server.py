"""The HTTP API over a store (FastAPI), served by ``dyadwatch serve``.

Endpoints (all JSON):

* ``GET /api/health`` — version, store and row counts;
* ``POST /api/code`` — code a text, an HTML page or an article record (``{text | html, title,
  published, id}``; size-limited) → events, quotes and actors; nothing is stored and no URL is ever
  fetched;
* ``GET /api/events`` — deduplicated events filtered by actor, dyad (``dyad=SRB,CHN``: either
  direction), source, target, CAMEO code prefix, root, QuadClass, date range and words of a reporting
  sentence (``q``); paginated (``page``, ``page_size``);
* ``GET /api/events/{event_id}`` — one event with every mention that reports it;
* ``GET /api/dyads/{a}/{b}/series`` — both directions per ``day|week|month|quarter|year``;
* ``GET /api/actors`` — actor totals, or with ``q`` the actors whose code or name matches (type-ahead);
* ``GET /api/network`` — directed edges for a date range;
* ``GET /api/articles/{article_id}`` — the text with event, actor and quote spans (offsets into it).

``GET /`` serves the dashboard (``static/``: our own HTML, CSS and JavaScript, no CDN), under a
Content-Security-Policy that lets only its own script run.

Every error has one shape: ``{"error": {"status": 404, "code": "not_found", "message": "..."}}``.
SQL is always parameterised. Requests larger than ``max_body`` bytes are refused (413). When the
server listens on anything but a loopback address, ``POST`` endpoints need ``Authorization: Bearer
<token>``; without a configured token they are refused.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__, aggregates
from .errors import DyadwatchError

DEFAULT_MAX_BODY = 2 * 1024 * 1024
LOOPBACK = ("127.0.0.1", "::1", "localhost")
PERIODS = tuple(aggregates.PERIODS)
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid",
    500: "internal",
    503: "unavailable",
}


class CodeRequest(BaseModel):
    """An article to code: plain text (paragraphs separated by blank lines) or HTML."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="HTML of the article page.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date (ISO 8601).")
    id: str | None = Field(None, description="Article id recorded in the events.")


class ApiError(Exception):
    """An error answered in the API's error shape."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(
        {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}},
        status_code=status,
    )


def _rows(cursor: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    result = cursor.execute(sql, params or [])
    names = [d[0] for d in result.description]
    return [_jsonable(dict(zip(names, row, strict=True))) for row in result.fetchall()]


def _one(cursor: Any, table: str, column: str, value: str) -> dict[str, Any]:
    """The row of ``table`` whose ``column`` is ``value``, or a 404 naming it."""
    found = _rows(cursor, f"SELECT * FROM {table} WHERE {column} = ?", [value])
    if not found:
        raise ApiError(404, f"no {table.rstrip('s')} {value!r}")
    return found[0]


def _jsonable(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif isinstance(value, bytes):
            continue
        elif key in ("location", "paragraphs", "extra", "mention_ids") and isinstance(value, str):
            value = json.loads(value)
        out[key] = value
    return out


def answer_one(app: FastAPI, path: str) -> tuple[int, Any]:
    """Answer one GET request in-process (``dyadwatch serve --get``): ``(status, JSON body)``."""
    import asyncio

    import httpx

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get(path if path.startswith("/") else "/" + path)

    response = asyncio.run(ask())
    return response.status_code, response.json()


def create_app(
    db: str,
    *,
    host: str = "127.0.0.1",
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    model: str | None = None,
) -> FastAPI:
    """The API app over the store ``db`` (opened read-only)."""
    from .store import Store

    store = Store(db, read_only=True)
    app = FastAPI(
        title="dyadwatch",
        version=__version__,
        description="Event data from news: who did what to whom, when and where.",
        docs_url=None,  # the interactive pages load their scripts from a CDN: not offline
        redoc_url=None,
    )
    app.state.store = store
    loopback = host in LOOPBACK

    @app.middleware("http")
    async def limit_and_guard(request: Request, call_next: Any) -> Any:
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_body:
            return _error(413, f"request body over {max_body} bytes")
        if request.method == "POST" and not loopback:
            if not token:
                return _error(
                    403,
                    "write endpoints are off: the server is not on loopback and "
                    "no token is configured (--token)",
                )
            if request.headers.get("authorization", "") != f"Bearer {token}":
                return _error(401, "missing or wrong bearer token")
        response = await call_next(request)
        # The dashboard runs only its own script: nothing injected into a page could execute.
        response.headers["Content-Security-Policy"] = (
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()
        )
        return _error(422, problems or "invalid request")

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message)

    @app.exception_handler(DyadwatchError)
    async def dyadwatch_error(request: Request, exc: DyadwatchError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error: {type(exc).__name__}")

    def cursor() -> Any:
        return store.con.cursor()

    static = resources.files("dyadwatch").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        """The dashboard."""
        return FileResponse(str(static.joinpath("index.html")), media_type="text/html")

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        """Version, store and row counts."""
        return {"status": "ok", "version": __version__, "db": db, "counts": store.counts()}

    @app.post("/api/code")
    async def code(request: Request, article: CodeRequest) -> dict[str, Any]:
        """Code one article (nothing is stored; no URL is fetched)."""
        body = await request.body()
        if len(body) > max_body:
            raise ApiError(413, f"request body over {max_body} bytes")
        if not (article.text and article.text.strip()) and not (
            article.html and article.html.strip()
        ):
            raise ApiError(422, "give 'text' or 'html'")
        from .api import get_coder
        from .errors import ExtractError
        from .extract import extract_record
        from .records import content_hash

        record = article.model_dump(exclude_none=True)
        record.setdefault("id", content_hash(article.text or article.html))
        try:
            parsed = extract_record(record, str(record["id"]), "request")
        except ExtractError as exc:
            raise ApiError(422, f"{exc.reason}: {exc.detail}") from exc
        coded = get_coder(model).code_article(parsed)
        return {
            "article": {
                "id": parsed.article_id,
                "title": parsed.title,
                "published": parsed.published,
                "text": parsed.text,
            },
            "events": [e.to_dict() for e in coded.events],
            "quotes": [q.to_dict() for q in coded.quotes],
            "actors": [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.actor.text,
                    "code": m.actor.code,
                    "name": m.actor.name,
                    "rule": m.rule,
                }
                for m in coded.mentions
            ],
        }

    @app.get("/api/events")
    def events(
        actor: str | None = None,
        dyad: str | None = Query(
            None, description="Two actors, comma-separated: either direction."
        ),
        source: str | None = None,
        target: str | None = None,
        code: str | None = Query(None, description="CAMEO code prefix."),
        root: str | None = None,
        quad_class: int | None = Query(None, ge=1, le=4),
        start: str | None = None,
        end: str | None = None,
        q: str | None = Query(None, description="Words of a sentence reporting the event."),
        page: int = Query(1, ge=1),
        page_size: int = Query(50, ge=1, le=500),
    ) -> dict[str, Any]:
        """Deduplicated events, filtered and paginated."""
        from .dataset import _event_filters

        clauses, params = _event_filters(actor, source, target, code, root, quad_class, start, end)
        if dyad:
            parts = [p.strip() for p in dyad.split(",") if p.strip()]
            if len(parts) != 2:
                raise ApiError(422, "dyad must be two actors separated by a comma")
            a_src, p1 = aggregates.actor_match("source", parts[0])
            b_tgt, p2 = aggregates.actor_match("target", parts[1])
            b_src, p3 = aggregates.actor_match("source", parts[1])
            a_tgt, p4 = aggregates.actor_match("target", parts[0])
            clauses.append(f"(({a_src} AND {b_tgt}) OR ({b_src} AND {a_tgt}))")
            params += p1 + p2 + p3 + p4
        if q:
            clauses.append(
                "event_id IN (SELECT event_id FROM event_mentions WHERE sentence ILIKE ?)"
            )
            params.append(f"%{q}%")
        where = " AND ".join(clauses) or "TRUE"
        c = cursor()
        total = c.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]
        items = _rows(
            c,
            "SELECT e.*, m.sentence, m.article_id, m.verb FROM ("
            f"  SELECT * FROM events WHERE {where}"
            "   ORDER BY event_date NULLS LAST, event_id LIMIT ? OFFSET ?"
            ") e LEFT JOIN event_mentions m ON m.mention_id = e.first_mention_id "
            "ORDER BY e.event_date NULLS LAST, e.event_id",
            [*params, page_size, (page - 1) * page_size],
        )
        return {"items": items, "page": page, "page_size": page_size, "total": int(total)}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        """One event and every mention that reports it."""
        c = cursor()
        found = _one(c, "events", "event_id", event_id)
        mentions = _rows(
            c,
            "SELECT m.*, a.title, a.publisher, a.url FROM event_mentions m "
            "JOIN articles a USING (article_id) WHERE m.event_id = ? "
            "ORDER BY a.published NULLS LAST, m.article_id, m.sentence_index",
            [event_id],
        )
        return {"event": found, "mentions": mentions}

    @app.get("/api/dyads/{a}/{b}/series")
    def series(
        a: str,
        b: str,
        by: str = Query("month", pattern="^(day|week|month|quarter|year)$"),
        start: str | None = None,
        end: str | None = None,
    ) -> dict[str, Any]:
        """Both directions of a dyad per period: events and reports per QuadClass, Goldstein."""
        rows = _rows(cursor(), *aggregates.dyad_series(a, b, by, start, end))
        return {"a": a.upper(), "b": b.upper(), "by": by, "rows": rows}

    @app.get("/api/actors")
    def actors(
        q: str | None = Query(None, description="Type-ahead: code prefix or words of a name."),
        level: str = Query("country", pattern="^(country|code)$"),
        start: str | None = None,
        end: str | None = None,
        limit: int = Query(20, ge=1, le=500),
    ) -> dict[str, Any]:
        """Actor totals, or the actors matching ``q`` by code or name."""
        c = cursor()
        if q:
            rows = _rows(
                c,
                "SELECT code, any_value(country) AS country, "
                "arg_max(name, n) AS name, sum(n) AS mentions FROM ("
                "  SELECT code, country, name, count(*) AS n FROM actor_mentions"
                "  WHERE code ILIKE ? OR name ILIKE ? OR text ILIKE ? GROUP BY ALL"
                ") GROUP BY code ORDER BY mentions DESC, code LIMIT ?",
                [q.strip() + "%", f"%{q.strip()}%", f"%{q.strip()}%", limit],
            )
            return {"items": rows}
        rows = _rows(c, *aggregates.actor_totals(level, start, end))
        return {"items": rows[:limit]}

    @app.get("/api/network")
    def network(
        start: str | None = None,
        end: str | None = None,
        level: str = Query("country", pattern="^(country|code)$"),
        min_events: int = Query(1, ge=1),
    ) -> dict[str, Any]:
        """Directed actor network edges."""
        edges = _rows(cursor(), *aggregates.network(level, start, end, min_events))
        nodes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        return {"nodes": nodes, "edges": edges}

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """An article's text with its event, actor and quote spans."""
        c = cursor()
        found = _one(c, "articles", "article_id", article_id)
        events = _rows(
            c,
            "SELECT mention_id, event_id, sentence_index, sentence_start, sentence, source_code, "
            "source_start, source_end, target_code, target_start, target_end, verb, verb_start, "
            "verb_end, cameo, quad_class, goldstein, date, evidence, confidence "
            "FROM event_mentions WHERE article_id = ? ORDER BY sentence_index, verb_start",
            [article_id],
        )
        actors = _rows(
            c,
            'SELECT start_offset AS start, end_offset AS "end", text, code, name, rule '
            "FROM actor_mentions WHERE article_id = ? ORDER BY start_offset",
            [article_id],
        )
        quotes = _rows(
            c,
            'SELECT start_offset AS start, end_offset AS "end", kind, speaker_code, '
            "speaker_text, verb, via_name, mention_ids FROM quotes WHERE article_id = ? "
            "ORDER BY start_offset",
            [article_id],
        )
        copies = _rows(
            c,
            "SELECT article_id, kind, similarity, publisher, url FROM article_links "
            "WHERE original_id = ? ORDER BY article_id",
            [article_id],
        )
        return {
            "article": found,
            "events": events,
            "actors": actors,
            "quotes": quotes,
            "copies": copies,
        }

    return app
