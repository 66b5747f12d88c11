"""pydantic's complaints about a setting, said in Norwegian and naming the setting.

`load_settings` reports every bad setting as «port (LAERINGSBOT_PORT) = «abc»: må være et
heltall»: the field, the variable to fix, the value given (never a secret's) and what it must be.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic_core import ErrorDetails

_SECRET = re.compile(r"password|secret|api_key|token", re.I)
_FIELD_IN_SOURCE = re.compile(r'field "(\w+)"')
_KINDS: dict[str, str] = {
    "int_parsing": "må være et heltall", "int_type": "må være et heltall",
    "int_from_float": "må være et heltall", "float_parsing": "må være et tall",
    "float_type": "må være et tall", "bool_parsing": "må være true eller false",
    "bool_type": "må være true eller false", "missing": "mangler",
    "list_type": 'må være en JSON-liste, for eksempel ["a", "b"]',
    "json_invalid": 'må være en JSON-liste, for eksempel ["a", "b"]',
    "string_type": "må være tekst", "path_type": "må være en filsti",
}
_BOUNDS: dict[str, str] = {
    "greater_than_equal": "må være minst {ge}", "greater_than": "må være større enn {gt}",
    "less_than_equal": "må være høyst {le}", "less_than": "må være mindre enn {lt}",
    "string_too_short": "må ha minst {min_length} tegn",
    "string_too_long": "kan ha høyst {max_length} tegn",
}


def describe(error: ErrorDetails) -> str:
    """One problem: «port (LAERINGSBOT_PORT) = «abc»: må være et heltall»."""
    name = ".".join(str(part) for part in error["loc"])
    what = _what(error)
    if not name:  # a check across settings: its message names them itself
        return what
    value = error.get("input")
    shown = "" if _SECRET.search(name) or value is None or isinstance(value, dict) else (
        f" = «{value}»")
    return f"{name} ({env_name(name)}){shown}: {what}"


def describe_source_error(message: str) -> str:
    """pydantic-settings' «error parsing value for field "allowed_tenants" …»."""
    match = _FIELD_IN_SOURCE.search(message)
    if match is None:
        return "en innstilling kunne ikke leses"
    name = match.group(1)
    return f"{name} ({env_name(name)}): {_KINDS['list_type']}"


def env_name(field: str) -> str:
    return f"LAERINGSBOT_{field.split('.')[0].upper()}"


def _what(error: ErrorDetails) -> str:
    kind = error["type"]
    context: dict[str, Any] = dict(error.get("ctx") or {})
    if kind in _KINDS:
        return _KINDS[kind]
    if kind in _BOUNDS:
        return _BOUNDS[kind].format(**context)
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(context.get("expected", "")))
        return f"må være én av: {', '.join(choices)}" if choices else "har en ugyldig verdi"
    if kind in {"value_error", "assertion_error"}:  # our own validators speak Norwegian
        return str(context.get("error", "har en ugyldig verdi"))
    return "har en ugyldig verdi"
