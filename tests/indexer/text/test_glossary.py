"""The domain vocabulary that bridges English, Nynorsk and Bokmål for word-level matching."""

from __future__ import annotations

import pytest

from indexer.store.lexical import tokenize
from indexer.text.glossary import bridged, expand


def stems_of(text: str) -> set[str]:
    return {stem for group in expand(text) for stem in group}


@pytest.mark.parametrize("question", [
    "Er tilsynet fortsatt åpent?", "Er tilsynet framleis ope?", "Is the inspection closed?",
])
def test_open_or_closed_reaches_the_word_an_inspection_report_closes_with(question):
    assert set(tokenize("avslutta avsluttet")) & stems_of(question)


@pytest.mark.parametrize("question", [
    "Hvilke utlysninger er fortsatt åpne?", "Kva utlysingar er framleis opne?",
    "Which calls are still open?",
])
def test_open_reaches_the_deadline_a_call_states(question):
    assert set(tokenize("søknadsfrist")) & stems_of(question)


def test_an_english_breach_of_the_law_reaches_lovbrudd_and_lovbrot():
    assert set(tokenize("lovbrudd lovbrot")) <= stems_of("Did they find any breaches of the law?")


@pytest.mark.parametrize("question", [
    "Who is the project manager?", "Hvem er prosjektleder?", "Hvem ledet prosjektet?",
    "Who led the project in Narvik?",
])
def test_a_project_leader_asked_in_english_or_bokmal_reaches_the_nynorsk_label(question):
    assert set(tokenize("prosjektleiar")) & stems_of(question)


@pytest.mark.parametrize(("question", "norwegian"), [
    ("Is Bufdir's guide on internal control still up to date?", "internkontroll veileder"),
    ("Which legal provision is the duty based on?", "lovbestemmelse plikt"),
    ("What do the case workers say?", "saksbehandlere"),  # a phrase in the plural
    ("How many learning networks are there?", "læringsnettverk"),
    ("Did they find any breaches?", "funnet lovbrudd"),  # «Det ble ikke funnet lovbrudd»
    ("Was anything found?", "avdekket"),
    ("When did the county governor visit the service?", "besøkte"),
    ("What activities does the project plan?", "tiltak"),  # a description's «Tiltak»
    ("Hvilke aktiviteter planla prosjektet?", "tiltak"),
])  # fmt: skip
def test_english_words_of_the_field_reach_the_documents_words(question, norwegian):
    assert set(tokenize(norwegian)) <= stems_of(question)


def test_a_possessive_is_no_word_of_its_own():
    assert {"s"}.isdisjoint(stems_of("Bufdir's guide"))


def test_the_word_index_is_given_the_documents_words_beside_the_question():
    assert bridged("Who hosts the foster homes project?").startswith("Who hosts the foster")
    assert "fosterhjem" in bridged("Who hosts the foster homes project?")
    assert bridged("Hvem leder prosjektet?") == "Hvem leder prosjektet? leiar leiaren"
    assert bridged("Kva er fristen?") == "Kva er fristen?"  # nothing to add


def test_bokmal_brukes_reaches_nynorsk_nyttast():
    assert set(tokenize("nyttast")) <= stems_of("Hva kan midlene brukes til?")


@pytest.mark.parametrize(("bokmal", "nynorsk"), [("dekker", "dekkjer"), ("legge", "leggje")])
def test_a_bokmal_k_or_g_before_e_reaches_the_nynorsk_kj_or_gj(bokmal, nynorsk):
    """«hvor mye dekker kommunene selv?» of «Kommunane dekkjer 190 000 kr»: only where the
    documents write the Nynorsk form."""
    written = set(tokenize(nynorsk))
    assert written <= {s for g in expand(bokmal, lambda stem: stem in written) for s in g}


def test_a_nynorsk_form_the_documents_never_write_is_not_searched():
    assert not set(tokenize("leggje")) & stems_of_known("legge", lambda stem: False)


def stems_of_known(text: str, known) -> set[str]:  # type: ignore[no-untyped-def]
    return {stem for group in expand(text, known) for stem in group}


def test_neighbouring_english_words_are_also_searched_as_one_norwegian_compound() -> None:
    words = bridged("How much went into foster care positions?").split()
    assert "fosterhjemsstilling" in words and "fosterhjemstilling" in words
    assert "fosterhjemsstilling" not in bridged("Hvor mange stillinger har fosterhjem?").split()


@pytest.mark.parametrize("question", ["Hva er totalbudsjettet?", "What is the total budget?"])
def test_a_total_budget_reaches_the_sum_row_of_a_budget_table(question):
    assert set(tokenize("sum budsjett")) <= stems_of(question)


@pytest.mark.parametrize("question", ["Hva kostet prosjektet totalt?", "Kva kosta det?",
                                      "What was the actual spending?"])
def test_what_a_project_cost_reaches_the_accounts_and_the_spending(question):
    assert set(tokenize("forbruk")) <= stems_of(question)


@pytest.mark.parametrize("question", ["Kor stor eigendel må kommunane dekkje?",
                                      "Hvor stor egenandel kreves?"])
