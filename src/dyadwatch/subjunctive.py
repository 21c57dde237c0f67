"""Verbs in the subjunctive that the model reads as nouns.

After "demand", "insist" or "ask" the verb of a that-clause is bare ("Peru demanded that the Chilean
government resign"). When nothing follows it, the small English model takes it for a noun and the
subject before it for a compound ("government resign" as one noun phrase): the demand then has no
clause, no act and no target. The same clause with the verb in the third person ("... government
resigns") is parsed right. :class:`SubjunctiveRepair` finds such a word, parses its sentence again
with that form, and lays the new analysis over the original words, so the text, the offsets and
the word stay as written (its tag is the bare form's, ``VB``). Other sentences of the paragraph
keep their analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .nlp import relaid

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

#: Words that open a clause whose verb may be a subjunctive.
CLAUSE_MARKS = {"that"}
#: Dependencies of the words before the misread verb that are in fact its subject.
SUBJECT_LIKE = {"compound", "nsubj", "poss", "amod"}
#: Longest sentence re-parsed (a longer one is left as it is).
MAX_SENTENCE_TOKENS = 80


def third_person(base: str) -> str:
    """The third person singular of a regular verb ("resign" → "resigns", "go" → "goes")."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 1 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


class SubjunctiveRepair:
    """Re-read the sentences of a paragraph whose that-clause verb the model took for a noun (see
    the module docstring); ``verbs`` are the lemmas the event patterns know."""

    def __init__(self, nlp: Language, verbs: frozenset[str]) -> None:
        self.nlp = nlp
        self.verbs = verbs

    def _candidate(self, token: Token) -> bool:
        word = token.lower_
        return (
            token.pos_ == "NOUN"
            and token.tag_ == "NN"
            and token.is_alpha
            and word in self.verbs
            and token.lemma_.lower() == word
            and token.dep_ in ("ccomp", "conj")
            and any(c.dep_ == "mark" and c.lower_ in CLAUSE_MARKS for c in token.children)
            and any(c.dep_ in SUBJECT_LIKE and c.i < token.i for c in token.children)
            and not any(
                c.i > token.i and c.dep_ not in ("punct", "cc", "conj") for c in token.children
            )
        )

    def __call__(self, doc: Doc) -> Doc:
        """``doc`` itself, or a copy whose misread sentences carry a new analysis."""
        found = [t for t in doc if self._candidate(t)]
        if not found:
            return doc
        sentences: dict[int, tuple[Span, list[int]]] = {}
        for token in found:
            sent = token.sent
            if len(sent) <= MAX_SENTENCE_TOKENS:
                sentences.setdefault(sent.start, (sent, []))[1].append(token.i)
        from spacy.tokens import Doc as SpacyDoc
        from spacy.tokens import MorphAnalysis

        readings = list(doc)
        heads = [t.head.i for t in doc]
        fixed: list[int] = []
        for sent, indices in sentences.values():
            own = [t.text for t in sent]
            for i in indices:
                own[i - sent.start] = third_person(doc[i].text)
            again = self.nlp(
                SpacyDoc(self.nlp.vocab, words=own, spaces=[bool(t.whitespace_) for t in sent])
            )
            if len(again) != len(sent) or not all(
                again[i - sent.start].pos_ == "VERB" for i in indices
            ):
                continue
            if sum(1 for t in again if t.head.i == t.i) != 1:
                continue  # the sentence must stay one tree, as the paragraph splits it
            readings[sent.start : sent.end] = list(again)
            heads[sent.start : sent.end] = [sent.start + t.head.i for t in again]
            fixed.extend(indices)
        if not fixed:
            return doc
        repaired = relaid(doc, readings, heads, ents=list(doc))
        if [s.start for s in repaired.sents] != [s.start for s in doc.sents]:
            return doc  # the paragraph's sentences stay as they were split
        for i in fixed:
            # the word as written is the bare form: "resign", not the "resigns" parsed
            repaired[i].tag_ = "VB"
            repaired[i].lemma_ = doc[i].lower_
            repaired[i].morph = MorphAnalysis(repaired.vocab, {"VerbForm": "Inf"})
        return repaired
