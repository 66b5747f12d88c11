"""What kind of answer a part asks for (`kinds`): a date, an amount, a contact, a list, a
duration, a provision of a law, a person by name (`person`) and the role asked of."""

from __future__ import annotations

import pytest

from bot.core.question import AnswerType
from bot.core.understand import understand


@pytest.mark.parametrize("text", [
    "Hvor står plikten til internkontroll?", "Hvilke lovbestemmelser ble brutt?",
    "Which section of the act requires internal control?", "Kva er heimelen for tilsynet?",
    "Kva for lovføresegner braut kommunen?",
])  # fmt: skip
def test_a_provision_of_a_law_is_an_answer_type(kit, text):
    assert AnswerType.LAW in understand(text, [], kit).parts[0].answer_types


@pytest.mark.parametrize("text", [
    "I heard they got roughly a million kroner for the project. Is that right?",
    "Er totalbudsjettet over en halv million?",
    "Fikk Haugesund 900 000 kr?",
])  # fmt: skip
def test_a_sum_the_question_states_is_checked_as_an_amount(kit, text):
    assert AnswerType.AMOUNT in understand(text, [], kit).parts[0].answer_types


@pytest.mark.parametrize(("text", "kind"), [
    ("Holmestrand-tilsynet var i mai 2023, sant?", AnswerType.DATE),
    ("Er overgangsperioden fortsatt på to år?", AnswerType.DURATION),
    ("Skulle de gjennomføre 50 tilsyn i 2023?", AnswerType.COUNT),
    ("Var samlingen 12.02.2019?", AnswerType.DATE),
])  # fmt: skip
def test_a_yes_no_question_claiming_a_fact_asks_that_kind_of_fact(kit, text, kind):
    types = understand(text, [], kit).parts[0].answer_types
    assert types == (AnswerType.YESNO, kind)


def test_a_date_in_the_topic_before_a_yes_no_question_is_no_claim(kit):
    """«Vi søkte i september – må vi søke på nytt?»: the month tells when they applied."""
    types = understand("Vi søkte etter utlysningen i september – må vi søke på nytt?", [],
                       kit).parts[0].answer_types
    assert types == (AnswerType.YESNO,)


@pytest.mark.parametrize(("text", "kind"), [
    ("Hvilke datoer var statsforvalteren på besøk i Holmestrand?", AnswerType.DATE),
    ("Which dates did the inspectors visit?", AnswerType.DATE),
    ("Above what amount must unused funds be paid back?", AnswerType.AMOUNT),
    ("How big is the total pot?", AnswerType.AMOUNT),
    ("Kva dagar gjekk tilsynet føre seg?", AnswerType.DATE),
    ("Which county requires the biggest own share?", AnswerType.AMOUNT),
    # the noun phrase after «hva er den» is what is asked, however many words describe it
    ("Hva er den månedlige kommunale egenandelen for en institusjonsplass?", AnswerType.AMOUNT),
])  # fmt: skip
def test_the_kind_of_fact_asked_by_its_plural_or_english_name(kit, text, kind):
    assert understand(text, [], kit).parts[0].answer_types[0] == kind


def test_a_contact_both_sums_or_the_parts_of_a_thing_asked_by_their_words(kit):
    asked = {
        "hva er tlf nr til kontaktpersonen?": AnswerType.CONTACT,
        "What is the phone number of the contact person?": AnswerType.CONTACT,
        "Kva er e-postadressa til rådgjevaren?": AnswerType.CONTACT,
        "Fikk Holmestrand innvilget hele beløpet de søkte om til prosjektet?": AnswerType.AMOUNT,
        "Did they get the full amount they applied for?": AnswerType.AMOUNT,
        "Fekk dei alt dei søkte om?": AnswerType.AMOUNT,
        "Kva må ein sluttrapport innehalde etter retningslinene?": AnswerType.LIST,
        "What must the final report contain?": AnswerType.LIST,
        "Hva besto oppfølgingsmodellen for fosterforeldre av?": AnswerType.LIST,
    }
    for text, kind in asked.items():
        assert kind in understand(text, [], kit).parts[0].answer_types, text
    for line in ("Fortsetter vakttelefonen for fosterforeldre?", "Did they keep the phone line?"):
        assert AnswerType.CONTACT not in understand(line, [], kit).parts[0].answer_types


def test_each_part_knows_whether_it_asks_which_municipalities(kit):
    q = understand("Hvilke kommuner er med i KS Barnevernløft, og når startet det?", [], kit)
    assert [p.municipalities for p in q.parts] == [True, False]


def test_which_asks_a_list_of_a_plural_not_of_one_thing(kit):
    def types(text: str) -> tuple[AnswerType, ...]:
        return understand(text, [], kit).parts[0].answer_types

    assert types("Which measures did they try?") == types("Which of them?") == (AnswerType.LIST,)
    assert AnswerType.LIST not in types("Prop. 133 L mentions criticism – which court is it?")


def test_an_age_is_asked_as_years_like_a_duration(kit):  # «til og med 24 år»
    for text in ("What age group did the inspection of Nav Leikanger look at?",
                 "Kor gamle kunne ungdomane vere?"):
        assert understand(text, [], kit).parts[0].answer_types == (AnswerType.DURATION,)


