"""Pipeline: one article from raw input to coded events — extract, parse, resolve actors, code events,
date and place them.

:class:`Coder` holds what is loaded once per process (the spaCy pipeline, the phrase matchers, the
pattern and code tables) and turns articles into :class:`CodedArticle` records. Nothing spaCy-shaped
leaves this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .actors import ActorResolver, Mention
from .codes import code_table
from .dates import (
    DateMention,
    date_for_predicate,
    find_dates,
    for_tense,
    noun_year,
    parse_anchor,
)
from .errors import ExtractError
from .events import CodedEvent, EventCoder, without_public_measures
from .extract import extract
from .gazetteer import gazetteer
from .knowledge import DICTIONARY_VERSION, dictionaries_digest, knowledge
from .nlp import (
    DEFAULT_BATCH_SIZE,
    ParsedParagraph,
    doc_text,
    load_pipeline,
    model_label,
    parse_articles,
    span_text,
)
from .patterns import patterns
from .places import location_for_predicate
from .quotes import QuoteFinder, QuoteState, link_events
from .records import (
    ActorMention,
    ActorRef,
    Article,
    Event,
    Quote,
    RawItem,
    Reject,
    content_hash,
)
from .speech import SpeechInterpreter

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .coref import ArticleContext
    from .knowledge import Knowledge


def coder_version(dictionaries: Sequence[str | Path] = ()) -> str:
    """Version string recorded with every event: package, pattern file and dictionaries, and a
    digest of the user ``dictionaries`` when there are any (a store codes its articles again when
    they change, as when the packaged ones do)."""
    version = f"dyadwatch-{__version__}+patterns.{patterns().version}+dict.{DICTIONARY_VERSION}"
    user = dictionaries_digest(dictionaries) if dictionaries else ""
    return f"{version}+user.{user}" if user else version


#: Agents that act in their own country: an unowned one takes the country its act happened in.
DOMESTIC_SECTORS = {"COP", "JUD"}
#: Roots whose acts a government does at home (arrests, curfews, bans): unowned "authorities" doing
#: them take the country they happened in.
DOMESTIC_ROOTS = {"17"}
#: Sectors of a country's people, who take the country of the police or courts that act on them
#: when a place puts those there (a former office-holder too: "a court in Peru freed former Vice
#: President Juan Ruiz").
PEOPLE_SECTORS = {"OPP", "CVL", "ELI"}
#: Prepositions that name whom a role in an apposition serves ("a spokesman for X", "the head of X").
ROLE_OWNER_PREPOSITIONS = {"for", "of"}
#: Prepositions that put a role somewhere ("protesters in Lima", "police at the airport").
PLACE_PREPOSITIONS = {"in", "at"}
#: Sectors of an actor of no stated country that take the country of the article (the one country
#: its headline names) when nothing in the sentence places them: a state's organs and its people
#: ("Police clash with protesters as Lima demonstrations continue"), and its former officials.
HOME_SECTORS = {"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "OPP", "CVL", "ELI"}
#: Uses of force by which the headline's country strikes soldiers of no stated country: the other
#: side's ("US forces kill General X": the general is not American).
ENEMY_ROOTS = {"18", "19", "20"}
#: Words that place a role away from the article's country.
FOREIGN_WORDS = {
    "foreign", "international", "overseas", "western", "allied", "coalition", "multinational",
    "exiled", "visiting", "outside", "neighbouring", "neighboring", "regional", "world",
}  # fmt: skip


#: Capitalised words before a role that name a party or a creed, not a place ("Democratic
#: leadership", "Republican senators").
POLITICAL_LABELS = {
    "democratic", "democrat", "republican", "conservative", "liberal", "socialist", "communist",
    "labour", "labor", "green", "libertarian", "nationalist", "progressive", "christian", "muslim",
    "islamist", "catholic", "protestant", "orthodox", "jewish", "sunni", "shia", "shiite",
}  # fmt: skip


@dataclass
class CodedArticle:
    """An article with the events coded from it."""

    article: Article
    events: list[Event]
    sentences: int
    model: str = ""
    coder_version: str = ""
    mentions: list[ActorMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)


def _offsets(para: ParsedParagraph, start_token: int, end_token: int) -> tuple[int, int]:
    doc = para.doc
    last = doc[end_token - 1]
    return para.start + doc[start_token].idx, para.start + last.idx + len(last.text)


def _pattern_evidence(coded: CodedEvent) -> str:
    if coded.pattern is None:
        return f"{coded.code} from {coded.origin}"
    return (
        f"pattern {coded.pattern.code} '{coded.pattern.name}' "
        f"({Path(coded.pattern.origin).name}:{coded.pattern.line})"
        + (f" coded {coded.code}" if coded.code != coded.pattern.code else "")
    )


#: Days before publication after which an event is reported as history ("declared independence in 2008").
BACKGROUND_DAYS = 365


def _background(event_date: str | None, anchor: date | None) -> bool:
    """Whether an event's date puts it well before the article: history, not news."""
    if not event_date or anchor is None:
        return False
    year = int(event_date[:4])
    month = int(event_date[5:7]) if len(event_date) >= 7 else 12
    day = int(event_date[8:10]) if len(event_date) >= 10 else 28
    try:
        when = date(year, month, day)
    except ValueError:
        return False
    return (anchor - when).days > BACKGROUND_DAYS


