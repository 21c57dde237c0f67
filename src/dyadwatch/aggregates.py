"""Aggregates over the store, as SQL shared by the CLI and the Python API.

Every function returns ``(sql, params)``: a parameterised query over the deduplicated ``events``
table, so each figure exists in two forms — **events** (real-world events, each counted once) and
**reports** (the sum of the events' NumMentions: what a report-counting dataset would show).

Actors are matched by what users type: ``SRB`` matches every actor of Serbia (``SRB``, ``SRBGOV``,
``SRBMIL``...) and codes that start with it; ``SRBGOV`` matches that code and its sub-codes; ``IGO:EU``
or ``EU`` matches the organisation's actors (``IGOEUREEC``...).

Events are placed in time by ``event_date``, the first day of their date at its precision: an event
dated only to September 2020 counts on 2020-09-01 in a daily series.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import DyadwatchError

PERIODS = {
    "day": "1 DAY",
    "week": "7 DAYS",
    "month": "1 MONTH",
    "quarter": "3 MONTHS",
    "year": "1 YEAR",
}
LEVELS = ("country", "code")
ACTOR_CODE = re.compile(r"[A-Za-z0-9]+")

QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def actor_key(side: str, level: str = "country") -> str:
    """SQL for an actor's key: its country (``IGO:<acronym>`` for organisations) or its full code."""
    if level not in LEVELS:
        raise DyadwatchError(f"actor level must be one of {', '.join(LEVELS)}, not {level!r}")
    if level == "code":
        return f"coalesce({side}_code, '-')"
    return f"coalesce('IGO:' || {side}_igo, {side}_country, {side}_code, '-')"


def actor_match(side: str, actor: str) -> tuple[str, list[Any]]:
    """SQL (and parameters) for "the ``side`` actor is ``actor``" (see the module docstring)."""
    actor = actor.strip()
    if not actor:
        raise DyadwatchError("an actor code is empty")
    if actor.upper().startswith("IGO:"):
        return f"{side}_igo = ?", [actor[4:]]
    if not ACTOR_CODE.fullmatch(actor):
        raise DyadwatchError(f"not an actor code: {actor!r} (letters and digits, or IGO:<acronym>)")
    code = actor.upper()
    return f"({side}_code LIKE ? OR {side}_country = ? OR {side}_igo = ?)", [
        code + "%",
        code,
        actor,
    ]


def date_filter(start: str | None, end: str | None) -> tuple[str, list[Any]]:
    """SQL (and parameters) keeping events from ``start`` to ``end`` (ISO dates, both included)."""
    clauses, params = [], []
    if start:
        clauses.append("event_date >= CAST(? AS DATE)")
        params.append(start)
    if end:
        clauses.append("event_date <= CAST(? AS DATE)")
        params.append(end)
    return (" AND ".join(clauses) or "TRUE"), params


def _measures() -> str:
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {i}) AS {name}"
        for i, name in enumerate(QUAD_COLUMNS, start=1)
    )
    report_quads = ", ".join(
        f"coalesce(sum(num_mentions) FILTER (WHERE quad_class = {i}), 0) AS reports_{name}"
        for i, name in enumerate(QUAD_COLUMNS, start=1)
    )
    return (
        f"count(*) AS events, {quads}, round(sum(goldstein), 2) AS goldstein_sum, "
        "round(avg(goldstein), 2) AS goldstein_mean, "
        f"coalesce(sum(num_mentions), 0) AS reports, {report_quads}, "
        "round(sum(goldstein * num_mentions), 2) AS reports_goldstein_sum, "
        "round(sum(goldstein * num_mentions) / nullif(sum(num_mentions), 0), 2) "
        "AS reports_goldstein_mean"
    )


def dyad_totals(start: str | None = None, end: str | None = None) -> tuple[str, list[Any]]:
    """Events and reports per directed dyad of country keys, most active first."""
    where, params = date_filter(start, end)
    sql = f"""
        SELECT {actor_key("source")} AS source, {actor_key("target")} AS target, {_measures()}
        FROM events WHERE {where}
        GROUP BY 1, 2 ORDER BY events DESC, reports DESC, source, target
    """
    return sql, params


