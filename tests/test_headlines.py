"""Headlines: title case lowered before the parse, a verb read as a plural noun re-read — with the
real pipeline on headlines we write."""

from __future__ import annotations

import pytest

from dyadwatch.headlines import _retry_forms, may_be_title_cased


def codes(text: str, published: str = "2016-03-01") -> set[tuple[str, str | None, str]]:
    import dyadwatch

    events = dyadwatch.code_text(text, published=published)
    return {(e.source.code, e.target.code if e.target else None, e.cameo) for e in events}


def test_quick_look_for_title_case():
    assert may_be_title_cased("Chile, Peru Sign Fishing Accord")
    assert not may_be_title_cased("Chile and Peru signed a fishing accord on Monday.")
    assert not may_be_title_cased("Chile Sign")  # too few words to tell
    assert not may_be_title_cased("A" * 400)


def test_title_case_lowers_common_words_and_keeps_names(coder):
    repair = coder.repair
    assert repair("Chile, Peru Sign Fishing Accord") == "Chile, Peru sign fishing accord"
    # people, organisations and places the knowledge base knows keep their capitals
    assert repair("World Bank Approves Loan to Kenya") == "World Bank approves loan to Kenya"
    # the same length, so every offset still points into the original text
    text = "Bolivia Expels Two Chilean Diplomats Over Border Row"
    assert len(repair(text)) == len(text)
    # body text full of names still writes its verbs in lower case: left as it is
    body = (
        "Peruvian President Dina Boluarte will meet Chilean President Gabriel Boric and Bolivian "
        "Foreign Minister Celinda Sosa in La Paz at a summit on Friday."
    )
    assert repair(body) == body
    # a short lower-case verb alone still says it is a sentence, not a headline
    body = "President Tomas Rivero of Belize met Prime Minister Omar Haddad of Oman in Muscat."
    assert repair(body) == body


def test_a_title_cased_headline_is_coded_and_keeps_its_own_text(coder):
    import dyadwatch

    events = dyadwatch.code_text("Chile, Peru Sign Fishing Accord", published="2023-05-02")
    assert {(e.source.code, e.target.code, e.cameo) for e in events} == {
        ("CHL", "PER", "057"),
        ("PER", "CHL", "057"),
    }
    assert {e.sentence for e in events} == {"Chile, Peru Sign Fishing Accord"}


def test_actor_text_in_a_title_cased_headline_is_as_written(coder):
    import dyadwatch

    events = dyadwatch.code_text(
        "Serbian President Meets Chinese Ambassador In Belgrade", published="2020-09-11"
    )
    assert {e.source.text for e in events} == {
        "Serbian President",
        "Chinese Ambassador In Belgrade",
    }


def test_retry_forms_start_with_the_bare_verb():
    assert _retry_forms("lift") == ["lift", "lifted"]
    assert _retry_forms("ban")[:2] == ["ban", "banned"]


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # the model reads "lifts" as a noun and "ban" as the verb
        ("Putin lifts ban on Turkish tomatoes", {("RUSGOV", "TUR", "081")}),
        # title case and a verbless noun phrase together
        ("U.S. Lifts Visa Ban to Cuba", {("USA", "CUB", "081")}),
        # a past verb after a plural noun is a real verb: nothing to re-read, nothing to code
        ("Iran talks collapsed in Vienna", set()),
    ],
)
def test_a_verb_read_as_a_plural_noun_is_re_read(coder, headline, expected):
    assert codes(headline) == expected


def test_a_nationality_and_its_noun_are_not_re_read(coder):
    # "Kenyan troops clash with ..." is a noun phrase and its verb, not "Kenyan troop(s) ..."
    assert codes("Kenyan troops clash with Somali gunmen") == {
        ("KENMIL", "SOMREB", "190"),
        ("SOMREB", "KENMIL", "190"),
    }


def test_a_relative_pronoun_in_lower_case_leaves_a_headline_in_title_case(coder):
    # "that" written small is still a title-cased headline: the raid killed, not the envoy
    headline = "Chilean Envoy Condemns Border Raid that Killed Two Peruvian Soldiers."
    assert coder.repair(headline) == (
        "Chilean envoy condemns border raid that killed two Peruvian soldiers."
    )
    assert codes(headline) == set()


def test_a_headline_run_into_the_body_is_lowered_on_its_own(coder):
    body = (
        " When police reached the village on Monday they found the road to the border closed, and"
        " local officials said troops from both countries would reach the area by dawn after a"
        " meeting with residents that lasted late into the night and ended without a statement."
    )
    text = "Chilean Envoy Condemns Border Raid that Killed Two Peruvian Soldiers." + body
    assert coder.repair(text) == (
        "Chilean envoy condemns border raid that killed two Peruvian soldiers." + body
    )
    # a long paragraph that opens with a sentence in sentence case is left as it is
    plain = "Chile and Peru signed a fishing accord on Monday." + body
    assert coder.repair(plain) == plain


def test_a_headline_s_source_before_a_colon_is_no_subject():
    assert codes("Peruvian police: bus blast injures nine in Lima.") == set()
    assert codes("Chilean police: gunmen kill two Peruvian soldiers") == {
        ("---REB", "PERMIL", "190")
    }
