"""A sentence from a document titled for another year than the one asked, which does not say
what was asked, is that year's (no model: the question view is written here)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from bot.core.question import AnswerType, Intent, Part, Question
from bot.core.question_values import YearSpan
from bot.facts.candidates import Candidate
from bot.facts.elsewhere import elsewhere, named_later, titled_another_year, typed_and_named
from bot.facts.features import PartView, QuestionView
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType, DocumentMeta


def asked(year: int) -> QuestionView:
    question = Question(text="", language="nb", intent=Intent.FACT, standalone="",
                        today=dt.date(2026, 12, 2), years=YearSpan(year, year))
    focus = [({"søknadsfrist"}, 5.0), ({"rogaland"}, 3.0)]
    part = PartView(Part("Søknadsfristen i Rogaland?"), focus, frozenset(), np.zeros(2), [],
                    focus, {"søknadsfrist"})
    return QuestionView(question, np.zeros(2), [part], [], [], 0.0)


def sentence(text: str, title: str) -> Candidate:
    meta = DocumentMeta(doc_id="d", source="d.md", path="d.md", title=title,
                        doc_type=DocType.UTLYSNING, date=dt.date(2023, 3, 1))
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    return Candidate(text, Evidence(chunk, meta, 1.0, 0.9), 0, len(text), title, False, False, 0)


CALL_2023 = "Utlysning av stimuleringsmidler 2023 – Rogaland"


def test_a_sentence_of_a_call_for_another_year_not_saying_the_asked_thing_is_that_years():
    assert titled_another_year(asked(2024), sentence(
        "Tildelte midler kan overføres til 2024 etter søknad.", CALL_2023))


def test_the_asked_thing_said_or_the_asked_year_in_the_title_or_a_dated_title_is_not():
    assert not titled_another_year(asked(2024), sentence(
        "Søknadsfristen for 2024 blir kunngjort senere.", CALL_2023))
    assert not titled_another_year(asked(2023), sentence(
        "Tildelte midler kan overføres til 2024 etter søknad.", CALL_2023))
    assert not titled_another_year(asked(2027), sentence(
        "Styringsgruppen møtes 10. februar 2027.", "Referat fra møte 18.11.2026"))



def _report(title: str, date: dt.date, *towns: tuple[str, str, str]) -> Candidate:
    from indexer.models import MunicipalityMention

    mentions = [MunicipalityMention(name=name, kommunenummer=then, county="Vestland",
                                    current_numbers=[now], current_name="Sogndal",
                                    current_county="Vestland") for name, then, now in towns]
    meta = DocumentMeta(doc_id="r", source="r.md", path="r.md", title=title,
                        doc_type=DocType.ANNET, date=date, municipalities=mentions)
    text = "Tilsynet gjaldt kommunane Sogndal, Leikanger og Balestrand."
    chunk = Chunk(chunk_id="r:0", doc_id="r", position=0, text=text, start=0, end=len(text))
    return Candidate(text, Evidence(chunk, meta, 1.0, 0.9), 0, len(text), title, False, False, 0)


def _sogndal_asked(year: int | None) -> Question:
    from bot.core.question_values import Place

    sogndal = Place(name="Sogndal", kind="municipality", current_names=("Sogndal",),
                    former_names=("Balestrand", "Leikanger"), numbers=("4640",),
                    own_numbers=("1420", "4640"), counties=("Vestland",))
    return Question(text="", language="nb", intent=Intent.FACT, standalone="",
                    today=dt.date(2026, 12, 2), municipalities=(sogndal,),
                    years=YearSpan(year, year) if year else None)


TOWNS = (("Leikanger", "1419", "4640"), ("Sogndal", "1420", "4640"),
         ("Balestrand", "1418", "4640"))


def test_a_report_titled_for_a_municipality_merged_since_is_not_anothers_then():
    from bot.facts.elsewhere import titled_another_place

    report = _report("Rapport frå tilsyn med Nav Leikanger 2019", dt.date(2019, 10, 1), *TOWNS)
    assert titled_another_place(_sogndal_asked(2019), report)  # Sogndal was its own in 2019
    assert not titled_another_place(_sogndal_asked(None), report)  # today's Sogndal covers it
    assert not titled_another_place(_sogndal_asked(2024), report)
    own = _report("Rapport frå tilsyn med Nav Sogndal 2019", dt.date(2019, 10, 1), *TOWNS)
    assert not titled_another_place(_sogndal_asked(2019), own)


def test_a_report_titled_for_one_of_the_asked_municipalities_answers():
    """«… tilsyn hjå Sogndal, Leikanger og Balestrand hausten 2019?»: Leikanger is asked too."""
    from bot.core.question_values import Place
    from bot.facts.elsewhere import titled_another_place

    report = _report("Rapport frå tilsyn med Nav Leikanger 2019", dt.date(2019, 10, 1), *TOWNS)
    towns = tuple(Place(name=name, kind="municipality", current_names=("Sogndal",), former_names=(),
                        numbers=(now,), own_numbers=(then,), counties=("Vestland",))
                  for name, then, now in TOWNS)
    three = Question(text="", language="nn", intent=Intent.FACT, standalone="",
                     today=dt.date(2026, 12, 2), municipalities=towns, years=YearSpan(2019, 2019))
    assert not titled_another_place(three, report)


def test_a_row_under_a_heading_of_another_year_is_that_years():
    from bot.facts.elsewhere import headed_another_year

    text = "### Volumkrav 2023\n\n| Statsforvalteren i Nordland | 3 |\n"
    row = "Statsforvalteren i Nordland | 3"
    meta = DocumentMeta(doc_id="g", source="g.md", path="g.md", title="Veileder 2022–2023",
                        doc_type=DocType.RETNINGSLINJE)
    chunk = Chunk(chunk_id="g:0", doc_id="g", position=0, text=text, start=0, end=len(text))
    start = text.index(row)
    cand = Candidate(row, Evidence(chunk, meta, 1.0, 0.9), start, start + len(row), "", False,
                     False, 0)
    assert headed_another_year(2022, cand)  # 2023's figure, not 2022's
    assert not headed_another_year(2023, cand)


def _two_parts(first: str, second: str, year: int) -> QuestionView:
    question = Question(text="", language="nb", intent=Intent.FACT,
                        standalone=f"{first}, og {second}", today=dt.date(2026, 12, 2), years=YearSpan(year, year))
    parts = [PartView(Part(text), [], frozenset(), np.zeros(2), [], [], set())
             for text in (first, second)]
    return QuestionView(question, np.zeros(2), parts, [], [], 0.0)


def test_another_years_sentence_is_excused_only_when_a_later_part_names_the_year():
    goal = sentence("Alle ansatte skal ha fått opplæring innen 1. juni 2022.", "Prosjektplan")
    later = _two_parts("Hvem samarbeider de med", "hvor mange meldinger fikk de i 2020?", 2020)
    first = _two_parts("Hvor mye fikk de i 2020", "hvem samarbeider de med?", 2020)
    assert elsewhere(later, goal) and named_later(later, goal)
    assert elsewhere(first, goal) and not named_later(first, goal)
    one = QuestionView(later.question, np.zeros(2), later.parts[:1], [], [], 0.0)
    assert not named_later(one, goal)  # one part: the year is what it asks


def _amount_asked(names: list[set[str]]) -> QuestionView:
    question = Question(text="", language="nb", intent=Intent.FACT, standalone="",
                        today=dt.date(2026, 12, 2), years=YearSpan(2018, 2018))
    part = PartView(Part("Hvor mye fikk Hordaland i 2018", (AnswerType.AMOUNT,)), [],
                    frozenset(), np.zeros(2), ["amount"], [], set())
    return QuestionView(question, np.zeros(2), [part], [], names, 0.0)


def test_the_asked_years_sum_naming_the_place_stands_beside_another_years_date():
    view = _amount_asked([{"Hordaland"}])
    here = sentence("Fylkesmannen i Hordaland har i 2018 fått tildelt 650 000 kr.", "Invitasjon")
    there = sentence("Søknadsfristen for kommunene er 1. april 2020.", "Referat 2020")
    assert typed_and_named(view, [here], [there])
    # another year's sentence holding a sum, no place named, or no sum here: not so
    other_sum = sentence("Vestland har fått 1 150 000 kr for 2020.", "Referat 2020")
    assert not typed_and_named(view, [here], [other_sum])
    assert not typed_and_named(_amount_asked([]), [here], [there])
    unsummed = sentence("Fylkesmannen i Hordaland inviterer til informasjonsmøte.", "Invitasjon")
    assert not typed_and_named(view, [unsummed], [there])


def _report_of_2021(text: str) -> Candidate:
    meta = DocumentMeta(doc_id="l", source="l.md", path="l.md", title="Tilsyn med Lunner",
                        doc_type=DocType.ANNET, year=2021)
    chunk = Chunk(chunk_id="l:0", doc_id="l", position=0, text=text, start=0, end=len(text))
    return Candidate(text, Evidence(chunk, meta, 1.0, 0.9), 0, len(text), meta.title, False,
                     False, 0)


def _asked_with_parts(year: int, *parts: Part) -> Question:
    return Question(text="", language="nb", intent=Intent.FACT, standalone="",
                    today=dt.date(2026, 12, 5), years=YearSpan(year, year), parts=parts)


def test_a_later_documents_undated_sentence_is_not_an_answer_for_an_earlier_year():
    from bot.facts.elsewhere import about_another_year

    finding = _report_of_2021("Kommunen sikrer ikke en forsvarlig gjennomføring av undersøkelser.")
    in_2018 = Part("hva fant statsforvalteren i Lunner i 2018", years=YearSpan(2018, 2018))
    context = Part("tenker på tilsynet med undersøkelser")  # says, asks nothing of its own
    assert about_another_year(_asked_with_parts(2018, in_2018, context), finding)
    in_2021 = Part("hva fant statsforvalteren i Lunner i 2021", years=YearSpan(2021, 2021))
    assert not about_another_year(_asked_with_parts(2021, in_2021), finding)
    named = _report_of_2021("Allerede i 2018 sikret ikke kommunen undersøkelsene.")
    assert not about_another_year(_asked_with_parts(2018, in_2018), named)


def test_the_year_of_one_part_does_not_date_what_another_part_asks():
    from bot.facts.elsewhere import about_another_year

    leader = _report_of_2021("Prosjektleder er Kari Nordmann.")
    count_then_leader = _asked_with_parts(
        2018, Part("hvor mange meldinger kom i 2018", years=YearSpan(2018, 2018)),
        Part("hvem er prosjektleder", answer_types=(AnswerType.PERSON,)))
    leader_then_count = _asked_with_parts(
        2018, Part("hvem samarbeider de med"), Part("hvor mange meldinger kom i 2018",
                                                     years=YearSpan(2018, 2018)))
    assert not about_another_year(count_then_leader, leader)
    assert not about_another_year(leader_then_count, leader)


def test_a_short_place_name_is_said_only_as_a_word_of_its_own():
    """«Ål» is not said by «Ålesund», nor «Hol» by «holder»: a sentence from Møre og Romsdal
    would otherwise pass for one about the Hallingdal municipalities asked."""
    from bot.facts.features import names_said

    about_alesund = sentence("Haram vart skilt ut frå Ålesund, og avtalen holder fram.", CALL_2023)
    assert not names_said([{"Ål"}, {"Hol"}], about_alesund)
    assert names_said([{"Ål"}], sentence("Ål og Hol søkte saman.", CALL_2023))
    assert names_said([{"Haugesund"}], sentence("Haugesunds prosjekt fekk midlar.", CALL_2023))
