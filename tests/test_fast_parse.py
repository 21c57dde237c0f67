"""Speed-ups of the parse: the memoising attribute ruler and lemmatiser give exactly spaCy's output,
and sentence skipping leaves out only sentences without a trigger and an actor."""

from __future__ import annotations

import os

import pytest

from conftest import EXAMPLES, shared_path
from dyadwatch.extract import extract
from dyadwatch.ingest import read_paths
from dyadwatch.records import RawItem

TRICKY = [
    "There is no agreement yet, and there were 10 soldiers killed in the clashes.",
    "We're gonna sign it, let's go, y'all said, and it ain't over.",
    "Officials   met\ttwice;  the talks\n\nresumed on Friday.",
    "Serbia's president said the ministers had been negotiating for weeks.",
]


def _attributes(docs):
    return [
        [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in d]
        for d in docs
    ]


def _texts(limit_shared: int = 0) -> list[str]:
    texts = list(TRICKY)
    for item in read_paths([EXAMPLES]):
        if isinstance(item, RawItem):
            article = extract(item)
            texts += [article.text[p.start : p.end] for p in article.paragraphs]
    return texts


@pytest.fixture(scope="module")
def pipelines(coder):
    import spacy

    from dyadwatch.nlp import keep_prefixed_words, load_pipeline, resolve_model_name

    reference = spacy.load(resolve_model_name())
    keep_prefixed_words(reference)  # the same tokens ("re-open" whole), spaCy's own components
    fast = load_pipeline()
    assert fast.get_pipe("attribute_ruler")._dyadwatch_memo is not None
    assert fast.get_pipe("lemmatizer")._dyadwatch_memo is not None
    return reference, fast


def test_memoised_components_give_spacys_own_annotation(pipelines):
    reference, fast = pipelines
    texts = _texts()
    for _ in range(2):  # the second pass runs from the memo
        assert _attributes(fast.pipe(texts)) == _attributes(reference.pipe(texts))


@pytest.mark.shared
def test_memoised_components_match_spacy_on_real_news(pipelines):
    import csv

    folder = shared_path("reference", "news", "wikinews-vanatteveldt")
    csv.field_size_limit(10**8)
    texts: list[str] = []
    for path in sorted(folder.glob("*.csv"))[:1]:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in list(csv.DictReader(handle))[:25]:
                texts += [p for p in row["text"].split("\n\n") if p.strip()]
    reference, fast = pipelines
    assert _attributes(fast.pipe(texts)) == _attributes(reference.pipe(texts))


def _fresh(folder):
    """A newly loaded pipeline with memos read from (and saved to) ``folder``."""
    import spacy

    from dyadwatch.fastpipe import memoise
    from dyadwatch.nlp import resolve_model_name

    os.environ["DYADWATCH_CACHE_DIR"] = str(folder)
    nlp = spacy.load(resolve_model_name())
    memoise(nlp)
    return nlp


@pytest.fixture()
def cache_env():
    saved = os.environ.get("DYADWATCH_CACHE_DIR")
    yield
    if saved is not None:
        os.environ["DYADWATCH_CACHE_DIR"] = saved


def _memo(nlp, name):
    return nlp.get_pipe(name)._dyadwatch_memo


def test_memos_saved_by_one_process_start_the_next_warm(pipelines, tmp_path, cache_env):
    from dyadwatch.fastpipe import save_memos

    reference, _ = pipelines
    texts = _texts()
    first = _fresh(tmp_path)
    assert not _memo(first, "attribute_ruler").cache  # nothing on disk yet
    expected = _attributes(reference.pipe(texts))
    assert _attributes(first.pipe(texts)) == expected
    assert save_memos(first, force=True)
    assert not save_memos(first, force=True)  # nothing new since
    files = list(tmp_path.glob("memo-*.npz"))
    assert len(files) == 1

    second = _fresh(tmp_path)
    ruler, lemmatizer = _memo(second, "attribute_ruler"), _memo(second, "lemmatizer")
    assert len(ruler.cache) == len(_memo(first, "attribute_ruler").cache)
    assert len(lemmatizer.cache) == len(_memo(first, "lemmatizer").cache)
    assert _attributes(second.pipe(texts)) == expected
    assert ruler.added == 0 and lemmatizer.added == 0  # every token answered from the file