def test_what_the_money_may_go_to_asked_in_the_active_voice_is_a_list_of_uses(kit):
    def first_kind(text: str) -> AnswerType:
        return understand(text, [], kit).parts[0].answer_types[0]

    assert first_kind("Kva kan vi bruke stimuleringsmidlane til i Møre og Romsdal?") \
        == first_kind("What can we spend the grant on?") == AnswerType.LIST
    assert first_kind("Kan vi bruke midlene til utstyr?") == AnswerType.YESNO  # may we?


def test_what_a_request_asks_for_is_read_after_the_request(kit):
    dates = "Can you list the on-site inspection dates for each report?"
    assert understand(dates, [], kit).parts[0].answer_types == (AnswerType.DATE,)
    listed = "Kan du liste opp prosjektene i Agder?"
    assert understand(listed, [], kit).parts[0].answer_types == (AnswerType.LIST,)


@pytest.mark.parametrize("text", ["Hvor lang ble overgangsordningen?",
                                  "Kor lenge kan ein få tilskot?",
                                  "How long is the transition period?"])
def test_how_long_asks_for_a_duration(kit, text):
    assert AnswerType.DURATION in understand(text, [], kit).parts[0].answer_types


@pytest.mark.parametrize("text", ["Hva er totalbudsjettet?", "Hva er søknadsbeløpet?",
                                  "Kva er totalkostnaden for prosjektet?"])
def test_a_compound_of_a_money_word_asks_an_amount(kit, text):
    assert understand(text, [], kit).parts[0].answer_types == (AnswerType.AMOUNT,)


def test_which_kinds_of_a_sum_is_a_list_and_a_bare_which_borrows_its_noun(kit):
    """«hvilke egenandeler går opp, og hvilke går ned?» asks which kinds (a list), and the
    second «hvilke» is of the same noun; «hvor stor egenandel» still asks an amount."""
    q = understand("hvilke egenandeler går opp og hvilke går ned for kommunene med reformen?",
                   [], kit)
    assert [p.answer_types for p in q.parts] == [(AnswerType.LIST,), (AnswerType.LIST,)]
    assert q.parts[1].text.startswith("hvilke egenandeler går ned")
    share = understand("Hvor stor egenandel krever Trøndelag?", [], kit)
    assert AnswerType.AMOUNT in share.parts[0].answer_types
    which = understand("Hvilket beløp søkte Kvam om?", [], kit)
    assert AnswerType.AMOUNT in which.parts[0].answer_types  # one sum, named by «hvilket»
    holds = understand("Hva skal være med i en sluttrapport, og hvor lang kan den være?", [], kit)
    assert holds.parts[0].answer_types == (AnswerType.LIST,)  # its parts, each of them


@pytest.mark.parametrize("text, person", [
    ("Hvem leder vold- og overgrepsprosjektet i Kongsberg?", True),
    ("Kven leier Valdres-prosjektet, og kor mykje søkjer dei om?", True),
    ("Who's running the early-intervention project in Valdres?", True),
    ("Rogaland 2023: søknadsfrist, og hvem var kontaktperson?", True),
    ("Hvem er vertskommune for prosjektet?", False),  # a municipality
    ("Hvem samarbeider prosjektet med?", False),  # an institution
])
def test_each_part_knows_whether_it_asks_a_person_by_name(kit, text, person):
    assert any(part.person for part in understand(text, [], kit).parts) is person


@pytest.mark.parametrize(("text", "role"), [
    ("Hvem var prosjektleder for fosterhjemsprosjektet i Bodø?", "prosjektleder"),
    ("Kven er kontaktperson for stimuleringsmidlane?", "kontaktperson"),
    ("Who is the project manager in Rana?", "project manager"),
    ("Hvem deltok på møtet?", ""),  # no role: who took part
    ("Hvem var kontaktpersonen til kommunen under tilsynet?", "kontaktpersonen"),
    ("Hva heter Nav-lederen i Leikanger?", "nav-lederen"),
    ("Kva heiter koordinatoren i Narvik?", "koordinatoren"),
    ("What is the name of the project leader?", "project leader"),
    ("Hva heter prosjektet i Kvam?", ""),  # a project's name, no one's
])
def test_the_role_whose_holder_is_asked_for(kit, text, role):
    part = understand(text, [], kit).parts[0]
    assert part.role == role
    assert (AnswerType.PERSON in part.answer_types) == bool(role or text.startswith("Hvem"))


def test_a_leader_asked_with_a_verb_is_the_role_asked() -> None:
    from bot.core.understand.kinds import role_asked

    assert role_asked("hvem leder dem?") == "leder"
    assert role_asked("Kven leidde prosjektet?") == "leder"
    assert role_asked("Hvem var prosjektleder for Neste steg?") == "prosjektleder"
    assert role_asked("Hvem deltok på møtet?") == ""


@pytest.mark.parametrize("text", ["Hva er forskjellen på Viken og Trøndelag når det gjelder egenandel?",
                                  "Kva seier retningslinja når det kjem til utstyr?"])
def test_when_it_comes_to_asks_no_date(kit, text):
    assert AnswerType.DATE not in understand(text, [], kit).parts[0].answer_types


def test_when_asks_a_date(kit):
    assert AnswerType.DATE in understand("Når er fristen?", [], kit).parts[0].answer_types


@pytest.mark.parametrize("text", [
    "Kan bydeler i Oslo søke, og rekker vi fortsatt å søke?",
    "Can we still apply for the grant?",
    "Er det for seint å søke om midlar no?",
])  # fmt: skip
def test_whether_there_is_still_time_to_apply_asks_the_deadline(kit, text):
    assert AnswerType.DATE in understand(text, [], kit).parts[-1].answer_types
