"""Actor resolution cases: news-wire sentences, each checked against the CAMEO code and cascade rule.

The cases live in ``data/actor_cases.tsv`` (columns ``id published text mention code rule note``):

* ``text`` is the article body; a literal ``\\n`` in it stands for a line break, so ``\\n\\n``
  separates paragraphs (for coreference across sentences). ``published`` is the article date, which
  selects the offices people held.
* ``mention`` is the exact substring whose resolution is checked: the resolved mention whose text
  equals it is used, else the smallest mention whose span covers its first covered occurrence.
* ``code`` is the expected CAMEO actor code. A group mention ("the two countries") is written as its
  members' codes joined by ``|``; every member must be coded, in any order. ``-`` means no actor: no
  resolved mention may overlap any occurrence of the substring (the MODIFIER gate, role words used as
  adjectives).
* ``rule`` is the expected cascade rule (``*``: any rule; ``-`` with code ``-``).
* ``note`` says what the case tests. A note starting ``KNOWN-GAP:`` marks a case where the resolver is
  wrong today; the row is a strict xfail, so the fix turns it into an XPASS failure that must be
  acknowledged by removing the prefix.

Each distinct (date, text) is coded once per session, in one batch through the real pipeline.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent / "data" / "actor_cases.tsv"
COLUMNS = ["id", "published", "text", "mention", "code", "rule", "note"]
RULES = (
    "known-person",
    "known-organisation",
    "title+known-surname",
    "known-surname",
    "title+name",
    "coreference",
    "apposition",
    "ner+nationality",
    "agent",
    "country",
    "capital-metonym",
    "seat-metonym",
    "demonym",
    "region",
)
KNOWN_GAP = "KNOWN-GAP:"
NO_ACTOR = "-"
ANY_RULE = "*"
CODE = re.compile(r"^(?:-|[A-Z0-9-]{3,}(?:\|[A-Z0-9-]{3,})*)$")


@dataclass(frozen=True)
class Case:
    id: str
    published: str
    text: str
    mention: str
    code: str
    rule: str
    note: str

    @property
    def key(self) -> tuple[str, str]:
        return self.published, self.text

    @property
    def known_gap(self) -> bool:
        return self.note.startswith(KNOWN_GAP)


def _unescape(value: str) -> str:
    return value.replace("\\n", "\n")


def load_cases() -> list[Case]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        assert header == COLUMNS, f"{CASES.name}: header must be {COLUMNS}, is {header}"
        cases = []
        for number, row in enumerate(reader, 2):
            assert len(row) == len(COLUMNS), f"{CASES.name}:{number}: {len(row)} columns"
            fields = dict(zip(COLUMNS, row, strict=True))
            fields["text"] = _unescape(fields["text"])
            cases.append(Case(**fields))
    return cases


ALL_CASES = load_cases()


def _param(case: Case):
    marks = (
        [pytest.mark.xfail(strict=True, reason=case.note[len(KNOWN_GAP) :].strip())]
        if case.known_gap
        else []
    )
    return pytest.param(case, id=case.id, marks=marks)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    code: str
    rule: str


@pytest.fixture(scope="session")
def coded_texts(coder) -> dict[tuple[str, str], tuple[str, list[Found]]]:
    """Every distinct (date, text) of the TSV coded once: article text and its resolved mentions."""
    from dyadwatch.extract import extract_record

    keys = list(dict.fromkeys(case.key for case in ALL_CASES))
    articles = [
        extract_record({"id": f"case-{n}", "text": text, "published": published}, f"case-{n}")
        for n, (published, text) in enumerate(keys)
    ]
    out = {}
    for key, article, coded in zip(keys, articles, coder.code_articles(articles), strict=True):
        mentions = [Found(m.start, m.end, m.actor.code, m.rule) for m in coded.mentions]
        out[key] = (article.text, mentions)
    return out


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _describe(text: str, mentions: list[Found]) -> str:
    return "; ".join(f"[{text[m.start : m.end]}] {m.code} {m.rule}" for m in mentions) or "none"


def _spans_for(text: str, mentions: list[Found], needle: str) -> list[list[Found]]:
    """Mentions grouped by span: those whose text is the needle, else the smallest covering one."""
    by_span: dict[tuple[int, int], list[Found]] = {}
    for mention in mentions:
        by_span.setdefault((mention.start, mention.end), []).append(mention)
    exact = [group for (s, e), group in by_span.items() if text[s:e] == needle]
    if exact:
        return exact
    for start, end in _occurrences(text, needle):
        covering = [(e - s, group) for (s, e), group in by_span.items() if s <= start and end <= e]
        if covering:
            return [min(covering, key=lambda item: item[0])[1]]
    return []


@pytest.mark.parametrize("case", [_param(case) for case in ALL_CASES])
def test_actor_case(case: Case, coded_texts) -> None:
    text, mentions = coded_texts[case.key]
    occurrences = _occurrences(text, case.mention)
    assert occurrences, f"{case.id}: {case.mention!r} is not a whole-word substring of the text"
    found = _describe(text, mentions)
    if case.code == NO_ACTOR:
        overlapping = [m for m in mentions for s, e in occurrences if m.start < e and s < m.end]
        assert not overlapping, (
            f"{case.id}: {case.mention!r} should be no actor, got "
            f"{_describe(text, overlapping)} ({case.note})"
        )
        return
    spans = _spans_for(text, mentions, case.mention)
    assert spans, f"{case.id}: no mention covers {case.mention!r}; mentions: {found}"
    expected = sorted(case.code.split("|"))
    for group in spans:
        got = sorted(m.code for m in group)
        where = f"[{text[group[0].start : group[0].end]}]"
        assert got == expected, (
            f"{case.id}: {where} coded {'|'.join(got)}, expected {case.code}; mentions: {found}"
        )
        if case.rule != ANY_RULE:
            rules = sorted({m.rule for m in group})
            assert rules == [case.rule], (
                f"{case.id}: {where} by rule {'/'.join(rules)}, expected {case.rule}; "
                f"mentions: {found}"
            )


def test_actor_cases_table_is_well_formed_and_covers_every_rule() -> None:
    assert len(ALL_CASES) >= 150
    ids = [case.id for case in ALL_CASES]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for case in ALL_CASES:
        date.fromisoformat(case.published)
        assert case.mention and case.mention in case.text, case.id
        assert CODE.match(case.code), f"{case.id}: bad code {case.code!r}"
        assert case.rule in (*RULES, ANY_RULE, NO_ACTOR), f"{case.id}: unknown rule {case.rule!r}"
        assert (case.code == NO_ACTOR) == (case.rule == NO_ACTOR), (
            f"{case.id}: code '-' goes with rule '-'"
        )
        assert case.note, f"{case.id}: say what the case tests"
    # every cascade step is exercised by at least five cases the resolver passes today
    passing = Counter(case.rule for case in ALL_CASES if not case.known_gap)
    thin = {rule: passing[rule] for rule in RULES if passing[rule] < 5}
    assert not thin, f"rules with fewer than 5 passing cases: {thin}"


def test_an_ally_or_member_named_by_apposition_is_that_country():
    import dyadwatch

    def code(text: str) -> set[tuple[str, str | None, str]]:
        return {
            (e.source.code, e.target.code if e.target else None, e.cameo)
            for e in dyadwatch.code_text(text, published="2021-06-16")
        }

    assert code("NATO ally Turkey attacked Syria.") == {("TUR", "SYR", "190")}
    assert ("DNK", "KWT", "052") in code(
        "NATO-member Denmark is prepared to ship equipment to help defend Kuwait."
    )
