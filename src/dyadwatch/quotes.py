"""Quotes: who said what, through whom, to whom.

Two kinds of quote are found in each article:

* **direct** — words inside quotation marks (" “” ‘’ «»), one quote per paragraph; a quote split by its
  attribution ("A," she said, "B.") gives two quotes with one speaker; a quote that runs over several
  paragraphs (a paragraph that leaves the quote open, the next one opening again) keeps its speaker.
  Short quoted phrases with no reporting verb near them are scare quotes or titles, not quotes;
* **indirect** — the clause of a reporting verb: "X said (that) ...", "..., X said.", "X told Y ...",
  "X stressed / warned / added / insisted ...", and "according to X, ...".

The speaker is the reporting verb's subject (or, inverted, "said X"), resolved through the actor layer
(names, surnames, pronouns, titles). ``via`` is the channel the words reached us through ("according to
BBC" after a speaker; "in a statement"); ``audience`` whom they were said to ("told the Global Times").
Malformed input never raises: an unclosed quote runs to the end of its paragraph, and a quote with no
speaker is kept with the speaker unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .actors import Mention, mention_at
from .nlp import doc_text, span_text, tokens_of, verbs_of
from .patterns import Patterns
from .records import ActorRef, Event, Quote, content_hash

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Opening mark -> closing marks it pairs with.
QUOTE_MARKS = {"“": "”", "«": "»", '"': '"', "„": "“”", "‘": "’"}
_OPENING = re.compile("[" + re.escape("".join(QUOTE_MARKS)) + "]")
_CLOSING = {mark: re.compile("[" + re.escape(ends) + "]") for mark, ends in QUOTE_MARKS.items()}
#: A quoted span of fewer words with no reporting verb in its sentence is a scare quote or a title.
MIN_UNATTRIBUTED_WORDS = 4
#: Nouns of the channel a statement came through ("said in a statement").
CHANNEL_NOUNS = {
    "statement",
    "interview",
    "post",
    "tweet",
    "letter",
    "speech",
    "release",
    "communique",
    "communiqué",
    "conference",
    "briefing",
    "message",
    "broadcast",
    "report",
    "video",
    "email",
    "television",
    "tv",
    "radio",
    "podcast",
    "programme",
    "program",
    "show",
    "livestream",
    "blog",
    "column",
    "op-ed",
    "editorial",
    "article",
    "announcement",
    "address",
    "ruling",
    "judgment",
    "judgement",
    "verdict",
    "motion",
    "filing",
}
#: Social networks and messaging services words are posted on ("wrote on Instagram").
PLATFORMS = {
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "youtube",
    "tiktok",
    "weibo",
    "wechat",
    "linkedin",
    "threads",
    "bluesky",
    "mastodon",
    "vk",
    "whatsapp",
}
#: Prepositions before the channel a statement came through ("in a statement", "on Twitter", "at a
#: press conference", "during an interview").
CHANNEL_PREPOSITIONS = {"in", "via", "through", "on", "at", "during"}
#: Reporting verbs that name their channel ("tweeted": on Twitter).
CHANNEL_VERBS = {"tweet": "Twitter"}
#: Participles of passing words on: "as reported by X", "as quoted by X".
PASSING_ON = {"report", "quote", "cite", "carry", "broadcast", "publish"}
#: Verbs that report speech without a clause of their own ("..., he said.").
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


PRONOUNS = {"he", "she", "they", "we", "i", "it"}


@dataclass
class QuoteState:
    """What a finder remembers across the paragraphs of one article."""

    open_quote: Quote | None = None  # a quote the last paragraph left open
    last_named: Quote | None = None  # the last quote whose speaker was named
    holders: dict[str, tuple[ActorRef, str]] = field(
        default_factory=dict
    )  # title word -> its holder


@dataclass
class _Span:
    start: int  # offsets in the paragraph
    end: int
    open_ended: bool = False


def direct_spans(text: str) -> tuple[list[_Span], bool]:
    """Quoted spans of one paragraph and whether the paragraph leaves a quote open."""
    spans: list[_Span] = []
    index = 0
    while True:
        found = _OPENING.search(text, index)
        if found is None:
            return spans, False
        index = found.start()
        char = text[index]
        if char in '‘"' and index > 0 and text[index - 1].isalnum():
            index += 1  # an apostrophe, or a closing mark met first (unbalanced): skip it
            continue
        closing = _CLOSING[char]
        end = index + 1
        while True:
            shut = closing.search(text, end)
            if shut is None:
                spans.append(_Span(index + 1, len(text), open_ended=True))
                return spans, True
            end = shut.start()
            if text[end] == "’" and end + 1 < len(text) and text[end + 1].isalpha():
                end += 1  # an apostrophe inside the quote ("it’s")
                continue
            break
        spans.append(_Span(index + 1, end))
        index = end + 1


class QuoteFinder:
    """Finds quotes in parsed paragraphs whose actors are resolved."""

    def __init__(self, patterns: Patterns, titles: frozenset[str] | set[str] = frozenset()) -> None:
        self.patterns = patterns
        self.titles = set(titles) | {
            "spokesperson",
            "spokesman",
            "spokeswoman",
            "director",
            "head",
            "chief",
        }

    def _is_reporting(self, token: Token) -> bool:
        """A verb of saying (beliefs and expectations are not quotes)."""
        if token.pos_ not in ("VERB", "AUX"):
            return False
        lemma = token.lemma_.lower()
        frame = self.patterns.frame("reporting")
        return (
            self.patterns.is_frame_verb("reporting", lemma, token.lower_)
            and lemma not in frame["speculation"]
            and lemma not in frame["unquoting"]
        )

    # -- speakers ----------------------------------------------------------------------------------

    def _actor_of(
        self, token: Token | None, mentions: list[Mention]
    ) -> tuple[ActorRef | None, str, int, int]:
        """The actor (or None) a speaker token stands for, with the words of its whole noun phrase
        ("Senate Minority Leader Chuck Schumer", "spokesperson Steffen Seibert") and their offsets."""
        if token is None:
            return None, "", -1, -1
        doc = token.doc
        # the noun phrase up to the token, and names in apposition or compound after it
        end = token.i + 1
        while (
            end < len(doc) and doc[end].dep_ in ("compound", "flat") and doc[end].head.i == token.i
        ):
            end += 1
        for child in token.rights:  # "some of the protesters", "representatives from Iran"
            if (
                child.dep_ == "prep"
                and child.lower_ in ("of", "from", "at", "for")
                and child.i == end
            ):
                end = child.right_edge.i + 1
        # "The governor of Texas, Greg Abbott, wrote": the name in apposition is the speaker's name
        named = next((c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if named is not None:
            end = max(end, named.right_edge.i + 1)
            if named.ent_type_ == "PERSON":
                appos_mention = mention_at(mentions, named)
                if appos_mention is not None and appos_mention.is_actor:
                    span = doc[token.left_edge.i : end]
                    return appos_mention.actor, span.text, span.start_char, span.end_char
        if end - 1 > token.left_edge.i and doc[end - 1].tag_ == "POS":
            end -= 1  # "the judge's": the judge
        phrase = doc[token.left_edge.i : end]
        mention = mention_at(mentions, token)
        if mention is not None and mention.is_actor and not mention.members:
            span = doc[min(mention.start, phrase.start) : max(mention.end, phrase.end)]
            return mention.actor, span.text, span.start_char, span.end_char
        return None, phrase.text, phrase.start_char, phrase.end_char

    def _speaker_token(self, verb: Token) -> Token | None:
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if (
            subject is not None
            and subject.lower_ in ("who", "which", "that")
            and verb.dep_ == "relcl"
        ):
            if verb.head.lemma_.lower() in CHANNEL_NOUNS and verb.head.dep_ in ("dobj", "obj"):
                # "The ministry issued a statement which said ...": who issued it
                issuer = next((c for c in verb.head.head.children if c.dep_ in SUBJECT_DEPS), None)
                if issuer is not None:
                    return issuer
            return verb.head  # "Ana Brnabic, who said ..."
        if subject is not None:
            # "the court's ruling reads ...", "a passage of the court's ruling reads ..."
            channel = _as_channel(subject)
            owner = (
                next((c for c in channel.children if c.dep_ == "poss"), None)
                if channel is not None
                else None
            )
            if owner is not None:
                return owner
        if subject is not None:
            return subject
        # "..., said Vucic": the speaker after the verb
        after = next(
            (
                c
                for c in verb.rights
                if c.dep_ in ("nsubj", "attr") and c.pos_ in ("PROPN", "NOUN", "PRON")
            ),
            None,
        )
        if after is None and verb.lemma_.lower() != "tell":  # "told Reuters": Reuters heard it
            after = next(
                (
                    c
                    for c in verb.rights
                    if c.dep_ == "dobj" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                ),
                None,
            )
        if after is not None:
            return after
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            return self._speaker_token(verb.head)
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl":
            return verb.head  # "with Chinese experts saying that ..."
        # the parser lost the subject: the nearest person named just before the verb
        window = verb.doc[max(verb.sent.start, verb.i - 12) : verb.i]
        people = [
            t
            for t in window
            if t.ent_type_ == "PERSON"
            and t.pos_ == "PROPN"
            and (t.i + 1 >= len(verb.doc) or verb.doc[t.i + 1].ent_type_ != "PERSON")
        ]
        return people[-1] if people else None

    def _channels(
        self, verb: Token, mentions: list[Mention]
    ) -> tuple[dict[str, object] | None, dict[str, object] | None]:
        """``via`` and ``audience`` of a reporting verb."""
        via: dict[str, object] | None = None
        audience: dict[str, object] | None = None
        sent = verb.sent
        for token in tokens_of(sent):
            if (
                token.lower_ == "according"
                and token.i + 1 < len(token.doc)
                and token.doc[token.i + 1].lower_ == "to"
            ):
                pobj = next((c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    via = _party(self._actor_of(pobj, mentions), pobj)
        if via is None:
            via = self._passed_on_by(sent, mentions)
        if via is None:
            # "reads the court's ruling", "a statement which said": the document is the channel
            channel = _channel_of(verb)
            if channel is not None:
                via = {"name": channel.doc[channel.left_edge.i : channel.i + 1].text, "code": None}
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in CHANNEL_PREPOSITIONS and via is None:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and (
                    pobj.lemma_.lower() in CHANNEL_NOUNS or pobj.lower_ in PLATFORMS
                ):
                    via = {"name": pobj.doc[pobj.left_edge.i : pobj.i + 1].text, "code": None}
        if via is None and verb.lemma_.lower() in CHANNEL_VERBS:
            via = {"name": CHANNEL_VERBS[verb.lemma_.lower()], "code": None, "text": verb.text}
        if verb.lemma_.lower() == "tell":
            hearer = next((c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")), None)
            if hearer is not None:
                audience = _party(self._actor_of(hearer, mentions), hearer)
                if via is None and str(audience.get("code") or "").endswith("MED"):
                    via = audience  # words told to a newspaper reach us through it
        return via, audience

    def _passed_on_by(self, sent: Span, mentions: list[Mention]) -> dict[str, object] | None:
        """The outlet of "as reported by X", "as quoted by X" in a sentence."""
        for token in tokens_of(sent):
            if (
                token.tag_ == "VBN"
                and token.lemma_.lower() in PASSING_ON
                and any(c.lower_ == "as" and c.i < token.i for c in token.children)
            ):
                agent = next(
                    (
                        p
                        for c in token.children
                        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
                        for p in c.children
                        if p.dep_ == "pobj"
                    ),
                    None,
                )
                if agent is not None:
                    return _party(self._actor_of(agent, mentions), agent)
        return None

    def _according_source(
        self, sent: Span, start: int, end: int, mentions: list[Mention]
    ) -> tuple[ActorRef | None, str, int, int, str, dict[str, object] | None, None] | None:
        """Speaker (actor, words, offsets), cue and via of an "according to X" phrase of a sentence,
        outside the characters ``start``-``end`` (a direct quote's)."""
        doc = sent.doc
        for token in tokens_of(sent):
            if (
                token.lower_ != "according"
                or token.i + 1 >= sent.end
                or doc[token.i + 1].lower_ != "to"
                or start <= token.idx < end
            ):
                continue
            pobj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            actor, words, s_start, s_end, via = self._according_speaker(pobj, mentions)
            return actor, words, s_start, s_end, "according to", via, None
        return None

    def _according_speaker(
        self, pobj: Token, mentions: list[Mention]
    ) -> tuple[ActorRef | None, str, int, int, dict[str, object] | None]:
        """The speaker of "according to X" (actor, words, offsets) and its channel: "according to a
        tweet by X", "according to the report by Y" are X's and Y's words, through the document."""
        via: dict[str, object] | None = None
        author = _channel_author(pobj)
        if author is not None:
            via = {"name": pobj.doc[pobj.left_edge.i : pobj.i + 1].text, "code": None}
            pobj = author
        actor, words, s_start, s_end = self._actor_of(pobj, mentions)
        return actor, words, s_start, s_end, via

    def _trailing_outlet(
        self, verb: Token, clause: Token, mentions: list[Mention]
    ) -> tuple[ActorRef | None, str, int, int, dict[str, object]] | None:
        """The speaker and the outlet of "X said that CLAUSE, OUTLET reported" when the parser hangs
        the outlet's verb on X's: the clause stands between the two reporting verbs."""
        outer = verb.head
        if not (
            verb.dep_ == "ccomp"
            and outer.i < clause.left_edge.i
            and clause.i < verb.i
            and self._is_reporting(outer)
        ):
            return None
        speaker = next((c for c in outer.children if c.dep_ in SUBJECT_DEPS), None)
        outlet = self._speaker_token(verb)
        if speaker is None or outlet is None:
            return None
        actor, words, s_start, s_end = self._actor_of(speaker, mentions)
        return actor, words, s_start, s_end, _party(self._actor_of(outlet, mentions), outlet)

    def _cited(self, verb: Token) -> Token | None:
        """The source an outlet cites for what it reports ("Le Monde, citing two diplomats,
        reported that ..."): the object of "citing" beside the reporting verb."""
        for child in verb.children:
            if child.lemma_.lower() == "cite" and child.tag_ == "VBG":
                cited = next((c for c in child.children if c.dep_ in ("dobj", "obj")), None)
                if cited is not None:
                    return cited
        return None

    # -- per paragraph -----------------------------------------------------------------------------

    def find(
        self,
        article_id: str,
        doc: Doc,
        para_start: int,
        first_sentence: int,
        sentence_mentions: list[list[Mention]],
        state: QuoteState,
    ) -> list[Quote]:
        """Quotes of one paragraph; ``state`` carries what earlier paragraphs said (an open quote, the
        last named speaker) and is updated."""
        sents = list(doc.sents)
        all_mentions = [m for ms in sentence_mentions for m in ms]
        text = doc_text(doc)
        self._remember_holders(doc, all_mentions, state)
        spans, left_open = direct_spans(text)
        quotes: list[Quote] = []
        previous: Quote | None = state.open_quote
        covered: list[tuple[int, int]] = []
        for span in spans:
            words = text[span.start : span.end].strip()
            start = span.start + (
                len(text[span.start : span.end]) - len(text[span.start : span.end].lstrip())
            )
            end = start + len(words.rstrip(",.;: "))
            if end <= start:
                continue
            index = next(
                (i for i, s in enumerate(sents) if s.start_char <= start < s.end_char),
                len(sents) - 1,
            )
            verb = self._attribution(sents, index, start, end)
            short = len(words.split()) < MIN_UNATTRIBUTED_WORDS
            if (
                verb is None
                and short
                and not span.open_ended
                and not (state.open_quote and span.start <= 1)
            ):
                continue  # a scare quote or a title
            covered.append((start, end))
            # '"...," according to a tweet by X': the phrase attributes the quote
            according = (
                self._according_source(sents[index], start, end, all_mentions)
                if verb is None
                else None
            )
            where = (article_id, "direct", doc, para_start, first_sentence + index, start, end)
            if according is not None:
                quote = self._make(*where, *according)
            else:
                # a paragraph that is a quote with no attribution continues the last named speaker
                continuing = previous or (
                    state.last_named if verb is None and span.start <= 1 else None
                )
                quote = self._quote(*where, verb, all_mentions, continuing)
            quotes.append(quote)
            previous = quote
        for index, sent in enumerate(sents):
            for token in verbs_of(sent):
                if not self._is_reporting(token):
                    continue
                clause = self._clause(token)
                if clause is None or self._has_inner_report(clause, token):
                    continue  # "Reuters reported that a source said ...": the inner speaker speaks
                start, end = _clause_chars(clause, token)
                if end <= start or any(s <= start < e or s < end <= e for s, e in covered):
                    continue
                quote = self._quote(
                    article_id,
                    "indirect",
                    doc,
                    para_start,
                    first_sentence + index,
                    start,
                    end,
                    token,
                    all_mentions,
                    None,
                )
                outer = self._outer_report(token, all_mentions)
                trailing = self._trailing_outlet(token, clause, all_mentions)
                if trailing is not None:
                    # "X said that ..., Radio Nacional reported", parsed with the outlet's verb under
                    # X's: X speaks, the outlet passes the words on
                    speaker, words, s_start, s_end, outlet = trailing
                    quote.speaker, quote.speaker_text = speaker, words or None
                    quote.speaker_offsets = (para_start + s_start, para_start + s_end)
                    quote.via, outer = outlet, None
                    quote.verb, quote.verb_offset = token.head.text, para_start + token.head.idx
                if outer is not None and quote.via is None and not _same_party(outer, quote):
                    quote.via = outer
                quotes.append(quote)
                covered.append((start, end))
            quotes.extend(
                self._according_to(
                    article_id, doc, sent, para_start, first_sentence + index, all_mentions, covered
                )
            )
        quotes.sort(key=lambda q: q.start)
        for quote in quotes:
            holder = self._holder(quote, state)
            if holder is not None:
                # "the minister said" after "Italian Minister Stefano Patuanelli": the title's holder
                quote.speaker, quote.speaker_text = holder[0], f"{quote.speaker_text} ({holder[1]})"
            if (
                quote.speaker_text
                and quote.speaker_text.lower() in PRONOUNS
                and state.last_named is not None
            ):
                # "he said": the last named speaker of the article
                quote.speaker = quote.speaker or state.last_named.speaker
                quote.speaker_text = f"{quote.speaker_text} ({state.last_named.speaker_text})"
            elif quote.speaker_text and quote.speaker_text.lower() not in PRONOUNS:
                state.last_named = quote
        state.open_quote = previous if left_open else None
        return quotes

    def _remember_holders(self, doc: Doc, mentions: list[Mention], state: QuoteState) -> None:
        for mention in mentions:
            if (
                not mention.is_actor
                or mention.members
                or mention.rule
                not in ("known-person", "title+name", "title+known-surname", "apposition")
            ):
                continue
            words = [t.lower_ for t in doc[mention.start : mention.end]]
            for word in words:
                if word in self.titles:
                    state.holders[word] = (mention.actor, doc[mention.start : mention.end].text)
            head = doc[mention.head]
            for child in head.children:  # "Anna Franowska, a spokesperson for ..."
                if child.dep_ == "appos" and child.lower_ in self.titles:
                    state.holders[child.lower_] = (
                        mention.actor,
                        doc[mention.start : mention.end].text,
                    )

    def _holder(self, quote: Quote, state: QuoteState) -> tuple[ActorRef, str] | None:
        """A role-word speaker ("the minister", "a spokesperson") that names an earlier title holder."""
        words = (quote.speaker_text or "").lower().split()
        if not words or len(words) > 4 or words[-1] not in self.titles:
            return None
        name = quote.speaker.name if quote.speaker is not None else ""
        if name and not set(name.lower().split()) <= set(words):
            return None  # already a named person, not a role word's own text
        return state.holders.get(words[-1])

    def _has_inner_report(self, clause: Token, verb: Token) -> bool:
        return any(
            t.i != verb.i
            and self._is_reporting(t)
            and self._clause(t) is not None
            and any(c.dep_ in SUBJECT_DEPS for c in t.children)
            for t in clause.subtree
        )

    def _outer_report(self, verb: Token, mentions: list[Mention]) -> dict[str, object] | None:
        """The outlet that passed on a report ("Reuters reported that a source said ..."), as its via."""
        node = verb
        for _ in range(4):
            if node.head.i == node.i or node.dep_ == "conj":
                return None  # "thanked X and said": conjoined verbs are one speaker's, not nested
            node = node.head
            if self._is_reporting(node):
                subject = next((c for c in node.children if c.dep_ in SUBJECT_DEPS), None)
                return (
                    _party(self._actor_of(subject, mentions), subject)
                    if subject is not None
                    else None
                )
        return None

    def _attribution(self, sents: list[Span], index: int, start: int, end: int) -> Token | None:
        """The reporting verb of a direct quote: outside the quote, in its sentence or the next."""
        for sent in sents[index : index + 2]:
            for token in verbs_of(sent):  # a reporting verb is a verb
                if self._is_reporting(token) and not start <= token.idx < end:
                    return token
        if index > 0:
            for token in sents[index - 1]:
                if (
                    self._is_reporting(token)
                    and token.idx > start - 200
                    and not start <= token.idx < end
                ):
                    return token
        return None

    def _clause(self, verb: Token) -> Token | None:
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        # the clause after "said" is what was said; one before it is, unless it is "Q, X said"
        clause = next((c for c in clauses if c.i > verb.i), None) or next(iter(clauses), None)
        if clause is None:
            # "Huawei is ..., Brnabic said": the parser may attach the quoted clause as an adverbial
            clause = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "advcl"
                    and c.i < verb.i
                    and verb.doc[verb.i - 1].dep_ in ("nsubj",)
                    and c.right_edge.i < verb.i - 1
                ),
                None,
            )
        if (
            clause is None
            and verb.dep_ in ("ccomp", "parataxis")
            and verb.head.pos_ in ("VERB", "AUX")
            and verb.head.i < verb.i
            and not self._is_reporting(verb.head)
        ):
            clause = verb.head  # "Q, X said."
        return clause

    def _according_to(
        self,
        article_id: str,
        doc: Doc,
        sent: Span,
        para_start: int,
        sentence_index: int,
        mentions: list[Mention],
        covered: list[tuple[int, int]],
    ) -> list[Quote]:
        """ "According to X, CLAUSE" with no reporting verb: X is the speaker."""
        if "according" not in span_text(sent).lower():
            return []
        if any(self._is_reporting(t) for t in verbs_of(sent)):
            return []
        for token in tokens_of(sent):
            if (
                token.lower_ != "according"
                or token.i + 1 >= sent.end
                or doc[token.i + 1].lower_ != "to"
            ):
                continue
            pobj = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                continue
            phrase = doc[token.i : pobj.right_edge.i + 1]
            before = (sent.start_char, phrase.start_char)
            after = (phrase.end_char, sent.end_char)
            start, end = max([before, after], key=lambda r: r[1] - r[0])
            start, end = _trim(doc_text(doc), start, end)
            if end <= start or any(s <= start < e for s, e in covered):
                return []
            actor, words, s_start, s_end, via = self._according_speaker(pobj, mentions)
            covered.append((start, end))
            return [
                self._make(
                    article_id,
                    "indirect",
                    doc,
                    para_start,
                    sentence_index,
                    start,
                    end,
                    actor,
                    words,
                    s_start,
                    s_end,
                    "according to",
                    via,
                    None,
                )
            ]
        return []

    def _quote(
        self,
        article_id: str,
        kind: str,
        doc: Doc,
        para_start: int,
        sentence_index: int,
        start: int,
        end: int,
        verb: Token | None,
        mentions: list[Mention],
        previous: Quote | None,
    ) -> Quote:
        if verb is None:
            if previous is not None:  # a quote continuing the last speaker's words
                return self._make(
                    article_id,
                    kind,
                    doc,
                    para_start,
                    sentence_index,
                    start,
                    end,
                    previous.speaker,
                    previous.speaker_text or "",
                    -1,
                    -1,
                    previous.verb,
                    previous.via,
                    previous.audience,
                )
            return self._make(
                article_id,
                kind,
                doc,
                para_start,
                sentence_index,
                start,
                end,
                None,
                "",
                -1,
                -1,
                None,
                None,
                None,
            )
        speaker_token = self._speaker_token(verb)
        via, audience = self._channels(verb, mentions)
        cited = self._cited(verb)
        if cited is not None and speaker_token is not None:
            # the outlet passes on what its cited source said
            if via is None:
                via = _party(self._actor_of(speaker_token, mentions), speaker_token)
            speaker_token = cited
        speaker, words, s_start, s_end = self._actor_of(speaker_token, mentions)
        return self._make(
            article_id,
            kind,
            doc,
            para_start,
            sentence_index,
            start,
            end,
            speaker,
            words,
            s_start,
            s_end,
            verb.text,
            via,
            audience,
            verb.idx,
        )

    def _make(
        self,
        article_id: str,
        kind: str,
        doc: Doc,
        para_start: int,
        sentence_index: int,
        start: int,
        end: int,
        speaker: ActorRef | None,
        speaker_text: str,
        s_start: int,
        s_end: int,
        verb: str | None,
        via: dict[str, object] | None,
        audience: dict[str, object] | None,
        verb_at: int = -1,
    ) -> Quote:
        offsets = (para_start + start, para_start + end)
        return Quote(
            quote_id=content_hash(article_id, offsets, kind),
            article_id=article_id,
            sentence_index=sentence_index,
            kind=kind,
            text=doc_text(doc)[start:end],
            start=offsets[0],
            end=offsets[1],
            speaker=speaker,
            speaker_text=speaker_text or None,
            speaker_offsets=(para_start + s_start, para_start + s_end) if s_start >= 0 else None,
            verb=verb,
            verb_offset=para_start + verb_at if verb_at >= 0 else None,
            via=via,
            audience=audience,
            event_ids=[],
        )


