"""Who is asking, read from a Teams activity: the groups whose documents an answer may use.

- In a team's channel every member reads the answer, so the team decides: its id
  (`channelData.team.id`) and its Entra ID group (`channelData.team.aadGroupId`), with the
  networks the group map ties to them. The asker's own groups do not count there.
- In a 1:1 chat, the asker's groups from the group map (LAERINGSBOT_GROUP_MAP).
- In a group chat, public documents only: everyone in the chat reads the answer, and the bot
  does not know them all.
"""

from __future__ import annotations

from botbuilder.schema import Activity

from indexer.access import PUBLIC_VIEWER, GroupDirectory, Viewer


def user_of(activity: Activity) -> str | None:
    """The asker's Entra object id (what links are bound to), else their Teams id."""
    sender = activity.from_property
    if sender is None:
        return None
    return sender.aad_object_id or sender.id or None


def viewer_for(activity: Activity, directory: GroupDirectory | None) -> Viewer:
    user = user_of(activity)
    kind = activity.conversation.conversation_type if activity.conversation else None
    if kind == "channel":
        team = (activity.channel_data or {}).get("team") or {}
        ids = [v for v in (team.get("id"), team.get("aadGroupId")) if isinstance(v, str) and v]
        if directory is None:
            return Viewer(frozenset(ids), user)
        return directory.viewer(ids, user)
    if kind == "personal" and directory is not None:
        return directory.user(user)
    return Viewer(PUBLIC_VIEWER.groups, user)
