"""Plain payload dicts -> botbuilder Activities, keeping every entity field.

botbuilder's `Entity` model drops unknown fields when it serialises ("@type", "citation",
"streamType" ...), so entities travel as `JsonEntity`, which sends all of them.
"""

from __future__ import annotations

from typing import Any

from botbuilder.schema import Activity, Entity


class JsonEntity(Entity):
    _attribute_map = {
        "type": {"key": "type", "type": "str"},
        "additional_properties": {"key": "", "type": "{object}"},
    }

    def __init__(self, data: dict[str, Any]) -> None:
        super().__init__(type=str(data["type"]))  # every Bot Framework entity has one
        self.additional_properties = {k: v for k, v in data.items() if k != "type"}


def to_activity(payload: dict[str, Any]) -> Activity:
    body = dict(payload)
    entities = body.pop("entities", None) or []
    activity = Activity().deserialize(body)
    activity.entities = [JsonEntity(e) for e in entities] or None
    return activity
