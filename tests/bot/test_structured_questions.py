"""Structured questions written for this suite, not taken from any eval set: places merged both
ways, documents counted by type, year and county, sums kept apart by kind, decisions by «siste
møte» and «i fjor», a follow-up narrowing the previous list, participants by municipality —
in Bokmål, Nynorsk and English, each asked as a user would type it."""

from __future__ import annotations

import pytest

from bot.core.claims import normalise
from tests.bot.conversation import ask

# Each: the questions (follow-ups after the first), what the answer must say, what it must not.
CASES: list[tuple[tuple[str, ...], list[str], list[str]]] = [
    (("Hvilke prosjekter har vi fra Øygarden?",), ["Fjell (vertskommune, nå Øygarden)",
                                                   "Øygarden omfatter også tidligere Fjell"], []),
    (("Which projects did Fjell run?",), ["«Fosterhjem i vest»",
                                          "Fjell is now part of Øygarden"], ["Time"]),
    (("Kva prosjekt har vore i Hordaland?",), ["«Rettleiing nær fosterheimen»",
                                               "Hordaland er no ein del av Vestland"], ["Karmøy"]),
    (("Hvor mange sluttrapporter har vi fra 2022?",), ["2 sluttrapporter i 2022", "Haugesund",
                                                       "Hamar"], ["Rana"]),
    (("Kor mange referat har vi frå Vestland?",), ["3 referat", "13. september 2018"], []),
    (("How many documents do we have from Rogaland?",), ["4 documents", "Time and Klepp"], []),
    (("Hvor mye har fosterhjemsprosjektene søkt om til sammen?",),
     ["Til sammen 1 090 000 kr søkt"], ["tildelt"]),
    (("How much did the final reports say was spent in total?",),
     ["In total 2 611 200 kr spent"], ["granted"]),
    (("Kor mykje vart brukt i prosjekta i Nordland?",), ["brukt 872 300 kr"], ["Tolka"]),
    (("Hvor mye fikk Haugesund og Karmøy tildelt, og hvor mye brukte de?",),
     ["tildelt 900 000 kr, brukt 1 226 500 kr"], []),
    (("Hva ble bestemt på siste møte?",), ["31. januar 2024"], ["Setesdal"]),
    (("What was decided at the last meeting in Setesdal?",), ["10 May 2023",
                                                               "felles rekrutteringsplan"], []),
    (("Kva vart vedteke i fjor?",), ["mellom 1. januar 2025 og 31. desember 2025"], []),
    (("Hvilke prosjekter har vi om fosterhjem?", "og hvilke av dem er i Vestland?"),
     ["«Fosterhjem i vest»", "«Rettleiing nær fosterheimen»"], ["Karmøy", "Klæbu"]),
    (("Which projects are in Rogaland?", "and which of those are about high-conflict cases?"),
     ["«Barnet i midten»"], ["Karmøy"]),
    (("Hvilke fosterhjemsprosjekter finnes?", "og hvilke av dem har levert sluttrapport?",
      "hvilke av dem er i Vestland?"),  # the one with a final report is in Rogaland
     ["Jeg fant ingen prosjekter om fosterhjem – av dem med sluttrapport – av dem i Vestland"],
     ["Svar fra"]),
    (("Hvilke prosjekter har vi både prosjektbeskrivelse og sluttrapport for?",),
     ["Prosjekter med prosjektbeskrivelse og sluttrapport"], []),
    (("Hvilke møter har Alver vært med på?",), ["Gunhild Haugsvær – Alver kommune"], ["Kvam"]),
    (("Which meetings did Radøy attend?",), ["Gunhild Haugsvær"], ["Terje Sandvik"]),
    (("Hvem deltok fra Kvam?",), ["Jorunn Steinsland – Kvam herad"], ["Øygarden kommune"]),
    (("Kven var referent på siste møtet i Setesdal?",), ["Marianne Aas Torjussen"],
     ["Åse Bjørgum"]),
    (("Hvor mange kommuner har hatt prosjekter om ettervern?",), ["2 kommuner",
                                                                 "Malvik og Trondheim"], []),
    (("Which municipalities have had foster care projects?",), ["Klæbu (now Trondheim)",
                                                                 "Haugesund"], ["Time"]),
    (("Hvilke prosjektskildringar har vi?",), ["«Neste steg»", "«Barnet i midten»"],
     ["Sluttrapport"]),
]


@pytest.mark.parametrize(("questions", "says", "never"), CASES,
                         ids=[c[0][-1][:40] for c in CASES])
def test_a_structured_question_is_answered_completely(core, questions, says, never) -> None:  # type: ignore[no-untyped-def]
    answer = ask(core, *questions)
    text = normalise(answer.answer)
    for phrase in says:
        assert normalise(phrase) in text, (questions, phrase, answer.answer)
    for phrase in never:
        assert normalise(phrase) not in text, (questions, phrase, answer.answer)
