"""Score coded events against hand-coded gold articles and against peer test suites.

Two kinds of reference data are supported.

**Gold articles** (``shared/gold/*.json``; a JSON object, a JSON list of objects, or a JSONL file
with one article per line). Each gold event names ``src``/``tgt`` actor keys (country code, or
``IGO:`` + acronym), optional ``alt_src``/``alt_tgt`` lists, acceptable ``roots``, ``must``,
``either_direction`` and optionally ``src_sector``/``tgt_sector``/``date``/``date_month``.
An emitted event agrees with a gold event if the root it carries is one of the listed ``roots`` and both
its actor keys are accepted (in reverse order too if ``either_direction``). Precision: the share of
emitted events that agree with some gold event, required or optional. Recall: the share of the
required (``must``) gold events that at least one emitted event agrees with. Matching here is *not* one-to-one: one emitted event may cover several
gold events and vice versa.

**Peer suites** (``shared/reference/peer/*.jsonl``: records with ``id``, ``expected_events``
``[{source, target, code}]``, ``evaluate``, ``expect_no_events``) scored against predictions
``{record id: [{source, target, code}, ...]}`` (the UniversalPetrarch ``baseline_outputs`` format,
see :func:`load_peer_predictions`). The rule below reproduces every row of the peer's own
``baseline_outputs/scores.tsv`` (18 rows x 3 levels, counts and P/R/F1 to 3 decimals):

* Records with ``evaluate`` exactly ``False`` are skipped (their expected *and* predicted events);
  ``evaluate`` missing/``None`` counts as true. Records with ``expect_no_events`` or
  ``expect_error`` are scored like any other: all their predictions are false positives.
* ``records`` reports every record given (including skipped ones), as the peer table does.
* Matching is one-to-one within a record: the true positives of a record are the size of the
  multiset intersection of the expected and predicted keys, where the key is
  ``(source, target, code)`` (``exact``), ``(source, target, code[:2])`` (``dyad+root``) or
  ``code[:2]`` (``rootonly``). Set intersection and "any prediction whose key is expected" both fail
  to reproduce the table. Records sharing an id are pooled (their expected events concatenated, as
  their predictions are by :func:`load_peer_predictions`); this changes nothing on the peer data.
* ``dyadic_only`` drops *predictions* whose source or target is empty or starts with ``---``
  (``---`` and also country-less agents such as ``---GOV``); expected events are kept unchanged.
  Dropping only exact ``---`` does not reproduce the table.
* P = tp / predicted, R = tp / expected, F1 from the unrounded P and R; all 0.0 when undefined;
  rounded with :func:`round` to 3 decimals.

One data artefact must be corrected before the ``up-validate-2.02`` rows reproduce: in
``up_validate_records_2_02.jsonl`` the first record has ``id == ""`` and ``evaluate: false``
because the XML-to-JSONL conversion started that record at a ``<Sentence ... evaluate="false">``
example inside the file's header comment; the original XML says ``id="DEMO-01"
evaluate="true"``, and the baseline outputs (line-aligned with the records) call it ``DEMO-01``.
With that record restored the expected count becomes 308 and all rows match.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from dyadwatch.errors import EvaluationError

__all__ = [
    "PEER_LEVELS",
    "event_actor_key",
    "event_to_peer_triple",
    "events_to_peer_predictions",
    "format_gold_table",
    "format_peer_table",
    "is_dyadic",
    "load_gold",
    "load_jsonl",
    "load_peer_predictions",
    "score_gold",
    "score_peer",
]

PEER_LEVELS: tuple[str, ...] = ("exact", "dyad+root", "rootonly")
"""Peer scoring levels, named as in the peer's ``scores.tsv`` column prefixes."""

_NO_ACTOR = "---"
#: CAMEO codes of actors that belong to no country by nature (organisations, militarised groups,
#: multinationals, unidentified states): whole codes, never "---" + agent.
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC", "UIS")
_NUMERIC = re.compile(r"^(-|[-+]?[\d./]*)$")


