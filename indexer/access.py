"""Who may see what, in one place: a document's access list and the viewer who asks.

A document is `public` (everyone), or visible to the groups its access list names – Teams team
ids as `channelData.team.id` carries them, Entra ID group ids, or network names such as
`nettverk:lister` that the group map ties to those – or to nobody at all (an empty list: a
document marked «KONFIDENSIELT» with no list of its own). A viewer is the set of groups whose
documents a question may draw on. The check is the same everywhere: `viewer.may_see(access)`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from indexer.errors import ConfigError

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


PUBLIC_VIEWER = Viewer()
OPERATOR = Viewer(everything=True)


def viewer_of(groups: Iterable[str], networks: Mapping[str, Sequence[str]] | None = None,
              user: str | None = None) -> Viewer:  # fmt: skip
    """A viewer of these groups, with every network whose groups they share added by name."""
    own = {g.strip() for g in groups if g and g.strip() and g.strip() != PUBLIC}
    named = {name for name, members in (networks or {}).items() if own.intersection(members)}
    return Viewer(frozenset(own | named), user)


def id_hash(value: str) -> str:
    """A stable, short hash of an id or group: links and cookies carry it instead of the id."""
    return hashlib.sha256(value.encode()).hexdigest()[:32]


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
    values: list[object] = list(raw) if isinstance(raw, list | tuple) else [raw]
    items = [str(item).strip().strip("'\"") for item in values]
    return tuple(sorted({item for item in items if item}))


def encode(access: Sequence[str]) -> str:
    """Flat text for Chroma metadata (no lists there): `|public|`, `|g1|g2|`, or `||`."""
    return "|" + "|".join(sorted(access)) + "|"


class GroupMap(BaseModel):
    """The configured map (LAERINGSBOT_GROUP_MAP): whose groups count in a 1:1 chat, and which
    team or Entra groups make up a network that access lists name."""

    users: dict[str, list[str]] = {}  # aadObjectId → groups (ids or network names)
    networks: dict[str, list[str]] = {}  # «nettverk:lister» → team ids and Entra group ids


def read_group_map(source: str) -> GroupMap:
    """Inline JSON, or the path of a JSON or YAML file; ConfigError names the setting."""
    text = source.strip()
    if not text:
        return GroupMap()
    import yaml

    try:
        if not text.startswith("{"):
            text = Path(text).read_text(encoding="utf-8")
        return GroupMap.model_validate(yaml.safe_load(text) or {})
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(
            f"Gruppekartet (LAERINGSBOT_GROUP_MAP) kan ikke leses: {type(exc).__name__}. Det skal "
            'være {"users": {"<aadObjectId>": ["<gruppe>"]}, "networks": {"nettverk:navn": '
            '["<team- eller gruppe-id>"]}}') from exc


class GroupDirectory:
    """The group map, read again at most every `ttl_s` seconds, so an edit applies to the next
    questions without a restart; a map broken meanwhile keeps the last good one."""

    def __init__(self, source: str, ttl_s: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self._source, self._ttl, self._clock = source, ttl_s, clock
        self._map = read_group_map(source)  # a broken map stops the start
        self._read_at = clock()

    def current(self) -> GroupMap:
        if self._clock() - self._read_at >= self._ttl:
            self._read_at = self._clock()
            with contextlib.suppress(ConfigError):
                self._map = read_group_map(self._source)
        return self._map

    def viewer(self, groups: Iterable[str], user: str | None = None) -> Viewer:
        """A viewer of these groups (a team's ids, `--as-group`), networks added by name."""
        return viewer_of(groups, self.current().networks, user)

    def holder(self, hashed: str) -> Viewer:
        """The mapped user whose id has this hash (a link's opener), else public only."""
        users = self.current().users
        found = next((u for u in users if id_hash(u) == hashed), None)
        return self.user(found) if found else PUBLIC_VIEWER

    def user(self, user: str | None) -> Viewer:
        """A user in a chat of their own: the groups the map gives them (none: public only)."""
        mapped = self.current().users.get(user or "", []) if user else []
        return viewer_of(mapped, self.current().networks, user)
