"""The grammatical gender a name or a title gives a person, for "he" and "she".

A pronoun is resolved to the most recent person the article named (:mod:`dyadwatch.coref`). "She
asked for support" after a sentence naming a male president and, before it, a female candidate is the
candidate: a person whose given name (``data/given_names.tsv``) or title ("Mrs", "Queen",
"spokeswoman") says the other gender is passed over. A name the table does not know, or knows for both
genders, passes for either.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .records import ActorRef

#: Pronouns of each gender.
FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MASCULINE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
#: Titles and role words that say the gender of who holds them.
FEMININE_TITLES = frozenset(
    {
        "mrs",
        "ms",
        "miss",
        "madam",
        "madame",
        "mme",
        "lady",
        "dame",
        "queen",
        "princess",
        "duchess",
        "countess",
        "baroness",
        "empress",
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "businesswoman",
        "policewoman",
        "councilwoman",
        "stateswoman",
    }
)
MASCULINE_TITLES = frozenset(
    {
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "duke",
        "baron",
        "emperor",
        "sultan",
        "emir",
        "spokesman",
        "chairman",
        "congressman",
        "businessman",
        "policeman",
        "councilman",
        "statesman",
    }
)


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name (lower case) -> "f" or "m", from the packaged table."""
    table: dict[str, str] = {}
    text = resources.files("dyadwatch.data").joinpath("given_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, gender = line.partition("\t")
        if name == "name" or gender.strip() not in ("f", "m"):
            continue
        table[name.strip().lower()] = gender.strip()
    return table


def gender_of(actor: ActorRef) -> str | None:
    """ "f", "m" or None (unknown) for a person actor: from a title in the words written ("Mrs
    May", "spokeswoman Ana Ruiz"), else from the given name (the first word of the person's name)."""
    written = [w.strip(".,").lower() for w in (actor.text or "").split()]
    for word in written:
        if word in FEMININE_TITLES:
            return "f"
        if word in MASCULINE_TITLES:
            return "m"
    name = (actor.name or "").split()
    if not name:
        return None
    return given_names().get(name[0].lower())


def agrees(pronoun: str, actor: ActorRef) -> bool:
    """Whether ``pronoun`` may stand for ``actor``: false only when the two genders are known and
    differ."""
    word = pronoun.lower()
    if word not in FEMININE_PRONOUNS and word not in MASCULINE_PRONOUNS:
        return True
    gender = gender_of(actor)
    if gender is None:
        return True
    return (gender == "f") == (word in FEMININE_PRONOUNS)
