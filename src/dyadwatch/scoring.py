"""Scoring runs: code gold articles and peer suites with the current coder, score them, and hold the
scores against the quality floors stored in the repository.

:mod:`dyadwatch.evaluate` owns the scoring rules; this module feeds it: it finds the input files,
runs the coder (or reads saved predictions), and compares the results with ``eval/floors.json``.
A floor that is not met fails the check — changes that beat a floor raise it, and a floor goes down
only deliberately, together with the change that needs it and an explanation.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import EvaluationError
from .evaluate import (
    events_to_peer_predictions,
    load_gold,
    load_jsonl,
    load_peer_predictions,
    prf,
    score_gold,
    score_peer,
)
from .extract import extract_record, extract_text
from .prefilter import PRONOUNS
from .quotes_eval import (
    evaluate_annotations,
    first_record,
    is_quote_annotations,
    score_gold_quotes,
)


def is_pentaclass_suite(path: str | Path) -> bool:
    """Whether a file is a sentence-classification suite (``pentaclass_label`` and source/target spans)."""
    first = first_record(path)
    return first is not None and "pentaclass_label" in first


def is_plover_suite(path: str | Path) -> bool:
    """Whether a file is a PLOVER suite: one expected event per record, typed by its PLOVER
    ``event`` with ``actor`` and ``recipient`` lists (not CAMEO ``code`` triples)."""
    first = first_record(path)
    expected = (first or {}).get("expected_events") or []
    return bool(expected) and "event" in expected[0] and "code" not in expected[0]


#: PLOVER 0.5b1 event types that later versions merged into others; our events carry the 16 types
#: of PLOVER 2021 (the type of each CAMEO code in ``data/cameo_codes.tsv``).
PLOVER_MERGED = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


def _plover_sides(gold: dict[str, Any], side: str) -> set[str]:
    """The country or organisation codes (first three letters) of a gold event's actors."""
    return {str(a.get("code") or "")[:3] for a in gold.get(side) or [] if a.get("code")}


def _side_code(event: dict[str, Any], side: str) -> str:
    return str((event.get(side) or {}).get("code") or "")[:3]


def score_plover(
    records: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """PLOVER event types, actors and CAMEO codes on a PLOVER suite.

    Types: over the records, a gold type (renamed to PLOVER 2021 through :data:`PLOVER_MERGED`)
    among the types of the record's events is a true positive, every other type coded a false
    positive. Actors: over the records whose type was found, whether an event of that type has a
    source among the gold actors (and, where the gold names recipients, a target among them),
    compared by their first three letters (country or organisation). CAMEO: over the records that
    carry the code their example illustrates in the CAMEO manual (``cameo_code_from_manual``), the
    share with an event of that code, and of that root.
    """
    by_id: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_id.setdefault(str(event.get("article_id")), []).append(event)
    tp = fp = fn = 0
    source_ok = source_checked = target_ok = target_checked = 0
    manual = exact = root = 0
    by_type: dict[str, list[int]] = {}
    for record in records:
        found = by_id.get(str(record["id"]), [])
        types = {str(e["plover"]) for e in found if e.get("plover")}
        expected = [
            (PLOVER_MERGED.get(str(g["event"]), str(g["event"])), g)
            for g in record.get("expected_events") or []
        ]
        fp += len(types - {kind for kind, _ in expected})
        for kind, gold in expected:
            counts = by_type.setdefault(kind, [0, 0])
            counts[1] += 1
            if kind not in types:
                fn += 1
                continue
            tp += 1
            counts[0] += 1
            typed = [e for e in found if e.get("plover") == kind]
            actors = _plover_sides(gold, "actor")
            if actors:
                source_checked += 1
                source_ok += any(_side_code(e, "source") in actors for e in typed)
            recipients = _plover_sides(gold, "recipient")
            if recipients:
                target_checked += 1
                target_ok += any(_side_code(e, "target") in recipients for e in typed)
        codes = record.get("cameo_code_from_manual") or []
        if codes:
            manual += 1
            coded = {str(e.get("cameo") or "") for e in found}
            exact += bool(coded & set(codes))
            root += bool({c[:2] for c in coded} & {c[:2] for c in codes})
    types_found = prf(tp, fp, fn)
    return {
        "records": len(records),
        "type_precision": types_found["precision"],
        "type_recall": types_found["recall"],
        "type_f1": types_found["f1"],
        "source_agreement": round(source_ok / source_checked, 3) if source_checked else 0.0,
        "target_agreement": round(target_ok / target_checked, 3) if target_checked else 0.0,
        "cameo_records": manual,
        "cameo_exact": round(exact / manual, 3) if manual else 0.0,
        "cameo_root": round(root / manual, 3) if manual else 0.0,
        "recall_by_type": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_type.items())},
    }


