"""The HTTP API, in process (httpx ASGITransport): every endpoint, its errors, the error shape, the
token rule off loopback, the size limit, and the OpenAPI document against its golden file."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from dyadwatch.api import run
from dyadwatch.cli import app as cli
from dyadwatch.server import create_app

GOLDEN = Path(__file__).parent / "golden" / "openapi.json"


def call(app, method: str, path: str, **kwargs) -> httpx.Response:
    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(ask())


def assert_error(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


@pytest.fixture(scope="module")
def store(coder, tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    run([EXAMPLES], db)
    return db


@pytest.fixture(scope="module")
def api(store):
    return create_app(str(store))


def test_health(api):
    body = call(api, "GET", "/api/health").json()
    assert body["status"] == "ok" and body["counts"]["events"] > 0


def test_events_filters_and_pages(api):
    every = call(api, "GET", "/api/events", params={"page_size": 500}).json()
    assert every["total"] == len(every["items"]) > 10
    dyad = call(api, "GET", "/api/events", params={"dyad": "SRB,CHN"}).json()
    assert dyad["total"] >= 8
    assert all({i["source_country"], i["target_country"]} == {"SRB", "CHN"} for i in dyad["items"])
    assert all(i["sentence"] for i in dyad["items"])  # the first report's sentence comes along
    page = call(api, "GET", "/api/events", params={"page_size": 3, "page": 2}).json()
    assert [i["event_id"] for i in page["items"]] == [i["event_id"] for i in every["items"][3:6]]
    conflict = call(api, "GET", "/api/events", params={"quad_class": 4, "actor": "RUS"}).json()
    assert conflict["total"] and all(i["quad_class"] == 4 for i in conflict["items"])
    words = call(api, "GET", "/api/events", params={"q": "Belgrade", "start": "2024-01-01"}).json()
    assert words["total"] and all(i["event_date"] >= "2024-01-01" for i in words["items"])
    assert_error(call(api, "GET", "/api/events", params={"dyad": "SRB"}), 422)
    assert_error(call(api, "GET", "/api/events", params={"actor": "x' OR 1=1 --"}), 400)
    assert_error(call(api, "GET", "/api/events", params={"page": 0}), 422)


def test_one_event_with_its_reports(api):
    item = call(api, "GET", "/api/events", params={"dyad": "SRB,CHN"}).json()["items"][0]
    body = call(api, "GET", f"/api/events/{item['event_id']}").json()
    assert body["event"]["event_id"] == item["event_id"]
    assert len(body["mentions"]) >= 1 and body["mentions"][0]["sentence"]
    assert_error(call(api, "GET", "/api/events/nope"), 404)


def test_dyad_series_both_directions(api):
    body = call(api, "GET", "/api/dyads/SRB/CHN/series", params={"by": "year"}).json()
    assert {r["direction"] for r in body["rows"]} == {"SRB->CHN", "CHN->SRB"}
    assert sum(r["events"] for r in body["rows"]) > 0
    assert_error(call(api, "GET", "/api/dyads/SRB/CHN/series", params={"by": "hour"}), 422)
    assert_error(call(api, "GET", "/api/dyads/SRB/C;N/series"), 400)


def test_actors_type_ahead_totals_and_network(api):
    found = call(api, "GET", "/api/actors", params={"q": "vucic"}).json()["items"]
    assert found and found[0]["code"] == "SRBGOV"
    by_code = call(api, "GET", "/api/actors", params={"q": "SRB"}).json()["items"]
    assert {"SRB", "SRBGOV"} <= {a["code"] for a in by_code}
    totals = call(api, "GET", "/api/actors", params={"limit": 5}).json()["items"]
    assert len(totals) == 5 and "events_as_source" in totals[0]
    network = call(api, "GET", "/api/network", params={"start": "2024-01-01"}).json()
    assert {"SRB", "CHN"} <= set(network["nodes"]) and network["edges"]


def test_article_with_spans(api, store):
    body = call(api, "GET", "/api/articles/2024-05-08-xi-visits-serbia").json()
    text = body["article"]["text"]
    event = body["events"][0]
    assert text[event["verb_start"] : event["verb_end"]] == event["verb"]
    actor = body["actors"][0]
    assert text[actor["start"] : actor["end"]] == actor["text"]
    assert body["quotes"] and body["copies"][0]["article_id"].endswith("reprint")
    assert_error(call(api, "GET", "/api/articles/none"), 404)


def test_code_endpoint(api):
    body = call(
        api,
        "POST",
        "/api/code",
        json={
            "text": "Chile and Peru signed a lithium agreement in Lima on Tuesday.",
            "published": "2025-03-12",
        },
    ).json()
    assert {(e["source"]["code"], e["cameo"]) for e in body["events"]} >= {("CHL", "057")}
    assert body["actors"] and body["article"]["text"].startswith("Chile and Peru")
    assert_error(call(api, "POST", "/api/code", json={"text": "  "}), 422)
    assert_error(
        call(
            api,
            "POST",
            "/api/code",
            content=b"not json",
            headers={"content-type": "application/json"},
        ),
        422,
    )


def test_size_limit_unknown_routes_and_methods(store):
    small = create_app(str(store), max_body=2048)
    assert_error(call(small, "POST", "/api/code", json={"text": "x" * 5000}), 413)
    assert_error(call(small, "GET", "/api/nothing"), 404)
    assert_error(call(small, "DELETE", "/api/health"), 405)


def test_write_endpoints_need_a_token_off_loopback(store):
    text = {"text": "Ghana and Togo signed a trade deal on Monday.", "published": "2025-03-12"}
    open_to_all = create_app(str(store), host="0.0.0.0")
    assert_error(call(open_to_all, "POST", "/api/code", json=text), 403)
    guarded = create_app(str(store), host="0.0.0.0", token="s3cret")
    assert_error(call(guarded, "POST", "/api/code", json=text), 401)
    headers = {"Authorization": "Bearer s3cret"}
    assert call(guarded, "POST", "/api/code", json=text, headers=headers).status_code == 200
    assert call(guarded, "GET", "/api/health").status_code == 200  # reads need no token


def test_internal_errors_keep_the_error_shape(store):
    broken = create_app(str(store))
    broken.state.store.con.close()
    error = assert_error(call(broken, "GET", "/api/network"), 500)
    assert error["code"] == "internal"


def test_openapi_document_matches_golden_file(api):
    text = json.dumps(api.openapi(), indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text(), "API changed: run UPDATE_GOLDEN=1 pytest and review the diff"


def test_serve_get_answers_one_request(store):
    ok = CliRunner().invoke(cli, ["serve", "--db", str(store), "--get", "/api/health"])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["status"] == "ok"
    missing = CliRunner().invoke(cli, ["serve", "--db", str(store), "--get", "/api/articles/x"])
    assert missing.exit_code == 1 and json.loads(missing.stdout)["error"]["status"] == 404
