"""A memoising stand-in for spaCy's attribute ruler: the same output, a dictionary look-up per token.

spaCy's ``attribute_ruler`` maps fine-grained tags to coarse POS, morphology and some lemmas by running a
``Matcher`` over every token. In the English pipelines almost all of its patterns look at one token
only, and a one-token pattern's verdict depends on nothing but that token's own attributes. So the
attributes the ruler leaves on a token are a function of what the token carries when it arrives:
``(ORTH, TAG, DEP, POS, MORPH, LEMMA, IS_SPACE…)`` — all fixed by its text and the components before.

:class:`MemoAttributeRuler` runs the real ruler on a one-token document the first time it meets a key,
remembers the result, and from then on writes the remembered attributes directly. A
document in which one of the few multi-token patterns matches ("gon na", "there is") goes through
the real ruler, since there a token's result depends on its neighbour. If a one-token pattern tests
anything outside the key, nothing is memoised.

:class:`MemoLemmatizer` does the same for the rule lemmatiser, whose own cache misses the most
common case (base forms are recomputed for every token): a token's lemma follows from its text, POS,
morphology and any lemma already set.

On the small English pipeline this turns the ruler from about as costly as the parser into a few
per cent of it, with token attributes identical to the ruler's (checked on the Wikinews articles by
the test suite when ``../shared`` is present).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

Value = tuple[int, int, int, int, int]
#: Token attributes a one-token pattern may test for its verdict to follow from the memo key: the
#: text (and everything derived from it) and the annotation already on the token.
TOKEN_KEYS = frozenset(
    [
        "ORTH",
        "TEXT",
        "LOWER",
        "NORM",
        "SHAPE",
        "PREFIX",
        "SUFFIX",
        "LENGTH",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_STOP",
        "IS_LEFT_PUNCT",
        "IS_RIGHT_PUNCT",
        "IS_BRACKET",
        "IS_QUOTE",
        "IS_CURRENCY",
        "LIKE_NUM",
        "LIKE_URL",
        "LIKE_EMAIL",
        "TAG",
        "DEP",
        "POS",
        "MORPH",
        "LEMMA",
    ]
)


def _value(token: Any) -> Value:
    return (token.tag, token.pos, token.morph.key, token.lemma, token.dep)


class MemoAttributeRuler:
    """Wraps an ``attribute_ruler`` component (see the module docstring)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.matcher import Matcher

        self.ruler = ruler
        self.cache: dict[tuple[int, ...], Value] = {}
        self.multi = Matcher(ruler.vocab, validate=False)
        self.enabled = True
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                if len(pattern) > 1:
                    self.multi.add(f"multi-{number}", [pattern])
                elif not set(pattern[0]) <= TOKEN_KEYS:
                    self.enabled = False  # a one-token pattern that looks beyond the key

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled or not len(doc) or self.multi(doc, allow_missing=True):
            return self.ruler(doc)
        import numpy
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

        cache = self.cache
        rows = doc.to_array([ORTH, TAG, DEP, POS, MORPH, LEMMA]).tolist()
        values = []
        for i, row in enumerate(rows):
            key = tuple(row)
            value = cache.get(key)
            if value is None:
                value = cache[key] = self._rule(doc[i])
            values.append(value)
        table = numpy.array(values, dtype="uint64")
        heads = doc.to_array([HEAD]).reshape(-1, 1)
        array: Any = numpy.hstack([table, heads])
        doc.from_array([TAG, POS, MORPH, LEMMA, DEP, HEAD], array)
        return doc

    def _rule(self, token: Any) -> Value:
        """What the ruler does to this token alone (its one-token patterns see nothing else)."""
        from spacy.tokens import Doc

        alone = Doc(token.doc.vocab, words=[token.text], spaces=[False])
        single: Any = alone[0]
        single.tag, single.pos, single.lemma = token.tag, token.pos, token.lemma
        single.set_morph(token.morph.key)
        single.dep = token.dep
        return _value(self.ruler(alone)[0])

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


class MemoLemmatizer:
    """Wraps a rule ``lemmatizer`` component (see the module docstring)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, ...], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        cache, lemmatizer = self.cache, self.lemmatizer
        strings = doc.vocab.strings
        lemmas = []
        for i, row in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            key = tuple(row)
            lemma = cache.get(key)
            if lemma is None:
                lemma = row[3]
                if lemmatizer.overwrite or lemma == 0:
                    lemma = strings.add(lemmatizer.lemmatize(doc[i])[0])
                cache[key] = lemma
            lemmas.append(lemma)
        column: Any = numpy.array(lemmas, dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], column)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def memoise(nlp: Language) -> list[str]:
    """Make ``nlp.pipe`` use the memoising stand-ins of its attribute ruler and rule lemmatiser;
    return the components it did this for.

    The components stay in place (``nlp(text)`` still calls them directly); their ``pipe`` method,
    which ``nlp.pipe`` uses, is replaced on the instance.
    """
    done = []
    for name, make in (("attribute_ruler", MemoAttributeRuler), ("lemmatizer", MemoLemmatizer)):
        if name not in nlp.pipe_names:
            continue
        component: Any = nlp.get_pipe(name)
        if getattr(component, "_dyadwatch_memo", None) is not None:
            done.append(name)
            continue
        if name == "lemmatizer" and getattr(component, "mode", "") != "rule":
            continue
        memo = make(component)
        if not getattr(memo, "enabled", True):
            continue
        component._dyadwatch_memo = memo
        component.pipe = memo.pipe
        done.append(name)
    return done