def test_an_own_share_reaches_every_name_the_documents_give_it(question):
    assert set(tokenize("egenandel eigeninnsats")) <= stems_of(question)


@pytest.mark.parametrize("question", ["Hvilke statsforvaltere står bak rapportene?",
                                      "Kva statsforvaltarar står bak?", "Which fylkesmenn?"])
def test_the_county_governors_reach_every_name_they_go_by(question):
    assert set(tokenize("fylkesmann")) <= stems_of(question)  # before 2021


def test_fewer_young_people_quitting_early_reaches_the_documents_words():
    question = "Did they manage to cut the number of young people who quit aftercare early?"
    assert set(tokenize("færre ungdom avslutter tidlig")) <= stems_of(question)


@pytest.mark.parametrize("question", [
    "Fortsatte de med vakttelefonen etter prosjektet?",
    "Fortsetter fadderordningen?",
    "Did they continue the on-call phone?",
])
def test_whether_something_went_on_reaches_the_word_that_ends_it(question):
    """«Vakttelefonen avvikles …» decides «Fortsatte de med vakttelefonen?» as much as
    «… videreføres» would."""
    stems = stems_of(question)
    assert set(tokenize("avvikles")) & stems and set(tokenize("videreføres")) & stems


def test_may_it_go_on_is_not_read_as_whether_it_ended():
    """«Kan tiltak fortsette etter 18?» asks what the law allows, not what was ended."""
    assert not set(tokenize("avvikles")) & stems_of("Kan tiltakene fortsette etter 18 år?")


@pytest.mark.parametrize(("question", "norwegian"), [
    ("Hva er totalrammen for 2026?", "ramme"),
    ("Hva er maks beløp per prosjekt?", "inntil"),
    ("What is the total budget frame and the max amount?", "ramme inntil"),
])  # fmt: skip
def test_a_frame_and_a_maximum_reach_the_words_calls_use(question, norwegian):
    assert set(tokenize(norwegian)) <= stems_of(question)


def test_an_inflected_form_the_documents_never_use_is_looked_up_by_its_stem() -> None:
    never_used = {"eigendel", "fosterheim"}.__contains__
    stems = {s for g in expand("Kva eigendelar har fosterheimane?", lambda s: not never_used(s))
             for s in g}
    assert set(tokenize("egenandel fosterhjem")) <= stems
    assert "egenandel" in bridged("endringar i eigendelar", lambda s: s != "eigendel")
    # a word the documents use keeps its own meaning: «Statsforvalteren» is no «fylkesmann»
    assert "fylkesmann" not in bridged("Fikk statsforvalteren svar?", lambda s: True)
    assert "egenandel" not in bridged("endringar i eigendelar")  # no corpus to ask: as written


def test_a_change_asked_as_higher_or_lower_reaches_a_rise_or_a_cut() -> None:
    assert set(tokenize("økte")) <= stems_of("Hvor blir egenandelen høyere?")
    assert set(tokenize("reduseres")) <= stems_of("Kvar blir eigendelen lågare?")


@pytest.mark.parametrize("question", ["Are children in foster care included in the project?",
                                      "Are kids in foster homes part of it?"])
def test_included_in_a_project_reaches_what_a_project_omfatter(question):
    assert set(tokenize("omfattes")) <= stems_of(question)


def test_nynorsk_spellings_reach_the_bokmal_forms_the_documents_use() -> None:
    bokmal = set(tokenize("hørt undersøkelsene kartlagt tjenesten sendes"))
    groups = expand("vart barnet høyrt i undersøkingane, kartlagd av tenesta og sendast?",
                    lambda stem: stem in bokmal)
    reached = set().union(*groups)
    assert {"hørt", "kartlagt", "tjenest"} <= reached
    assert set(tokenize("undersøkelsene")) <= reached
    # a form the documents never use is not added
    assert "hørt" not in set().union(*expand("høyrt", lambda stem: False))


def test_bokmal_words_reach_the_nynorsk_forms_the_documents_use() -> None:
    nynorsk = set(tokenize("fosterheimar"))
    reached = set().union(*expand("hvor mange fosterhjem?", lambda stem: stem in nynorsk))
    assert set(tokenize("fosterheimar")) <= reached
    assert "fosterheim" not in set().union(*expand("fosterhjem", lambda stem: False))


@pytest.mark.parametrize("question", ["Kva vart konklusjonen på tilsynet?",
                                      "Hva konkluderte Statsforvalteren?"])
def test_what_an_inspection_concluded_reaches_the_breach_it_found_or_did_not(question):
    assert set(tokenize("lovbrudd lovbrot")) <= stems_of(question)


@pytest.mark.parametrize(("question", "meant"), [
    ("Hva sa SF om tilsynet?", "statsforvalteren"), ("Hva fant FM?", "fylkesmannen"),
    ("hvor står ik-plikten for bvtj?", "internkontroll barneverntjenesten"),
    ("Hva sier bvl om dette?", "barnevernloven"),
])
def test_the_fields_abbreviations_reach_the_words_they_stand_for(question, meant):
    assert set(tokenize(meant)) <= stems_of(question)
