from __future__ import annotations

from bot.core.claims import check_sentence, supported

SOURCE = "Søknadsfrist: 15. april 2023. Det kan søkes om inntil 400 000 kr per prosjekt."


def test_sentence_with_date_not_in_source_is_caught():
    assert not check_sentence("Søknadsfristen er 1. mai 2023.", [SOURCE])
    assert supported("Søknadsfristen er 1. mai 2023.", [SOURCE]) == ["date:2023-05-01"]


def test_same_date_in_another_format_is_supported():
    assert check_sentence("Fristen er 15.04.2023.", [SOURCE])


def test_invented_amount_is_caught_and_real_amount_passes():
    assert check_sentence("Maks 400 000 kr per prosjekt.", [SOURCE])
    assert not check_sentence("Maks 500 000 kr per prosjekt.", [SOURCE])


def test_invented_person_is_caught():
    assert not check_sentence("Kari Nordmann har ansvaret.", [SOURCE])
    assert check_sentence("Olav Tveiten har ansvaret.", ["ansvar: Olav Tveiten, Bykle kommune"])