def test_processes_saving_one_memo_file_merge_what_they_learnt(tmp_path, cache_env, coder):
    from dyadwatch.fastpipe import save_memos

    texts = _texts()
    first, second = _fresh(tmp_path), _fresh(tmp_path)  # both start before either has saved
    list(first.pipe(texts[:4]))
    list(second.pipe(texts[4:]))
    assert save_memos(first, force=True) and save_memos(second, force=True)
    union = set(_memo(first, "lemmatizer").cache) | set(_memo(second, "lemmatizer").cache)
    third = _fresh(tmp_path)
    assert set(_memo(third, "lemmatizer").cache) == union
    assert len(_memo(third, "attribute_ruler").cache) > len(_memo(first, "attribute_ruler").cache)


def test_an_unreadable_memo_file_is_ignored(pipelines, tmp_path, cache_env):
    reference, _ = pipelines
    texts = _texts()[:6]
    nlp = _fresh(tmp_path)
    list(nlp.pipe(texts))
    nlp._dyadwatch_memo_file.save(force=True)
    path = next(tmp_path.glob("memo-*.npz"))
    path.write_bytes(b"not a memo file")
    again = _fresh(tmp_path)
    assert not _memo(again, "attribute_ruler").cache
    assert _attributes(again.pipe(texts)) == _attributes(reference.pipe(texts))


def test_memo_files_can_be_switched_off(tmp_path, cache_env, coder):
    nlp = _fresh("off")
    assert getattr(nlp, "_dyadwatch_memo_file", None) is None
    assert _memo(nlp, "attribute_ruler") is not None  # still memoised within the process


def test_prefilter_keeps_sentences_with_a_trigger_and_an_actor(coder):
    from dyadwatch.prefilter import Prefilter

    prefilter = Prefilter(coder.nlp, coder.coder.patterns, coder.kb)
    text = (
        "The weather was mild all week. "  # no trigger
        "Ghana and Togo signed a trade deal. "  # kept
        "Prices rose sharply in the markets. "  # no trigger
        "They also agreed to meet again. "  # pronoun + trigger: kept
        "Officials said the figures were accurate."  # a reporting verb alone is no trigger
    )
    spans = prefilter.spans(text)
    assert spans is not None
    kept = [text[a:b] for a, b in spans]
    assert kept == ["Ghana and Togo signed a trade deal.", "They also agreed to meet again."]
    assert prefilter.spans("Ghana and Togo signed a trade deal.") is None  # all kept: whole
    # a framing verb whose object names the event, a bare pattern of a framing verb, an obligation,
    # and a doubled consonant
    for sentence in (
        "Mali declared a ceasefire on Monday.",
        "Iran threatened Israel.",
        "Peru said Chile must do more.",
        "Niger expelled the French ambassador.",
    ):
        assert prefilter.keep(next(prefilter.sentencizer(coder.nlp.tokenizer(sentence)).sents))


def test_inflections_double_a_final_consonant():
    from dyadwatch.patterns import inflections

    assert {"expelled", "expelling", "cancelled", "stopped"} <= (
        inflections("expel") | inflections("cancel") | inflections("stop")
    )
    assert {"visits", "visited", "visiting"} <= inflections("visit")
    assert {"occupies", "occupied"} <= inflections("occupy")


