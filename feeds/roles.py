"""Each of our people's roles as the Podcasting 2.0 taxonomy names it, in the feed and the notes.

``podcast:person`` takes its ``role`` and ``group`` from the Podcast Taxonomy Project's list
(podcastindex-org/podcast-namespace, ``taxonomy.json``; docs/tags/person.md). The show notes
label each person with the same word, so an app's people list and the notes agree. The taxonomy
has no interviewer: its Host is the one whose "duties may include conducting interviews"
(group Cast), the nearest role, so an interviewer is a host in both places.
"""

from __future__ import annotations

from dataclasses import dataclass

from segments.model import ROLES, Role


@dataclass(frozen=True)
class TaxonomyRole:
    """A ``podcast:person`` role and group (lower case, as the spec's examples write them)."""

    role: str
    group: str

    @property
    def label(self) -> str:
        """The word the show notes print for one person: the role, capitalised ("Host")."""
        return self.role.capitalize()

    @property
    def plural(self) -> str:
        """The word for several people ("Hosts")."""
        return self.label + "s"


#: Our role -> the taxonomy's nearest role and group (see the module's docstring).
PERSON_ROLES: dict[Role, TaxonomyRole] = {
    "host": TaxonomyRole("host", "cast"),
    "interviewer": TaxonomyRole("host", "cast"),
    "reporter": TaxonomyRole("reporter", "cast"),
    "guest": TaxonomyRole("guest", "cast"),
}

#: The published roles in the order the notes list them (our roles' order, each once).
PUBLISHED_ROLES: tuple[TaxonomyRole, ...] = tuple(dict.fromkeys(PERSON_ROLES[r] for r in ROLES))


def published_role(role: Role) -> TaxonomyRole:
    """Return the taxonomy role a person with our ``role`` is published as.

    >>> published_role("interviewer")
    TaxonomyRole(role='host', group='cast')
    """
    return PERSON_ROLES[role]
