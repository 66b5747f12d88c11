"""«Hvor mye mindre fikk de enn de søkte om?»: the two catalogue amounts a question sets against
each other, each cited, and what lies between them — in a project list and after a fact answer
(questions written here)."""

from __future__ import annotations

import pytest

from bot import lists
from bot.core.understand.amounts import difference_asked
from bot.engine import Core


def _plain(text: str) -> str:
    return text.replace("\xa0", " ")  # amounts are written with no-break spaces


@pytest.mark.parametrize(("text", "kinds"), [
    ("Hvor mye mindre fikk Barnets stemme enn de søkte om?", ("søkt", "tildelt")),
    ("Hva var forskjellen mellom budsjett og forbruk i Haugesund?", ("budsjett", "forbruk")),
    ("How much less did Rana and Hemnes spend than their budget?", ("budsjett", "forbruk")),
    ("Kor stor var skilnaden mellom søkt og innvilga beløp?", ("søkt", "tildelt")),
    ("Hvor mye fikk Haugesund i stimuleringsmidler?", None),  # no difference asked
    ("Hva er forskjellen på en utlysning og en retningslinje?", None),  # no two amounts
])  # fmt: skip
def test_which_two_amounts_a_difference_sets_apart(text, kinds) -> None:  # type: ignore[no-untyped-def]
    assert difference_asked(text) == kinds


def test_a_named_projects_gap_is_computed_from_its_cited_amounts(sample_context) -> None:  # type: ignore[no-untyped-def]
    core = Core(sample_context)
    text = "Hvor stor var forskjellen mellom budsjett og forbruk i Sammen for fosterhjemmet?"
    gap = lists.difference(core.understand(text), sample_context)
    assert gap is not None and gap.citations
    assert _plain(gap.answer).startswith("«Sammen for fosterhjemmet»: budsjett 1 240 000 kr − brukt "
                                 "1 226 500 kr = 13 500 kr.")
    assert "13 500 kr" in _plain(core.answer(text).answer)


def test_a_project_list_asked_for_a_gap_gets_it_under_its_row(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = Core(sample_context).answer("How much less did Rana and Hemnes spend than their "
                                         "budget?")
    assert not answer.refused and answer.language == "en"
    assert "«Trygge foreldre»: budget 890 000 kr − spent 872 300 kr = 17 700 kr." in _plain(answer.answer)


def test_no_gap_without_both_amounts_or_one_project(sample_context) -> None:  # type: ignore[no-untyped-def]
    core = Core(sample_context)
    assert lists.difference(core.understand("Hvor mye fikk Haugesund?"), sample_context) is None
    many = core.understand("Hva var forskjellen mellom søkt og tildelt for prosjektene?")
    assert lists.difference(many, sample_context) is None  # no single project named


def test_a_title_is_found_only_as_words_of_the_question(sample_context) -> None:  # type: ignore[no-untyped-def]
    """«vise meg» holds the letters of a project called «Se meg», not its name."""
    core = Core(sample_context)
    named = core.understand("Hvor stor var forskjellen mellom budsjett og forbruk i Sammen for "
                            "fosterhjemmet?")
    assert named.project_named is None and lists.difference(named, sample_context) is not None
    inside = core.understand("Kan du vise meg forskjellen mellom budsjett og forbruk i "
                             "Sammen for fosterhjemmetprosjektene?")
    assert lists.difference(inside, sample_context) is None
