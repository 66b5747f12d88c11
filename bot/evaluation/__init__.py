"""Measuring answers the way a user would judge them: golden question sets (`harness`) and the
plain LangChain tutorial pipeline they are compared against (`tutorial`)."""

from bot.evaluation.harness import (
    EvalQuestion,
    EvalReport,
    QuestionResult,
    Scores,
    contains,
    evaluate,
    load_questions,
    report_json,
)

__all__ = [
    "EvalQuestion", "EvalReport", "QuestionResult", "Scores", "contains", "evaluate",
    "load_questions", "report_json",
]