# --- Loading -----------------------------------------------------------------------------------


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Read a JSONL file (one JSON object per line; blank lines ignored).

    Args:
        path: the file to read.

    Returns:
        The objects in file order.

    Raises:
        EvaluationError: a line is not valid JSON or not a JSON object.
    """
    rows: list[dict[str, Any]] = []
    with Path(path).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{number}: invalid JSON: {exc.msg}") from exc
            if not isinstance(obj, dict):
                raise EvaluationError(f"{path}:{number}: expected a JSON object")
            rows.append(obj)
    return rows


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read gold articles: one JSON object, a JSON list of objects, or JSONL (one per line).

    Args:
        path: the gold file.

    Returns:
        A list of gold article dicts, each with at least ``id`` and ``events``.

    Raises:
        EvaluationError: the file is in none of those forms, or an article lacks ``id`` or
            ``events``.
    """
    text = Path(path).read_text(encoding="utf-8")
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError:
        data = load_jsonl(path)
    articles = [data] if isinstance(data, dict) else data
    if not isinstance(articles, list):
        raise EvaluationError(f"{path}: expected a gold article object or a list of them")
    for article in articles:
        _check_gold_article(article, str(path))
    return articles


def load_peer_predictions(path: str | Path) -> dict[str, list[dict[str, str]]]:
    """Read saved peer predictions (``baseline_outputs`` format).

    Each line holds ``id`` and ``predicted_events: [{source, target, code}]``. Lines sharing an id
    have their predictions concatenated (the peer suites contain a few duplicate ids).

    Args:
        path: a JSONL file of prediction lines.

    Returns:
        Mapping record id -> list of ``{source, target, code}`` triples.

    Raises:
        EvaluationError: a line lacks ``id`` or ``predicted_events``.
    """
    predictions: dict[str, list[dict[str, str]]] = defaultdict(list)
    for number, row in enumerate(load_jsonl(path), start=1):
        if "id" not in row or not isinstance(row.get("predicted_events"), list):
            raise EvaluationError(f"{path}: line {number} lacks id or predicted_events")
        predictions[str(row["id"])].extend(_triple(e) for e in row["predicted_events"])
    return dict(predictions)


def _check_gold_article(article: Any, where: str) -> None:
    if not isinstance(article, dict) or "id" not in article:
        raise EvaluationError(f"{where}: gold article without an id")
    if not isinstance(article.get("events"), list):
        raise EvaluationError(f"{where}: gold article {article['id']!r} has no events list")


# --- Our event records -> keys and peer triples ------------------------------------------------


def event_actor_key(side: Mapping[str, Any] | None) -> str | None:
    """Return the gold-comparable key of one side of an event.

    Args:
        side: the event's ``source`` or ``target`` dict (may be ``None``).

    Returns:
        ``"IGO:" + igo`` when ``igo`` is set, else the country code, else ``None``.
    """
    if not side:
        return None
    if side.get("igo"):
        return f"IGO:{str(side['igo']).upper()}"
    if side.get("country"):
        return str(side["country"]).upper()
    return None


def _actor_code(side: Mapping[str, Any] | None) -> str:
    if not side or not side.get("code"):
        return _NO_ACTOR
    code = str(side["code"])
    countryless = "country" in side and "igo" in side and not side["country"] and not side["igo"]
    if countryless and not code.startswith((_NO_ACTOR, *INTERNATIONAL)):
        return _NO_ACTOR + code  # peer convention for agents without a country: ---GOV
    return code


def event_to_peer_triple(event: Mapping[str, Any]) -> dict[str, str]:
    """Convert one of our event records to a peer ``{source, target, code}`` triple.

    The actor code is ``event[side]["code"]``; ``"---"`` when the side or its code is missing. A
    side whose ``country`` and ``igo`` are both present and null gets the peer's ``---`` prefix
    (``GOV`` -> ``---GOV``) so that :func:`is_dyadic` treats it as the peer does.

    Args:
        event: an event record as written by ``dyadwatch code --format jsonl``.

    Returns:
        The triple; ``code`` is the event's ``cameo`` code (empty string when missing).
    """
    return {
        "source": _actor_code(event.get("source")),
        "target": _actor_code(event.get("target")),
        "code": str(event.get("cameo") or ""),
    }


