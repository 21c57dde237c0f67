"""The actor mention: the unit the resolver (:mod:`dyadwatch.actors`) finds in a sentence and the
ownership, reference, event and quote stages read and rewrite.

It lives in a module of its own so that the stages :mod:`dyadwatch.actors` itself calls
(:mod:`dyadwatch.ownership`, :mod:`dyadwatch.references`) can build mentions without importing the
resolver.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .records import ActorRef

#: Resolver rules that name a person (see :mod:`dyadwatch.actors`).
PERSON_RULES = frozenset(
    {
        "known-person",
        "known-surname",
        "title+known-surname",
        "title+name",
        "apposition",
        "ner+nationality",
    }
)


@dataclass
class Mention:
    """An actor mention: token span (paragraph-doc indices), resolved actor and the rule that fired.

    ``members`` holds the actors of a group mention ("the two countries"); events code each member.
    """

    start: int
    end: int
    actor: ActorRef
    rule: str
    head: int = -1
    members: tuple[ActorRef, ...] = ()

    @property
    def is_actor(self) -> bool:
        """False for a mere modifier ("the *Washington* agreement"), which is kept only so that events
        can read the owner of an object from it."""
        return self.rule != "modifier"

    def split(self) -> list[Mention]:
        """One mention per member for a group mention, else the mention itself."""
        if not self.members:
            return [self]
        return [replace(self, actor=member, members=()) for member in self.members]
