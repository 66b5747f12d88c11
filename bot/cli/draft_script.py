"""`laeringsbot draft --answers FILE.json`: the answers a script gives the dialog (see draft_cmd)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, TypeAdapter, ValidationError

from indexer.errors import LaeringsbotError


class AnswersFileError(LaeringsbotError):
    """The --answers file cannot be used."""


class _ScriptFile(BaseModel):
    request: str | None = None
    answers: dict[str, str] | list[str] = {}


_SCRIPT_FILE: TypeAdapter[_ScriptFile | list[str]] = TypeAdapter(_ScriptFile | list[str])


class Script:
    """Answers read from a JSON file, handed out by field or in order."""

    def __init__(self, request: str | None, answers: dict[str, str] | list[str]) -> None:
        self.request = request
        self._by_field = dict(answers) if isinstance(answers, dict) else None
        self._queue = list(answers) if isinstance(answers, list) else []

    @classmethod
    def load(cls, path: Path) -> Script:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise AnswersFileError(f"Kan ikke lese svarfilen {path}: {exc.strerror}") from exc
        except ValueError as exc:
            raise AnswersFileError(f"Svarfilen {path} er ikke gyldig JSON: {exc}") from exc
        try:
            parsed = _SCRIPT_FILE.validate_python(data)
        except ValidationError:
            parsed = None
        if isinstance(parsed, _ScriptFile):
            return cls(parsed.request, parsed.answers)
        if parsed:
            return cls(parsed[0], parsed[1:])
        raise AnswersFileError(
            f"Svarfilen {path} må være {{\"request\": tekst, \"answers\": {{felt: tekst}} "
            "eller [tekst, …]}, eller en liste med tekster.")

    def answer(self, field: str | None) -> str:
        """The answer to `field`; "hopp over" for a field the file leaves out, "ferdig" at end."""
        if self._by_field is None:
            return self._queue.pop(0) if self._queue else "ferdig"
        if not self._by_field:
            return "ferdig"
        return self._by_field.pop(field or "", "hopp over")
