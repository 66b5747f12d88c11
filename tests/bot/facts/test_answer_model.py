"""The answer model's parts that need no corpus: the kind-of-fact check, the pairwise ranker's
fitting, and the rule that picks an answer's sentences within its length cap."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bot.evaluation.fitting import pair_differences, pairwise, pointwise
from bot.facts.answer_types import has_type
from bot.facts.candidates import Candidate
from bot.facts.gate import Scored
from bot.facts.pick import pick_sentences
from bot.facts.retrieval import Evidence
from indexer.models import Chunk, DocumentMeta


@pytest.mark.parametrize(("sentence", "number"), [
    ("Prosjektperiode: 1. oktober 2023 – 30. september 2025", False),  # a date, not an amount
    ("Søknadsfrist: 15.01.2026", False),
    ("Det søkes om 380 000 kr i stimuleringsmidler.", True),
    ("Styringsgruppa møttes åtte ganger i 2022.", True),  # a count written in words
    ("Prosjektet må omfatte to eller flere kommuner.", True),
    ("Rapporten kom i 2021.", False),  # a year alone
])
def test_an_amount_or_count_is_not_the_day_of_a_date(sentence, number):
    assert has_type(sentence, "number") is number


@pytest.mark.parametrize(("sentence", "amount"), [
    ("Statsforvalteren i Vestland | 5 | Statsforvalteren i Agder | 3", False),  # a count
    ("For 2019 fikk Agder 1 800 000 kr til læringsnettverkene.", True),
    ("Kommunene dekker minst 20 prosent av kostnadene.", True),
    ("Samlet ramme er fire millioner kroner.", True),
    ("2,1 mrd. flyttes fra staten til kommunene.", True),
    ("I 2020 deltok 5 kommuner.", False),  # a year is no amount
])
def test_an_amount_is_money_a_share_or_a_large_figure(sentence, amount):
    assert has_type(sentence, "amount") is amount


@pytest.mark.parametrize(("kind", "sentence", "held"), [
    ("law", "Plikten følger av barnevernloven § 2-1 andre ledd.", True),
    ("law", "Kommunen bryt barnevernslova 6-3 a og forvaltningslova 17.", True),
    ("law", "Se kapittel 5 i forskriften.", True),
    ("law", "Søknadsfrist: 15.01.2026", False),
    ("law", "Prosjektet varte i 2019–2020.", False),  # a span of years is no provision
    ("duration", "Overgangsordningen forlenges til tre år.", True),
    ("duration", "Solberg-regjeringen foreslo en toårs overgangsperiode.", True),
    ("duration", "Tilsynet skal være ferdig innen to måneder.", True),
    ("duration", "The transition lasts three years.", True),
    ("duration", "Overgangsordningen ble forlenget i 2022.", False),  # a year is no length
])
def test_a_provision_of_a_law_or_a_length_of_time(kind, sentence, held):
    assert has_type(sentence, kind) is held


def test_pairs_are_made_only_within_a_question():
    z = np.asarray([[1.0], [0.0], [5.0], [3.0]])
    y = np.asarray([1, 0, 1, 0])
    groups = np.asarray([0, 0, 1, 1])
    diffs = pair_differences(z, y, groups, np.random.default_rng(0))
    assert sorted(diffs[:, 0].tolist()) == [1.0, 2.0]  # never 1 - 3 across questions


def test_the_pairwise_ranker_learns_the_order_within_questions():
    """Each question's answering sentence has the higher first feature, but questions differ in
    level: a pointwise fit is misled by the level (the second feature), the pairwise one not."""
    rng = np.random.default_rng(1)
    x, y, groups = [], [], []
    for q in range(60):
        level = rng.normal() * 5
        for i in range(6):
            answers = i == 0
            x.append([level + (1.0 if answers else 0.0) + rng.normal() * 0.1, level])
            y.append(int(answers))
            groups.append(q)
    xs, ys, gs = np.asarray(x), np.asarray(y), np.asarray(groups)
    ranker = pairwise(xs, ys, gs, ("f", "level"))
    probs = ranker.probabilities(xs)
    top = [int(np.argmax(np.where(gs == q, probs, -1))) for q in range(60)]
    assert all(ys[t] == 1 for t in top)
    assert probs.min() > 0.0 and probs.max() < 1.0
    assert len(pointwise(xs, ys, ("f", "level")).weights) == 2


def test_the_perceptron_learns_what_a_line_cannot():
    """A sentence answers when it is close in meaning AND says the question's words, not when
    it has either alone: no weighted sum of the two separates that as well as one hidden
    layer does; the saved model answers with numpy alone and survives its JSON."""
    from bot.evaluation.fitting import perceptron
    from bot.facts.model import AnswerModel, Perceptron

    rng = np.random.default_rng(2)
    close, words = rng.random(3000), rng.random(3000)
    xs = np.column_stack([close, words])
    ys = ((close > 0.5) & (words > 0.5)).astype(int)
    net = perceptron(xs, ys, ("close", "words"))
    accuracy = float(np.mean((net.probabilities(xs) >= 0.5) == ys))
    line = pointwise(xs, ys, ("close", "words"))
    assert accuracy > 0.9 and accuracy > float(np.mean((line.probabilities(xs) >= 0.5) == ys))
    again = Perceptron.model_validate_json(net.model_dump_json())
    assert np.allclose(again.probabilities(xs[:5]), net.probabilities(xs[:5]))
    model = AnswerModel.model_validate({"sentence": net.model_dump(), "answerable": line.model_dump(),
                                        "threshold": 0.5, "supporting": 0.5, "fit_weight": 0.0})
    assert isinstance(model.sentence, Perceptron)


def _candidate(text: str, start: int, chunk: str = "c1") -> Candidate:
    meta = DocumentMeta(doc_id="d", source="doc.md", path="doc.md", title="Doc")
    ev = Evidence(Chunk(chunk_id=f"{chunk}-{start}", doc_id="d", position=0, text=text,
                        start=0, end=len(text)), meta, score=1.0, dense=0.5)
    return Candidate(text, ev, start, start + len(text), "", False, False, 0)


def _scored(part, cand: Candidate, probability: float, **values: float) -> Scored:  # type: ignore[no-untyped-def]
    """Scored as the sentence model sees it: «rarest» read from its text as features.py reads
    it, the other features as given (0 when not)."""
    from bot.facts.features import SENTENCE_FEATURES
    from bot.facts.words import matches
    from indexer.store.lexical import tokenize

    values["rarest"] = float(bool(part.rarest)
                             and matches(part.rarest, frozenset(tokenize(cand.text))))
    return Scored(cand, probability, [values.get(name, 0.0) for name in SENTENCE_FEATURES])


def test_supporting_sentences_stop_at_the_length_cap():
    texts = ["A" * 150, "B" * 150, "C" * 150, "D" * 40]
    ranked = [Scored(_candidate(t, i * 200), p, []) for i, (t, p) in
              enumerate(zip(texts, [0.9, 0.8, 0.7, 0.6], strict=True))]
    assert [c.text[0] for c in pick_sentences([ranked], 0.3, 400)] == ["A", "B", "D"]
    assert [c.text[0] for c in pick_sentences([ranked], 0.3, 500)] == ["A", "B", "C", "D"]
    assert [c.text[0] for c in pick_sentences([ranked], 0.95, 500)] == ["A"]


def test_a_later_part_takes_a_near_sentence_that_says_its_words():
    from bot.core.question import Part
    from bot.facts.features import PartView

    def view(text: str, focus: str) -> PartView:
        return PartView(part=Part(text), groups=[], words=frozenset(), vector=np.zeros(1),
                        types=[], focus=[({focus}, 1.0)], rarest={focus})

    leader = _candidate("Prosjektleder: Solveig Hjelmås Tveit", 0)
    team = _candidate("Felles rekrutteringsteam med én ansatt fra hver kommune", 100)
    period = _candidate("Prosjektperiode: 1. april 2019 – 31. desember 2020", 200)
    first = [Scored(leader, 1.0, []), Scored(team, 0.9, [])]
    second = [Scored(leader, 0.99, []), Scored(team, 0.98, []), Scored(period, 0.97, [])]
    parts = [view("Hvem er prosjektleder", "prosjektled"), view("hva er prosjektperioden?",
                                                                 "prosjektperiod")]
    picked = pick_sentences([first, second], 0.99, 400, parts)
    assert picked == [leader, period]  # not the first part's sentence again, nor the team
    assert pick_sentences([first, second], 0.99, 400) == [leader]  # without the parts' words


def test_a_later_part_never_swaps_to_a_document_that_fits_the_question_worse():
    import dataclasses

    from bot.core.question import Part
    from bot.facts.features import PartView

    def view(text: str, focus: str) -> PartView:
        return PartView(part=Part(text), groups=[], words=frozenset(), vector=np.zeros(1),
                        types=[], focus=[({focus}, 1.0)], rarest={focus})

    here = _candidate("Ubrukte midler over 50 000 kr skal betales tilbake innen 15. desember", 0)
    there = _candidate("Søknad om overføring må kome innan 1. desember", 100, "c2")
    there = dataclasses.replace(there, evidence=dataclasses.replace(there.evidence, fit=-1.0))
    parts = [view("hvor mye ubrukte midler", "ubrukt"), view("når må vi søke om overføring",
                                                             "overføring")]
    ranked = [Scored(here, 0.97, []), Scored(there, 0.44, [])]
    assert pick_sentences([ranked, ranked], 0.99, 400, parts) == [here]  # another county's


def test_a_refusal_is_for_another_place_or_year_only_when_the_sources_are():
    """«For tilskuddsåret 2023 prioriteres …» asked of 2023 and still refused was said to be
    refused «for 2023», quoting that very sentence as what there is instead."""
    from bot.facts.gate import FIT_NEUTRAL, QUESTION_FEATURES, fit_against

    fitting = [FIT_NEUTRAL.get(name, 0.5) for name in QUESTION_FEATURES]
    index = {name: i for i, name in enumerate(QUESTION_FEATURES)}
    fitting[index["best_fit_year"]] = 1.0
    fitting[index["best_fit_place"]] = 1.0
    assert not fit_against(fitting)
    for name, value in (("best_fit_year", -1.0), ("year_conflict", 1.0),
                        ("best_fit_place", -0.5)):
        against = list(fitting)
        against[index[name]] = value
        assert fit_against(against), name
    # the answer's sentences do not write the year: against only where the document is not of
    # it either («Jeg finner ikke dette for Nordland 2026. Det nærmeste gjelder Nordland 2026»
    # was said of the 2026 call's «Tema som prioriteres»)
    unwritten = list(fitting)
    unwritten[index["answer_year"]] = 0.0
    assert not fit_against(unwritten)
    unwritten[index["best_fit_year"]] = 0.0
    assert fit_against(unwritten)


def test_the_next_meeting_is_one_still_ahead_when_one_is_known():
    """«Når er neste møte?» on 2 December 2026: the referat of 2019's «neste møte» has passed;
    the one ahead leads, passed ones step aside; one ahead about something else («statusrapport
    innen 15. januar 2027») or of another network than the one named is no answer."""
    import datetime as dt

    from bot.core.question import AnswerType, Part
    from bot.facts.features import PartView
    from bot.facts.upcoming import upcoming_first
    from indexer.store.lexical import tokenize

    today = dt.date(2026, 12, 2)
    main = PartView(part=Part("Når er neste møte?", (AnswerType.DATE,)), groups=[],
                    words=frozenset(), vector=np.zeros(1), types=[AnswerType.DATE],
                    focus=[(set(tokenize("møte")), 1.0)], rarest=set(tokenize("møte")))
    passed = _candidate("Neste møte: 19. november 2019 i Vennesla.", 0)
    report = _candidate("Statusrapport innen 15. januar 2027.", 100)
    coming = _candidate("Neste møte: 10. februar 2027 på Raufoss.", 200)
    assert upcoming_first(main, [_scored(main, passed, 0.9, names=1.0),
                                 _scored(main, report, 0.8, names=1.0),
                                 _scored(main, coming, 0.7, names=1.0)], [passed, report],
                          today) == [coming, report]
    assert upcoming_first(main, [_scored(main, passed, 0.9, names=1.0),
                                 _scored(main, report, 0.8, names=1.0)],
                          [passed], today) == [passed]  # nothing ahead: the passed one stays
    elsewhere = _scored(main, coming, 0.9, names=0.0)  # the network named is not in its chunk
    assert upcoming_first(main, [elsewhere], [passed], today) == [passed]


def test_what_something_may_be_used_for_is_answered_by_its_list():
    """«Hva kan midlene brukes til?»: the lead-in «Midlane kan nyttast til:» with its items,
    nearly as likely as the guideline's opening, comes first."""
    from bot.core.question import AnswerType, Part
    from bot.core.understand.kinds import answer_types
    from bot.facts.features import PartView
    from bot.facts.pick import list_first
    from indexer.store.lexical import tokenize

    asked = "Hva kan stimuleringsmidlene brukes til?"
    assert answer_types(asked) == (AnswerType.LIST,)
    assert answer_types("What can the funds be used for?") == (AnswerType.LIST,)
    assert answer_types("Hva kan kommunene søke om?") == ()  # no use asked
    assert answer_types("What did Narvik and Hamarøy actually do?") == (AnswerType.LIST,)
    assert answer_types("Hva har kommunene gjort for å rekruttere?") == (AnswerType.LIST,)
    assert answer_types("What did the project cost?") == (AnswerType.AMOUNT,)  # not what was done
    assert answer_types("hva kostet det totalt?") == (AnswerType.AMOUNT,)
    assert answer_types("budget versus actual spending") == (AnswerType.AMOUNT,)
    assert answer_types("what explains the difference?") == (AnswerType.REASON,)
    assert answer_types("What can the money be spent on?") == (AnswerType.LIST,)  # its uses
    rarest = set(tokenize("brukes")) | set(tokenize("nyttast"))
    part = PartView(part=Part(asked, (AnswerType.LIST,)), groups=[], words=frozenset(),
                    vector=np.zeros(1), types=[AnswerType.LIST], focus=[(rarest, 1.0)],
                    rarest=rarest)
    opening = _scored(part, _candidate("Retningslinene gjeld frå 2024.", 0), 0.99)
    lead_in = _candidate("Midlane kan nyttast til: prosjektleiing; reiser; fagdagar.", 100)
    lead_in = dataclasses.replace(lead_in, items=3)
    ranked = [opening, _scored(part, lead_in, 0.97)]
    assert list_first([part], [ranked], 0.3)[0][0].candidate is lead_in
    assert list_first([part], [ranked], 0.99)[0][0] is opening  # far less likely: stays second