def _aligned(rows: Sequence[tuple[str, Any]]) -> list[str]:
    """Name-value rows with the values lined up after the longest name."""
    width = max(len(name) for name, _ in rows)
    return [f"{name.ljust(width)}  {value}" for name, value in rows]


def format_plover_table(result: dict[str, Any]) -> str:
    rows = [
        ("sentences", result["records"]),
        ("PLOVER type precision", result["type_precision"]),
        ("PLOVER type recall", result["type_recall"]),
        ("PLOVER type F1", result["type_f1"]),
        ("source agreement (type found)", result["source_agreement"]),
        ("target agreement (type found)", result["target_agreement"]),
        (f"CAMEO manual code found ({result['cameo_records']} sentences)", result["cameo_exact"]),
        ("CAMEO manual root found", result["cameo_root"]),
    ]
    lines = _aligned(rows)
    lines.append(
        "recall by type: " + ", ".join(f"{k} {v}" for k, v in result["recall_by_type"].items())
    )
    return "\n".join(lines)


#: PentaClass of a CAMEO root (Phoenix's five classes): 0 statements and appeals (01–02), 1 verbal
#: cooperation (03–05), 2 material cooperation (06–08), 3 verbal conflict (09–13 and 16, reducing
#: relations), 4 material conflict (14, 15 and 17–20).
def pentaclass(root: str) -> int:
    number = int(root[:2])
    if number <= 2:
        return 0
    if number <= 5:
        return 1
    if number <= 8:
        return 2
    if number <= 13 or number == 16:
        return 3
    return 4


def _words(text: str) -> set[str]:
    """Content words of a span, with possessives split off however the span was tokenised
    ("Myanmar's government" and "Myanmar 's government" share "myanmar"), and hyphenated words
    split ("Al-Shabaab" and "Al - Shabaab" share "shabaab")."""
    text = text.replace("’", "'").replace("'s ", " 's ").replace("'s", " 's").replace("-", " ")
    return {w.strip(".,'\"").lower() for w in text.split()} - {"the", "a", "an", "of", "s", ""}


def _overlaps(actor: dict[str, Any] | None, spans: Sequence[str]) -> bool:
    """Whether an event actor's words overlap a gold span; a pronoun ("he had lunch with X") is
    compared by the name it was resolved to, as the gold span names the antecedent."""
    text = (actor or {}).get("text")
    if not text:
        return False
    words = _words(text)
    if text.lower() in PRONOUNS:
        words |= _words(str((actor or {}).get("name") or ""))
    return any(words & _words(span) for span in spans)