def events_to_peer_predictions(
    events: Iterable[Mapping[str, Any]], id_field: str = "article_id"
) -> dict[str, list[dict[str, str]]]:
    """Group our event records into peer predictions keyed by record id.

    Args:
        events: event records.
        id_field: the event field holding the peer record id the event was coded from.

    Returns:
        Mapping record id -> list of peer triples (see :func:`event_to_peer_triple`).
    """
    predictions: dict[str, list[dict[str, str]]] = defaultdict(list)
    for event in events:
        predictions[str(event.get(id_field, ""))].append(event_to_peer_triple(event))
    return dict(predictions)


def is_dyadic(triple: Mapping[str, Any]) -> bool:
    """Tell whether a peer triple has both actors (neither empty nor starting with ``---``)."""
    return all(
        triple.get(side) and not str(triple[side]).startswith(_NO_ACTOR)
        for side in ("source", "target")
    )


def _triple(raw: Mapping[str, Any]) -> dict[str, str]:
    return {k: str(raw.get(k) or "") for k in ("source", "target", "code")}


# --- Shared arithmetic -------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    """Precision, recall and F1 (rounded) with the counts they come from."""
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "tp": tp,
        "fp": fp,
        "fn": fn,
    }


def _rate(agree: int, checked: int) -> dict[str, Any]:
    return {"checked": checked, "agree": agree, "rate": round(_ratio(agree, checked), 3)}


# --- Gold scoring ------------------------------------------------------------------------------


def _event_root(event: Mapping[str, Any]) -> str:
    return str(event.get("root") or str(event.get("cameo") or "")[:2])


def _keys(gold_event: Mapping[str, Any], side: str) -> set[str]:
    keys = {str(gold_event.get(side) or "")} | {str(k) for k in gold_event.get(f"alt_{side}") or []}
    return {k.upper() for k in keys if k}


def _match_direction(event: Mapping[str, Any], gold_event: Mapping[str, Any]) -> str | None:
    """Return ``"forward"``/``"reverse"`` when the event matches the gold event, else ``None``."""
    if _event_root(event) not in {str(r) for r in gold_event.get("roots") or []}:
        return None
    src, tgt = event_actor_key(event.get("source")), event_actor_key(event.get("target"))
    src_ok, tgt_ok = _keys(gold_event, "src"), _keys(gold_event, "tgt")
    if src in src_ok and tgt in tgt_ok:
        return "forward"
    if gold_event.get("either_direction") and src in tgt_ok and tgt in src_ok:
        return "reverse"
    return None


def _sector_ok(event: Mapping[str, Any], gold_event: Mapping[str, Any], direction: str) -> bool:
    sides = {"src": "source", "tgt": "target"}
    if direction == "reverse":
        sides = {"src": "target", "tgt": "source"}
    for gold_side, event_side in sides.items():
        wanted = gold_event.get(f"{gold_side}_sector")
        if wanted and (event.get(event_side) or {}).get("sector") != wanted:
            return False
    return True


def _date_ok(event: Mapping[str, Any], gold_event: Mapping[str, Any]) -> bool:
    date = str(event.get("date") or "")
    if gold_event.get("date"):
        return date == str(gold_event["date"])
    return date[:7] == str(gold_event.get("date_month"))


def _events_by_article(
    gold_articles: Sequence[Mapping[str, Any]], events: Sequence[Mapping[str, Any]]
) -> dict[str, list[Mapping[str, Any]]]:
    ids = [str(a["id"]) for a in gold_articles]
    if len(ids) == 1 and not any(str(e.get("article_id")) == ids[0] for e in events):
        return {ids[0]: list(events)}
    grouped: dict[str, list[Mapping[str, Any]]] = {i: [] for i in ids}
    for event in events:
        key = str(event.get("article_id"))
        if key in grouped:
            grouped[key].append(event)
    return grouped


