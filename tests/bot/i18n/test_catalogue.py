"""The message catalogue: complete in three languages, and loud when asked for what it lacks."""

from __future__ import annotations

import re
from string import Formatter

import pytest

from bot.i18n import LANGUAGES, CatalogueError, messages, t
from tests.conftest import REPO

BOT = REPO / "bot"
MESSAGES = messages()


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def test_the_catalogue_holds_every_area() -> None:
    areas = {key.split(".")[0] for key in MESSAGES}
    assert areas == {"core", "lists", "minutes", "drafting", "places", "teams", "uploads"}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_nb_nn_and_en_with_the_same_placeholders(key: str) -> None:
    message = MESSAGES[key]
    assert set(message) == set(LANGUAGES), key
    nb = placeholders(message["nb"])
    assert placeholders(message["nn"]) == nb and placeholders(message["en"]) == nb, key
    # "|" separates table columns and outline headings: each language needs as many
    assert message["nn"].count("|") == message["nb"].count("|") == message["en"].count("|"), key


def _named_keys() -> list[str]:
    """The keys t(…) is called with in bot/, an f-string key up to its first {placeholder}."""
    call = re.compile(r"""\bt\(\s*f?["']([a-z_]+\.[^"'{]*)""")
    return [key for path in BOT.rglob("*.py") if path.parent.name != "i18n"
            for key in call.findall(path.read_text("utf-8"))]


def test_every_key_the_code_names_is_in_the_catalogue() -> None:
    """A typo in a t("area.key", …) call should fail here, not in front of a user."""
    named = _named_keys()
    assert len(named) > 80
    whole = {key for key in named if not key.endswith(".") and not key.endswith("_")}
    prefixes = set(named) - whole
    assert sorted(whole - set(MESSAGES)) == []
    assert [p for p in sorted(prefixes) if not any(k.startswith(p) for k in MESSAGES)] == []


def test_t_fills_the_placeholders_in_the_asked_language() -> None:
    assert t("core.too_long", "nn", length=900, limit=800) == (
        "Spørsmålet er for langt (900 teikn, maks 800). Kort det ned og prøv igjen."
    )
    assert t("lists.none", "en", filters=" on foster care") == (
        "I found no projects on foster care in the knowledge base."
    )


def test_a_missing_key_fails_loudly() -> None:
    with pytest.raises(CatalogueError, match="core.no_such_message"):
        t("core.no_such_message", "nb")
    with pytest.raises(LookupError):  # a group of messages is not a message
        t("drafting.field", "nb")


def test_a_missing_value_fails_loudly() -> None:
    with pytest.raises(CatalogueError, match="limit"):
        t("core.too_long", "nb", length=900)


def test_a_missing_language_fails_loudly() -> None:
    with pytest.raises(CatalogueError):
        t("core.refusal", "de")  # type: ignore[arg-type]
