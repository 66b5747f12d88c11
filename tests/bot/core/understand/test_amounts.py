"""Sums of money asked (`amounts`): whether a part asks one, which catalogue amounts, a ranking."""

from __future__ import annotations

import pytest

from bot.core.question import Intent, ListAsk
from bot.core.question_values import AmountBound
from bot.core.understand import understand


def test_each_part_knows_whether_it_asks_a_sum_of_money(kit):
    assert understand("Kor mykje søkjer dei om i Kvam?", [], kit).parts[0].money
    assert understand("Hvem leder prosjektet, og hvor mye penger ber de om?", [],
                      kit).parts[1].money  # money by name, whatever it is asked for
    assert not understand("Hvor stor egenandel kreves?", [], kit).parts[0].money  # a share
    # pay by name: a share of placements does not answer it
    assert understand("Hvor mye får vi i arbeidsgodtgjøring?", [], kit).parts[0].money
    assert understand("What is the fee per day?", [], kit).parts[0].money


@pytest.mark.parametrize(("text", "kinds"), [
    ("Hvor mye har fosterhjemsprosjektene søkt om til sammen?", {"søkt"}),
    ("Hvor mye fikk ettervernsprosjektene i stimuleringsmidler?", {"tildelt"}),
    ("Gi en oversikt over budsjett og stimuleringsmidler for prosjektene", {"budsjett", "søkt",
                                                                            "tildelt"}),
    ("How much did the aftercare projects spend?", {"forbruk"}),
    ("Which aftercare projects do we have, and how much did each apply for or actually get?",
     {"søkt", "tildelt"}),
    ("How much did the foster care projects report as actual expenditure?", {"forbruk"}),
    ("Kor mykje har prosjekta brukt?", {"forbruk"}),
])  # fmt: skip
def test_amount_kinds_asked_are_kept_apart(kit, text, kinds):
    q = understand(text, [], kit)
    assert q.intent == Intent.PROJECTS and q.amount_kinds == kinds


@pytest.mark.parametrize(("text", "ranked"), [
    ("Hvilken prosjektbeskrivelse har størst totalbudsjett, og hvilken minst?", True),
    ("Kva for eit prosjekt fekk mest midlar?", True),
    ("Which project had the smallest budget?", True),
    ("Hvor mye søkte prosjektene om til sammen?", False),  # a sum, not a ranking
    ("Hva brukte prosjektet mest penger på?", False),  # one project's spending, no ranking
    ("Hvilke prosjekter krever minst 20 prosent egenandel?", False),  # «minst» = at least
    ("ranger prosjektsøknadene etter hvor mye de søker om", True),  # sorted, no superlative
    ("Sort the projects by the amount applied for", True),
    ("Hvilke utlysninger har vi, sortert etter frist?", False),  # calls, no project's money
])  # fmt: skip
def test_which_project_by_the_size_of_an_amount_is_a_ranking(kit, text, ranked):
    question = understand(text, [], kit)
    assert question.ranked == ranked
    if ranked:
        assert question.intent == Intent.PROJECTS and question.list_ask == ListAsk.AMOUNTS


def test_a_municipalitys_money_from_the_state_is_read_once(kit):
    """«rammetilskudd» names the state's money to a municipality (`Question.municipal_money`),
    which the facts layer then requires a sentence to name."""
    assert understand("Hvor mye økt rammetilskudd fikk Holmestrand?", [], kit).municipal_money
    assert not understand("Hvor mye fikk Holmestrand tildelt?", [], kit).municipal_money


def test_a_verb_of_spending_asks_no_sum_unless_an_amount_is_asked(kit):
    """«brukte» of a method, «fikk» of a visit: no sum of money is asked, so no sentence is
    refused for lacking one."""
    method = understand("Hva slags metode brukte de i foreldrestøtteprosjektet?", [], kit)
    assert not method.parts[0].money
    spent = understand("Hvor mye brukte de i foreldrestøtteprosjektet?", [], kit)
    assert spent.parts[0].money
    named = understand("Fikk de pengene de søkte om?", [], kit)
    assert named.parts[0].money


@pytest.mark.parametrize(("text", "nok", "above", "inclusive"), [
    ("Which projects were granted less than 500k NOK?", 500_000, False, False),
    ("Hvilke prosjekter har søkt om mer enn 500 000 kr?", 500_000, True, False),
    ("Kva prosjekt fekk over ein halv million?", 500_000, True, False),
    ("Prosjekter som fikk minst 1,2 mill. kr", 1_200_000, True, True),
    ("Which projects applied for at most 400 000 kr?", 400_000, False, True),
    # the descriptions are where a project's amounts are read: their projects are listed
    ("Hvilke prosjektbeskrivelser søker om mer enn 500 000 kr?", 500_000, True, False),
])  # fmt: skip
def test_a_bound_on_the_listed_projects_amounts(kit, text, nok, above, inclusive):
    question = understand(text, [], kit)
    assert question.list_ask == ListAsk.AMOUNTS
    assert question.amount_bound == AmountBound(nok, above, inclusive)


@pytest.mark.parametrize("text", [
    "Hvilke prosjekter har mer enn 3 kommuner?", "Which projects ran for over 2 years?",
    "Hvilke prosjekter startet etter 2020?",
])  # fmt: skip
def test_a_count_a_year_or_a_duration_is_no_bound_on_money(kit, text):
    assert understand(text, [], kit).amount_bound is None
