"""What a list question is about (`topic`): a theme we know, one said in other or misspelt words,
and an unknown one kept for «Mente du …?»."""

from __future__ import annotations

import pytest

from bot.core.question import Intent
from bot.core.understand import understand


def test_typos_are_read_as_corpus_words_and_the_reading_is_kept(kit):
    q = understand("hvilke komuner har hat prosjekter om fosterhejm?", [], kit)
    assert "fosterhjem" in q.standalone and "kommuner" in q.standalone
    assert ("fosterhejm", "fosterhjem") in [(c.written, c.read) for c in q.corrections]
    assert q.themes and q.intent == Intent.PROJECTS
    assert not understand("Hva vedtok styringsgruppen?", [], kit).corrections  # a real word


@pytest.mark.parametrize(("text", "word"), [
    ("Hvilke prosjekter om rusomsorg finnes?", "rusomsorg"),
    ("Kva rusprosjekt har vi hatt?", "rus"),
    ("Which projects were about parenting?", "parenting"),
    ("Hvilke kommuner har hatt prosjekter om fosterhjem?", None),  # a theme we know
    ("Hvilke utviklingsprosjekter har Vestland hatt?", None),  # every project develops
    ("Hvilke prosjekter har Kvam hatt?", None),
])  # fmt: skip
def test_an_unknown_theme_word_is_kept_for_mente_du(kit, text, word):
    assert understand(text, [], kit).unknown_theme == word


@pytest.mark.parametrize(("text", "theme", "phrase"), [
    ("Har noen kommuner hatt prosjekt om veiledning og støtte til foreldre?", "foreldrestøtte",
     "veiledning og støtte til foreldre"),
    ("Hvilke prosjekter handler om plan for rekruttering?", "rekruttering-stabilitet",
     "plan for rekruttering"),
])  # fmt: skip
def test_a_theme_said_in_separate_words_is_read_as_the_theme_and_shown(kit, text, theme, phrase):
    q = understand(text, [], kit)
    assert q.themes == {theme} and q.unknown_theme is None
    assert [(c.written, c.read) for c in q.corrections][-1][0] == phrase


def test_separate_words_no_theme_compounds_stay_unknown(kit):
    q = understand("Hvilke prosjekter handler om samiske barn og familier?", [], kit)
    assert q.unknown_theme == "samiske barn" and not q.themes


def test_substance_abuse_is_its_own_theme_not_violence(kit):
    q = understand("Which municipalities ran projects for children of parents with substance "
                   "abuse problems?", [], kit)
    assert q.themes == frozenset({"rus"})
    assert understand("Which projects were about violence and abuse?", [], kit).themes == \
        frozenset({"vold-overgrep"})
    asked = understand("Har noen av prosjektene jobbet med barn som vokser opp med foreldre som "
                       "ruser seg?", [], kit)
    assert asked.intent == Intent.PROJECTS and asked.themes == frozenset({"rus"})
    english = understand("Have any of the projects dealt with aftercare?", [], kit)
    assert english.intent == Intent.PROJECTS and english.themes == frozenset({"ettervern"})
