"""Which sentences an answer is made of (no model: candidates and their ranking written
here): a yes/no part's deciding sentence, each part's best and those nearly as likely within
the length, and the near sentence holding the kind of fact asked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np

from bot.core.question import AnswerType, Intent, Part, Question
from bot.core.question_values import YearSpan
from bot.core.understand.amounts import asks_money
from bot.facts.candidates import Candidate
from bot.facts.features import PartView, QuestionView
from bot.facts.gate import Scored
from bot.facts.holds import holds_types
from bot.facts.missing import (
    deadline_pointed,
    deciding,
    inspection_conclusion,
    typed_missing,
    year_missing,
)
from bot.facts.pick import pick_sentences
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocType
from tests.bot.facts.picking import META, part_view, scored, view

VISIT = scored("Statsforvalteren besøkte tjenesten 19. og 20. april 2023.", 0.95)
VERDICT = scored("Det ble ikke funnet lovbrudd under tilsynet.", 0.6)
OTHER = scored("Tilsynet var en del av et landsomfattende tilsyn.", 0.9)


def test_the_deciding_sentence_of_a_yes_no_part_is_added():
    asked = view(part_view("Når var besøket", (AnswerType.DATE,), "besøket"),
                 part_view("ble det funnet lovbrudd?", (AnswerType.YESNO,), "lovbrudd"))
    ranked = [[VISIT, OTHER, VERDICT], [VISIT, OTHER, VERDICT]]
    assert deciding(asked, ranked, [VISIT.candidate]) == [VERDICT.candidate]


def test_nothing_is_added_when_a_picked_sentence_says_it_or_the_part_is_no_yes_no():
    asked = view(part_view("Når var besøket", (AnswerType.DATE,), "besøket"),
                 part_view("ble det funnet lovbrudd?", (AnswerType.YESNO,), "lovbrudd"))
    ranked = [[VISIT, VERDICT], [VISIT, VERDICT]]
    assert deciding(asked, ranked, [VISIT.candidate, VERDICT.candidate]) == []
    plain = view(part_view("Når var besøket", (AnswerType.DATE,), "besøket"),
                 part_view("hva fant de om lovbrudd", (), "lovbrudd"))
    assert deciding(plain, ranked, [VISIT.candidate]) == []


def test_a_yes_no_question_of_one_part_is_decided_too():
    asked = view(part_view("Fant tilsynet lovbrudd?", (AnswerType.YESNO,), "lovbrudd"))
    assert deciding(asked, [[OTHER, VERDICT]], [OTHER.candidate]) == [VERDICT.candidate]


def test_a_yes_no_question_with_a_modal_is_decided_by_a_sentence_saying_modal_and_verb():
    text = "Kan kommuner som kommer dårlig ut søke om ekstra penger?"
    asked = view(part_view(text, (AnswerType.YESNO,), "kommer dårlig søke ekstra penger"))
    around = scored("Noen kommuner vil komme dårlig ut også etter overgangsperioden.", 0.9)
    decides = scored("Kommuner med store avvik kan søke statsforvalteren om skjønnsmidler.", 0.7)
    assert deciding(asked, [[around, decides]], [around.candidate]) == [decides.candidate]
    subject_only = scored("Kan kommunene gjøre noe med dette?", 0.7)  # the modal's subject
    assert deciding(asked, [[around, subject_only]], [around.candidate]) == []


def test_a_sentence_next_to_the_best_comes_before_an_equally_likely_one_elsewhere():
    text = ("Tilsynet er avsluttet. Kommunens tiltak er vurdert som tilstrekkelige.\n\n"
            "Rapporten ble sendt i mai.")
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))

    def unit(sentence: str, probability: float) -> Scored:
        start = text.index(sentence)
        cand = Candidate(text=sentence, evidence=Evidence(chunk, META, 0.1, 0.5), start=start,
                         end=start + len(sentence), context="", is_label=False, is_item=False,
                         items=0)
        return Scored(cand, probability, [])

    best, after, far = (unit("Tilsynet er avsluttet.", 0.9),
                        unit("Kommunens tiltak er vurdert som tilstrekkelige.", 0.6),
                        unit("Rapporten ble sendt i mai.", 0.7))
    picked = pick_sentences([[best, far, after]], supporting=0.3, max_chars=75)
    assert [c.text for c in picked] == [best.candidate.text, after.candidate.text]
    # a second part's sentence may be what is missing: no sentence jumps the queue there
    two = pick_sentences([[best, far, after], [best, far, after]], supporting=0.3, max_chars=60)
    assert [c.text for c in two] == [best.candidate.text, far.candidate.text]


def test_a_first_part_whose_best_says_only_a_later_parts_words_takes_its_own_sentence():
    applied = scored("Det søkes om 380 000 kr fra Fylkesmannen i Rogaland.", 0.95)
    host = scored("Vertskommune: Klepp kommune", 0.9)
    other = scored("Kommunene dekker 230 000 kr i egenandel.", 0.93)
    who = part_view("hvem er vertskommune", (AnswerType.PERSON,), "vertskommune")
    how_much = part_view("hvor mye søkes det om", (AnswerType.AMOUNT,), "søkes")
    picked = pick_sentences([[applied, host], [applied, other]], 0.3, 120,
                            [who, how_much])
    assert [c.text for c in picked] == [host.candidate.text, applied.candidate.text]


def test_a_first_part_whose_best_is_a_later_parts_takes_its_runner_up_without_its_words():
    report = scored("Sluttrapport sendes innen 31. oktober 2023.", 0.85)
    partner = scored("Kompetansemiljø: RVTS Sør", 0.79)
    goals = scored("Alle skal ha opplæring innen 1. juni 2022.", 0.8)
    who = part_view("hvilket kompetansemiljø samarbeider prosjektet med", (),
                    "kompetansemiljø samarbeider prosjektet")
    when = part_view("når skal sluttrapporten leveres", (AnswerType.DATE,), "sluttrapport")
    picked = pick_sentences([[report, partner, goals], [report, goals]], 0.8, 400, [who, when])
    assert picked[:2] == [partner.candidate, report.candidate]


def test_a_later_part_does_not_trade_the_asked_kind_of_fact_for_its_words():
    applied = scored("Dei ber om 560 000 kr i stimuleringsmidlar.", 0.95)
    applicant = scored("Søkjar: Nord-Aurdal kommune", 0.9)
    lead = part_view("kven er prosjektleiar", (AnswerType.PERSON,), "prosjektleiar")
    how_much = dataclasses.replace(part_view("kor mykje søkjer dei om", (AnswerType.AMOUNT,),
                                             "søkjer"), types=["amount"])
    leader = scored("Prosjektleiar: Ingeborg Lien", 0.97)
    picked = pick_sentences([[leader], [applied, applicant]], 0.99, 400, [lead, how_much])
    assert [c.text for c in picked] == [leader.candidate.text, applied.candidate.text]


def test_a_part_whose_best_is_the_table_of_a_picked_row_takes_the_table_in_its_place():
    """«Nådde de målene? List opp målene»: the first part took one row, the list part the whole
    goals table, which holds that row: the table stands where the row stood, once."""
    table = "Mål | Resultat; Ettervernsplan ved 17 år | Delvis nådd; Avtale med NAV | Nådd"
    row = "Ettervernsplan ved 17 år | Delvis nådd"
    asked = view(part_view("nådde de målene", (AnswerType.YESNO,), "nådd ettervernsplan"),
                 part_view("list opp målene", (AnswerType.LIST,), "mål"))
    picked = pick_sentences([[scored(row, 0.9)], [scored(table, 0.95)]], 0.9, 900, asked.parts)
    assert [c.text for c in picked] == [table]


def test_the_same_sentence_from_two_overlapping_chunks_is_said_once() -> None:
    from bot.facts.pick import pick_sentences

    first = scored("– Vi er glade for at ordningen forlenges til tre år.", 0.9)
    again = scored("Vi er glade for at ordningen forlenges til tre år.", 0.85)
    again = Scored(dataclasses.replace(again.candidate, evidence=dataclasses.replace(
        again.candidate.evidence, chunk=again.candidate.evidence.chunk.model_copy(
            update={"chunk_id": "d:1", "position": 1}))), 0.85, [])
    assert pick_sentences([[first, again]], 0.3, 400) == [first.candidate]


def test_a_list_under_its_lead_in_may_go_past_the_length_the_answer_keeps_to() -> None:
    from bot.facts.pick import pick_sentences

    best = scored("Utlysningen erstatter den som ble publisert 2. september 2026.", 0.8)
    items = "Søknadsfristen er flyttet til 1. februar 2027; Inntil 450 000 kr per prosjekt"
    lead = scored(f"Utlysningen er endret på disse punktene: {items}.", 0.7)
    elsewhere = dataclasses.replace(lead.candidate.evidence, chunk=lead.candidate.evidence.chunk
                                    .model_copy(update={"chunk_id": "d:1", "position": 1}))
    lead = Scored(dataclasses.replace(lead.candidate, items=2, evidence=elsewhere), 0.7, [])
    prose = scored("Foreløpig ramme er satt ned fra 3 100 000 kr til 2 600 000 kr samlet.", 0.7)
    prose = Scored(dataclasses.replace(prose.candidate, evidence=elsewhere), 0.7, [])
    max_chars = len(best.candidate.text) + 20
    assert pick_sentences([[best, lead]], 0.3, max_chars) == [best.candidate, lead.candidate]
    assert pick_sentences([[best, prose]], 0.3, max_chars) == [best.candidate]


def test_a_list_of_another_document_is_not_put_before_the_best() -> None:
    """«Hvilke møtedatoer har styringsgruppa satt opp for 2027?»: another document's lead-in
    with its items (a call's changed points, all dated 2027) does not push the minutes' own
    sentences aside; a list of the best's own document does come first."""
    from bot.facts.features import SENTENCE_FEATURES
    from bot.facts.pick import list_first

    rarest = [1.0 if name == "rarest" else 0.0 for name in SENTENCE_FEATURES]

    def listed(doc_id: str, text: str, probability: float, items: int) -> Scored:
        meta = META.model_copy(update={"doc_id": doc_id, "source": f"{doc_id}.md"})
        chunk = Chunk(chunk_id=f"{doc_id}:0", doc_id=doc_id, position=0, text=text, start=0,
                      end=len(text))
        cand = Candidate(text=text, evidence=Evidence(chunk, meta, 0.1, 0.5), start=0,
                         end=len(text), context="", is_label=False, is_item=False, items=items)
        return Scored(cand, probability, rarest)

    best = listed("minutes", "Neste møte i styringsgruppen: 10. februar 2027.", 0.87, 0)
    other = listed("call", "Endret på disse punktene: fristen 1. februar 2027; rammen …", 0.72, 3)
    own = listed("minutes", "Møteplan 2027: 10. februar; 12. mai; 15. september.", 0.70, 3)
    part = part_view("Hvilke møtedatoer har styringsgruppa satt opp for 2027?",
                     (AnswerType.LIST,), "møtedatoer 2027")
    assert list_first([part], [[best, other]], 0.5)[0][0] is best
    assert list_first([part], [[best, other, own]], 0.5)[0][0] is own


def test_a_near_sentence_of_the_same_document_with_the_asked_kind_of_fact_comes_along():


    def part(text: str) -> PartView:
        return dataclasses.replace(part_view(text, (AnswerType.DATE,), "kraft"), types=["date"])

    changes = scored("Stortinget har vedtatt endringer i 14 velferdstjenestelover.", 0.91)
    elsewhere = scored("Ny barnevernslov trådte i kraft 1. januar 2023.", 0.59)
    elsewhere = dataclasses.replace(elsewhere, candidate=dataclasses.replace(
        elsewhere.candidate, evidence=dataclasses.replace(
            elsewhere.candidate.evidence, meta=META.model_copy(update={"doc_id": "other"}))))
    dated = scored("Lovendringene tredde i kraft 1. august 2022.", 0.46)
    when = view(part("Når trådte endringene i kraft?"))
    ranked = [[changes, elsewhere, dated]]
    assert typed_missing(when, ranked, [changes.candidate], 0.3) == [dated.candidate]
    assert typed_missing(when, ranked, [dated.candidate], 0.3) == []  # already dated
    # another document's date picked beside it says nothing of when this document's was
    assert typed_missing(when, ranked, [changes.candidate, elsewhere.candidate], 0.3) == [
        dated.candidate]


def test_a_day_asked_and_answered_by_a_year_in_passing_takes_the_sentence_stating_a_day():
    def part(text: str) -> PartView:
        return dataclasses.replace(part_view(text, (AnswerType.DATE,), "ferdig"), types=["date"])

    passing = scored("De to siste dagene ble holdt digitalt i 2020.", 0.8)
    period = scored("Prosjektperiode: 1. januar 2019 – 31. mars 2021.", 0.66)
    ranked = [[passing, period]]
    assert typed_missing(view(part("når ble det ferdig?")), ranked, [passing.candidate], 0.3) == [
        period.candidate]
    # a year asked («… i 2020?») is answered by the year
    in_2020 = dataclasses.replace(part("hva skjedde i 2020?"), part=dataclasses.replace(
        part("hva skjedde i 2020?").part, years=YearSpan(2020, 2020)))
    assert typed_missing(view(in_2020), ranked, [passing.candidate], 0.3) == []


def test_money_asked_is_not_held_by_a_share():
    text = "kor mykje søkjer dei om i stimuleringsmidlar?"
    asked = part_view(text, (AnswerType.AMOUNT,), "søkjer")
    asked = dataclasses.replace(asked, part=dataclasses.replace(asked.part, money=asks_money(text)),
                                types=["amount"])
    share = scored("Ein fosterheimsrettleiar i 60 % stilling vert tilsett.", 0.9)
    money = scored("Det vert søkt om 640 000 kr i stimuleringsmidlar.", 0.6)
    assert not holds_types(asked, share.candidate) and holds_types(asked, money.candidate)
    ranked = [share, *(scored(f"Setning {i} om prosjektet.", 0.8) for i in range(5)), money]
    assert typed_missing(view(asked), [ranked], [share.candidate], 0.3) == [money.candidate]
    # a share asked for is held by one
    text = "Hvor stor egenandel kreves?"
    own_share = part_view(text, (AnswerType.AMOUNT,), "egenandel")
    own_share = dataclasses.replace(own_share, types=["amount"], part=dataclasses.replace(
        own_share.part, money=asks_money(text)))
    assert holds_types(own_share, scored("Egenandelen er 20 prosent.", 0.9).candidate)


def test_a_person_asked_by_role_takes_the_documents_name_however_far_down_it_ranks():
    asked = part_view("Kven leier prosjektet?", (AnswerType.PERSON,), "leier prosjektet")
    asked = dataclasses.replace(asked, part=dataclasses.replace(asked.part, person=True),
                                types=["person"])
    goals = scored("Prosjektet vert leidd av RVTS Sør saman med kommunane.", 0.9)
    leader = scored("Prosjektleiar: Ingeborg Haugen Lien, rådgjevar", 0.05)
    ranked = [goals, *(scored(f"Setning {i} om prosjektet.", 0.8) for i in range(12)), leader]
    assert not holds_types(asked, goals.candidate)  # an organisation is not who leads
    assert typed_missing(view(asked), [ranked], [goals.candidate], 0.3) == [leader.candidate]
    organisation = dataclasses.replace(asked, part=dataclasses.replace(asked.part, person=False))
    assert typed_missing(view(organisation), [ranked], [goals.candidate], 0.3) == []


def test_when_is_answered_by_a_day_before_a_year_and_never_by_the_year_asked():
    asked = part_view("and when was the information meeting?", (AnswerType.DATE,), "meeting")
    asked = dataclasses.replace(asked, types=["date"], known_years=frozenset({2018}))
    granted = scored("Fylkesmannen har i 2018 fått tildelt 650 000 kr.", 0.9)
    later = scored("Nettverket skal vare ut 2024.", 0.8)
    meeting = scored("Den 07.06.2018 inviterer vi til informasjonsmøte.", 0.7)
    assert not holds_types(asked, granted.candidate)
    assert typed_missing(view(asked), [[granted, later, meeting]], [granted.candidate],
                         0.3) == [meeting.candidate]


def test_a_count_or_date_asked_and_held_by_no_sentence_is_not_answered() -> None:
    from bot.facts.said import type_unsaid

    count = PartView(Part("Hvor mange kommuner er med?", (AnswerType.COUNT,)), [], frozenset(),
                     np.zeros(2), ["number"], [], set())
    aims = scored("Målet er å auke eigarskapen til barnevernet.", 0.9).candidate
    dates = scored("Neste samling er 10. og 11. november.", 0.8).candidate
    twelve = scored("Tolv kommunar er med i programmet.", 0.7).candidate
    assert type_unsaid(count, [aims, dates])  # the days of a date are no count
    assert not type_unsaid(count, [aims, twelve])
    person = PartView(Part("Hvem kan kommunen samarbeide med?", (AnswerType.PERSON,)), [],
                      frozenset(), np.zeros(2), ["person"], [], set())
    assert not type_unsaid(person, [aims])  # organisations: left to the answer model


def test_an_amount_asked_and_no_figure_in_any_sentence_is_not_answered() -> None:
    from bot.facts.said import type_unsaid

    size = PartView(Part("Hvor stor er skjønnsmiddelpotten?", (AnswerType.AMOUNT,)), [],
                    frozenset(), np.zeros(2), ["amount"], [], set())
    doubt = scored("KS spurte om skjønnsmiddelpotten er stor nok.", 0.9).candidate
    assert type_unsaid(size, [doubt])
    raised = PartView(Part("By how much was the age limit raised?", (AnswerType.AMOUNT,)), [],
                      frozenset(), np.zeros(2), ["amount"], [], set())
    age = scored("Aldersgrensen for ettervern ble hevet til 25 år.", 0.9).candidate
    assert not type_unsaid(raised, [age])  # a figure, if no sum of money, answers how much


def test_a_named_place_no_picked_sentence_names_takes_its_row_of_the_same_document():
    from bot.core.question_values import Place
    from bot.facts.missing import places_missing

    counties = tuple(Place(name=n, kind="county", current_names=(n,), former_names=())
                     for n in ("Vestland", "Rogaland"))
    question = Question(text="", language="nb", intent=Intent.FACT, standalone="",
                        today=dt.date(2026, 12, 2), counties=counties)
    asked = QuestionView(question, np.zeros(2),
                         [part_view("Hvor mange tilsyn", (AnswerType.COUNT,), "tilsyn")], [], [],
                         0.0)
    west = scored("Statsforvalteren i Vestland | 5 | Statsforvalteren i Agder | 3", 0.9)
    south = scored("Statsforvalteren i Møre og Romsdal | 3 | Statsforvalteren i Rogaland | 4", 0.5)
    faint = scored("Statsforvalteren i Rogaland | 4", 0.1)  # too far behind the best
    ranked = [[west, south, faint]]
    assert places_missing(asked, ranked, [west.candidate], 0.3) == [south.candidate]
    assert places_missing(asked, [[west, faint]], [west.candidate], 0.3) == []
    one = dataclasses.replace(asked, question=dataclasses.replace(question, counties=counties[:1]))
    assert places_missing(one, ranked, [west.candidate], 0.3) == []  # one place: nothing to add


def test_municipalities_asked_are_held_by_a_sentence_naming_them_not_by_any_place():
    """«Kva kommunar var med i tilsynet?»: «tilsyn med kommunane Sogndal, Leikanger og
    Balestrand», not «tenester frå Nav» nor «ordførar i Leikanger», is the sentence the part
    needs."""
    from indexer.models import MunicipalityMention

    leikanger = MunicipalityMention(name="Leikanger", kommunenummer="1419", county="Sogn og Fjordane",
                                    current_numbers=["4640"], current_name="Sogndal",
                                    current_county="Vestland")
    meta = META.model_copy(update={"municipalities": [leikanger]})

    def of_report(item: Scored) -> Scored:
        evidence = dataclasses.replace(item.candidate.evidence, meta=meta)
        return dataclasses.replace(item, candidate=dataclasses.replace(item.candidate,
                                                                       evidence=evidence))

    scope = of_report(scored("Tilsynet gjeld tenester til unge frå Nav.", 0.97))
    named = of_report(scored("Fylkesmannen gjennomførte tilsyn med kommunane Sogndal, Leikanger og "
                             "Balestrand.", 0.9))
    which = part_view("Kva kommunar var med i tilsynet", (AnswerType.PLACE,), "tilsynet")
    which = dataclasses.replace(which, part=dataclasses.replace(which.part, municipalities=True),
                                types=["place"])
    mayor = of_report(scored("Ho var tidlegare ordførar i Leikanger.", 0.9))
    assert not holds_types(which, scope.candidate)
    assert not holds_types(which, mayor.candidate)  # one municipality named, none listed
    assert holds_types(which, named.candidate)
    assert typed_missing(view(which), [[scope, named]], [scope.candidate], 0.3) == [named.candidate]


def test_a_deadline_pointed_at_brings_the_sentence_of_its_document_that_dates_it():
    pointed = scored("De kan sende en oppdatert søknad innen den nye fristen.", 0.9)
    dated = scored("Søknadsfristen er flyttet fra 1. desember 2026 til 1. februar 2027.", 0.4)
    other = scored("Tilskuddet kan brukes til kurs.", 0.6)
    ranked = [[pointed, other, dated]]
    assert deadline_pointed(ranked, [pointed.candidate]) == [dated.candidate]
    assert deadline_pointed(ranked, [pointed.candidate, dated.candidate]) == []  # said already
    assert deadline_pointed(ranked, [other.candidate]) == []  # no deadline pointed at


def test_a_yes_no_question_answered_from_an_inspection_report_brings_its_conclusion():
    report = META.model_copy(update={"doc_type": DocType.TILSYNSRAPPORT})

    def of_report(text: str, probability: float) -> Scored:
        s = scored(text, probability)
        return dataclasses.replace(s, candidate=dataclasses.replace(
            s.candidate, evidence=dataclasses.replace(s.candidate.evidence, meta=report)))

    held = of_report("Statsforvalteren besøkte barneverntjenesten 19. og 20. april 2023.", 0.9)
    found = of_report("Det ble ikke funnet lovbrudd under tilsynet.", 0.4)
    yes_no = view(part_view("Har noen sjekket oppfølgingen?", (AnswerType.YESNO,), "sjekket"))
    when = view(part_view("Når var tilsynet?", (AnswerType.DATE,), "tilsyn"))
    ranked = [[held, found]]
    assert inspection_conclusion(yes_no, ranked, [held.candidate]) == [found.candidate]
    assert inspection_conclusion(yes_no, ranked, [held.candidate, found.candidate]) == []
    assert inspection_conclusion(when, ranked, [held.candidate]) == []  # not a yes/no
    concluded = view(part_view("What was the conclusion", (), "conclusion"),
                     part_view("which office did it", (), "office"))
    assert inspection_conclusion(concluded, ranked, [held.candidate]) == [found.candidate]


def test_a_multi_part_question_keeps_room_for_its_second_part_after_a_long_first_answer():
    goals = scored("Prosjektet skal nå desse måla: " + "; ".join(["eit mål"] * 30) + ".", 0.9)
    share = scored("I 2023 kom 41 prosent av meldingane frå barnehage eller skule.", 0.88)
    share = Scored(dataclasses.replace(share.candidate, evidence=dataclasses.replace(
        share.candidate.evidence, chunk=share.candidate.evidence.chunk.model_copy(
            update={"chunk_id": "d:1", "position": 1}))), 0.88, [])
    max_chars = len(goals.candidate.text) + 20
    assert pick_sentences([[goals, share]], 0.3, max_chars) == [goals.candidate]
    assert pick_sentences([[goals, share], [goals, share]], 0.3, max_chars) == [
        goals.candidate, share.candidate]


def test_the_room_a_later_part_gets_is_for_a_short_sentence_never_a_second_list():
    best = scored("Samlet ramme for 2023 er 2 400 000 kr.", 0.9)
    listed = scored("Søknadene vurderes etter disse kriteriene: " + "; ".join(["et krav"] * 6)
                    + ".", 0.8)
    listed = Scored(dataclasses.replace(listed.candidate, items=6, evidence=dataclasses.replace(
        listed.candidate.evidence, chunk=listed.candidate.evidence.chunk.model_copy(
            update={"chunk_id": "d:1", "position": 1}))), 0.8, [])
    short = scored("Det kan søkes om inntil 400 000 kr per prosjekt.", 0.7)
    short = Scored(dataclasses.replace(short.candidate, evidence=dataclasses.replace(
        short.candidate.evidence, chunk=short.candidate.evidence.chunk.model_copy(
            update={"chunk_id": "d:2", "position": 2}))), 0.7, [])
    second = scored("Fristen er 15. april 2023.", 0.9)
    second = Scored(dataclasses.replace(second.candidate, evidence=dataclasses.replace(
        second.candidate.evidence, chunk=second.candidate.evidence.chunk.model_copy(
            update={"chunk_id": "d:3", "position": 3}))), 0.9, [])
    ranked = [best, listed, short]
    assert pick_sentences([ranked, [second, *ranked]], 0.3, 100) == [
        best.candidate, second.candidate, short.candidate]


def test_a_later_part_asking_of_its_own_year_takes_the_first_parts_document_saying_it():
    moved = scored("Reformen flytter 2,1 mrd. fra staten til kommunene.", 0.83)
    in_year = scored("I 2022 beregnes innlemmingen til å være 1,3 mrd.", 0.69)
    passing = scored("Nettverket samlar tal for utgifter første halvår 2022.", 0.88)
    passing = dataclasses.replace(passing, candidate=dataclasses.replace(
        passing.candidate, evidence=dataclasses.replace(
            passing.candidate.evidence, meta=META.model_copy(update={"doc_id": "other"}))))
    later = dataclasses.replace(part_view("fikk de hele summen i 2022?", (), "summen"),
                                part=Part("fikk de hele summen i 2022?", (),
                                          years=YearSpan(2022, 2022)))
    asked = view(part_view("Hvor mye flyttes?", (AnswerType.AMOUNT,), "flyttes"), later)
    ranked = [[moved, in_year], [passing, moved, in_year]]
    assert year_missing(asked, ranked, [moved.candidate, passing.candidate], 0.3) == [
        in_year.candidate]
    assert year_missing(asked, ranked, [moved.candidate, in_year.candidate], 0.3) == []
