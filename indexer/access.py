"""Who may see what, in one place: a document's access list and the viewer who asks.

A document is `public` (everyone), or visible to the groups its access list names – Teams team
ids as `channelData.team.id` carries them, Entra ID group ids, or network names such as
`nettverk:lister` that the group map ties to those – or to nobody at all (an empty list: a
document marked «KONFIDENSIELT» with no list of its own). A viewer is the set of groups whose
documents a question may draw on. The check is the same everywhere: `viewer.may_see(access)`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

PUBLIC = "public"
NOBODY: tuple[str, ...] = ()  # restricted, and no group named: visible to no viewer


@dataclass(frozen=True)
class Viewer:
    """The groups a question is asked on behalf of; `user` is the asker's aadObjectId (links
    are bound to it). `everything` is for the operator's own tools, never for a chat."""

    groups: frozenset[str] = frozenset()
    user: str | None = None
    everything: bool = False

    def may_see(self, access: Sequence[str]) -> bool:
        return self.everything or PUBLIC in access or not self.groups.isdisjoint(access)

    @property
    def key(self) -> str:
        """Stable text naming what this viewer sees (a cache key)."""
        return "*" if self.everything else "|".join(sorted(self.groups))


PUBLIC_VIEWER = Viewer()
OPERATOR = Viewer(everything=True)


def viewer_of(groups: Iterable[str], networks: Mapping[str, Sequence[str]] | None = None,
              user: str | None = None) -> Viewer:  # fmt: skip
    """A viewer of these groups, with every network whose groups they share added by name."""
    own = {g.strip() for g in groups if g and g.strip() and g.strip() != PUBLIC}
    named = {name for name, members in (networks or {}).items() if own.intersection(members)}
    return Viewer(frozenset(own | named), user)


def parse_access(raw: object) -> tuple[str, ...] | None:
    """An access list as front matter or `.access.yaml` writes it: a list, a JSON/YAML flow list
    (`["19:…@thread.tacv2", "nettverk:lister"]`) or comma-separated words. None when absent."""
    if raw is None:
        return None
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            return None
        if text.startswith("["):
            try:
                raw = json.loads(text)
            except ValueError:
                raw = [part.strip().strip("'\"") for part in text[1:].rstrip("]").split(",")]
        else:
            raw = text.split(",")
    if not isinstance(raw, list | tuple):
        raw = [raw]
    items = [str(item).strip().strip("'\"") for item in raw]  # type: ignore[union-attr]
    return tuple(sorted({item for item in items if item}))


def encode(access: Sequence[str]) -> str:
    """Flat text for Chroma metadata (no lists there): `|public|`, `|g1|g2|`, or `||`."""
    return "|" + "|".join(sorted(access)) + "|"