class Coder:
    """Codes articles into events. Loads the NLP pipeline and dictionaries once.

    Args:
        model: name of an installed spaCy pipeline (default: the pinned small English model).
        batch_size: paragraphs per ``nlp.pipe`` batch.
        dictionaries: user dictionary files or folders added to the packaged knowledge.
        skip_sentences: leave out of the parse the sentences a cheap pass finds cannot yield an
            event (:mod:`dyadwatch.prefilter`; off by default).
    """

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        dictionaries: Sequence[str | Path] = (),
        skip_sentences: bool = False,
    ) -> None:
        self.nlp = load_pipeline(model)
        self.model = model_label(self.nlp)
        self.kb = knowledge(dictionaries)
        self.resolver = ActorResolver(self.nlp, self.kb)
        # The place index is built now, with the rest of what the coder loads, not inside the first
        # article coded (every article's local readings use it: see ActorResolver.new_article).
        gazetteer()
        self.coder = EventCoder(
            patterns().with_imported(self.kb.verb_patterns, self.kb.verb_words), self.kb.agents
        )
        self.speech = SpeechInterpreter(self.coder)
        self.quotes = QuoteFinder(self.coder.patterns, self.resolver.titles)
        self.codes = code_table()
        self.batch_size = batch_size
        self.version = coder_version(dictionaries)
        from .prefilter import Prefilter

        #: the cheap pass of sentence skipping (:mod:`dyadwatch.prefilter`), or None
        self.prefilter = (
            Prefilter(self.nlp, self.coder.patterns, self.kb) if skip_sentences else None
        )
        from .headlines import TitleRepair, VerbRepair
        from .subjunctive import SubjunctiveRepair

        #: lowers the common words of title-cased headlines before the parse
        self.repair = TitleRepair(self.nlp, self.resolver)
        verbs = frozenset(self.coder.patterns.by_verb)
        headline_verbs = VerbRepair(self.nlp, verbs)
        subjunctives = SubjunctiveRepair(self.nlp, verbs)

        def reparse(doc: Doc) -> Doc:
            return subjunctives(headline_verbs(doc))

        #: re-reads a verbless headline whose verb was taken for a plural noun, and a sentence
        #: whose that-clause verb was ("demanded that the government resign")
        self.reparse = reparse

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Parse and code articles, in input order."""
        for article, paragraphs in parse_articles(
            self.nlp,
            articles,
            self.batch_size,
            prefilter=self.prefilter,
            repair=self.repair,
            reparse=self.reparse,
        ):
            yield self.code_parsed(article, paragraphs)

    def code_article(self, article: Article) -> CodedArticle:
        """Code one article."""
        return next(self.code_articles([article]))

    def code_items(self, items: Iterable[RawItem | Reject]) -> Iterator[CodedArticle | Reject]:
        """Extract and code raw items; extraction failures come out as rejects, in order."""
        pending: list[Article] = []
        for item in items:
            if isinstance(item, Reject):
                yield from self.code_articles(pending)
                pending = []
                yield item
                continue
            try:
                pending.append(extract(item))
            except ExtractError as exc:
                yield from self.code_articles(pending)
                pending = []
                yield Reject(exc.item, "extract", exc.reason, exc.detail)
                continue
            if len(pending) >= self.batch_size:
                yield from self.code_articles(pending)
                pending = []
        yield from self.code_articles(pending)

    def code_parsed(self, article: Article, paragraphs: list[ParsedParagraph]) -> CodedArticle:
        """Code an article whose paragraphs are parsed."""
        anchor = parse_anchor(article.published)
        context = self.resolver.new_article(anchor, article.text)
        events: list[Event] = []
        found: list[ActorMention] = []
        quotes: list[Quote] = []
        quote_state = QuoteState()
        sentence_index = 0
        previous: date | None = None
        home: str | None = None
        enemies: set[str] = set()  # surnames of soldiers the headline's country used force on
        for para in paragraphs:
            para_anchor = anchor
            if para.kind == "caption":
                # A caption's weekdays count from the caption's own date ("... on Sept. 11, 2020. ...
                # during their meeting on Friday"), not from the publication date.
                own = [d for d in find_dates(doc_text(para.doc), anchor) if d.precision == "day"]
                if own:
                    para_anchor = date.fromisoformat(own[0].value)
            para_mentions = self.resolver.resolve_doc(para.doc, context)
            if para.kind == "title":
                home = _home_country(para_mentions, self.kb)
            first_sentence = sentence_index
            for sent, mentions in zip(para.doc.sents, para_mentions, strict=True):
                for mention in mentions:
                    if not mention.is_actor:
                        continue
                    for part in mention.split():
                        start, end = _offsets(para, part.start, part.end)
                        found.append(
                            ActorMention(
                                content_hash(
                                    article.article_id, sentence_index, start, end, part.actor.code
                                ),
                                article.article_id,
                                sentence_index,
                                start,
                                end,
                                part.actor,
                                part.rule,
                            )
                        )

                dates = find_dates(span_text(sent), para_anchor, previous)
                coded_events = self.coder.code_sentence(sent, mentions)
                for coded in self.speech.interpret(sent, mentions, coded_events):
                    events.append(
                        self._event(
                            article,
                            para,
                            sent,
                            sentence_index,
                            coded,
                            mentions,
                            dates,
                            anchor,
                            home,
                            enemies,
                        )
                    )
                day_dates = [d for d in dates if d.precision == "day"]
                if day_dates:
                    previous = date.fromisoformat(day_dates[-1].value)
                sentence_index += 1
            found_quotes = self.quotes.find(
                article.article_id, para.doc, para.start, first_sentence, para_mentions, quote_state
            )
            quotes.extend(found_quotes)
        events = [_described_later(event, context) for event in events]
        events = without_public_measures(events, article.text)
        link_events(quotes, events)
        return CodedArticle(
            article, events, sentence_index, self.model, self.version, found, quotes
        )

    def _role_of(self, actor: ActorRef, country: str) -> ActorRef:
        """``actor``, a role of no country, as that role of ``country`` (where it acted, or the
        article's country)."""
        return replace(
            actor,
            code=f"{country}{actor.sector}",
            country=country,
            name=self.kb.countries[country].name,
        )

    def _in_office_on(
        self, actor: ActorRef, anchor: date, day: date, notes: list[str], side: str
    ) -> ActorRef:
        """A known person coded by the office held on ``day`` (an earlier event's date) rather than
        on the publication date; other actors, and people coded some other way (the "Bush
        administration", a title that names another office), as they are."""
        if actor.name not in self.kb.people:
            return actor
        resolver = self.resolver
        if actor.code != resolver.person_actor(actor.name, actor.text, anchor).code:
            return actor
        then = resolver.person_actor(actor.name, actor.text, day)
        if then.code != actor.code:
            notes.append(f"{side}: {then.code} on {day.isoformat()}, the event's date")
        return then

    def _event(
        self,
        article: Article,
        para: ParsedParagraph,
        sent: Span,
        sentence_index: int,
        coded: CodedEvent,
        mentions: list[Mention],
        dates: list[DateMention],
        anchor: date | None,
        home: str | None = None,
        enemies: set[str] | None = None,
    ) -> Event:
        info = self.codes.get(coded.code)
        source_offsets = _offsets(para, coded.source.start, coded.source.end)
        target_offsets = (
            _offsets(para, coded.target.start, coded.target.end) if coded.target else None
        )
        verb = coded.predicate
        verb_offsets = (para.start + verb.idx, para.start + verb.idx + len(verb.text))
        dated = noun_year(sent, coded.predicate) or date_for_predicate(
            sent, dates, coded.trigger, coded.predicate
        )
        if dated is not None:
            dated = for_tense(dated, coded.predicate, anchor)
        event_date: str | None
        precision: str | None
        date_text: str | None
        if dated is not None:
            event_date, precision, date_text = dated.value, dated.precision, dated.text
        else:
            event_date = anchor.isoformat() if anchor else None
            precision = "day" if anchor else None
            date_text = None
        location = location_for_predicate(
            coded.trigger, coded.predicate, mentions, self.kb, exclude=(coded.source, coded.target)
        )
        source = coded.source.actor
        notes = list(coded.notes)
        day = _day_of(event_date, precision) if dated is not None else None
        if day is not None and anchor is not None and day < anchor:
            # "in 2010, Angela Merkel met ...": a known person acts in the office held then
            source = self._in_office_on(source, anchor, day, notes, "source")
        place_country = str((location or {}).get("country") or "")
        if (
            place_country in self.kb.countries
            and not source.country
            and not source.igo
            and (
                source.sector in DOMESTIC_SECTORS
                or (source.sector == "GOV" and info.root in DOMESTIC_ROOTS)
            )
        ):
            # "police arrested nine men in Kerala", "authorities imposed a curfew in
            # Kano": police, courts and the authorities that arrest or restrict act at home
            source = self._role_of(source, place_country)
            notes.append(f"source: the {source.sector} of the country it happened in")
        target = coded.target.actor if coded.target else None
        if target is not None and day is not None and anchor is not None and day < anchor:
            target = self._in_office_on(target, anchor, day, notes, "target")
        if target is not None and coded.target is not None and not place_country:
            # "police fired tear gas at protesters in Lima", "protesters were killed by police in
            # Lima": the parser hangs the place on one side; police and courts act at home, and
            # the people they act on, or who act on them, are of the place too
            if (
                source.sector in DOMESTIC_SECTORS
                and _homeless(source)
                and _placed(sent, coded.target, self.kb)
                and not _written_foreign(sent, coded.source, self.kb)
            ):
                source = self._role_of(source, str(target.country))
                notes.append(f"source: the {source.sector} of the place of its target")
            elif (
                target.sector in PEOPLE_SECTORS
                and _homeless(target)
                and source.sector in DOMESTIC_SECTORS
                and _placed(sent, coded.source, self.kb)
                and not _written_foreign(sent, coded.target, self.kb)
            ):
                target = self._role_of(target, str(source.country))
                notes.append(f"target: the {target.sector} of the place of its source")
        if home is not None and not place_country:
            # "Legislator Ana Quispe", "police" in an article whose headline names one country;
            # not a soldier that country's forces struck ("US forces kill General Ruiz": the
            # general, and "General Ruiz" or "he" later, are of the other side)
            enemies = enemies if enemies is not None else set()
            if (
                _homeless(source)
                and _surname(source) not in enemies
                and not _written_foreign(sent, coded.source, self.kb)
            ):
                source = self._role_of(source, home)
                notes.append(f"source: the {source.sector} of the headline's country")
            if (
                target is not None
                and not target.country
                and not target.igo
                and target.sector in (None, "MIL")
                and source.country == home
                and info is not None
                and info.root in ENEMY_ROOTS
            ):
                enemies.add(_surname(target))
            elif (
                target is not None
                and coded.target is not None
                and _homeless(target)
                and _surname(target) not in enemies
                and not _written_foreign(sent, coded.target, self.kb)
            ):
                target = self._role_of(target, home)
                notes.append(f"target: the {target.sector} of the headline's country")
        evidence = "; ".join(
            [
                _pattern_evidence(coded),
                *notes,
                f"source: {coded.frame} [{coded.source.rule}]",
                f"target [{coded.target.rule}]" if coded.target else "no target",
                f"date: '{date_text}'" if date_text else "date: published",
            ]
        )
        event_id = content_hash(
            article.article_id,
            sentence_index,
            verb_offsets,
            source.code,
            target.code if target else None,
            coded.code,
            source_offsets,
        )
        return Event(
            event_id=event_id,
            article_id=article.article_id,
            sentence_index=sentence_index,
            sentence=span_text(sent),
            sentence_start=para.start + sent.start_char,
            source=source,
            target=target,
            source_offsets=source_offsets,
            target_offsets=target_offsets,
            verb_offsets=verb_offsets,
            verb=verb.text,
            cameo=coded.code,
            root=info.root,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            plover=info.plover,
            date=event_date,
            background=_background(event_date, anchor),
            confidence=coded.confidence,
            date_precision=precision,
            date_text=date_text,
            location=location,
            evidence=evidence,
            coder_version=self.version,
        )


def _day_of(value: str | None, precision: str | None) -> date | None:
    """The day an event date stands for: itself, the middle of its month or of its year."""
    if not value:
        return None
    try:
        if precision == "day" or len(value) == 10:
            return date.fromisoformat(value[:10])
        if precision == "month" or len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 15)
        return date(int(value[:4]), 7, 1)
    except ValueError:
        return None


