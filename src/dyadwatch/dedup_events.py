"""Event deduplication: event mentions that report the same real-world event become one event.

The matching rule (:class:`MatchRule`, stored in the store's ``settings`` so every run merges the same
way; change it with ``dyadwatch dedup``):

1. Mentions can only match when they have the same **source code**, **target code** (or both none) and
   **event code** at the rule's level: the full CAMEO code (``code``, default), its three-digit base
   (``base``: 0364 and 036 match) or its root (``root``).
2. Among those, mentions dated to the **day** match when their dates are within ``window_days`` of each
   other, chained (single linkage: 1 Sept, 2 Sept and 3 Sept form one event with a one-day window).
   The default window of one day absorbs "on Friday" told from the next day's paper. Mentions dated
   only to a **month** or a **year** match others of the same month or year at the same precision.
   Undated mentions (no date in the text and no publication date) match only within their article.
3. With ``use_location`` (default), mentions placed in different locations are different events;
   mentions with no location join the most reported location of their group (ties: by name).

Each event carries GDELT's counts: **NumMentions** (mentions in all reports; a wire copy repeats every
mention of its original), **NumArticles** (distinct reports: coded articles and their linked copies) and
**NumSources** (distinct outlets: the publisher, else the web host of the URL; reports with neither count
as one unknown outlet). Its date is the most reported date of its mentions (ties: the earliest), its
actors, code and location the most reported ones; ``first_mention_id`` is its earliest report's mention.

Derivation is incremental: a write re-derives only the groups (rule 1) its mentions touch, inside the
same transaction, so events never disagree with their mentions.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .errors import StoreError
from .records import content_hash

CODE_LEVELS = ("code", "base", "root")


@dataclass(frozen=True)
class MatchRule:
    """When two event mentions report the same event (see the module docstring)."""

    window_days: int = 1
    code_level: str = "code"
    use_location: bool = True

    def __post_init__(self) -> None:
        if self.code_level not in CODE_LEVELS:
            raise StoreError(
                f"event matching: code level must be one of {', '.join(CODE_LEVELS)}, "
                f"not {self.code_level!r}"
            )
        if self.window_days < 0:
            raise StoreError(f"event matching: window_days must be >= 0, not {self.window_days}")

    def code(self, cameo: str, root: str) -> str:
        """The event code at the rule's level."""
        if self.code_level == "root":
            return root
        if self.code_level == "base":
            return cameo[:3]
        return cameo

    def key(self, source_code: str, target_code: str | None, cameo: str, root: str) -> str:
        """The group key: mentions with different keys never match."""
        return f"{source_code}|{target_code or ''}|{self.code(cameo, root)}"

    def key_sql(self, table: str = "") -> str:
        """The same key as a SQL expression over ``event_mentions`` columns."""
        p = f"{table}." if table else ""
        code = {"code": f"{p}cameo", "base": f"left({p}cameo, 3)", "root": f"{p}root"}
        return (
            f"({p}source_code || '|' || coalesce({p}target_code, '') || '|' || "
            f"{code[self.code_level]})"
        )

    def to_json(self) -> str:
        """The rule as stored in ``settings``."""
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MatchRule:
        """A stored rule."""
        data = json.loads(text)
        return cls(
            window_days=int(data.get("window_days", 1)),
            code_level=str(data.get("code_level", "code")),
            use_location=bool(data.get("use_location", True)),
        )


#: Columns of ``events`` in insertion order.
EVENT_COLUMNS = (
    "event_id",
    "group_key",
    "date",
    "date_precision",
    "event_date",
    "date_first",
    "date_last",
    "source_code",
    "source_country",
    "source_igo",
    "source_sector",
    "source_name",
    "target_code",
    "target_country",
    "target_igo",
    "target_sector",
    "target_name",
    "cameo",
    "root",
    "quad_class",
    "goldstein",
    "plover",
    "location",
    "location_key",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_mention_id",
    "first_article_id",
    "source_url",
    "is_root_event",
    "background",
    "confidence",
)

