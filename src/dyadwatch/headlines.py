"""Headlines in title case: common words lowered before the parse, names kept.

The small English model reads a headline written in title case ("Serbia, China Sign Free Trade
Agreement") as one long proper name: no verb, no subject, no event. Lowering the common words of such a
paragraph ("Serbia, China sign free trade agreement") gives it back its syntax. A word is lowered when it
is an English word the pipeline's lemmatiser lists (in any inflection) and the knowledge base does not
match it as part of a name ("Bush", "World Bank" and "Kosovo" stay). The repaired text has the same
length as the original, so every offset still points into the original text, which is what the events
and the store keep.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .actors import NAME_PARTICLES
from .nlp import relaid

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .actors import ActorResolver

#: Longest paragraph checked for title case (a headline or a caption line, not body text).
MAX_TITLE_CHARS = 300
#: Shortest word counted when deciding whether a paragraph is in title case ("of", "to" are not).
MIN_COUNTED_CHARS = 4
#: Common words of that length needed, and the share of them capitalised, for a paragraph in title
#: case; a quick look at all its words (names included) first needs half of them capitalised.
MIN_COUNTED_WORDS = 2
MIN_TITLE_SHARE = 0.9
MIN_CAPITALISED_SHARE = 0.5
_WORD = re.compile(r"[A-Za-z]+")
#: A paragraph's first sentence, up to a full stop before a capital.
_LEAD_SENTENCE = re.compile(r"(.+?[.!?])\s+(?=[A-Z\"“])", re.DOTALL)
#: Words a title-cased headline still writes in lower case: short function words and the particles
#: of names ("bin", "de"), a relative pronoun ("Attack that Killed"). Any other lower-case word
#: ("met", "won") says the text is in sentence case.
_FUNCTION_WORDS = "a an the and or but nor of in on at to for by with from into onto over via vs as"
TITLE_CASE_LOWER = NAME_PARTICLES | frozenset(
    f"{_FUNCTION_WORDS} per up off out than amid after that who della der du dos la le y".split()
)


def may_be_title_cased(text: str) -> bool:
    """A quick look: a short paragraph where, after the first word, at least half the words of four
    letters or more are capitalised (names count here, so body text full of names may pass)."""
    if len(text) > MAX_TITLE_CHARS:
        return False
    words = [w for w in _WORD.findall(text)[1:] if len(w) >= MIN_COUNTED_CHARS]
    if len(words) < MIN_COUNTED_WORDS:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() and not w.isupper())
    return capitalised >= MIN_CAPITALISED_SHARE * len(words)


def _base_forms(word: str) -> tuple[str, ...]:
    """The word and the bases its regular inflections may come from ("lifts" → "lift")."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    if word.endswith("ed"):
        forms += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        forms += [word[:-3], word[:-3] + "e"]
    return tuple(forms)


class TitleRepair:
    """Lower the common words of title-cased paragraphs (see the module docstring).

    Does nothing with a pipeline whose lemmatiser has no word index (then no word is known to be
    common).
    """

    def __init__(self, nlp: Language, resolver: ActorResolver) -> None:
        self.make = nlp.make_doc
        self.resolver = resolver
        words: set[str] = set()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                for entries in lookups.get_table("lemma_index").values():
                    words.update(w for w in entries if w.isalpha())
        self.words = frozenset(words)

    def common(self, word: str) -> bool:
        """Whether a lower-case word is an English word (in any regular inflection)."""
        return any(form in self.words for form in _base_forms(word))

    def __call__(self, text: str) -> str:
        """``text`` with the common words lowered if it is in title case, else ``text`` itself: after
        the first word, at least two common words (not names) of four letters or more, nine in
        ten of them capitalised. A sentence that names many people and bodies still writes its verbs
        and common nouns in lower case ("will meet", "summit"), a title-cased headline does not."""
        if not self.words:
            return text
        if len(text) > MAX_TITLE_CHARS:
            # a headline run into the body ("Envoy Condemns Raid that Killed Two. When police
            # ..."): its first sentence alone
            lead = _LEAD_SENTENCE.match(text)
            if lead is None or len(lead.group(1)) > MAX_TITLE_CHARS:
                return text
            head = lead.group(1)
            repaired = self(head)
            return text if repaired == head else repaired + text[len(head) :]
        if not may_be_title_cased(text):
            return text
        doc = self.make(text)
        if any(t.is_alpha and t.is_lower and t.lower_ not in TITLE_CASE_LOWER for t in doc[1:]):
            return text  # "President X met Prime Minister Y": a lower-case verb, sentence case
        names = self.resolver.name_tokens(doc)
        common = [
            t
            for t in doc[1:]
            if t.i not in names
            and t.is_alpha
            and len(t) >= MIN_COUNTED_CHARS
            and not t.is_upper
            and self.common(t.lower_)
        ]
        capitalised = [t for t in common if t.is_title]
        if len(common) < MIN_COUNTED_WORDS or len(capitalised) < MIN_TITLE_SHARE * len(common):
            return text
        chars = list(text)
        for token in doc[1:]:
            if token.i in names or not token.is_alpha or not token.is_title:
                continue
            if self.common(token.lower_):
                chars[token.idx : token.idx + len(token.text)] = token.lower_
        return "".join(chars)


