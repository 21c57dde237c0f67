"""Quotes: direct and indirect speech, speakers through the actor layer, via and audience."""

from __future__ import annotations

import pytest

from dyadwatch.quotes import direct_spans
from dyadwatch.quotes_eval import match_quotes, score_annotations, speaker_matches


@pytest.fixture(scope="module")
def quotes_of(coder):
    from dyadwatch.extract import extract_record

    def run(text: str, published: str = "2023-03-16"):
        article = extract_record({"id": "q", "text": text, "published": published}, "q")
        return coder.code_article(article).quotes

    return run


def test_direct_spans_pair_marks_and_report_open_quotes():
    spans, left_open = direct_spans("He said “we will talk” and «nothing more».")
    assert [(s.start, s.end) for s in spans] == [(9, 21), (28, 40)] and not left_open
    spans, left_open = direct_spans("“This runs on")
    assert left_open and spans[0].open_ended
    assert (
        direct_spans("The ministry’s view is Russia’s own.")[0] == []
    )  # apostrophes are not quotes


def test_direct_quote_split_by_its_attribution_has_one_speaker(quotes_of):
    quotes = quotes_of(
        "“We want peace,” Japanese Prime Minister Fumio Kishida said, “and we will work for it.”"
    )
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == ["We want peace", "and we will work for it"]
    assert {q.speaker.code for q in direct} == {"JPNGOV"}


def test_quote_over_several_paragraphs_keeps_its_speaker(quotes_of):
    text = (
        "Serbian President Aleksandar Vucic said: “Our friendship with China is strong.\n\n"
        "“We will keep building it together, whatever others say.”"
    )
    quotes = quotes_of(text, "2024-05-08")
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 2 and all(q.speaker and q.speaker.code == "SRBGOV" for q in direct)


def test_indirect_speech_with_surname_via_and_audience(quotes_of):
    text = (
        "Russian Foreign Minister Sergei Lavrov met reporters in Moscow.\n\n"
        "Lavrov told the BBC that Russia would not attend the summit.\n\n"
        "The talks had failed, Lavrov said, according to Reuters."
    )
    quotes = quotes_of(text, "2022-03-01")
    told = next(q for q in quotes if "would not attend" in q.text)
    assert (
        told.speaker.code == "RUSGOV"
        and told.audience["code"] == "GBRMED"
        and told.via["name"] == "BBC"
    )
    failed = next(q for q in quotes if "talks had failed" in q.text)
    assert failed.speaker.code == "RUSGOV" and failed.via["name"] == "Reuters"


def test_conjoined_verbs_of_one_speaker_give_no_channel(quotes_of):
    text = (
        "Serbian President Aleksandar Vucic spoke in Belgrade on Wednesday.\n\n"
        "He also thanked Beijing for its support and said Serbia's position had not changed."
    )
    quote = next(q for q in quotes_of(text, "2024-05-08") if "position" in q.text)
    assert quote.speaker.code == "SRBGOV" and quote.via is None


def test_an_outlet_reporting_a_speaker_is_the_channel(quotes_of):
    (quote,) = [
        q
        for q in quotes_of("Reuters reported that Lavrov said the talks had failed.", "2022-03-01")
        if "talks" in q.text
    ]
    assert quote.speaker.code == "RUSGOV" and quote.via["name"] == "Reuters"


def test_according_to_without_reporting_verb_names_the_speaker(quotes_of):
    (quote,) = quotes_of(
        "According to the Kremlin, the meeting will take place in Geneva.", "2021-06-01"
    )
    assert quote.speaker.code == "RUSGOV" and quote.text.startswith("the meeting will take place")


def test_malformed_quotes_never_raise_and_keep_unknown_speakers(quotes_of):
    quotes = quotes_of(
        "“This quote never closes and has nobody to say it, at least not here\n\n"
        'Another paragraph " with a stray mark.'
    )
    assert quotes and quotes[0].kind == "direct" and quotes[0].speaker is None
    assert quotes_of("He said that.\n\n”Odd” marks ‘here") is not None


def test_scare_quotes_are_not_quotes(quotes_of):
    assert quotes_of("The so-called “peace plan” was published on Monday.") == []


