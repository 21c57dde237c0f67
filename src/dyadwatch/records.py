"""Plain records that cross stage, process and network boundaries.

No spaCy object ever leaves the ``nlp``/``actors``/``events`` stages: what goes to the store, the CLI
and the API are these dataclasses (or their ``to_dict()`` form).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

#: The JSON form ids are hashed from (one encoder for every id: ``json.dumps`` with options builds a
#: new one at each call).
_ID_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str)


def content_hash(*parts: object, length: int = 16) -> str:
    """Return a stable hex digest of ``parts`` (their JSON form), used for content-addressed ids."""
    payload = _ID_JSON.encode(parts)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:length]


@dataclass
class RawItem:
    """One input item as read from disk, before article extraction.

    Attributes:
        item: the item's name for messages and rejects (``path`` or ``path:line``).
        kind: ``text``, ``html`` or ``record`` (a JSON object from a JSONL file).
        content: the decoded text, or for ``record`` the JSON object.
        default_id: the id to use when the item carries none (the file stem, or ``stem-line``).
    """

    item: str
    kind: str
    content: Any
    default_id: str


@dataclass
class Paragraph:
    """A paragraph of an article's body, with its character offsets in ``Article.text``."""

    start: int
    end: int
    kind: str = "body"  # "title", "caption" or "body"


@dataclass
class Article:
    """An article ready for NLP: clean body text split into paragraphs, plus metadata.

    ``text`` is what offsets in events refer to: the title, the captions and the body paragraphs joined by
    blank lines, boilerplate removed.
    """

    article_id: str
    text: str
    paragraphs: list[Paragraph]
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as precise as the input says
    section: str | None = None
    url: str | None = None
    source_item: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """Digest of the text, used to tell a changed article from the same one read again."""
        return content_hash(self.text, length=32)

    def to_dict(self) -> dict[str, Any]:
        """Return the article as a JSON-ready dict."""
        data = asdict(self)
        data["content_hash"] = self.content_hash
        return data


@dataclass
class ActorRef:
    """An actor as coded in an event: ``{code, country, igo, sector, name, text}``.

    ``code`` is the full CAMEO actor code (``SRBGOV``, ``IGOEUREEC``, ``CHNBUS``); ``country`` the CAMEO
    country code or None; ``igo`` an organisation acronym (``EU``, ``UN``) or None; ``sector`` the CAMEO
    agent code (``GOV``, ``BUS``...) or None; ``name`` the canonical name; ``text`` the words in the
    sentence.
    """

    code: str
    country: str | None
    igo: str | None
    sector: str | None
    name: str
    text: str

    @property
    def key(self) -> str:
        """The dyad key of this actor: its country code, or ``IGO:<acronym>``, or its code."""
        if self.igo:
            return f"IGO:{self.igo}"
        return self.country or self.code


@dataclass
class Event:
    """One coded event: who did what to whom, when and where, with its provenance.

    Offsets (``*_start``/``*_end``) are character offsets into ``Article.text``.
    """

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    source: ActorRef
    target: ActorRef | None
    source_offsets: tuple[int, int]
    target_offsets: tuple[int, int] | None
    verb_offsets: tuple[int, int]
    verb: str
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    date: str | None
    date_precision: str | None  # "day", "week" (date: its Monday), "month" or "year"
    date_text: str | None  # the words the date comes from; None when it is the publication date
    location: dict[str, Any] | None
    evidence: str
    coder_version: str
    confidence: float = 0.0
    background: bool = False  # reported as history: dated more than a year before publication

    def to_dict(self) -> dict[str, Any]:
        """Return the event as a JSON-ready dict (offsets as ``[start, end]`` lists)."""
        data = asdict(self)
        for key in ("source_offsets", "target_offsets", "verb_offsets"):
            if data[key] is not None:
                data[key] = list(data[key])
        return data


@dataclass
class Quote:
    """Reported speech: who said what (``text`` at ``start``–``end`` in the article), through whom
    (``via``), to whom (``audience``), and the events coded from it."""

    quote_id: str
    article_id: str
    sentence_index: int
    kind: str  # "direct" (in quotation marks) or "indirect" (reported clause)
    text: str
    start: int
    end: int
    speaker: ActorRef | None
    speaker_text: str | None
    speaker_offsets: tuple[int, int] | None
    verb: str | None  # the reporting verb ("said", "according to")
    verb_offset: int | None
    via: dict[str, Any] | None
    audience: dict[str, Any] | None
    event_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the quote as a JSON-ready dict."""
        data = asdict(self)
        if data["speaker_offsets"] is not None:
            data["speaker_offsets"] = list(data["speaker_offsets"])
        return data


@dataclass
class ActorMention:
    """An actor mention as stored: where it is, what it resolved to, and the cascade step that did it."""

    mention_id: str
    article_id: str
    sentence_index: int
    start: int  # character offsets into Article.text
    end: int
    actor: ActorRef
    rule: str

    def to_dict(self) -> dict[str, Any]:
        """Return the mention as a JSON-ready dict."""
        return asdict(self)


@dataclass
class Reject:
    """An input item (or part of one) that could not be processed, and why."""

    item: str
    stage: str
    reason: str
    message: str

    @property
    def reject_id(self) -> str:
        """Content hash, so recording the same reject twice stores one row."""
        return content_hash(self.item, self.stage, self.reason)
