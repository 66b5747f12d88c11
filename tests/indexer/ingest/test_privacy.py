from indexer.ingest.privacy import REDACTED, is_personal_number, redact_personal_numbers

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def _check_digit(digits: str, weights: tuple[int, ...]) -> int:
    return (11 - sum(w * int(d) for w, d in zip(weights, digits, strict=True))) % 11


def _valid_number(date_part: str) -> str:
    """First 11-digit number for this date whose two mod-11 check digits both exist."""
    for individual in range(100, 500):  # 000-499: born 1900-1999
        base = f"{date_part}{individual:03d}"
        k1 = _check_digit(base, _W1)
        if k1 == 10:
            continue
        k2 = _check_digit(base + str(k1), _W2)
        if k2 != 10:
            return f"{base}{k1}{k2}"
    raise AssertionError("no valid number for " + date_part)


def _spoil(number: str) -> str:
    """Same number with a wrong last check digit."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


FNR = _valid_number("150886")  # 15 Aug 1986
DNR = _valid_number("550886")  # D-nummer: day + 40
OTHER_FNR = _valid_number("010190")


def test_generated_numbers_are_accepted_by_the_validator() -> None:
    assert is_personal_number(FNR)
    assert is_personal_number(DNR)
    assert not is_personal_number(_spoil(FNR))


def test_valid_fodselsnummer_is_redacted() -> None:
    text, count = redact_personal_numbers(f"Barnet (fnr. {FNR}) ble meldt.")
    assert text == f"Barnet (fnr. {REDACTED}) ble meldt."
    assert count == 1
    assert FNR not in text


def test_valid_d_nummer_is_redacted() -> None:
    text, count = redact_personal_numbers(f"D-nummer {DNR}.")
    assert text == f"D-nummer {REDACTED}."
    assert count == 1


def test_number_written_with_space_or_dot_after_date_is_redacted() -> None:
    spaced = f"{FNR[:6]} {FNR[6:]}"
    dotted = f"{DNR[:6]}.{DNR[6:]}"
    text, count = redact_personal_numbers(f"Far: {spaced}, mor: {dotted}")
    assert text == f"Far: {REDACTED}, mor: {REDACTED}"
    assert count == 2


def test_number_failing_check_digits_is_kept() -> None:
    bad = _spoil(FNR)
    text, count = redact_personal_numbers(f"Kontonummer {bad} og telefon 22334455667.")
    assert text == f"Kontonummer {bad} og telefon 22334455667."
    assert count == 0


def test_number_with_impossible_date_is_kept() -> None:
    # Valid check digits but day 32 does not exist, so it is not a fødselsnummer.
    number = _valid_number("320186")
    assert redact_personal_numbers(number) == (number, 0)


def test_count_covers_every_redaction_and_keeps_the_rest() -> None:
    bad = _spoil(OTHER_FNR)
    text, count = redact_personal_numbers(f"{FNR}\n{bad}\n{DNR} og {OTHER_FNR}")
    assert count == 3
    assert text == f"{REDACTED}\n{bad}\n{REDACTED} og {REDACTED}"


def test_valid_number_inside_longer_digit_run_is_kept() -> None:
    for text in (f"9{FNR}", f"{FNR}7", f"ref 12{FNR}34"):
        assert redact_personal_numbers(text) == (text, 0)


def test_text_without_numbers_is_unchanged() -> None:
    text = "Møtet 31.01.2024 kl. 10.00 i Bergen, 650 000 kr."
    assert redact_personal_numbers(text) == (text, 0)


def test_every_grouping_people_write_is_redacted() -> None:
    d, m, y, i, k = FNR[:2], FNR[2:4], FNR[4:6], FNR[6:9], FNR[9:]
    written = [f"{d}{m}{y} {i} {k}", f"{d}{m}{y}-{i}-{k}", f"{d}.{m}.{y} {i}{k}",
               f"{d}.{m}.{y}-{i} {k}", f"{d}{m}{y}\u00a0{i}\u00a0{k}", f"{d} {m} {y} {i} {k}"]
    for number in written:
        assert redact_personal_numbers(f"Fnr: {number}.") == (f"Fnr: {REDACTED}.", 1), number


def test_a_grouped_number_with_wrong_check_digits_is_kept() -> None:
    bad = _spoil(FNR)
    grouped = f"{bad[:6]} {bad[6:9]} {bad[9:]}"
    assert redact_personal_numbers(grouped) == (grouped, 0)


def test_a_document_is_masked_in_its_text_front_matter_and_file_name() -> None:
    from indexer.ingest.privacy import redact_document
    from indexer.models import LoadedDocument

    doc = LoadedDocument(path=f"saker/{FNR}_notat.md", source=f"{FNR}_notat.md",
                         text=f"Gjelder {FNR[:6]} {FNR[6:9]} {FNR[9:]}.",
                         front_matter={"tittel": f"Sak for {DNR}"})
    masked, count = redact_document(doc)
    assert count == 3
    assert FNR not in masked.model_dump_json() and DNR not in masked.model_dump_json()
    assert masked.source == f"{REDACTED}_notat.md" and masked.path.startswith("saker/")