def _home_country(mentions: list[list[Mention]], kb: Knowledge) -> str | None:
    """The one country a headline names (as an actor, a place or a modifier), if it names one."""
    countries = {
        str(part.actor.country)
        for sentence in mentions
        for mention in sentence
        for part in mention.split()
        if part.actor.country and not part.actor.igo
    }
    country = countries.pop() if len(countries) == 1 else None
    return country if country in kb.countries else None


def _surname(actor: ActorRef) -> str:
    """The last word of an actor's name ("General Ruiz", "Juan Ruiz": "Ruiz")."""
    words = actor.name.split()
    return words[-1] if words else ""


def _homeless(actor: ActorRef) -> bool:
    """A role of no country whose sector the article's country may give it."""
    return not actor.country and not actor.igo and actor.sector in HOME_SECTORS


def _described_later(event: Event, context: ArticleContext) -> Event:
    """``event`` with a person named before anything placed them ("Ana Ruiz endorses Luis Soto", a
    headline) coded as the article came to describe them ("Former Peruvian presidential candidate
    Ana Ruiz"); its id follows the new codes."""
    sides = {}
    for side in ("source", "target"):
        actor: ActorRef | None = getattr(event, side)
        if actor is None or actor.country or actor.igo:
            continue
        known = context.aliases.get(actor.name)
        if (
            known is not None
            and known.name == actor.name
            and (known.country or known.igo)
            and actor.sector in (None, known.sector)  # the same person, not a namesake's role
        ):
            sides[side] = replace(known, text=actor.text)
    if not sides:
        return event
    source = sides.get("source", event.source)
    target = sides.get("target", event.target)
    named = " and ".join(sides)
    return replace(
        event,
        source=source,
        target=target,
        event_id=content_hash(
            event.article_id,
            event.sentence_index,
            event.verb_offsets,
            source.code,
            target.code if target else None,
            event.cameo,
            event.source_offsets,
        ),
        evidence=f"{event.evidence}; {named}: as the article describes them later",
    )


