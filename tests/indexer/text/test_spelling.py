from indexer.text.spelling import Speller

CORPUS = ("Kommunene søker om midler til fosterhjem. Kommunene søker støtte. Fosterhjem og "
          "prosjektleder. Prosjektleder er Ingrid. ") * 2


def test_a_typo_is_read_as_the_corpus_word():
    speller = Speller.from_texts([CORPUS])
    assert speller.correct("fosterhejm") == "fosterhjem"
    assert speller.correct("prosjektlder") == "prosjektleder"


def test_a_nynorsk_spelling_of_a_corpus_word_is_no_typo():
    assert Speller.from_texts([CORPUS]).correct("søkjer") is None


def test_a_nynorsk_spelling_is_not_read_as_a_nearby_word():
    speller = Speller.from_texts([CORPUS + " Hva skjer? Det skjer mye. "])
    assert speller.correct("søkjer") is None


def test_a_nynorsk_adjective_in_leg_is_no_typo_of_the_bokmal_one() -> None:
    speller = Speller.from_texts(["Ansvarlig kommune er ansvarlig for rapporten. "] * 2)
    assert speller.corrections("Kven var ansvarleg for kva, og kven var ansvarlege?") == []
    assert speller.correct("ansvarlg") == "ansvarlig"  # a typo still is one


def test_a_nynorsk_plural_is_no_typo_of_another_form() -> None:
    speller = Speller.from_texts(["prosjektet prosjektet kommunen kommunen møtet møtet"] * 2)
    assert speller.corrections("Kor mykje vart brukt i prosjekta og kommunane?") == []
    assert speller.correct("prosjketet") == "prosjektet"  # a typo still is one


def test_two_swapped_letters_are_a_typo_though_the_halves_read_as_a_compound():
    speller = Speller.from_texts(["Søknadsfrist er 1. mars. Søknadsfrist og søknad. "] * 2)
    assert speller.correct("søknadsfirst") == "søknadsfrist"  # «søknads» + «first»
    assert speller.correct("søknadsskjema") is None  # a real compound stays


def test_short_words_typed_without_norwegian_letters_are_read():
    speller = Speller.from_texts([CORPUS])
    assert speller.corrections("nar er neste møte, og maa vi søke?") == [("nar", "når"),
                                                                       ("maa", "må")]


def test_a_missing_letter_is_a_typo_though_the_halves_read_as_a_compound():
    frequent = Speller.from_texts(["Egenandel er 20 prosent. egenandel egenandel egenandel "] * 2)
    assert frequent.correct("egenadel") == "egenandel"  # not «egen» + «adel»
    rare = Speller.from_texts(["Egenandel er 20 prosent. "] * 2)
    assert rare.correct("egenadel") is None  # a compound, unless the near word is a common one


def test_another_ending_of_a_corpus_word_is_no_typo():
    speller = Speller.from_texts(["Barnevernlederne møttes. barnevernlederne barnevernlederne "
                                  "hybelvertar hybelvertar hybelvertar"] * 2)
    assert speller.correct("barnevernledere") is None
    assert speller.correct("hybelverter") is None


def test_a_typo_of_a_word_questions_ask_with_is_read_though_the_corpus_lacks_it():
    speller = Speller.from_texts(["Prosjektet fikk midler. "] * 2)
    assert speller.correct("totlat") == "totalt"
    assert speller.correct("hvilek") == "hvilke"


def test_a_typo_in_the_ending_of_a_document_word_is_read_as_the_plural_asked():
    speller = Speller.from_texts(["Utlysningen og prosjektbeskrivelse. Utlysningen. "] * 4)
    assert speller.correct("utlysniger") == "utlysninger"  # not «utlysningen», two edits away
    assert speller.correct("prosjektbeskrivelsne") == "prosjektbeskrivelsene"


def test_a_definite_singular_is_no_swap_typo_of_the_definite_plural():
    """«barnevernlederen» swaps to «barnevernlederne»: both are the word, no typo."""
    speller = Speller.from_texts(["Barnevernlederne i Tysvær og Hå møttes. "] * 3)
    assert speller.correct("barnevernlederen") is None


def test_the_nynorsk_singular_of_a_word_questions_ask_with_is_no_typo():
    """«prosjektskildringa» is the definite singular of «prosjektskildringar», not a typo."""
    speller = Speller.from_texts(["Prosjektet fikk midler. "] * 2)
    assert speller.correct("prosjektskildringa") is None
    assert speller.correct("sluttrapporta") is None
    assert speller.correct("søknadsfristene") is None  # the plural of «søknadsfristen»


def test_a_long_name_one_letter_from_the_documents_spelling_is_read_as_it():
    speller = Speller.from_texts(["Styringsgruppen i Kristiansandsregionen møttes. "] * 2)
    assert speller.corrections("Når møtes Kristiansandregionen?") == [
        ("Kristiansandregionen", "Kristiansandsregionen")]
    assert speller.corrections("Hva sa Kristian om dette?") == []  # a short name is left alone


def test_another_inflection_is_no_typo():
    speller = Speller.from_texts(["Tilsynet fant lovbrudd. Tilsynet er avsluttet. "] * 3)
    assert speller.correct("tilsynene") is None
    assert speller.correct("tilsnyet") == "tilsynet"


def test_an_inflection_of_a_corpus_word_is_not_read_as_a_third_word() -> None:
    speller = Speller.from_texts(["Statsforvalteren og statsforvaltaren. Statsforvalteren. "
                                  "statsforvaltaren"] * 2)
    assert speller.correct("statsforvaltere") is None  # a plural, not «statsforvaltaren»


def test_a_word_typed_without_norwegian_letters_is_that_word_before_a_nearer_one():
    speller = Speller.from_texts(["De søkte om midler. Vi vil sikte mot mål. " + "sikte " * 5])
    assert speller.correct("sokte") == "søkte"  # «sikte» is one edit away too, and more common


def test_a_rare_spelling_a_letter_from_a_word_questions_ask_with_is_that_word():
    """«oppsumering» is in wordfreq's list (people misspell it often), yet a question means
    «oppsummering»; a common word a letter away from one («summer») stays itself."""
    speller = Speller.from_texts([CORPUS])
    assert speller.correct("oppsumering") == "oppsummering"
    assert speller.correct("summer") is None
