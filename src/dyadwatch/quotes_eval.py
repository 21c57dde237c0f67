"""Scoring quotes: against the seed gold's quotes and against our quote annotations of Wikinews articles.

**Matching.** A found quote matches an annotated one in the same article when their words overlap: the
shared words are at least ``MIN_OVERLAP`` of the shorter quote's words (quotes are compared by their
words, not offsets, because article extraction normalises white space). Matching is one-to-one, best
overlap first. Precision is over found quotes, recall over annotated ones.

**Speaker accuracy** counts matched quotes whose found speaker names the annotated speaker: the
annotated name's last word (a surname, or the head noun of "the ministry") — or, for a name written in
capitals throughout, its first word — appears in the found speaker's name or words. ``via`` accuracy is over matched quotes the annotation gives a channel for.

The Wikinews annotations (``eval/quotes/*.jsonl``: article URL, character offsets into the article text,
kind, speaker, speaker code, via, audience) hold no article text: the text is read from
``../shared/reference/news`` at evaluation time.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import EvaluationError
from .extract import extract_record

#: Shared words, as a share of the shorter quote's words, for two quotes to be the same.
MIN_OVERLAP = 0.6
WORD = re.compile(r"[\w']+")
NEWS_DIR = "reference/news/wikinews-vanatteveldt"


def _words(text: str) -> list[str]:
    """Lower-case words without diacritics ("Erdoğan" and "Erdogan" are one name)."""
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return [w.lower() for w in WORD.findall(plain)]


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _names(speaker: str | None) -> str:
    return " ".join(_words(speaker or ""))


def speaker_matches(gold: str | None, found_name: str | None, found_text: str | None) -> bool:
    """Whether a found speaker names the annotated one (by its last word)."""
    words = _words(gold or "")
    if not words:
        return False
    found = set(_names(found_name).split()) | set(_names(found_text).split())
    # a surname, or a given name when the annotation names a person ("Princess Ubolratana")
    keys = {words[-1]}
    capitalised = [w for w in (gold or "").split() if w[:1].isupper()]
    if len(words) >= 2 and len(capitalised) == len((gold or "").split()):
        keys.add(words[0])
    return bool(keys & found)


def match_quotes(
    gold: Sequence[tuple[str, dict[str, Any]]], found: Sequence[dict[str, Any]]
) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """One-to-one matches of (gold text, gold record) with found quote dicts, best overlap first."""
    pairs = []
    for gi, (gold_text, _) in enumerate(gold):
        for fi, quote in enumerate(found):
            score = _overlap(gold_text, quote["text"])
            if score >= MIN_OVERLAP:
                pairs.append((score, gi, fi))
    used_g: set[int] = set()
    used_f: set[int] = set()
    matched = []
    for _, gi, fi in sorted(pairs, reverse=True):
        if gi in used_g or fi in used_f:
            continue
        used_g.add(gi)
        used_f.add(fi)
        matched.append((gold[gi][1], found[fi]))
    return matched


def _speaker_of(quote: dict[str, Any]) -> tuple[str | None, str | None]:
    speaker = quote.get("speaker") or {}
    return speaker.get("name"), quote.get("speaker_text")


def score_annotations(
    annotations: Sequence[dict[str, Any]],
    texts: dict[str, str],
    found_by_article: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    """Score found quotes against quote annotations (see the module docstring)."""
    gold_by_article: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for note in annotations:
        text = texts.get(note["article_url"])
        if text is None:
            raise EvaluationError(
                f"annotated article {note['article_url']} is not in the news files"
            )
        gold_by_article.setdefault(note["article_url"], []).append(
            (text[note["start"] : note["end"]], note)
        )
    matched_total = found_total = gold_total = speaker_ok = via_checked = via_ok = 0
    for url, gold in gold_by_article.items():
        found = found_by_article.get(url, [])
        matched = match_quotes(gold, found)
        gold_total += len(gold)
        found_total += len(found)
        matched_total += len(matched)
        for note, quote in matched:
            speaker_ok += speaker_matches(note["speaker"], *_speaker_of(quote))
            if note.get("via"):
                via_checked += 1
                via = quote.get("via") or {}
                via_ok += speaker_matches(note["via"], via.get("name"), via.get("text"))
    precision = matched_total / found_total if found_total else 0.0
    recall = matched_total / gold_total if gold_total else 0.0
    return {
        "kind": "quotes",
        "articles": len(gold_by_article),
        "annotated": gold_total,
        "found": found_total,
        "matched": matched_total,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3)
        if precision + recall
        else 0.0,
        "speaker_accuracy": round(speaker_ok / matched_total, 3) if matched_total else 0.0,
        "via_accuracy": round(via_ok / via_checked, 3) if via_checked else 0.0,
    }


def first_record(path: str | Path) -> dict[str, Any] | None:
    """The first JSON object of a JSON-lines file (None for other files)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    first = json.loads(line)
                except json.JSONDecodeError:
                    return None  # a pretty-printed JSON gold file
                return first if isinstance(first, dict) else None
    return None


