"""A count of something no picked sentence names is no answer (sentences and a small word
index written here)."""

from __future__ import annotations

import numpy as np

from bot.core.question import AnswerType, Part
from bot.facts.candidates import Candidate
from bot.facts.features import PartView
from bot.facts.retrieval import Evidence
from bot.facts.said import counted_unsaid
from indexer.models import Chunk, DocType, DocumentMeta
from indexer.store.lexical import LexicalIndex

LEXICAL = LexicalIndex.build(
    ["c1", "c2"], ["Målet er å rekruttere minst 8 nye fosterhjem innen 2020.",
                   "Kommunen har 38 000 innbyggere. Statsforvalteren skal ha fem tilsyn."], "g1")


def _part(text: str) -> PartView:
    return PartView(Part(text, (AnswerType.COUNT,)), [], frozenset(), np.zeros(1), ["number"],
                    [], set())


def _sentence(text: str, title: str = "Prosjektbeskrivelse") -> Candidate:
    meta = DocumentMeta(doc_id="d", source="d.md", path="d.md", title=title,
                        doc_type=DocType.PROSJEKTBESKRIVELSE)
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    return Candidate(text=text, evidence=Evidence(chunk, meta, 0.1, 0.5), start=0,
                     end=len(text), context="", is_label=False, is_item=False, items=0)


GOAL = _sentence("Målet er å rekruttere minst 8 nye fosterhjem innen 2020.")


def test_a_count_of_something_no_sentence_names_is_unsaid() -> None:
    assert counted_unsaid(_part("Hvor mange innbyggere har Øygarden?"), [GOAL], LEXICAL, False)
    assert not counted_unsaid(_part("Hvor mange nye fosterhjem ville de rekruttere?"), [GOAL],
                              LEXICAL, False)  # «nye» qualifies what is counted


def test_the_counted_thing_may_stand_in_the_title_or_as_the_head_of_a_compound() -> None:
    row = _sentence("Statsforvalteren i Vestland | 5", title="Veileder for landsomfattende tilsyn")
    assert not counted_unsaid(_part("Hvor mange fosterhjemstilsyn skal Vestland ha?"), [row],
                              LEXICAL, False)


def test_a_hyphened_compound_is_the_counted_word() -> None:
    """«hvor mange bv-ansatte …» counts «ansatte», not the abbreviation before the hyphen."""
    staff = _sentence("Ni ansatte har fullført kurs i samisk kultur.")
    assert not counted_unsaid(_part("Hvor mange bv-ansatte har tatt kurs?"), [staff],
                              LexicalIndex.build(["c"], [staff.text], "g"), False)


def test_municipalities_counted_are_left_to_the_model() -> None:
    """«kommuner» is a word every document uses: no evidence either way."""
    assert not counted_unsaid(_part("Hvor mange kommuner meldte at det ble tøft?"), [GOAL],
                              LEXICAL, False)


def test_a_year_the_question_names_does_not_say_when_and_each_kind_asked_is_held_apart() -> None:
    from bot.facts.said import type_unsaid

    asked = PartView(Part("Rogaland 2023 – maks beløp, søknadsfrist", (AnswerType.AMOUNT,
                                                                        AnswerType.DATE)),
                     [], frozenset(), np.zeros(1), ["amount", "date"], [], set(),
                     frozenset({2023}))
    amount = _sentence("Det kan søkes om inntil 400 000 kr per prosjekt for 2023.")
    deadline = _sentence("Søknadsfrist: 15. april 2023.")
    assert type_unsaid(asked, [amount])  # «for 2023» is the year asked, not a deadline
    assert not type_unsaid(asked, [amount, deadline])  # the sum in one, the date in the other


def test_who_leads_is_unsaid_by_sentences_naming_no_person() -> None:
    from bot.facts.said import type_unsaid

    leads = PartView(Part("Who led the inspection team?", (AnswerType.PERSON,), person=True),
                     [], frozenset(), np.zeros(1), ["person"], [], set())
    visit = _sentence("Statsforvalteren besøkte barneverntjenesten 19. og 20. april 2023.")
    leader = _sentence("Tilsynsleder: Kari Nordmann, seniorrådgiver")
    assert type_unsaid(leads, [visit]) and not type_unsaid(leads, [visit, leader])
    partner = PartView(Part("Hvem samarbeider de med?", (AnswerType.PERSON,)), [], frozenset(),
                       np.zeros(1), ["person"], [], set())
    assert not type_unsaid(partner, [_sentence("Kompetansemiljø: RVTS Sør")])  # an institution