def _placed(sent: Span, mention: Mention, kb: Knowledge) -> bool:
    """Whether a role mention has its country from a place it is said to be in or at ("protesters
    in Lima", "police at the Quito airport"), not from a nationality ("Peruvian police")."""
    doc = sent.doc
    actor = mention.actor
    if not actor.country or actor.country not in kb.countries or not actor.sector:
        return False
    tokens = doc[mention.start : mention.end]
    return any(t.lower_ in PLACE_PREPOSITIONS and t.dep_ == "prep" for t in tokens) and not any(
        t.ent_type_ == "NORP" or (t.dep_ == "poss" and t.ent_type_ == "GPE") for t in tokens
    )


def _written_foreign(sent: Span, mention: Mention, kb: Knowledge) -> bool:
    """Whether the words of a mention, or those modifying it, place it away from the article's
    country ("foreign forces", "international observers"), or a name no one knows does ("2,000
    Zembla soldiers": a place or group named, just not one of ours)."""
    doc = sent.doc
    tokens = list(doc[mention.start : mention.end])
    words = {t.lower_ for t in tokens} | {c.lower_ for t in tokens for c in t.children}
    if words & FOREIGN_WORDS:
        return True
    # "Ana Ruiz, a spokeswoman for the FRL": the role is held in a body no one knows
    roles = [c for t in tokens for c in t.children if c.dep_ == "appos"]
    if any(
        o.pos_ == "PROPN" and o.lower_ not in kb.agents and o.lower_ not in POLITICAL_LABELS
        for r in roles
        for p in r.children
        if p.dep_ == "prep" and p.lower_ in ROLE_OWNER_PREPOSITIONS
        for o in p.children
        if o.dep_ == "pobj"
    ):
        return True
    head = doc[mention.head] if mention.head >= 0 else tokens[-1]
    return head.pos_ == "NOUN" and any(
        c.i < head.i
        and c.i != sent.start
        and c.text[:1].isupper()
        and c.lower_ not in kb.agents
        and c.lower_ not in POLITICAL_LABELS
        and (
            (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN")
            or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))
        )
        for c in head.children
    )