def test_skipping_codes_the_same_events_on_the_examples(coder):
    from dyadwatch.api import get_coder

    articles = [extract(i) for i in read_paths([EXAMPLES]) if isinstance(i, RawItem)]
    skipping = get_coder(skip_sentences=True)
    plain = {
        (e.article_id, e.source.code, e.cameo, e.target.code if e.target else None)
        for c in coder.code_articles(articles)
        for e in c.events
    }
    skipped = {
        (e.article_id, e.source.code, e.cameo, e.target.code if e.target else None)
        for c in skipping.code_articles(articles)
        for e in c.events
    }
    assert skipping.prefilter is not None and skipping.prefilter.stats.kept < (
        skipping.prefilter.stats.sentences
    )
    lost = plain - skipped
    assert len(lost) <= len(plain) * 0.05, sorted(lost)


def test_eval_can_score_with_skipping(coder):
    from typer.testing import CliRunner

    from dyadwatch.api import DEFAULTS
    from dyadwatch.cli import app

    gold = shared_path("gold", "seed-globaltimes-2020-09-18.json")
    try:
        result = CliRunner().invoke(app, ["eval", str(gold), "--skip-sentences", "-f", "json"])
    finally:
        DEFAULTS["skip_sentences"] = False
    assert result.exit_code == 0, result.output
    assert '"recall": 1.0' in result.stdout


def test_sentence_tokens_are_made_once_per_paragraph_doc(blank_nlp):
    from dyadwatch.nlp import tokens_of

    first = blank_nlp("Ministers of Ruritania met envoys of Freedonia on Monday.")
    second = blank_nlp("Envoys left.")
    span = first[2:5]
    tokens = tokens_of(span)
    assert [t.text for t in tokens] == ["Ruritania", "met", "envoys"]
    assert [t.i for t in tokens] == [2, 3, 4]
    # a second pass over the same doc reads the same Token objects, not new ones
    assert all(a is b for a, b in zip(tokens, tokens_of(first[2:5]), strict=True))
    # another doc gets its own tokens, and the first doc's are right again when it comes back
    assert [t.text for t in tokens_of(second[0:3])] == ["Envoys", "left", "."]
    assert [t.text for t in tokens_of(first[0:2])] == ["Ministers", "of"]
    assert tokens_of(first[0:2])[0].doc is first


def test_phrase_roots_and_texts_read_the_right_doc(blank_nlp):
    from spacy.tokens import Doc

    from dyadwatch.actors import _span_head
    from dyadwatch.nlp import slice_text

    words = ["Envoys", "of", "Freedonia", "met", "ministers", "."]
    first = Doc(
        blank_nlp.vocab,
        words=words,
        heads=[3, 0, 1, 3, 3, 3],
        deps=["nsubj", "prep", "pobj", "ROOT", "dobj", "punct"],
    )
    second = Doc(blank_nlp.vocab, words=["Envoys", "left"], heads=[1, 1], deps=["nsubj", "ROOT"])
    assert _span_head(second, 0, 2) == 1
    # back to the first doc (its own tokens, not the last doc's): the root of a phrase is the word
    # whose head lies outside it
    assert _span_head(first, 0, 3) == 0
    assert _span_head(first, 1, 3) == 1
    assert _span_head(first, 3, 5) == 3  # "met ministers": the verb heads itself
    assert slice_text(first, 0, 3) == first[0:3].text == "Envoys of Freedonia"


def test_verbs_of_a_sentence_come_from_its_own_doc(blank_nlp):
    from spacy.tokens import Doc

    from dyadwatch.nlp import verbs_of

    doc = Doc(
        blank_nlp.vocab,
        words=["Envoys", "met", ".", "Ministers", "have", "left", "."],
        pos=["NOUN", "VERB", "PUNCT", "NOUN", "AUX", "VERB", "PUNCT"],
        sent_starts=[True, False, False, True, False, False, False],
    )
    other = Doc(blank_nlp.vocab, words=["Talks", "resumed"], pos=["NOUN", "VERB"])
    first, second = list(doc.sents)
    assert [t.text for t in verbs_of(first)] == ["met"]
    assert [t.text for t in verbs_of(second)] == ["have", "left"]
    assert [t.text for t in verbs_of(other[0:2])] == ["resumed"]
    assert [t.i for t in verbs_of(doc[0:7])] == [1, 4, 5]
