"""Scoring runs: code gold articles and peer suites with the current coder, score them, and hold the
scores against the quality floors stored in the repository.

:mod:`dyadwatch.evaluate` owns the scoring rules; this module feeds it: it finds the input files,
runs the coder (or reads saved predictions), and compares the results with ``eval/floors.json``.
A floor that is not met fails the check — floors are raised by changes that prove themselves and
lowered only on purpose, in the same commit, with the reason.
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
    score_gold,
    score_peer,
)
from .extract import extract_record, extract_text


def is_peer_suite(path: str | Path) -> bool:
    """Whether a file is a peer suite (JSONL records with ``expected_events``) rather than gold."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return False  # a pretty-printed JSON gold file
                return isinstance(first, dict) and "expected_events" in first
    return False


def code_gold(
    gold_path: str | Path, model: str | None = None, dictionaries: Sequence[str | Path] = ()
) -> list[dict[str, Any]]:
    """Code the article(s) a gold file points to (``text_file``, relative to the gold file)."""
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
) -> dict[str, Any]:
    """Score the coder (or saved ``predictions``) on a gold file or a peer suite.

    ``predictions`` may be our event records (JSONL, one event per line) or, for a peer suite, the
    peer's own output format (``{id, predicted_events}`` per line).
    """
    if is_peer_suite(path):
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
    else:
        gold = load_gold(path)
        events = (
            load_jsonl(predictions)
            if predictions is not None
            else code_gold(path, model, dictionaries)
        )
        result = score_gold(gold, events)
        result["kind"] = "gold"
    result["file"] = str(path)
    return result


def headline_figures(result: dict[str, Any]) -> dict[str, float]:
    """The figures floors are kept for: P/R/F1 for gold; exact and root-only P/R/F1 for peers."""
    if result["kind"] == "gold":
        return {k: float(result[k]) for k in ("precision", "recall", "f1")}
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
    for name, entry in spec["suites"].items():
        path = Path(shared) / entry["file"]
        if not path.exists():
            results.append({"suite": name, "skipped": f"{path} not present"})
            continue
        dicts = [Path(shared) / d for d in entry.get("dictionaries", [])]
        result = evaluate_file(path, model=model, dictionaries=dicts)
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
