"""Extract: metadata recovered, boilerplate kept out of the body, captions kept as paragraphs."""

from __future__ import annotations

import json

import pytest

from conftest import SEED, SEED_GOLD, shared_path
from dyadwatch.errors import ExtractError
from dyadwatch.extract import extract, extract_html, extract_record, extract_text, split_paragraphs
from dyadwatch.records import RawItem

WIRE_LAYOUT = """Finland and Sweden sign defence pact with Norway

By Mira Jovic Source: Example Daily Published: 2023/4/4 9:05:00

The three foreign ministers shake hands in Oslo on April 3, 2023. Photo:Example Wire

Finland, Sweden and Norway signed a defence cooperation agreement in Oslo on Monday.

The ministers said the pact would deepen ties across the region.

Posted in: NORDIC AFFAIRS

blog comments powered by Disqus"""


def test_extract_wire_layout_recovers_metadata_and_drops_boilerplate():
    article = extract_text(WIRE_LAYOUT, "nordic")
    assert article.title == "Finland and Sweden sign defence pact with Norway"
    assert (article.author, article.publisher) == ("Mira Jovic", "Example Daily")
    assert article.published == "2023-04-04T09:05:00"
    assert article.section == "NORDIC AFFAIRS"
    assert article.extra["photo_credits"] == ["Example Wire"]
    for boilerplate in ("Posted in", "Disqus", "Photo:", "By Mira Jovic"):
        assert boilerplate not in article.text
    kinds = [p.kind for p in article.paragraphs]
    assert kinds == ["title", "caption", "body", "body"]
    caption = article.paragraphs[1]
    assert article.text[caption.start : caption.end] == (
        "The three foreign ministers shake hands in Oslo on April 3, 2023."
    )


def test_extract_paragraph_offsets_point_into_text():
    article = extract_text(WIRE_LAYOUT, "nordic")
    assert article.text.split("\n\n") == [article.text[p.start : p.end] for p in article.paragraphs]


def test_extract_seed_metadata_matches_gold_exactly():
    gold = json.loads(shared_path("gold", SEED_GOLD.name).read_text())
    article = extract_text(shared_path("seed", SEED.name).read_text(), gold["id"])
    meta = gold["metadata"]
    assert article.title == meta["title"]
    assert article.author == meta["author"]
    assert article.publisher == meta["publisher"]
    assert article.published == meta["published"]
    assert article.section == meta["section"]
    for boilerplate in meta["boilerplate_not_in_body"]:
        assert boilerplate not in article.text
    first_paragraph = article.text[article.paragraphs[0].start : article.paragraphs[0].end]
    assert (
        first_paragraph == meta["title"]
    )  # the headline is its own paragraph, so its own sentence


def test_split_paragraphs_uses_line_breaks_when_there_are_no_blank_lines():
    assert split_paragraphs("Headline\nFirst para.\nSecond para.") == [
        "Headline",
        "First para.",
        "Second para.",
    ]
    assert split_paragraphs("A line\ncontinued.\n\nNext.") == ["A line continued.", "Next."]


HTML = """<!DOCTYPE html><html><head><title>Leaders meet in Tokyo | Example Daily</title>
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2023-03-16T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Leaders meet in Tokyo</h1>
<figure><img src="a.jpg"><figcaption>Japan's prime minister greets South Korea's president in Tokyo.</figcaption></figure>
<p>Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Tokyo on Thursday, the first visit of its kind in twelve years.</p>
<p>The two leaders agreed to resume regular visits between their capitals, officials said after the talks.</p>
</article><footer>Copyright Example Daily</footer></body></html>"""


def test_extract_html_keeps_photo_captions_as_their_own_paragraph():
    article = extract_html(HTML, "tokyo")
    captions = [article.text[p.start : p.end] for p in article.paragraphs if p.kind == "caption"]
    assert captions == ["Japan's prime minister greets South Korea's president in Tokyo."]
    assert article.title == "Leaders meet in Tokyo"
    assert article.author == "Ann Lee"
    assert article.published == "2023-03-16T10:00:00"
    assert "Copyright" not in article.text and "Home" not in article.text
    assert article.paragraphs[0].kind == "title"


def test_extract_html_without_article_is_rejected_with_reason():
    with pytest.raises(ExtractError) as info:
        extract_html(
            "<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty", "site/empty.html"
        )
    assert info.value.reason == "no_text" and "site/empty.html" in str(info.value)


def test_extract_record_metadata_wins_and_unknown_fields_are_kept():
    record = {
        "id": "r-1",
        "url": "https://example.org/r1",
        "title": "Kosovo protests",
        "text": "Kosovo lodged a protest with Serbia.\n\nOfficials met later.",
        "published": "2020-09-18T16:58:40+02:00",
        "publisher": "Example Daily",
        "lang": "en",
    }
    article = extract_record(record, "default")
    assert article.article_id == "r-1"
    assert article.title == "Kosovo protests" and article.url == "https://example.org/r1"
    assert article.published == "2020-09-18T16:58:40"
    assert article.extra == {"lang": "en"}
    assert article.paragraphs[0].kind == "title"


def test_extract_record_without_text_or_html_is_rejected():
    with pytest.raises(ExtractError) as info:
        extract(RawItem("feed.jsonl:4", "record", {"id": "x", "title": "only a title"}, "feed-4"))
    assert info.value.reason == "no_text" and "feed.jsonl:4" in str(info.value)


def test_extract_record_html_goes_through_html_extraction():
    article = extract_record({"id": "h", "html": HTML, "publisher": "Example Daily"}, "d")
    assert any(p.kind == "caption" for p in article.paragraphs)
    assert article.publisher == "Example Daily"