def test_quotes_link_to_events_of_the_same_speech_act(quotes_of):
    (quote,) = quotes_of("Ukraine said Russia attacked Kharkiv on Monday.", "2022-05-03")
    assert quote.speaker.code == "UKR" and len(quote.event_ids) == 1


def test_quote_scoring_matches_by_words_one_to_one():
    gold = [
        ("Russia will not attend the summit", {"speaker": "Sergei Lavrov", "via": None}),
        ("the talks failed", {"speaker": "Lavrov", "via": "Reuters"}),
    ]
    found = [
        {"text": "Russia would not attend the summit", "speaker": {"name": "Sergei Lavrov"}},
        {"text": "something else entirely", "speaker": None},
    ]
    matched = match_quotes(gold, found)
    assert len(matched) == 1 and matched[0][1]["text"].startswith("Russia would")
    assert speaker_matches("Sergei Lavrov", None, "Lavrov") and not speaker_matches(
        "Lavrov", "Putin", "he"
    )
    text = "Lavrov said Russia will not attend the summit."
    result = score_annotations(
        [{"article_url": "u", "start": 12, "end": 45, "speaker": "Sergei Lavrov", "via": None}],
        {"u": text},
        {"u": found},
    )
    assert (result["precision"], result["recall"], result["speaker_accuracy"]) == (0.5, 1.0, 1.0)


def _via(quote) -> str | None:
    return (quote.via or {}).get("name")


def test_the_channel_a_statement_came_through(quotes_of):
    # a platform, a press conference, a tweet
    [quote] = quotes_of('Chile\'s foreign minister wrote on Instagram: "We stand with Peru today."')
    assert quote.speaker.code == "CHLGOV" and _via(quote) == "Instagram"
    [quote] = quotes_of(
        "The Peruvian president said at a press conference that the border was safe."
    )
    assert quote.speaker.code == "PERGOV" and _via(quote) == "a press conference"
    [quote] = quotes_of('The Bolivian president tweeted, "Our sea will come back to us one day."')
    assert quote.speaker.code == "BOLGOV" and _via(quote) == "Twitter"


def test_a_document_is_the_channel_of_who_issued_it(quotes_of):
    [quote] = quotes_of(
        "The Chilean foreign ministry issued a statement which said that Peru broke the treaty."
    )
    assert quote.speaker.code == "CHLGOV" and _via(quote) == "a statement"
    quotes = quotes_of(
        '"The treaty binds both states," reads the Peruvian court\'s ruling statement.'
    )
    assert [_via(q) for q in quotes] == ["the Peruvian court's ruling statement"]
    quotes = quotes_of('"Both states are bound by the treaty," reads the Chilean court\'s ruling.')
    assert [_via(q) for q in quotes] == ["the Chilean court's ruling"]


def test_an_outlet_passing_words_on_is_the_channel(quotes_of):
    # "as reported by", "citing", and an outlet's verb the parser hangs under the speaker's
    [quote] = quotes_of(
        'The Bolivian president said — as reported by the Chilean daily La Tercera — "We will '
        'never give up the sea."'
    )
    assert quote.speaker.code == "BOLGOV" and "La Tercera" in _via(quote)
    [quote] = quotes_of(
        "Le Monde, citing two Peruvian diplomats, reported that the talks with Chile had failed."
    )
    assert quote.speaker_text == "two Peruvian diplomats" and "Monde" in _via(quote)
    [quote] = quotes_of(
        "On Monday, a Chilean official said that the new port, which opened in May, makes the "
        "old road useless, Radio Nacional reported."
    )
    assert quote.speaker.code == "CHLGOV" and quote.verb == "said" and "Nacional" in _via(quote)


def test_a_direct_quote_attributed_according_to_a_document_by_its_author(quotes_of):
    quotes = quotes_of(
        '"The ships bring arms to the rebels every week," according to a tweet on Sunday by '
        "the Chilean foreign minister."
    )
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.speaker.code, _via(q)) for q in direct] == [("CHLGOV", "a tweet")]
    assert not [q for q in quotes if q.kind == "indirect"]