def is_quote_annotations(path: str | Path) -> bool:
    """Whether a file holds quote annotations (JSON lines with ``article_url`` and offsets)."""
    first = first_record(path)
    return first is not None and "article_url" in first and "start" in first


def load_news(shared: str | Path) -> dict[str, dict[str, str]]:
    """The Wikinews articles of ``../shared`` by URL (``date``, ``title``, ``text``)."""
    folder = Path(shared) / NEWS_DIR
    csv.field_size_limit(10**8)
    articles: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                articles[row["url"]] = row
    return articles


def evaluate_annotations(
    path: str | Path, shared: str | Path, model: str | None = None
) -> dict[str, Any]:
    """Code the annotated Wikinews articles and score their quotes."""
    from .api import get_coder

    annotations = [
        json.loads(line) for line in Path(path).read_text("utf-8").splitlines() if line.strip()
    ]
    news = load_news(shared)
    urls = list(dict.fromkeys(note["article_url"] for note in annotations))
    missing = [u for u in urls if u not in news]
    if missing:
        raise EvaluationError(
            f"{len(missing)} annotated articles not found under {Path(shared) / NEWS_DIR}"
        )
    coder = get_coder(model)
    articles = [
        extract_record({"id": url, "text": news[url]["text"], "published": news[url]["date"]}, url)
        for url in urls
    ]
    found: dict[str, list[dict[str, Any]]] = {}
    for coded in coder.code_articles(articles):
        found[coded.article.article_id] = [q.to_dict() for q in coded.quotes]
    result = score_annotations(annotations, {u: news[u]["text"] for u in urls}, found)
    result["file"] = str(path)
    return result


def score_gold_quotes(
    gold_articles: Sequence[dict[str, Any]], quotes: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """The seed gold's quotes: found (a quote containing the fragment), speaker code and ``via`` right."""
    rows = []
    for article in gold_articles:
        for gold in article.get("quotes", []):
            fragment = " ".join(_words(gold["contains"]))
            candidates = [q for q in quotes if fragment in " ".join(_words(q["text"]))]
            found = candidates[0] if candidates else None
            speaker_ok = bool(
                found
                and (found.get("speaker") or {}).get("code", "") == gold["speaker_code"]
                or found
                and (found.get("speaker") or {}).get("country") == gold["speaker_code"]
            )
            via_ok = None
            if gold.get("via"):
                via = (found or {}).get("via") or {}
                via_ok = speaker_matches(gold["via"], via.get("name"), via.get("text"))
            rows.append(
                {
                    "contains": gold["contains"],
                    "found": found is not None,
                    "speaker_ok": speaker_ok,
                    "via_ok": via_ok,
                }
            )
    total = len(rows)
    found_n = sum(r["found"] for r in rows)
    via_rows = [r for r in rows if r["via_ok"] is not None]
    return {
        "quotes": total,
        "found": found_n,
        "recall": round(found_n / total, 3) if total else 0.0,
        "speaker_accuracy": round(sum(r["speaker_ok"] for r in rows) / found_n, 3)
        if found_n
        else 0.0,
        "via_accuracy": round(sum(bool(r["via_ok"]) for r in via_rows) / len(via_rows), 3)
        if via_rows
        else 0.0,
        "rows": rows,
    }


def format_quotes_table(result: dict[str, Any]) -> str:
    return (
        f"articles {result['articles']}, annotated quotes {result['annotated']}, found {result['found']}, "
        f"matched {result['matched']}\n"
        f"precision {result['precision']}  recall {result['recall']}  f1 {result['f1']}\n"
        f"speaker accuracy {result['speaker_accuracy']}  via accuracy {result['via_accuracy']}"
    )