#: What derivation reads of each mention (``m``: event_mentions, ``a``: articles).
MENTION_QUERY = """
    SELECT m.mention_id, m.article_id, m.sentence_index, m.sentence_start, m.date, m.date_precision,
           m.location, m.source_code, m.source_country, m.source_igo, m.source_sector, m.source_name,
           m.target_code, m.target_country, m.target_igo, m.target_sector, m.target_name, m.cameo,
           m.root, m.quad_class, m.goldstein, m.plover, m.confidence, m.background,
           a.publisher, a.url, a.published, a.paragraphs, {key} AS group_key
    FROM event_mentions m JOIN articles a USING (article_id)
"""


def period_start(value: str | None) -> date | None:
    """The first day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date (None when unreadable)."""
    if not value:
        return None
    try:
        if len(value) == 4:
            return date(int(value), 1, 1)
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1)
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def outlet(publisher: str | None, url: str | None) -> str:
    """The outlet a report counts for in NumSources."""
    if publisher and publisher.strip():
        return publisher.strip().casefold()
    if url:
        host = urlsplit(url).hostname or ""
        host = host.removeprefix("www.")
        if host:
            return host
    return "(unknown)"


def location_key(location: Any) -> str | None:
    """A comparable key of an event location (``country:name``), or None when there is none."""
    if not location:
        return None
    data = json.loads(location) if isinstance(location, str) else location
    name = str(data.get("name") or "").casefold()
    if not name:
        return None
    return f"{data.get('country') or ''}:{name}"


def _lead_end(paragraphs: Any) -> int:
    """End offset of an article's lead: its title and first body paragraph."""
    items = json.loads(paragraphs) if isinstance(paragraphs, str) else paragraphs or []
    for item in items:
        if item.get("kind") == "body":
            return int(item["end"])
    return int(items[-1]["end"]) if items else 0


def _most(values: Iterable[Any]) -> Any:
    """The most frequent value (ties: the smallest in sort order, None last)."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], v is None, "" if v is None else str(v)))


def _clusters(rule: MatchRule, mentions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split one group's mentions into events (rules 2 and 3)."""
    by_period: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    days: list[tuple[int, dict[str, Any]]] = []
    for m in mentions:
        start = period_start(m["date"])
        precision = m["date_precision"] if start else None
        if precision == "day" and start is not None:
            days.append((start.toordinal(), m))
        elif precision in ("week", "month", "year"):
            by_period.setdefault((precision, m["date"]), []).append(m)
        else:
            by_period.setdefault(("undated", m["article_id"]), []).append(m)
    spans: list[list[dict[str, Any]]] = []
    days.sort(key=lambda item: (item[0], item[1]["mention_id"]))
    last = None
    for ordinal, m in days:
        if last is None or ordinal - last > rule.window_days:
            spans.append([])
        spans[-1].append(m)
        last = ordinal
    spans.extend(by_period[k] for k in sorted(by_period, key=str))
    if not rule.use_location:
        return spans
    out: list[list[dict[str, Any]]] = []
    for span in spans:
        placed: dict[str, list[dict[str, Any]]] = {}
        unplaced = []
        for m in span:
            key = location_key(m["location"])
            if key is None:
                unplaced.append(m)
            else:
                placed.setdefault(key, []).append(m)
        if not placed:
            out.append(span)
            continue
        main = min(placed, key=lambda k: (-len(placed[k]), k))
        placed[main].extend(unplaced)
        out.extend(placed[k] for k in sorted(placed))
    return out