def score_gold(
    gold_articles: Sequence[Mapping[str, Any]], events: Sequence[Mapping[str, Any]]
) -> dict[str, Any]:
    """Score emitted events against gold articles.

    Events are assigned to gold articles by ``article_id`` == gold ``id``; with a single gold
    article and no event carrying its id, every event is scored against it. Events of articles
    without gold are ignored (counted in ``events_ignored``).

    Args:
        gold_articles: gold article dicts (see :func:`load_gold`).
        events: our event records.

    Returns:
        A JSON-serialisable dict: ``precision``/``recall``/``f1`` (3 decimals), ``emitted``,
        ``emitted_matched``, ``must_events``, ``must_found``, ``sector_agreement`` and
        ``date_agreement`` (``checked``/``agree``/``rate``), ``gold_events`` (one entry per gold
        event: ``article_id``, ``id``, ``must``, ``found``, ``matched_by``, ``sector_ok``,
        ``date_ok``, ``evidence``) and ``false_positives`` (``article_id``, ``sentence_index``,
        ``source``, ``target``, ``cameo``).

    Raises:
        EvaluationError: a gold article lacks ``id`` or ``events``.
    """
    for article in gold_articles:
        _check_gold_article(article, "gold")
    grouped = _events_by_article(gold_articles, events)
    emitted = matched_emitted = must_total = must_found = 0
    sector_checked = sector_agree = date_checked = date_agree = 0
    gold_rows: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    for article in gold_articles:
        article_id = str(article["id"])
        article_events = grouped.get(article_id, [])
        emitted += len(article_events)
        matched = [False] * len(article_events)
        for gold_event in article["events"]:
            hits = [
                (i, d)
                for i, e in enumerate(article_events)
                if (d := _match_direction(e, gold_event)) is not None
            ]
            for i, _ in hits:
                matched[i] = True
            must = bool(gold_event.get("must"))
            must_total += int(must)
            must_found += int(must and bool(hits))
            sector_ok = date_ok = None
            if hits and (gold_event.get("src_sector") or gold_event.get("tgt_sector")):
                sector_ok = any(_sector_ok(article_events[i], gold_event, d) for i, d in hits)
                if must:
                    sector_checked += 1
                    sector_agree += int(sector_ok)
            if hits and (gold_event.get("date") or gold_event.get("date_month")):
                date_ok = any(_date_ok(article_events[i], gold_event) for i, _ in hits)
                date_checked += 1
                date_agree += int(date_ok)
            gold_rows.append(
                {
                    "article_id": article_id,
                    "id": gold_event.get("id"),
                    "must": must,
                    "found": bool(hits),
                    "matched_by": [_event_ref(article_events[i], i) for i, _ in hits],
                    "sector_ok": sector_ok,
                    "date_ok": date_ok,
                    "src": gold_event.get("src"),
                    "tgt": gold_event.get("tgt"),
                    "either_direction": bool(gold_event.get("either_direction")),
                    "roots": list(gold_event.get("roots") or []),
                    "evidence": gold_event.get("evidence"),
                }
            )
        matched_emitted += sum(matched)
        false_positives.extend(
            {
                "article_id": article_id,
                "event_id": e.get("event_id"),
                "sentence_index": e.get("sentence_index"),
                "source": event_actor_key(e.get("source")),
                "target": event_actor_key(e.get("target")),
                "cameo": e.get("cameo"),
            }
            for e, ok in zip(article_events, matched, strict=True)
            if not ok
        )
    precision, recall = _ratio(matched_emitted, emitted), _ratio(must_found, must_total)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "articles": len(gold_articles),
        "emitted": emitted,
        "emitted_matched": matched_emitted,
        "events_ignored": len(events) - emitted,
        "must_events": must_total,
        "must_found": must_found,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "sector_agreement": _rate(sector_agree, sector_checked),
        "date_agreement": _rate(date_agree, date_checked),
        "gold_events": gold_rows,
        "false_positives": false_positives,
    }


