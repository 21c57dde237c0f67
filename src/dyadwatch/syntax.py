"""Small helpers over dependency trees, shared by the stages that read parses."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Longest head chain followed before giving up (parses are trees, but be safe on odd input).
MAX_HOPS = 50


def children(token: Token, deps: set[str]) -> list[Token]:
    """Children of ``token`` attached by one of ``deps``."""
    return [child for child in token.children if child.dep_ in deps]


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """``tokens`` followed by their conjuncts ("Vucic and Brnabic"), without repeats."""
    out: list[Token] = []
    for token in tokens:
        for item in (token, *token.conjuncts):
            if item not in out:
                out.append(item)
    return out


def with_coordinates(tokens: list[Token]) -> list[Token]:
    """Conjuncts plus list members the parser took for appositions: in "The US, Russia, and
    Switzerland met" the model attaches "Russia" to "US" as an apposition of the same entity type."""
    out = with_conjuncts(tokens)
    for token in list(out):
        for child in token.children:
            if (
                child.dep_ == "appos"
                and child.ent_type_
                and child.ent_type_ == token.ent_type_
                and child.ent_type_ in ("GPE", "NORP", "ORG")
            ):
                for item in with_conjuncts([child]):
                    if item not in out:
                        out.append(item)
    return out


def head_path(token: Token, ancestor: Token) -> list[Token] | None:
    """Tokens strictly between ``token`` and ``ancestor`` on the head chain, or None if not an ancestor."""
    path: list[Token] = []
    node = token
    for _ in range(MAX_HOPS):
        if node.i == ancestor.i:
            return path[1:] if path else []
        if node.head.i == node.i:
            return None
        path.append(node)
        node = node.head
    return None


def distance(token: Token, ancestor: Token) -> int:
    """Number of head steps from ``token`` up to ``ancestor`` (large when not an ancestor)."""
    path = head_path(token, ancestor)
    return MAX_HOPS if path is None else len(path) + (0 if token.i == ancestor.i else 1)


def governed_directly(token: Token, predicate: Token, also: tuple[Token, ...] = ()) -> bool:
    """Whether ``token`` belongs to ``predicate``'s own clause.

    True when ``predicate`` (or one of ``also``) is an ancestor of ``token`` and no other verb lies
    between them: "signed in Washington" hanging on "agreement" is the signing's place, not the place of
    the clause the agreement is mentioned in.
    """
    for top in (predicate, *also):
        path = head_path(token, top)
        if path is None:
            continue
        allowed = {predicate.i, *(t.i for t in also)}
        if not any(step.pos_ in ("VERB", "AUX") and step.i not in allowed for step in path):
            return True
    return False