def score_pentaclass(
    records: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """PentaClass accuracy and source/target span agreement on a sentence suite.

    A sentence's predicted class is the class of its most confident event; a sentence with no event is
    predicted 0 (no cooperative or conflictual act), which is how such suites label plain statements.
    Span agreement counts, over sentences with an event and a gold source (target) span, the
    sentences whose event's source (target) words overlap one of those spans. Records without a
    label (span-only ones) are left out.
    """
    records = [r for r in records if r.get("pentaclass_label") is not None]
    by_id: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        by_id.setdefault(str(event.get("article_id")), []).append(event)
    correct = covered = covered_correct = 0
    source_ok = source_checked = target_ok = target_checked = 0
    confusion: dict[str, int] = {}
    for record in records:
        gold = int(record["pentaclass_label"])
        found = by_id.get(str(record["id"]), [])
        best = max(found, key=lambda e: e.get("confidence") or 0.0) if found else None
        predicted = pentaclass(best["root"]) if best else 0
        correct += predicted == gold
        key = f"{gold}->{predicted}"
        confusion[key] = confusion.get(key, 0) + 1
        if best is None:
            continue
        covered += 1
        covered_correct += predicted == gold
        spans = record.get("spans") or {}
        if spans.get("S_source"):
            source_checked += 1
            source_ok += _overlaps(best.get("source"), spans["S_source"])
        if spans.get("T_target"):
            target_checked += 1
            target_ok += _overlaps(best.get("target"), spans["T_target"])
    total = len(records)
    return {
        "records": total,
        "with_event": covered,
        "accuracy": round(correct / total, 3) if total else 0.0,
        "accuracy_with_event": round(covered_correct / covered, 3) if covered else 0.0,
        "source_agreement": round(source_ok / source_checked, 3) if source_checked else 0.0,
        "target_agreement": round(target_ok / target_checked, 3) if target_checked else 0.0,
        "confusion": dict(sorted(confusion.items())),
    }


def format_pentaclass_table(result: dict[str, Any]) -> str:
    rows = [
        ("sentences", result["records"]),
        ("with an event", result["with_event"]),
        ("pentaclass accuracy", result["accuracy"]),
        ("accuracy where an event was coded", result["accuracy_with_event"]),
        ("source span agreement", result["source_agreement"]),
        ("target span agreement", result["target_agreement"]),
    ]
    lines = _aligned(rows)
    lines.append(
        "confusion (gold->predicted): "
        + ", ".join(f"{k}: {v}" for k, v in result["confusion"].items())
    )
    return "\n".join(lines)


#: Characters of context parsed around a GeoWebNews toponym (enough for its sentence).
GEO_WINDOW = 300
#: Dependency labels under which a place name is a place, not an actor.
LOCATIVE_HEADS = {
    "in",
    "at",
    "near",
    "across",
    "over",
    "from",
    "to",
    "into",
    "throughout",
    "around",
    "outside",
}


def is_geowebnews(path: str | Path) -> bool:
    """Whether a file is the GeoWebNews XML corpus (toponyms with a metonymy taxonomy)."""
    path = Path(path)
    if path.suffix.lower() != ".xml":
        return False
    with open(path, encoding="utf-8") as handle:
        return "<toponym>" in handle.read(200_000)


def score_geowebnews(path: str | Path, model: str | None = None) -> dict[str, Any]:
    """How well place names are told apart as actors (metonyms) or places, on GeoWebNews.

    Toponyms labelled ``Metonymic`` (a place standing for its government or people: "Russia said") or
    ``Literal`` (the place itself: "in Russia") that the actor knowledge base names are judged: our call
    is *metonym* when the resolver makes the name an actor in an argument position (subject, object,
    possessor, agent) and *literal* when it is a locative's object, a modifier, or no actor.
    """
    import re

    from .api import get_coder

    text = Path(path).read_text("utf-8")
    coder = get_coder(model)
    tp = fp = fn = tn = 0
    for article in re.finditer(r"<text>(.*?)</text>\s*<toponyms>(.*?)</toponyms>", text, re.S):
        body = _unescape(article.group(1))
        for toponym in re.finditer(
            r"<extractedName>(.*?)</extractedName>.*?<type>(.*?)</type>.*?"
            r"<start>(\d+)</start>\s*<end>(\d+)</end>",
            article.group(2),
            re.S,
        ):
            name, kind, start, end = (
                _unescape(toponym.group(1)),
                toponym.group(2),
                int(toponym.group(3)),
                int(toponym.group(4)),
            )
            if kind not in ("Literal", "Metonymic") or not _known_place(coder, name):
                continue
            metonym = _is_metonym(coder, body, start, end)
            gold = kind == "Metonymic"
            tp += metonym and gold
            fp += metonym and not gold
            fn += gold and not metonym
            tn += not metonym and not gold
    judged = tp + fp + fn + tn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "kind": "geowebnews",
        "judged": judged,
        "metonymic": tp + fn,
        "literal": fp + tn,
        "accuracy": round((tp + tn) / judged, 3) if judged else 0.0,
        "metonymy_precision": round(precision, 3),
        "metonymy_recall": round(recall, 3),
        "metonymy_f1": round(f1, 3),
        "confusion": {"tp": tp, "fp": fp, "fn": fn, "tn": tn},
    }


def _unescape(value: str) -> str:
    import html

    return html.unescape(value)


def _known_place(coder: Any, name: str) -> bool:
    """Whether the knowledge base names the place (also without its article: "West" for "the
    West")."""
    kb = coder.kb
    return any(
        written in (c.name, *c.aliases) or name in c.capitals or name in dict(c.seats)
        for c in kb.countries.values()
        for written in (name, f"the {name}")
    )