def _event_ref(event: Mapping[str, Any], index: int) -> str:
    if event.get("event_id"):
        return str(event["event_id"])
    return f"#{index}"


# --- Peer scoring ------------------------------------------------------------------------------


def _level_key(level: str, triple: Mapping[str, str]) -> tuple[str, ...]:
    if level == "exact":
        return (triple["source"], triple["target"], triple["code"])
    if level == "dyad+root":
        return (triple["source"], triple["target"], triple["code"][:2])
    return (triple["code"][:2],)


def _root_of(key: tuple[str, ...]) -> str:
    return key[-1][:2]


def _score_variant(
    grouped: Mapping[str, list[dict[str, str]]],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
    dyadic_only: bool,
) -> dict[str, Any]:
    totals = {level: Counter[str]() for level in PEER_LEVELS}
    per_root: dict[str, dict[str, Counter[str]]] = {
        level: defaultdict(Counter) for level in ("rootonly", "exact")
    }
    predicted = expected = 0
    for record_id, expected_triples in grouped.items():
        preds = [_triple(p) for p in predictions.get(record_id, [])]
        if dyadic_only:
            preds = [p for p in preds if is_dyadic(p)]
        predicted += len(preds)
        expected += len(expected_triples)
        for level in PEER_LEVELS:
            exp = Counter(_level_key(level, t) for t in expected_triples)
            got = Counter(_level_key(level, t) for t in preds)
            hit = exp & got
            counts = {"tp": hit, "fp": got - hit, "fn": exp - hit}
            for name, bag in counts.items():
                totals[level][name] += sum(bag.values())
                if level in per_root:
                    for key, n in bag.items():
                        per_root[level][_root_of(key)][name] += n
    return {
        "predicted_events": predicted,
        "expected_events": expected,
        "levels": {lv: prf(c["tp"], c["fp"], c["fn"]) for lv, c in totals.items()},
        "per_root": {
            lv: {r: prf(c["tp"], c["fp"], c["fn"]) for r, c in sorted(roots.items())}
            for lv, roots in per_root.items()
        },
    }


def score_peer(
    records: Sequence[Mapping[str, Any]],
    predictions: Mapping[str, Sequence[Mapping[str, Any]]],
) -> dict[str, Any]:
    """Score predicted triples against a peer test suite (rule in the module docstring).

    Args:
        records: peer records (``id``, ``expected_events``, optional ``evaluate``).
        predictions: record id -> predicted ``{source, target, code}`` triples; records without
            an entry have no predictions, entries without a scored record are ignored.

    Returns:
        A JSON-serialisable dict: ``records`` (all given), ``records_scored``, ``records_skipped``
        (``evaluate`` false), ``expected_events``, and for each variant ``all`` and
        ``dyadic_only``: ``predicted_events``, ``levels`` (``exact``, ``dyad+root``,
        ``rootonly`` -> ``precision``/``recall``/``f1``/``tp``/``fp``/``fn``) and ``per_root``
        (``rootonly`` and ``exact`` -> root code -> the same counts).

    Raises:
        EvaluationError: a record lacks ``id`` or its ``expected_events`` is not a list.
    """
    grouped: dict[str, list[dict[str, str]]] = {}
    skipped = 0
    for record in records:
        if "id" not in record or not isinstance(record.get("expected_events", []), list):
            raise EvaluationError(f"peer record without id or expected_events list: {record!r:.80}")
        if record.get("evaluate") is False:
            skipped += 1
            continue
        triples = [_triple(e) for e in record.get("expected_events") or []]
        grouped.setdefault(str(record["id"]), []).extend(triples)
    variants = {
        "all": _score_variant(grouped, predictions, dyadic_only=False),
        "dyadic_only": _score_variant(grouped, predictions, dyadic_only=True),
    }
    return {
        "records": len(records),
        "records_scored": len(records) - skipped,
        "records_skipped": skipped,
        "expected_events": variants["all"]["expected_events"],
        "unscored_prediction_ids": sorted(set(predictions) - set(grouped)),
        **variants,
    }