@dataclass
class Explanation:
    """What the coder saw and decided for one text: the material of ``dyadwatch explain``."""

    sentences: list[dict[str, Any]]
    events: list[Event]


def explain(coder: Coder, text: str, published: str | None = None) -> Explanation:
    """Code ``text`` and record, per sentence, the parse, the actors, every pattern tried and why
    each event was or was not emitted."""
    from .events import Trace
    from .extract import extract_record

    article = extract_record({"id": "explain", "text": text, "published": published}, "explain")
    # one parse, the same the coder codes from (headline repairs included), read twice: once
    # coded, once traced
    _, paragraphs = next(
        parse_articles(
            coder.nlp,
            [article],
            coder.batch_size,
            repair=coder.repair,
            reparse=coder.reparse,
        )
    )
    coded = coder.code_parsed(article, paragraphs)
    anchor = parse_anchor(article.published)
    context = coder.resolver.new_article(anchor, article.text)
    sentences: list[dict[str, Any]] = []
    for paragraph in paragraphs:
        doc = paragraph.doc
        for sent, mentions in zip(doc.sents, coder.resolver.resolve_doc(doc, context), strict=True):
            trace = Trace()
            found = coder.coder.code_sentence(sent, mentions, trace)
            coder.speech.interpret(sent, mentions, found, trace)
            sentences.append(
                {
                    "sentence": span_text(sent),  # as written, not as a headline repair lowered it
                    "tokens": [
                        (
                            t.i - sent.start,
                            t.text,
                            t.lemma_,
                            t.pos_,
                            t.dep_,
                            t.head.i - sent.start,
                            t.ent_type_,
                        )
                        for t in sent
                    ],
                    "actors": [
                        (sent.doc[m.start : m.end].text, m.actor.code, m.rule)
                        for m in mentions
                        if m.is_actor
                    ],
                    "trace": trace.lines,
                }
            )
    return Explanation(sentences, coded.events)