def derive_events(
    rule: MatchRule,
    mentions: list[dict[str, Any]],
    copies: dict[str, list[dict[str, Any]]],
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Events of whole groups of mentions (rows of :data:`MENTION_QUERY`).

    Args:
        rule: the matching rule.
        mentions: every mention of the groups to derive (a group must be complete).
        copies: ``original article id -> [{publisher, url}]`` of its linked copies.

    Returns:
        the ``events`` rows and ``mention_id -> event_id``.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        groups.setdefault(m["group_key"], []).append(m)
    rows: list[dict[str, Any]] = []
    assignment: dict[str, str] = {}
    lead_cache: dict[str, int] = {}
    for group_key in sorted(groups):
        for cluster in _clusters(rule, groups[group_key]):
            row = _event_row(group_key, cluster, copies, lead_cache)
            rows.append(row)
            for m in cluster:
                assignment[m["mention_id"]] = row["event_id"]
    return rows, assignment


def _event_row(
    group_key: str,
    cluster: list[dict[str, Any]],
    copies: dict[str, list[dict[str, Any]]],
    lead_cache: dict[str, int],
) -> dict[str, Any]:
    ordered = sorted(
        cluster,
        key=lambda m: (
            m["published"] or "~",
            m["article_id"],
            m["sentence_index"],
            m["mention_id"],
        ),
    )
    first = ordered[0]
    dates = [m["date"] for m in cluster]
    when = _most(dates)
    precision = next((m["date_precision"] for m in cluster if m["date"] == when), None)
    starts = [d for d in (period_start(v) for v in dates) if d is not None]
    cameo = _most(m["cameo"] for m in cluster)
    coded = next(m for m in ordered if m["cameo"] == cameo)
    location = (
        _most(m["location"] for m in cluster if m["location"])
        if any(m["location"] for m in cluster)
        else None
    )
    reports: dict[str, str] = {}
    mentions_total = 0
    for m in cluster:
        article_copies = copies.get(m["article_id"], [])
        mentions_total += 1 + len(article_copies)
        reports[m["article_id"]] = outlet(m["publisher"], m["url"])
        for copy in article_copies:
            reports[copy["article_id"]] = outlet(copy["publisher"], copy["url"])
    is_root = False
    for m in cluster:
        if m["article_id"] not in lead_cache:
            lead_cache[m["article_id"]] = _lead_end(m["paragraphs"])
        if m["sentence_start"] < lead_cache[m["article_id"]]:
            is_root = True
    url = first["url"] or next(
        (c["url"] for c in copies.get(first["article_id"], []) if c["url"]), None
    )
    first_date = min(starts) if starts else None
    if precision in ("day", "week", "month", "year") and first_date is not None:
        identity: tuple[Any, ...] = (group_key, precision, first_date.isoformat())
    else:
        identity = (group_key, "undated", first["article_id"])
    loc_key = location_key(location)
    return {
        "event_id": content_hash(*identity, loc_key or "", length=20),
        "group_key": group_key,
        "date": when,
        "date_precision": precision,
        "event_date": period_start(when),
        "date_first": first_date,
        "date_last": max(starts) if starts else None,
        "source_code": coded["source_code"],
        "source_country": coded["source_country"],
        "source_igo": coded["source_igo"],
        "source_sector": coded["source_sector"],
        "source_name": _most(m["source_name"] for m in cluster),
        "target_code": coded["target_code"],
        "target_country": coded["target_country"],
        "target_igo": coded["target_igo"],
        "target_sector": coded["target_sector"],
        "target_name": _most(m["target_name"] for m in cluster),
        "cameo": cameo,
        "root": coded["root"],
        "quad_class": coded["quad_class"],
        "goldstein": coded["goldstein"],
        "plover": coded["plover"],
        "location": location,
        "location_key": loc_key,
        "num_mentions": mentions_total,
        "num_sources": len(set(reports.values())),
        "num_articles": len(reports),
        "first_mention_id": first["mention_id"],
        "first_article_id": first["article_id"],
        "source_url": url,
        "is_root_event": is_root,
        "background": all(bool(m["background"]) for m in cluster),
        "confidence": max((m["confidence"] or 0.0) for m in cluster),
    }