# --- Rendering ---------------------------------------------------------------------------------


def _table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Render an aligned plain-text table (numeric columns right-aligned, others left)."""
    cells = [[str(h) for h in headers]] + [["-" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    numeric = [
        i > 0 and all(_NUMERIC.match(row[i]) for row in cells[1:]) for i in range(len(headers))
    ]

    def line(row: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if right else c.ljust(w)
            for c, w, right in zip(row, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def _prf_cells(s: Mapping[str, Any]) -> list[Any]:
    rates = [f"{s[name]:.3f}" for name in ("precision", "recall", "f1")]
    return [*rates, s["tp"], s["fp"], s["fn"]]


def format_gold_table(scores: Mapping[str, Any]) -> str:
    """Render :func:`score_gold` output as plain text (summary, gold events, false positives)."""
    sector, date = scores["sector_agreement"], scores["date_agreement"]
    summary = _table(
        ["metric", "value", "count"],
        [
            [
                "precision",
                f"{scores['precision']:.3f}",
                f"{scores['emitted_matched']}/{scores['emitted']}",
            ],
            [
                "recall (must)",
                f"{scores['recall']:.3f}",
                f"{scores['must_found']}/{scores['must_events']}",
            ],
            ["f1", f"{scores['f1']:.3f}", ""],
            ["sector agreement", f"{sector['rate']:.3f}", f"{sector['agree']}/{sector['checked']}"],
            ["date agreement", f"{date['rate']:.3f}", f"{date['agree']}/{date['checked']}"],
        ],
    )
    gold = _table(
        ["gold", "must", "found", "dyad", "roots", "sector", "date", "matched by"],
        [
            [
                g["id"],
                "yes" if g["must"] else "no",
                "yes" if g["found"] else "NO",
                f"{g['src']}{'<>' if g['either_direction'] else '>'}{g['tgt']}",
                ",".join(g["roots"]),
                _flag(g["sector_ok"]),
                _flag(g["date_ok"]),
                ",".join(g["matched_by"]),
            ]
            for g in scores["gold_events"]
        ],
    )
    parts = [summary, "", gold]
    if scores["false_positives"]:
        fps = _table(
            ["false positive", "sentence", "source", "target", "cameo"],
            [
                [
                    fp.get("event_id") or fp["article_id"],
                    fp["sentence_index"],
                    fp["source"],
                    fp["target"],
                    fp["cameo"],
                ]
                for fp in scores["false_positives"]
            ],
        )
        parts += ["", fps]
    return "\n".join(parts)


def _flag(value: bool | None) -> str:
    return "-" if value is None else ("ok" if value else "NO")


def format_peer_table(scores: Mapping[str, Any]) -> str:
    """Render :func:`score_peer` output as plain text (levels per variant, then per-root rows)."""
    header = (
        f"records {scores['records']} (scored {scores['records_scored']}, skipped "
        f"{scores['records_skipped']}), expected events {scores['expected_events']}"
    )
    level_rows = [
        [f"{variant} {level}", *_prf_cells(scores[variant]["levels"][level])]
        for variant in ("all", "dyadic_only")
        for level in PEER_LEVELS
    ]
    levels = _table(["level", "P", "R", "F1", "tp", "fp", "fn"], level_rows)
    per_root = scores["all"]["per_root"]
    root_rows = []
    for root in sorted(set(per_root["rootonly"]) | set(per_root["exact"])):
        empty = {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
        root_rows.append(
            [
                root,
                *_prf_cells(per_root["rootonly"].get(root, empty)),
                *_prf_cells(per_root["exact"].get(root, empty)),
            ]
        )
    roots = _table(
        ["root (all)", "P", "R", "F1", "tp", "fp", "fn", "exact P", "R", "F1", "tp", "fp", "fn"],
        root_rows,
    )
    predicted = (
        f"predicted events: all {scores['all']['predicted_events']}, "
        f"dyadic_only {scores['dyadic_only']['predicted_events']}"
    )
    return "\n".join([header, predicted, "", levels, "", roots])