def test_a_decision_still_to_be_made_is_told_as_not_made():
    """«Vedtok kommunestyret …?» asked on 4 December 2026 of «Kommunestyret behandler saken 10.
    desember 2026»: the matter is taken up on a day still ahead, so nothing is decided yet; a
    decision already made about a later day («Vedtak: vakten starter 1. april 2027») is one,
    and a council that met before today has decided (the sources may say how elsewhere)."""
    import datetime as dt

    from bot.facts.upcoming import still_ahead

    today = dt.date(2026, 12, 4)
    pending = _candidate("Kommunestyret i Nordre Land behandler saken 10. desember 2026.", 0)
    made = _candidate("Vedtak: Styringsgruppen anbefaler at vakten starter 1. april 2027.", 100)
    held = _candidate("Kommunestyret behandler saken 10. oktober 2026.", 200)
    assert still_ahead([made, pending], today) is pending
    assert still_ahead([made, held], today) is None


@pytest.mark.parametrize(("text", "decided"), [
    ("Vedtok kommunestyret i Nordre Land å bli med i barnevernsvakta?", True),
    ("Sa kommunestyret i Nordre Land ja til avtalen?", True),
    ("What did the municipal council decide about joining?", True),
    ("How did the council vote on the agreement?", True),
    # told as not yet made, then something else asked
    ("Starter vakta selv om Nordre Land ikke har vedtatt avtalen ennå?", False),
    ("Når starter barnevernsvakta i Gjøvikregionen?", False),
])  # fmt: skip
def test_a_question_asks_a_decision_made(text, decided):
    from bot.core.understand.decisions import asks_decided

    assert asks_decided(text) is decided