def dyad_series(
    a: str,
    b: str,
    by: str = "month",
    start: str | None = None,
    end: str | None = None,
    fill: bool = True,
) -> tuple[str, list[Any]]:
    """Both directions of the dyad ``a``–``b`` per period: events and reports per QuadClass,
    Goldstein sum and mean. With ``fill``, periods without events are rows of zeros, from the first
    to the last period with events (or ``start``/``end`` when given)."""
    if by not in PERIODS:
        raise DyadwatchError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    src_a, p_src_a = actor_match("source", a)
    tgt_b, p_tgt_b = actor_match("target", b)
    src_b, p_src_b = actor_match("source", b)
    tgt_a, p_tgt_a = actor_match("target", a)
    where, p_dates = date_filter(start, end)
    forward, backward = f"{a.upper()}->{b.upper()}", f"{b.upper()}->{a.upper()}"
    matched = f"""
        SELECT CASE WHEN {src_a} AND {tgt_b} THEN ? ELSE ? END AS direction,
               CAST(date_trunc('{by}', event_date) AS DATE) AS period,
               quad_class, goldstein, num_mentions
        FROM events
        WHERE event_date IS NOT NULL AND {where}
          AND (({src_a} AND {tgt_b}) OR ({src_b} AND {tgt_a}))
    """
    params = [
        *p_src_a,
        *p_tgt_b,
        forward,
        backward,
        *p_dates,
        *p_src_a,
        *p_tgt_b,
        *p_src_b,
        *p_tgt_a,
    ]
    directions = [forward] if forward == backward else [forward, backward]
    if not fill:
        sql = f"""
            WITH matched AS ({matched})
            SELECT period, direction, {_measures()} FROM matched
            GROUP BY 1, 2 ORDER BY period, direction
        """
        return sql, params
    first = f"CAST(date_trunc('{by}', CAST(? AS DATE)) AS DATE)" if start else "min(period)"
    last = f"CAST(date_trunc('{by}', CAST(? AS DATE)) AS DATE)" if end else "max(period)"
    bounds = ([start] if start else []) + ([end] if end else [])
    zeros = ", ".join(
        f"coalesce(t.{c}, 0) AS {c}" for c in ("events", *QUAD_COLUMNS, "goldstein_sum")
    )
    report_zeros = ", ".join(
        f"coalesce(t.{c}, 0) AS {c}"
        for c in ("reports", *(f"reports_{q}" for q in QUAD_COLUMNS), "reports_goldstein_sum")
    )
    sql = f"""
        WITH matched AS ({matched}),
        totals AS (SELECT period, direction, {_measures()} FROM matched GROUP BY 1, 2),
        span AS (SELECT {first} AS first, {last} AS last FROM matched),
        periods AS (
            SELECT CAST(unnest(generate_series(first, last, INTERVAL {PERIODS[by]})) AS DATE)
                   AS period
            FROM span WHERE first IS NOT NULL AND last IS NOT NULL
        ),
        directions AS (SELECT unnest(?) AS direction)
        SELECT p.period, d.direction, {zeros}, t.goldstein_mean, {report_zeros},
               t.reports_goldstein_mean
        FROM periods p CROSS JOIN directions d
        LEFT JOIN totals t ON t.period = p.period AND t.direction = d.direction
        ORDER BY p.period, d.direction
    """
    return sql, [*params, *bounds, directions]


def actor_totals(
    level: str = "country", start: str | None = None, end: str | None = None
) -> tuple[str, list[Any]]:
    """Per actor: events and reports as source and as target, and the Goldstein mean of what it did."""
    where, params = date_filter(start, end)
    sql = f"""
        WITH sides AS (
            SELECT {actor_key("source", level)} AS actor, 'source' AS side, goldstein, num_mentions
            FROM events WHERE {where}
            UNION ALL
            SELECT {actor_key("target", level)}, 'target', goldstein, num_mentions
            FROM events WHERE target_code IS NOT NULL AND {where}
        )
        SELECT actor,
               count(*) FILTER (WHERE side = 'source') AS events_as_source,
               count(*) FILTER (WHERE side = 'target') AS events_as_target,
               coalesce(sum(num_mentions), 0) AS reports,
               round(avg(goldstein) FILTER (WHERE side = 'source'), 2) AS goldstein_mean_as_source,
               round(avg(goldstein) FILTER (WHERE side = 'target'), 2) AS goldstein_mean_as_target
        FROM sides GROUP BY actor
        ORDER BY events_as_source + events_as_target DESC, actor
    """
    return sql, params + params


def network(
    level: str = "country",
    start: str | None = None,
    end: str | None = None,
    min_events: int = 1,
) -> tuple[str, list[Any]]:
    """Directed edges between actors: events and reports per QuadClass, Goldstein sum and mean."""
    where, params = date_filter(start, end)
    sql = f"""
        SELECT {actor_key("source", level)} AS source, {actor_key("target", level)} AS target,
               {_measures()}
        FROM events WHERE target_code IS NOT NULL AND {where}
        GROUP BY 1, 2 HAVING count(*) >= ?
        ORDER BY events DESC, reports DESC, source, target
    """
    return sql, [*params, min_events]