#: Longest paragraph whose verbless parse is retried (a headline, not a paragraph of body text).
MAX_REPARSE_CHARS = 200


#: Forms of the verb tried in a re-parse: the bare form, then past forms.
MAX_REPARSE_TRIES = 3


def _retry_forms(base: str) -> list[str]:
    """The bare form of a verb, then the past forms its regular inflections may take ("lift",
    "lifted"; "ban", "banned", "baned"): the small model reads a past tense headline best."""
    from .patterns import inflections

    past = sorted(
        (f for f in inflections(base) if f != base and not f.endswith(("s", "ing"))),
        key=lambda f: (not f.endswith("ed"), -len(f)),
    )
    return [base, *past]


class VerbRepair:
    """Re-read a headline whose verb the model took for a plural noun.

    "Putin lifts ban on Turkish tomatoes" comes out of the small model with "lifts" as a noun (the
    subject) and "ban" as the verb. In a one-sentence paragraph, when a word ending in -s right after a
    name is the third person of a verb the patterns know, and it is the subject of a bare or present
    verb right after it, the paragraph is parsed again with that word in its bare form ("Putin lift
    ban on ..."), else in a past form ("U.S. lifted visa ban"); so it is when the paragraph has no verb at all ("U.S. lifts visa ban to Cuba"
    as one noun phrase). The new analysis is kept only if it makes that word the main verb and the
    word after it no verb; it is laid over the original words, so the text, the offsets and the word itself stay as
    written. "Iran talks collapsed" (a past verb) is left alone.
    """

    def __init__(self, nlp: Language, verbs: frozenset[str]) -> None:
        self.nlp = nlp
        self.verbs = verbs

    def _candidate(self, doc: Doc) -> tuple[int, str] | None:
        for token in doc[1:]:
            word = token.lower_
            if token.pos_ not in ("NOUN", "PROPN") or not word.endswith("s") or not token.is_alpha:
                continue
            before, verb = doc[token.i - 1], token.head
            if before.pos_ != "PROPN":
                continue  # a name: "Kenyan troops clash" is a noun phrase and its verb
            subject_of_next = (
                token.dep_ == "nsubj"
                and verb.i == token.i + 1
                and verb.pos_ == "VERB"
                and verb.tag_ in ("VB", "VBP")
            )
            # "U.S. lifts visa ban to Cuba" read as one noun phrase, with no verb at all
            in_verbless = not any(t.pos_ in ("VERB", "AUX") for t in doc) and token.dep_ in (
                "compound",
                "nsubj",
                "ROOT",
            )
            if not (subject_of_next or in_verbless):
                continue
            for base in (word[:-1], word[:-2] if word.endswith("es") else ""):
                if base and base in self.verbs:
                    return token.i, base
        return None

    def __call__(self, doc: Doc) -> Doc:
        """``doc`` itself, or a re-analysed copy with the same words (see the class docstring)."""
        from spacy.tokens import Doc as SpacyDoc

        if not len(doc) or doc[-1].idx + len(doc[-1]) > MAX_REPARSE_CHARS:
            return doc
        if len(list(doc.sents)) != 1:
            return doc
        found = self._candidate(doc)
        if found is None:
            return doc
        index, base = found
        words = [t.text for t in doc]
        spaces = [bool(t.whitespace_) for t in doc]
        for form in _retry_forms(base)[:MAX_REPARSE_TRIES]:
            # the form in the word's own case ("Lifts" → "Lift")
            words[index] = form.capitalize() if doc[index].text[0].isupper() else form
            again = self.nlp(SpacyDoc(self.nlp.vocab, words=words, spaces=spaces))
            if (
                len(again) == len(doc)
                and again[index].pos_ == "VERB"
                and again[index].dep_ == "ROOT"
                and not (index + 1 < len(again) and again[index + 1].pos_ == "VERB")
            ):
                break
        else:
            return doc
        return relaid(doc, list(again), [t.head.i for t in again])
