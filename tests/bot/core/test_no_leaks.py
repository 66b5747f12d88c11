"""200 varied questions asked by non-members: no reply holds a sentence (or a name, place or
figure) that only the restricted documents hold. The same questions from a member do find
them, so the check can fail."""

from __future__ import annotations

import itertools
import random

import pytest

from bot.core.models import Answer
from bot.engine import Core
from indexer.access import PUBLIC_VIEWER, Viewer
from tests.scopes import LISTER_GROUP, LISTER_TEAM, leaks

TOPICS = ["Kvinesdal-modellen", "Fjordlys", "nattlig krisetelefon", "vaktordningen",
          "lønnstillegg per vakthelg", "akuttplasseringer", "opplæringsplan",
          "fosterhjem i nærmiljøet", "fristbrudd", "sykemelding", "fristmøter",
          "styringsgruppen i Lister", "stimuleringsmidler", "rekruttering av fosterhjem",
          "neste møte", "tilsynsgruppen", "Flekkefjord", "Kvinesdal", "Sirdal", "Lyngdal"]
TEMPLATES = ["Hva er {t}?", "Hva ble vedtatt om {t}?", "Hvem har ansvar for {t}?",
             "Når starter {t}?", "Hvor mye koster {t}?", "Fortell om {t}", "Oppsummer {t}",
             "Hvilke vedtak gjelder {t}?", "What was decided about {t}?",
             "Kva vart vedteke om {t}?", "Hvilke prosjekter handler om {t}?",
             "Hvor mange referater nevner {t}?"]
FIXED = ["/kilder", "/prosjekter", "/prosjekter fosterhjem", "/oppsummer 14.03.2024",
         "Oppsummer referatet fra 14.03.2024", "Hvilke referater har vi fra 2024?",
         "Hvor mange prosjekter har vi?", "Hvilke kommuner har hatt fosterhjemsprosjekter?",
         "Hvilke vedtak er fattet i 2024?", "Hvem leder styringsgruppen i Lister?",
         "Hvor mye er søkt om i stimuleringsmidler i Agder?", "Hvilke dokumenter er fra 2024?",
         "Når er neste møte i Sirdal?", "Hvem er referent i Lister?",
         "Hva anbefaler tilsynsgruppen?", "Hvilke sluttrapporter har vi?"]


def questions(n: int = 200, seed: int = 17) -> list[str]:
    generated = [tpl.format(t=topic) for tpl, topic in itertools.product(TEMPLATES, TOPICS)]
    random.Random(seed).shuffle(generated)
    return (FIXED + generated)[:n]


def shown(answer: Answer) -> str:
    """Everything a reply shows: its text and each citation's title, section and snippet."""
    cited = [f"{c.title} {c.section or ''} {c.snippet}" for c in answer.citations]
    return "\n".join([answer.answer, *cited])


@pytest.fixture(scope="module")
def core(scoped_context) -> Core:  # type: ignore[no-untyped-def]
    return Core(scoped_context)


def test_two_hundred_questions_from_non_members_leak_nothing(core: Core) -> None:
    asked = questions()
    assert len(set(asked)) == 200
    outsiders = [PUBLIC_VIEWER, Viewer(frozenset({"19:setesdal-general@thread.tacv2"}), "ola")]
    found = {}
    for i, question in enumerate(asked):
        answer = core.answer(question, viewer=outsiders[i % 2])
        if leaked := leaks(shown(answer), question):
            found[question] = leaked
    assert found == {}


def test_the_same_questions_from_a_member_do_reach_the_restricted_texts(core: Core) -> None:
    member = Viewer(frozenset({LISTER_TEAM, LISTER_GROUP, "nettverk:lister"}), "kari")
    hits = [q for q in questions()[:40]
            if leaks(shown(core.answer(q, viewer=member)), q)]
    assert len(hits) >= 5, hits
