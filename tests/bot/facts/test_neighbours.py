"""Sentences that come along with a picked one because they stand right beside it: the reply
after a yes/no sentence, what follows from it, the items under a lead-in or a heading line,
the sentence one goes on from (no model: candidates written here)."""

from __future__ import annotations

from bot.core.question import AnswerType
from bot.facts.candidates import Candidate
from bot.facts.neighbours import replies
from bot.facts.retrieval import Evidence
from indexer.models import Chunk
from tests.bot.facts.picking import META, part_view, sentences_of, view


def test_the_reply_right_after_the_sentence_that_names_a_yes_no_question_comes_along():
    text = ("STVL har løftet et ønske til Bufdir om å gå bort fra kravet. De har svart at det "
            "ikke vil bli endret i 2024. Neste sak gjaldt fagdager.")
    at = sentences_of(text)

    asked, reply, later = (at("STVL har løftet et ønske til Bufdir om å gå bort fra kravet."),
                           at("De har svart at det ikke vil bli endret i 2024."),
                           at("Neste sak gjaldt fagdager."))
    yes_no = view(part_view("Har Bufdir gått bort fra kravet?", (AnswerType.YESNO,), "kravet"))
    assert replies(yes_no, [asked, reply, later], [asked]) == [reply]
    which = view(part_view("Hvilket krav gjelder?", (), "kravet"))
    assert replies(which, [asked, reply, later], [asked]) == []  # only for yes/no


def test_what_follows_from_the_picked_sentence_decides_a_yes_no_question():
    text = "Tiltaka er vurderte som tilstrekkelege. Tilsynet er derfor avslutta. Neste punkt."
    at = sentences_of(text)

    judged, closed = at("Tiltaka er vurderte som tilstrekkelege."), at("Tilsynet er derfor avslutta.")
    still_open = view(part_view("Is the case still open?", (AnswerType.YESNO,), "case"))
    assert replies(still_open, [judged, closed], [judged]) == [closed]


def test_a_list_the_picked_sentence_introduces_comes_along_for_any_question():
    text = ("Når reformen er innført, flyttes 2,1 mrd. til kommunene. Dette fordeler seg slik:\n"
            "- 1,7 mrd. for økte egenandeler\n- 400 mill. for hjelpetiltak\n")
    chunk = Chunk(chunk_id="d:0", doc_id="d", position=0, text=text, start=0, end=len(text))
    ev = Evidence(chunk, META, 0.1, 0.5)
    moved = "Når reformen er innført, flyttes 2,1 mrd. til kommunene."
    lead = "Dette fordeler seg slik: 1,7 mrd. for økte egenandeler; 400 mill. for hjelpetiltak"
    first = Candidate(moved, ev, 0, len(moved), "", False, False, 0)
    start = text.index("Dette")
    split = Candidate(lead, ev, start, text.index("\n- 400") + 28, "", False, False, 2)
    how_much = view(part_view("Hvor mye flyttes, og hvordan fordeles det?", (AnswerType.AMOUNT,),
                              "flyttes"))
    assert replies(how_much, [first, split], [first]) == [split]


def test_a_heading_line_a_pdf_kept_as_text_brings_the_list_it_heads():
    text = ("Tema som prioriteres\nFor 2026 prioriteres disse temaene: ettervern; samisk språk."
            "\nKriterier")
    at = sentences_of(text)

    heading = at("Tema som prioriteres")
    listed = at("For 2026 prioriteres disse temaene: ettervern; samisk språk.", items=2)
    asked = view(part_view("Kva tema vert prioriterte?", (), "tema"))
    assert replies(asked, [heading, listed], [heading]) == [listed]
    sentence = at("For 2026 prioriteres disse temaene: ettervern; samisk språk.")  # no items
    assert replies(asked, [heading, sentence], [heading]) == []


def test_a_sentence_going_on_from_the_one_before_brings_it_along():
    """«… sikrar ikkje at alle ungdomar får medverke. Styringstiltaka sikrar heller ikkje at
    Nav …»: the second says half of the finding without the first."""
    text = ("Kommunens styringstiltak sikrar ikkje at alle ungdomar får medverke. Styringstiltaka "
            "sikrar heller ikkje at Nav opplyser alle saker. Vi takkar for samarbeidet.")
    at = sentences_of(text)

    first, goes_on, thanks = (at("Kommunens styringstiltak sikrar ikkje at alle ungdomar får "
                                 "medverke."),
                              at("Styringstiltaka sikrar heller ikkje at Nav opplyser alle saker."),
                              at("Vi takkar for samarbeidet."))
    asked = view(part_view("Kva sikra ikkje styringstiltaka?", (), "styringstiltak"))
    assert replies(asked, [first, goes_on, thanks], [goes_on]) == [first]
    assert replies(asked, [first, goes_on, thanks], [first]) == []  # nothing goes on from it


def test_a_sentence_saying_what_the_one_before_means_brings_it_along():
    """«I Trøndelag er det etablert fem regionale læringsnettverk. Dette betyr at alle
    tjenestene er tilknyttet et nettverk.»: «how many networks?» is answered by the first."""
    text = ("I Trøndelag er det etablert fem regionale læringsnettverk. Dette betyr at alle "
            "barneverntjenestene i fylket er tilknyttet et læringsnettverk. Neste samling er i mai.")
    at = sentences_of(text)
    five, means, next_one = (at("I Trøndelag er det etablert fem regionale læringsnettverk."),
                             at("Dette betyr at alle barneverntjenestene i fylket er tilknyttet "
                                "et læringsnettverk."),
                             at("Neste samling er i mai."))
    asked = view(part_view("Hvor mange læringsnettverk er det?", (), "læringsnettverk"))
    assert replies(asked, [five, means, next_one], [means]) == [five]
    assert replies(asked, [five, means, next_one], [next_one]) == []  # says nothing of it
