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
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        tags = [t.tag_ for t in doc]
        pos = [t.pos_ for t in doc]
        morphs = [str(t.morph) for t in doc]
        lemmas = [t.lemma_ for t in doc]
        heads = [t.head.i for t in doc]
        deps = [t.dep_ for t in doc]
        changed = False
        for sent, indices in sentences.values():
            from spacy.tokens import Doc as SpacyDoc

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
            roots = [t for t in again if t.head.i == t.i]
            if len(roots) != 1:
                continue  # the sentence must stay one tree, as the paragraph splits it
            for t in again:
                i = sent.start + t.i
                tags[i], pos[i], morphs[i] = t.tag_, t.pos_, str(t.morph)
                lemmas[i], heads[i], deps[i] = t.lemma_, sent.start + t.head.i, t.dep_
            for i in indices:
                tags[i], morphs[i], lemmas[i] = "VB", "VerbForm=Inf", doc[i].lower_
            changed = True
        if not changed:
            return doc
        from spacy.tokens import Doc as SpacyDoc

        repaired = SpacyDoc(
            self.nlp.vocab,
            words=words,
            spaces=spaces,
            tags=tags,
            pos=pos,
            morphs=morphs,
            lemmas=lemmas,
            heads=heads,
            deps=deps,
            ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc],
        )
        repaired.user_data.update(doc.user_data)
        return repaired
