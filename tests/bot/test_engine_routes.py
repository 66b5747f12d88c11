"""A route's «none found» about its own table gives way to a document that says it."""

from __future__ import annotations

from langchain_core.language_models.fake_chat_models import FakeListChatModel

from bot.core.context import CoreContext
from bot.core.models import Answer
from bot.core.question import Question
from bot.engine import Core

QUESTION = "Hvilket maksimalt beløp per prosjekt sto i utlysningen i Rogaland i 2023?"
FROM_THE_DOCUMENT = "Det kan søkes om inntil 400 000 kr per prosjekt [1]."


def none_in_the_catalogue(question: Question, ctx: CoreContext) -> Answer:
    return Answer(question=question.text, answer="Jeg fant ingen prosjekter.",
                  language=question.language, refused=True, kind="refusal")  # fmt: skip


def core_with(sample_context, reply: str, deferring: bool = True) -> Core:  # type: ignore[no-untyped-def]
    """The fact route decides through a fake chat model, so what it finds is fixed."""
    ctx = CoreContext(settings=sample_context.settings, store=sample_context.store,
                      embeddings=sample_context.embeddings, gazetteer=sample_context.gazetteer,
                      chat_model=FakeListChatModel(responses=[reply]))  # fmt: skip
    route = none_in_the_catalogue
    return Core(ctx, routes=[route], deferring=[route] if deferring else [])


def test_a_deferring_routes_refusal_gives_way_to_a_fact_that_holds(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = core_with(sample_context, FROM_THE_DOCUMENT).answer(QUESTION)
    assert not answer.refused and "400 000" in answer.answer


def test_its_own_refusal_stands_when_no_document_answers(sample_context) -> None:  # type: ignore[no-untyped-def]
    answer = core_with(sample_context, "IKKE_I_KILDENE").answer(QUESTION)
    assert answer.refused and answer.answer == "Jeg fant ingen prosjekter."


def test_a_route_that_does_not_defer_keeps_its_refusal(sample_context) -> None:  # type: ignore[no-untyped-def]
    core = core_with(sample_context, FROM_THE_DOCUMENT, deferring=False)
    assert core.answer(QUESTION).answer == "Jeg fant ingen prosjekter."


def test_the_list_route_defers_by_default(sample_context) -> None:  # type: ignore[no-untyped-def]
    from bot import lists

    assert lists.try_answer in Core(sample_context).deferring


def test_no_documents_of_a_kind_is_an_answer_the_ledger_gives_whole(sample_context) -> None:  # type: ignore[no-untyped-def]
    """«Hvilke sluttrapporter har vi fra 2015?»: the ledger knows every document, so its
    «none» is not handed to the fact answerer (which would quote any 2015 sentence)."""
    answer = core_with(sample_context, FROM_THE_DOCUMENT).answer(
        "Hvilke sluttrapporter har vi fra 2015?")
    assert answer.refused and "400 000" not in answer.answer


def test_no_project_of_the_theme_asked_is_an_answer_the_catalogue_gives_whole(sample_context) -> None:  # type: ignore[no-untyped-def]
    """«Hvilke fosterhjemsprosjekter …?»: the catalogue read every project's own documents for
    its theme, so a document that merely mentions one does not overrule its «none»."""
    answer = core_with(sample_context, FROM_THE_DOCUMENT).answer(
        "Hvilke fosterhjemsprosjekter fikk maksimalt beløp per prosjekt i utlysningen i Rogaland i 2023?")
    assert answer.refused and "400 000" not in answer.answer


def test_a_document_of_another_place_does_not_answer_for_the_place_asked(sample_context) -> None:  # type: ignore[no-untyped-def]
    """«… i Agder»: the catalogue has nothing there, and the document saying it is Rogaland's
    call, so the catalogue's refusal stands."""
    answer = core_with(sample_context, FROM_THE_DOCUMENT).answer(
        QUESTION.replace("Rogaland", "Agder"))
    assert answer.refused and answer.answer == "Jeg fant ingen prosjekter."