def test_a_year_as_the_rarest_word_needs_the_rarest_other_word_too():
    """«Søknadsfristen for foreldrestøttende tiltak i 2025?»: a 2025 sentence of another scheme
    holds the year, not the scheme, so it does not say what was asked."""
    from types import SimpleNamespace

    from bot.core.question import AnswerType, Part
    from bot.facts.compose import _says_focus
    from bot.facts.features import PartView
    from indexer.store.lexical import tokenize

    focus = [(set(tokenize("søknadsfrist")), 3.2), (set(tokenize("foreldrestøttende")), 3.3),
             (set(tokenize("2025")), 3.4)]
    main = PartView(part=Part("Søknadsfristen for foreldrestøttende tiltak i 2025?",
                              (AnswerType.DATE,)), groups=focus, words=frozenset(),
                    vector=np.zeros(1), types=[AnswerType.DATE], focus=focus,
                    rarest=set(tokenize("2025")))
    view = SimpleNamespace(parts=[main])
    other = _candidate("Statsforvalteren holder et søknadsverksted 2. desember 2025.", 0)
    asked = _candidate("Søknadsfrist for foreldrestøttende tiltak 2025: 1. mars 2025.", 100)
    assert not _says_focus(view, other)  # type: ignore[arg-type]
    assert _says_focus(view, asked)  # type: ignore[arg-type]


