"""Extract: turn a raw input item into an :class:`~dyadwatch.records.Article`.

Three layouts are understood:

* **Plain text.** Paragraphs are separated by blank lines (a text without blank lines is split at line
  breaks). A wire-site layout is recognised and its metadata recovered: a headline line, a
  ``By <author> Source: <publisher> Published: <yyyy/m/d hh:mm:ss>`` byline, a photo caption paragraph
  ending ``Photo:<agency>``, the body, then ``Posted in: <SECTION>`` and a comments-widget line. The
  byline, the credit, the section line and the widget line are metadata or boilerplate, never body text.
* **HTML**, through trafilatura, which drops photo captions; we collect ``<figcaption>`` and
  caption-classed elements ourselves and keep each as its own paragraph after the headline.
* **JSON records** ``{id, url, title, text | html, published, publisher, author, section, ...}``; fields
  the record gives win over what extraction finds. Unknown fields are kept in ``Article.extra``.

Every article is split into paragraphs *before* NLP, so a headline never merges with the next line into
one sentence.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from .errors import ExtractError
from .records import Article, Paragraph, RawItem

BYLINE = re.compile(
    r"^By\s+(?P<author>.+?)\s+Source:\s*(?P<publisher>.+?)\s+Published:\s*"
    r"(?P<published>\d{4}/\d{1,2}/\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s*$"
)
PHOTO_CREDIT = re.compile(r"\s*Photo\s*:\s*(?P<agency>[^\n.]{1,80}?)\s*$")
SECTION_LINE = re.compile(r"^Posted in:\s*(?P<section>.+?)\s*$")
#: Whole lines that are site furniture, not article text.
BOILERPLATE_LINES = (
    re.compile(r"^blog comments powered by Disqus\s*$", re.IGNORECASE),
    re.compile(r"^(share|share this|print|email|advertisement)\s*:?\s*$", re.IGNORECASE),
)
#: A first line longer than this, or ending in sentence punctuation, is body text, not a headline.
MAX_HEADLINE_CHARS = 200
#: Metadata fields a JSON record may carry.
RECORD_FIELDS = (
    "id",
    "url",
    "title",
    "text",
    "html",
    "published",
    "publisher",
    "author",
    "section",
)
#: An HTML page whose extracted body has fewer words than this is navigation, not an article
#: (trafilatura falls back to link text such as "Home" on pages without content).
MIN_HTML_BODY_WORDS = 8
#: Meta tags holding the publication time, most specific first.
PUBLISHED_META = (
    "article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "DC.date.issued",
    "og:published_time",
    "sailthru.date",
)


#: Look-alike characters written as their usual form, so "governmentʼs" splits into "government" + "'s".
NORMALISE = str.maketrans({"\u02bc": "\u2019", "\u00a0": " ", "\u2009": " ", "\u200b": ""})


def split_paragraphs(text: str) -> list[str]:
    """Split text at blank lines, or at line breaks when it has no blank line; drop empty parts."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(NORMALISE)
    parts = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    return [re.sub(r"\s*\n\s*", " ", part).strip() for part in parts if part.strip()]


def _iso_published(value: str) -> str:
    """Normalise ``2020/9/18 16:58:40`` (or a date alone) to ISO 8601."""
    value = value.strip()
    for fmt, keep_time in (
        ("%Y/%m/%d %H:%M:%S", True),
        ("%Y/%m/%d %H:%M", True),
        ("%Y/%m/%d", False),
    ):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        return parsed.isoformat() if keep_time else parsed.date().isoformat()
    return value