def _is_metonym(coder: Any, body: str, start: int, end: int) -> bool:
    left = max(0, start - GEO_WINDOW)
    window = body[left : min(len(body), end + GEO_WINDOW)]
    doc = coder.nlp(window)
    context = coder.resolver.new_article(None, body)
    for sent, mentions in zip(doc.sents, coder.resolver.resolve_doc(doc, context), strict=True):
        if not sent.start_char <= start - left < sent.end_char:
            continue
        for mention in mentions:
            span = doc[mention.start : mention.end]
            if not (span.start_char <= start - left < span.end_char) or not mention.is_actor:
                continue
            head = doc[mention.head]
            # the name's last word heads it ("the United *States*")
            word = next(t for t in doc if t.idx <= end - 1 - left < t.idx + len(t.text))
            if word.dep_ == "pobj" and word.head.lower_ in LOCATIVE_HEADS:
                return False  # a place inside an actor's phrase ("police in London")
            if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_HEADS:
                return False
            return head.dep_ in (
                "nsubj",
                "nsubjpass",
                "dobj",
                "poss",
                "pobj",
                "appos",
                "conj",
                "dative",
                "attr",
            )
    return False


def format_geowebnews_table(result: dict[str, Any]) -> str:
    c = result["confusion"]
    return (
        f"toponyms judged  {result['judged']} ({result['metonymic']} metonymic, {result['literal']} literal)\n"
        f"accuracy         {result['accuracy']}\n"
        f"metonymy P/R/F1  {result['metonymy_precision']} / {result['metonymy_recall']} / {result['metonymy_f1']}"
        f"  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']}, tn {c['tn']})"
    )


def is_peer_suite(path: str | Path) -> bool:
    """Whether a file is a peer suite (JSONL records with ``expected_events``) rather than gold."""
    first = first_record(path)
    return first is not None and "expected_events" in first


