"""Sentence skipping: leave out of the parse the sentences that cannot yield an event.

A cheap pass before the parser — spaCy's tokenizer and rule-based sentencizer, then set look-ups —
keeps a body sentence only when it has

* a **trigger**: an inflected form of a pattern verb or of a verb of the appeal, refusal, praise and
  disapproval frames of ``verbs.yaml``, or a pattern noun or its plural (reporting and intent verbs —
  "said", "plans to" — only frame another verb and do not count, unless a pattern codes them bare,
  "threatened X", or their object names the event, "announced a ceasefire"), or a word of obligation
  ("must", "should", "needs": a demand or appeal); and
* an **actor candidate**: a capitalised word after the first, a first word that is not a common
  function word, a pronoun, or a role word of the actor dictionaries ("police", "protesters").

Titles and captions are always parsed whole (they are short, and a caption's own date anchors its
weekdays). Consecutive kept sentences of a paragraph are parsed together; a paragraph whose sentences
are all kept is parsed exactly as without skipping.

What it costs: the sentences left out produce no actor mentions, quotes or coreference antecedents,
and a kept sentence parsed without its neighbours may be parsed differently; with skipping,
``sentence_index`` counts parsed sentences only. ``make bench`` reports the speed-up and
``dyadwatch eval --skip-sentences`` the cost on the gold sets; it is off unless ``--skip-sentences``
is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

    from .knowledge import Knowledge
    from .patterns import Patterns

#: Frames whose verbs frame another verb rather than name an event.
FRAMING = ("reporting", "intent")
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"})
#: Sentence-initial words that say nothing about an actor.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "as",
        "of",
        "to",
        "and",
        "but",
        "or",
        "if",
        "when",
        "while",
        "after",
        "before",
        "since",
        "during",
        "under",
        "over",
        "about",
        "into",
        "than",
        "then",
        "there",
        "here",
        "however",
        "also",
        "meanwhile",
        "according",
    ]
)


@dataclass
class SkipStats:
    """Sentences seen and kept by the cheap pass."""

    sentences: int = 0
    kept: int = 0


class Prefilter:
    """Decides which sentences of a paragraph go to the parser (see the module docstring)."""

    def __init__(self, nlp: Language, patterns: Patterns, kb: Knowledge) -> None:
        from spacy.pipeline import Sentencizer

        from .events import OBLIGATION_MODALS
        from .patterns import inflections

        self.tokenizer = nlp.tokenizer
        self.sentencizer = Sentencizer()
        # Verbs that only frame another verb ("said", "will", "plans to") are not triggers by
        # themselves: an event needs the verb they frame.
        framing = {w for name in FRAMING for w in patterns.frame(name)["verbs"]}
        triggers = {form for form, lemmas in patterns.verb_forms.items() if lemmas - framing}
        # ... unless a pattern of their own codes them bare ("threatened Israel") or with an object
        # that names the event ("announced a ceasefire")
        for verb, entries in patterns.by_verb.items():
            if any(not p.objects and not p.particle for p in entries):
                triggers |= inflections(verb)
            if verb in framing:
                for entry in entries:
                    for word in entry.objects:
                        triggers |= {word, word + "s", word + "es"}
        # "X said Y must/should ...": a demand or appeal whatever Y's verb is
        triggers |= set(OBLIGATION_MODALS) | {"need", "needs"}
        for name, frame in patterns.frames.items():
            if name in FRAMING:
                continue
            for words in frame.words.values():
                for word in words:
                    triggers |= inflections(word)
        for noun in list(patterns.by_noun) + list(patterns.noun_heads):
            triggers |= {noun, noun + "s", noun + "es", noun[:-1] + "ies"}
        self.triggers = frozenset(w.lower() for w in triggers if " " not in w)
        self.roles = frozenset(w.lower() for w in kb.agents if " " not in w)
        self.stats = SkipStats()

    def keep(self, sent: Span) -> bool:
        """Whether a sentence may yield an event."""
        if not any(t.lower_ in self.triggers for t in sent):
            return False
        for i, token in enumerate(sent):
            low = token.lower_
            if low in PRONOUNS or low in self.roles:
                return True
            if token.is_alpha and token.text[:1].isupper() and (i or low not in FUNCTION_WORDS):
                return True
        return False

    def spans(self, text: str) -> list[tuple[int, int]] | None:
        """Character spans of ``text`` to parse, or None to parse all of it."""
        doc = self.sentencizer(self.tokenizer(text))
        sents = list(doc.sents)
        keep = [self.keep(s) for s in sents]
        self.stats.sentences += len(sents)
        self.stats.kept += sum(keep)
        if all(keep):
            return None
        spans: list[tuple[int, int]] = []
        run_start: int | None = None
        for sent, kept in zip(sents, keep, strict=True):
            if kept and run_start is None:
                run_start = sent.start_char
            if kept:
                end = sent.end_char
            elif run_start is not None:
                spans.append((run_start, end))
                run_start = None
        if run_start is not None:
            spans.append((run_start, end))
        return spans