def test_a_sum_of_money_asked_is_unsaid_by_shares_and_dates() -> None:
    """«Hvor mye vil Drammen tape eller tjene på reformen?» is not answered by a project's
    goals («80 prosent av sakene … innen 1. juni 2022»); «by how much was the age raised?»,
    no money asked, is answered by any figure."""
    from bot.core.understand.amounts import asks_sum
    from bot.facts.said import type_unsaid

    text = "Hvor mye vil Drammen kommune tape eller tjene på barnevernsreformen?"
    assert asks_sum(text)
    money = PartView(Part(text, (AnswerType.AMOUNT,), money=True), [], frozenset(),
                     np.zeros(1), ["amount"], [], set())
    goals = _sentence("I minst 80 prosent av sakene skal barnet snakkes med innen 1. juni 2022.")
    assert type_unsaid(money, [goals])
    assert not type_unsaid(money, [_sentence("Kommunen får 12 mill. kroner mer i rammetilskudd.")])
    raised = PartView(Part("By how much was the age limit raised?", (AnswerType.AMOUNT,)), [],
                      frozenset(), np.zeros(1), ["amount"], [], set())
    assert not type_unsaid(raised, [_sentence("Aldersgrensen ble hevet til 25 år.")])


def test_which_municipalities_is_not_answered_by_a_sentence_naming_none() -> None:
    from bot.facts.said import type_unsaid
    from indexer.models import MunicipalityMention

    loten = MunicipalityMention(name="Løten", kommunenummer="3412", county="Innlandet",
                                current_numbers=["3412"], current_name="Løten",
                                current_county="Innlandet")

    def sentence(text: str) -> Candidate:
        cand = _sentence(text)
        meta = cand.evidence.meta.model_copy(update={"municipalities": [loten]})
        return Candidate(text=text, evidence=Evidence(cand.evidence.chunk, meta, 0.1, 0.5),
                         start=0, end=len(text), context="", is_label=False, is_item=False,
                         items=0)

    part = PartView(Part("Hvilke kommuner er med i KS Barnevernløft?", (AnswerType.PLACE,),
                         municipalities=True), [],
                    frozenset(), np.zeros(1), ["place"], [], set())
    general = sentence("Toppe gav kommunane godord for interessa for deltaking i Barnevernløftet.")
    named = sentence("Løten var med i Barnevernløftet.")
    assert type_unsaid(part, [general])
    assert not type_unsaid(part, [general, named])


def test_a_count_must_stand_beside_what_it_counts() -> None:
    part = _part("Hvor mange prosjekter fikk midler i 2024?")
    title = "Retningsliner for stimuleringsmidlar"
    towns = _sentence("Fylket har 27 kommuner etter delingen.", title)
    mention = _sentence("Prosjekt som Ålesund fikk midler til før delingen, fortsetter.", title)
    assert counted_unsaid(part, [towns, mention], LEXICAL, False)
    counted = _sentence("Det kom inn fire søknader, og tre prosjekter fikk midler.", title)
    assert not counted_unsaid(part, [counted], LEXICAL, False)


def test_a_count_asked_brings_the_near_sentence_that_counts_it() -> None:
    """«… hvor mange fosterhjem gjelder det, og hvor stor stilling …?» with only «60 % stilling»
    picked: the sentence counting foster homes comes along; a compound whose first half is the
    word («fosterheimsrettleiar») counts no foster homes."""
    from bot.facts.gate import Scored
    from bot.facts.said import counted_missing

    post = _sentence("Ein felles fosterheimsrettleiar i 60 % stilling, tilsett i Voss herad.")
    homes = _sentence("Kvam og Voss følgjer til saman om lag 40 fosterheimar.")
    other = _sentence("Kommunen har 38 000 innbyggere.")
    ranked = [Scored(c, p, []) for c, p in ((post, 0.9), (other, 0.6), (homes, 0.5))]
    lexical = LexicalIndex.build(["c1"], ["om lag 40 fosterheimar og fosterhjem"], "g1")
    part = _part("hvor mange fosterhjem gjelder det")
    assert counted_missing([part], [ranked], [post], lexical, False) == [homes]
    assert counted_missing([part], [ranked], [post, homes], lexical, False) == []


def test_a_sentence_counting_the_head_of_the_word_asked_needs_nothing_more() -> None:
    """«Hvor mange høykonfliktsaker fant de?» is counted by «38 saker der foreldrekonflikt …»:
    no sentence about the conflict cases' goals is added to it."""
    from bot.facts.gate import Scored
    from bot.facts.said import counted_missing

    cases = _sentence("En gjennomgang viste 38 saker der foreldrekonflikt var hovedbekymringen.")
    goals = _sentence("Minst 20 høykonfliktsaker skal gjennomgås med familievernet.")
    ranked = [Scored(cases, 0.9, []), Scored(goals, 0.7, [])]
    lexical = LexicalIndex.build(["c1"], ["høykonfliktsaker saker"], "g1")
    part = _part("Hvor mange høykonfliktsaker fant Time og Klepp")
    assert counted_missing([part], [ranked], [cases], lexical, False) == []