def code_gold(
    gold_path: str | Path,
    model: str | None = None,
    dictionaries: Sequence[str | Path] = (),
    quotes: list[dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Code the article(s) a gold file points to (``text_file``, relative to the gold file); their quotes
    are added to ``quotes`` when a list is given."""
    from .api import get_coder

    gold_path = Path(gold_path)
    events: list[dict[str, Any]] = []
    coder = get_coder(model, dictionaries=dictionaries)
    for article in load_gold(gold_path):
        text_file = article.get("text_file")
        if not text_file:
            raise EvaluationError(
                f"{gold_path}: gold article {article.get('id')!r} has no text_file"
            )
        path = (gold_path.parent / text_file).resolve()
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise EvaluationError(f"{gold_path}: cannot read {path}: {exc}") from exc
        coded = coder.code_article(
            extract_text(text, str(article.get("id") or path.stem), str(path))
        )
        events.extend(e.to_dict() for e in coded.events)
        if quotes is not None:
            quotes.extend(q.to_dict() for q in coded.quotes)
    return events


def code_peer(
    records: Sequence[dict[str, Any]],
    model: str | None = None,
    dictionaries: Sequence[str | Path] = (),
) -> list[dict[str, Any]]:
    """Code each peer record's sentence as a one-paragraph article dated by the record."""
    from .api import get_coder

    coder = get_coder(model, dictionaries=dictionaries)
    articles = [
        extract_record({"id": r["id"], "text": r["text"], "published": r.get("date")}, r["id"])
        for r in records
        if str(r.get("text", "")).strip()
    ]
    return [e.to_dict() for coded in coder.code_articles(articles) for e in coded.events]


def evaluate_file(
    path: str | Path,
    predictions: str | Path | None = None,
    model: str | None = None,
    dictionaries: Sequence[str | Path] = (),
    shared: str | Path = "../shared",
) -> dict[str, Any]:
    """Score the coder (or saved ``predictions``) on a gold file, a peer suite, a PLOVER suite, a
    PentaClass suite, GeoWebNews, or our quote annotations (whose article texts are read from ``shared``).

    ``predictions`` may be our event records (JSONL, one event per line) or, for a peer suite, the
    peer's own output format (``{id, predicted_events}`` per line).
    """
    if is_geowebnews(path):
        result = score_geowebnews(path, model)
    elif is_plover_suite(path):
        records = load_jsonl(path)
        events = (
            load_jsonl(predictions)
            if predictions is not None
            else code_peer(records, model, dictionaries)
        )
        result = score_plover(records, events)
        result["kind"] = "plover"
    elif is_pentaclass_suite(path):
        records = [r for r in load_jsonl(path) if r.get("pentaclass_label") is not None]
        events = (
            load_jsonl(predictions)
            if predictions is not None
            else code_peer(records, model, dictionaries)
        )
        result = score_pentaclass(records, events)
        result["kind"] = "pentaclass"
    elif is_peer_suite(path):
        records = load_jsonl(path)
        if predictions is not None:
            rows = load_jsonl(predictions)
            if rows and "predicted_events" in rows[0]:
                preds = load_peer_predictions(predictions)
            else:
                preds = events_to_peer_predictions(rows)
        else:
            preds = events_to_peer_predictions(code_peer(records, model, dictionaries))
        result = score_peer(records, preds)
        result["kind"] = "peer"
    elif is_quote_annotations(path):
        result = evaluate_annotations(path, shared, model)
    else:
        gold = load_gold(path)
        quotes: list[dict[str, Any]] = []
        if predictions is not None:
            rows = load_jsonl(predictions)
            events = [r for r in rows if r.get("record", "event") == "event"]
            quotes = [r for r in rows if r.get("record") == "quote"]
        else:
            events = code_gold(path, model, dictionaries, quotes)
        result = score_gold(gold, events)
        result["quotes"] = score_gold_quotes(gold, quotes)
        result["kind"] = "gold"
    result["file"] = str(path)
    return result


def headline_figures(result: dict[str, Any]) -> dict[str, float]:
    """The figures floors are kept for: P/R/F1 for gold; exact and root-only P/R/F1 for peers."""
    if result["kind"] == "gold":
        figures = {k: float(result[k]) for k in ("precision", "recall", "f1")}
        quotes = result.get("quotes") or {}
        figures.update(
            {
                f"quote_{k}": float(quotes[k])
                for k in ("recall", "speaker_accuracy", "via_accuracy")
                if k in quotes
            }
        )
        return figures
    if result["kind"] == "quotes":
        return {
            k: float(result[k])
            for k in ("precision", "recall", "f1", "speaker_accuracy", "via_accuracy")
        }
    if result["kind"] == "geowebnews":
        return {
            k: float(result[k])
            for k in ("accuracy", "metonymy_precision", "metonymy_recall", "metonymy_f1")
        }
    if result["kind"] == "pentaclass":
        return {
            k: float(result[k])
            for k in ("accuracy", "accuracy_with_event", "source_agreement", "target_agreement")
        }
    if result["kind"] == "plover":
        return {
            k: float(result[k])
            for k in (
                "type_precision",
                "type_recall",
                "type_f1",
                "source_agreement",
                "target_agreement",
                "cameo_exact",
                "cameo_root",
            )
        }
    levels = result["all"]["levels"]
    return {
        f"{level}_{m}": float(levels[level][m])
        for level in ("exact", "rootonly")
        for m in ("precision", "recall", "f1")
    }


def check_floors(
    floors_path: str | Path, shared: str | Path, model: str | None = None
) -> tuple[list[dict[str, Any]], list[str]]:
    """Evaluate every suite named in a floors file; return the results and the floors not met.

    Suites whose file is absent are skipped with a note (``../shared`` is not in every checkout).
    """
    spec = json.loads(Path(floors_path).read_text("utf-8"))
    results: list[dict[str, Any]] = []
    failures: list[str] = []
    repo = Path(floors_path).resolve().parent.parent
    for name, entry in spec["suites"].items():
        path = repo / entry["repo_file"] if "repo_file" in entry else Path(shared) / entry["file"]
        needed = [path] + [Path(shared) / r for r in entry.get("requires", [])]
        absent = next((p for p in needed if not p.exists()), None)
        if absent is not None:
            results.append({"suite": name, "skipped": f"{absent} not present"})
            continue
        dicts = [Path(shared) / d for d in entry.get("dictionaries", [])]
        result = evaluate_file(path, model=model, dictionaries=dicts, shared=shared)
        figures = headline_figures(result)
        result.update({"suite": name, "figures": figures})
        results.append(result)
        for metric, floor in entry["floors"].items():
            value = figures.get(metric)
            if value is None:
                failures.append(f"{name}: floor names unknown metric {metric!r}")
            elif value + 1e-9 < float(floor):
                failures.append(
                    f"{name}: {metric} {value:.3f} is below its floor {float(floor):.3f}"
                )
    return results, failures
