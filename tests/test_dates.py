"""Dates: expressions resolved against the publication date (or a caption's own date)."""

from __future__ import annotations

from datetime import date

from dyadwatch.dates import find_dates

FRIDAY = date(2020, 9, 18)


def _values(text, anchor=FRIDAY, previous=None):
    return [(d.text, d.value, d.precision) for d in find_dates(text, anchor, previous)]


def test_dates_explicit_forms():
    assert _values("on Sept. 11, 2020.") == [("Sept. 11, 2020", "2020-09-11", "day")]
    assert _values("on 11 September 2020") == [("11 September 2020", "2020-09-11", "day")]
    assert _values("the 2020-09-04 deal") == [("2020-09-04", "2020-09-04", "day")]


def test_dates_without_year_take_the_anchor_year_or_the_year_before():
    assert _values("on September 11") == [("September 11", "2020-09-11", "day")]
    # a December date in a January article is last December
    assert _values("on December 30", anchor=date(2021, 1, 5))[0][1] == "2020-12-30"


def test_dates_weekdays_are_the_latest_such_day_on_or_before_the_anchor():
    assert _values("told reporters on Friday")[0][1] == "2020-09-18"
    assert _values("met on Tuesday")[0][1] == "2020-09-15"
    assert _values("met on Saturday")[0][1] == "2020-09-12"


def test_dates_relative_to_previous_event_or_anchor():
    assert _values("Three days later, it opened.", previous=date(2020, 9, 11))[0][1] == "2020-09-14"
    assert _values("two weeks ago")[0][1] == "2020-09-04"
    assert _values("yesterday")[0][1] == "2020-09-17"
    assert _values("the next day", previous=date(2020, 9, 1))[0][1] == "2020-09-02"


def test_dates_months_and_years_have_coarser_precision():
    assert _values("in early September") == [("in early September", "2020-09", "month")]
    assert _values("in March 2019") == [("in March 2019", "2019-03", "month")]
    assert _values("in 2019 the talks") == [("in 2019", "2019", "year")]
    # at the start of a sentence, and in an earlier century
    assert _values("In 1905, Japan and Russia") == [("In 1905", "1905", "year")]


def test_dates_modal_may_is_not_a_month():
    assert _values("Serbia may join the talks") == []
    assert _values("talks in May")[0][1] == "2020-05"


def test_dates_without_anchor_resolve_only_absolute_expressions():
    assert _values("on Friday", anchor=None) == []
    assert _values("on Sept. 11, 2020", anchor=None)[0][1] == "2020-09-11"


def _event_dates(text, published="2019-07-20"):
    import dyadwatch

    return {
        (e.cameo, e.target.code if e.target else None, e.date, e.date_text)
        for e in dyadwatch.code_text(text, published=published)
    }


def test_a_clause_without_a_date_takes_the_date_of_the_clause_it_hangs_on(coder):
    # a participle with no date of its own: the date of the verb it hangs on
    text = "The Chilean government backed down on March 4, choosing instead to send aid to Peru."
    assert _event_dates(text) == {("070", "PER", "2019-03-04", "March 4")}
    # a date opening the sentence after a preposition dates all of it
    text = "On March 4 the Chilean government backed down, choosing instead to send aid to Peru."
    assert _event_dates(text) == {("070", "PER", "2019-03-04", "March 4")}
    # "later": another time, not the date before it (the publication date stands in, undated)
    text = "Chile closed its border with Peru on May 3 and later expelled Peruvian diplomats."
    assert _event_dates(text) == {
        ("191", "PER", "2019-05-03", "May 3"),
        ("166", "PERGOV", "2019-07-20", None),
    }


def test_dates_last_week_this_month_last_and_this_year():
    # the anchor is Friday 18 September 2020: last week began on Monday 7 September
    assert _values("met last week") == [("last week", "2020-09-07", "week")]
    assert _values("signed last year") == [("last year", "2019", "year")]
    assert _values("arrested earlier this month") == [("earlier this month", "2020-09", "month")]
    assert _values("held this year") == [("this year", "2020", "year")]
    # on a Monday, last week is the one before it, not the week the Monday opens
    assert _values("last week", anchor=date(2020, 9, 14))[0][1] == "2020-09-07"
    assert _values("the last weekend of the month") == []


def test_dates_last_and_next_months_and_weekdays():
    # the anchor is Friday 18 September 2020
    assert _values("warned last December") == [("last December", "2019-12", "month")]
    assert _values("met last March") == [("last March", "2020-03", "month")]
    # "last September" written in September is a year before
    assert _values("met last September")[0][1] == "2019-09"
    assert _values("will vote next March") == [("next March", "2021-03", "month")]
    assert _values("talks next October")[0][1] == "2020-10"
    assert _values("elections next May")[0][1] == "2021-05"
    # "last Friday" written on a Friday is a week before; "next Tuesday" the coming one
    assert _values("signed last Friday")[0][1] == "2020-09-11"
    assert _values("signed last Tuesday")[0][1] == "2020-09-15"
    assert _values("will sign next Tuesday")[0][1] == "2020-09-22"
    assert _values("will sign this coming Friday")[0][1] == "2020-09-25"


def _dates_of(text, published):
    return {(e[2], e[3]) for e in _event_dates(text, published)}


def test_a_weekday_or_month_without_direction_follows_the_tense_of_its_verb(coder):
    # published on Wednesday 4 November 2020
    published = "2020-11-04"
    # the future: the coming Monday, next March
    assert _dates_of("Ecuador will meet Bolivia on Monday.", published) == {
        ("2020-11-09", "Monday")
    }
    assert _dates_of("Ecuador is scheduled to meet Bolivia on Monday.", published) == {
        ("2020-11-09", "Monday")
    }
    assert _dates_of("Ecuador met Bolivia on Monday.", published) == {("2020-11-02", "Monday")}
    assert _dates_of("Ecuador will hold talks with Bolivia in March.", published) == {
        ("2021-03", "in March")
    }
    assert _dates_of("Ecuador held talks with Bolivia in March.", published) == {
        ("2020-03", "in March")
    }
    # the past: a December within a month of the anchor is last year's when the act is done
    assert _dates_of("Ecuador warned Bolivia in December.", published) == {
        ("2019-12", "in December")
    }
    assert _dates_of("Ecuador signed a trade deal with Bolivia on December 2.", published) == {
        ("2019-12-02", "December 2")
    }
    # a day put back a year by the rule for the past comes forward for an act to come
    assert _dates_of("Ecuador will hold talks with Bolivia on December 20.", "2020-10-02") == {
        ("2020-12-20", "December 20")
    }
    # present tense, or a direction written: no move
    assert _dates_of("Ecuador is visiting Bolivia on Monday.", published) == {
        ("2020-11-02", "Monday")
    }
    assert _dates_of("Ecuador agreed to meet Bolivia next Monday.", published) == {
        ("2020-11-09", "next Monday")
    }
    # an act under a verb in the past has a time of its own, before or after that verb's
    assert _dates_of("Ecuador agreed to meet Bolivia on Monday.", published) == {
        ("2020-11-02", "Monday")
    }