def test_a_compound_asked_is_said_by_its_first_half():
    """«… ikke nådd i ettervernsprosjektet …» asked of a report on «ettervern»: the compound's
    first half says what it is about; a short or unrelated word does not."""
    from bot.facts.words import modifier_said
    from indexer.store.lexical import tokenize

    asked = set(tokenize("ettervernsprosjektet"))
    assert modifier_said(asked, frozenset(tokenize("ettervern for ungdom i Narvik")))
    assert not modifier_said(asked, frozenset(tokenize("fosterhjem i Narvik")))
    assert not modifier_said(set(tokenize("ettervernet")), frozenset(tokenize("ettervern")))


def test_still_asks_about_the_time_while_continued_is_a_topic(sample_context):
    """«Er fristen fortsatt 1. mars?», «Is it still going?»: the adverb is no word the answer
    must say; «Fortsatte de med vakttelefonen?» asks whether they continued (same stem)."""
    from bot.facts.words import content_groups

    lexical = sample_context.store.lexical()
    still = {s for g, _ in content_groups("Er prosjektet fortsatt i gang?", lexical) for s in g}
    went_on = {s for g, _ in content_groups("Fortsatte de med prosjektet?", lexical) for s in g}
    english = {s for g, _ in content_groups("Is the project still going?", lexical, True)
               for s in g}
    assert not any(s.startswith("fortsat") for s in still | english)
    assert any(s.startswith("fortsat") for s in went_on)