def _channel_of(verb: Token) -> Token | None:
    """The document a reporting verb's words come from when it is the verb's subject ("reads the
    court's ruling", "a passage of the ruling reads") or the noun a "which said" describes."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None:
        return None
    if subject.lower_ in ("which", "that") and verb.dep_ == "relcl":
        subject = verb.head
    return _as_channel(subject)


def _as_channel(noun: Token) -> Token | None:
    """The channel noun a phrase is or is part of ("the court's ruling", "a passage of
    the ruling"), or None."""
    if noun.lemma_.lower() in CHANNEL_NOUNS:
        return noun
    return next(
        (
            p
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children
            if p.dep_ == "pobj" and p.lemma_.lower() in CHANNEL_NOUNS
        ),
        None,
    )


def _channel_author(channel: Token) -> Token | None:
    """Who issued a channel noun ("a tweet by X", "the report by Y"), if the phrase says."""
    if channel.lemma_.lower() not in CHANNEL_NOUNS:
        return None
    return next(
        (
            p
            for prep in channel.children
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from")
            for p in prep.children
            if p.dep_ == "pobj"
        ),
        None,
    )


def _same_party(party: dict[str, object], quote: Quote) -> bool:
    """Whether a would-be channel is the quote's own speaker."""
    speaker = quote.speaker
    return speaker is not None and party.get("name") in (speaker.name, speaker.text)


def _party(found: tuple[ActorRef | None, str, int, int], token: Token) -> dict[str, object]:
    actor, words, _, _ = found
    if actor is not None:
        return {"name": actor.name, "code": actor.code, "text": words}
    return {"name": words or token.text, "code": None, "text": words or token.text}


def _clause_chars(clause: Token, verb: Token) -> tuple[int, int]:
    """Character span of a reported clause, without the attribution and the final punctuation."""
    attribution = (
        {t.i for t in verb.subtree} if clause.i != verb.i and verb.head.i == clause.i else set()
    )
    tokens = [t for t in clause.subtree if t.i not in attribution]
    tokens = [t for t in tokens if t.dep_ != "mark" or t.i != clause.left_edge.i]
    if not tokens:
        return 0, 0
    doc = clause.doc
    start = tokens[0].idx
    last = tokens[-1]
    start, end = _trim(doc_text(doc), start, last.idx + len(last.text))
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—-\"“”'‘’"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—-\"“”'‘’"):
        end -= 1
    return start, end


def link_events(quotes: Iterable[Quote], events: Iterable[Event]) -> None:
    """Link each quote to the events coded from the same speech act: events whose word lies in the
    quote, or that its reporting verb produced (accusations, judgements)."""
    events = list(events)
    for quote in quotes:
        for event in events:
            at = event.verb_offsets[0]
            if quote.start <= at < quote.end or (
                quote.verb_offset is not None and at == quote.verb_offset
            ):
                quote.event_ids.append(event.event_id)