def normalise_published(value: Any) -> str | None:
    """Return a publication date or date-time as ISO 8601 (``YYYY-MM-DD[THH:MM:SS]``), or None."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if re.match(r"^\d{4}/\d{1,2}/\d{1,2}", text):
        return _iso_published(text)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        match = re.match(r"^\d{4}-\d{2}-\d{2}", text)
        return match.group(0) if match else None
    if len(text) <= 10:
        return parsed.date().isoformat()
    return parsed.replace(tzinfo=None).isoformat()


def _assemble(article_id: str, blocks: list[tuple[str, str]], **meta: Any) -> Article:
    """Join ``(kind, text)`` blocks with blank lines into an article with paragraph offsets."""
    pieces: list[str] = []
    paragraphs: list[Paragraph] = []
    offset = 0
    for kind, block in blocks:
        block = block.strip()
        if not block:
            continue
        if pieces:
            offset += 2
        paragraphs.append(Paragraph(offset, offset + len(block), kind))
        pieces.append(block)
        offset += len(block)
    if not any(p.kind in ("body", "caption") for p in paragraphs) and not meta.get(
        "allow_title_only"
    ):
        raise ExtractError(meta.get("source_item", article_id), "no_text", "no article text found")
    meta.pop("allow_title_only", None)
    return Article(article_id=article_id, text="\n\n".join(pieces), paragraphs=paragraphs, **meta)


def _is_boilerplate(paragraph: str) -> bool:
    return any(pattern.match(paragraph) for pattern in BOILERPLATE_LINES)


def extract_text(text: str, article_id: str, source_item: str = "") -> Article:
    """Extract an article from plain text, recognising the wire-site layout when present."""
    paragraphs = split_paragraphs(text)
    meta: dict[str, Any] = {"source_item": source_item, "extra": {}}
    blocks: list[tuple[str, str]] = []
    # A headline is a short first paragraph without closing punctuation, or one followed by a byline.
    if paragraphs:
        first = paragraphs[0]
        followed_by_byline = len(paragraphs) > 1 and BYLINE.match(paragraphs[1])
        if followed_by_byline or (
            len(first) <= MAX_HEADLINE_CHARS
            and not first.endswith((".", "?", "!", '"', "”"))
            and len(paragraphs) > 1
        ):
            meta["title"] = first
            blocks.append(("title", first))
            paragraphs = paragraphs[1:]
    for paragraph in paragraphs:
        byline = BYLINE.match(paragraph)
        if byline and not meta.get("author"):
            meta["author"] = byline["author"]
            meta["publisher"] = byline["publisher"]
            meta["published"] = _iso_published(byline["published"])
            continue
        section = SECTION_LINE.match(paragraph)
        if section:
            meta["section"] = section["section"]
            continue
        if _is_boilerplate(paragraph):
            continue
        credit = PHOTO_CREDIT.search(paragraph)
        if credit and credit.start() > 0:
            meta["extra"].setdefault("photo_credits", []).append(credit["agency"])
            blocks.append(("caption", paragraph[: credit.start()]))
            continue
        blocks.append(("body", paragraph))
    return _assemble(article_id, blocks, **meta)


def _html_captions(html: str) -> list[str]:
    """Photo captions trafilatura drops: ``<figcaption>`` and elements whose class says caption."""
    import lxml.html  # imported here: plain-text runs never need it

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    nodes = tree.xpath(
        "//figcaption | //*[contains(concat(' ', normalize-space(@class), ' '), ' caption ')]"
        " | //*[contains(@class, 'photo-caption') or contains(@class, 'image-caption')"
        " or @itemprop='caption']"
    )
    captions: list[str] = []
    for node in nodes:
        if any(node is not other and other in node.iterancestors() for other in nodes):
            continue  # a caption nested in another caption element is read with its parent
        caption = re.sub(r"\s+", " ", node.text_content()).strip()
        if caption and caption not in captions:
            captions.append(caption)
    return captions


def _html_published(html: str) -> str | None:
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for name in PUBLISHED_META:
        for value in tree.xpath(
            f"//meta[@property='{name}' or @name='{name}' or @itemprop='{name}']/@content"
        ):
            normalised = normalise_published(value)
            if normalised:
                return normalised
    for value in tree.xpath("//time/@datetime"):
        normalised = normalise_published(value)
        if normalised:
            return normalised
    return None


def extract_html(html: str, article_id: str, source_item: str = "") -> Article:
    """Extract an article from HTML with trafilatura, keeping photo captions as paragraphs."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        raise ExtractError(
            source_item or article_id, "bad_html", f"HTML could not be parsed: {exc}"
        ) from exc
    data = (
        document.as_dict()
        if document is not None and hasattr(document, "as_dict")
        else (document or {})
    )
    body = (data.get("text") or "").strip()
    if len(body.split()) < MIN_HTML_BODY_WORDS:
        raise ExtractError(source_item or article_id, "no_text", "HTML page holds no article text")
    title = (data.get("title") or "").strip() or None
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if title and lines and lines[0] == title:
        lines = lines[1:]
    blocks: list[tuple[str, str]] = [("title", title)] if title else []
    captions = _html_captions(html)
    blocks += [("caption", caption) for caption in captions]
    blocks += [
        ("body", line) for line in lines if line not in captions and not _is_boilerplate(line)
    ]
    categories = data.get("categories") or []
    return _assemble(
        article_id,
        blocks,
        title=title,
        author=data.get("author") or None,
        publisher=data.get("sitename") or None,
        published=_html_published(html) or normalise_published(data.get("date")),
        section=categories[0] if categories else None,
        url=data.get("url") or None,
        source_item=source_item,
        extra={},
    )


def extract_record(record: dict[str, Any], default_id: str, source_item: str = "") -> Article:
    """Extract an article from a JSON record; the record's own metadata wins over extracted values."""
    raw_id = record.get("id")
    article_id = str(raw_id).strip() if raw_id not in (None, "") else default_id
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        body = text
        if record.get("title") and not text.lstrip().startswith(str(record["title"]).strip()):
            body = f"{record['title']}\n\n{text}"
        article = extract_text(body, article_id, source_item)
    elif isinstance(html, str) and html.strip():
        article = extract_html(html, article_id, source_item)
    else:
        raise ExtractError(
            source_item or article_id, "no_text", "record has neither 'text' nor 'html'"
        )
    for key in ("title", "author", "publisher", "section", "url"):
        if record.get(key):
            setattr(article, key, str(record[key]))
    if record.get("published"):
        article.published = normalise_published(record["published"]) or article.published
    article.extra.update({k: v for k, v in record.items() if k not in RECORD_FIELDS})
    return article


def extract(item: RawItem) -> Article:
    """Turn a raw item into an article.

    Raises:
        ExtractError: with reason ``no_text`` when nothing usable remains, ``bad_html`` for unparsable
            markup.
    """
    if item.kind == "record":
        return extract_record(item.content, item.default_id, item.item)
    if item.kind == "html":
        return extract_html(item.content, item.default_id, item.item)
    return extract_text(item.content, item.default_id, item.item)


__all__ = [
    "extract",
    "extract_html",
    "extract_record",
    "extract_text",
    "normalise_published",
    "split_paragraphs",
]
