"""The answer model: two small logistic regressions fitted on labelled questions.

`sentence` scores how likely a candidate sentence holds the answer to a part of the question;
`answerable` scores whether the best sentences answer the question at all, and its threshold
was chosen by cross-validation. Both are plain weights in `answer_model.json`, written by
`python -m bot.evaluation.calibrate` (scikit-learn is only needed there).
"""

from __future__ import annotations

import json
import logging
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel

from bot.facts.features import SENTENCE_FEATURES
from bot.facts.gate import QUESTION_FEATURES

MODEL_FILE = Path(__file__).with_name("answer_model.json")
log = logging.getLogger(__name__)


class Logistic(BaseModel):
    kind: Literal["logistic"] = "logistic"
    features: list[str]
    weights: list[float]
    bias: float
    mean: list[float]  # standardisation fitted with the weights
    scale: list[float]

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        z = ((rows - np.asarray(self.mean)) / np.asarray(self.scale)) @ np.asarray(self.weights)
        return 1.0 / (1.0 + np.exp(-(z + self.bias)))


class Perceptron(BaseModel):
    """One hidden layer (ReLU) and a logistic output: what a line cannot say, e.g. that
    closeness in meaning counts only when the sentence also says the question's words."""

    kind: Literal["perceptron"] = "perceptron"
    features: list[str]
    mean: list[float]
    scale: list[float]
    hidden: list[list[float]]  # features × units
    hidden_bias: list[float]
    output: list[float]  # units
    bias: float

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        if len(rows) == 0:
            return np.zeros(0)
        z = (rows - np.asarray(self.mean)) / np.asarray(self.scale)
        units = np.maximum(z @ np.asarray(self.hidden) + np.asarray(self.hidden_bias), 0.0)
        return 1.0 / (1.0 + np.exp(-(units @ np.asarray(self.output) + self.bias)))


class AnswerModel(BaseModel):
    sentence: Logistic | Perceptron  # told apart by their fields (`kind` came later)
    answerable: Logistic
    threshold: float  # answer when answerable ≥ threshold
    supporting: float  # add a second sentence when its probability ≥ this share of the best
    max_chars: int = 420  # supporting sentences may not make the answer longer than this
    fit_weight: float  # how far metadata (mis)match moves a chunk in retrieval
    trained_on: dict[str, int] = {}  # question set → questions used
    cross_validated: dict[str, float] = {}  # what the fitting script measured

    def check(self) -> AnswerModel:
        if tuple(self.sentence.features) != SENTENCE_FEATURES:
            raise ValueError("answer_model.json was fitted on other sentence features; refit")
        if tuple(self.answerable.features) != QUESTION_FEATURES:
            raise ValueError("answer_model.json was fitted on other question features; refit")
        return self


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_FILE) -> AnswerModel:
    return AnswerModel.model_validate(json.loads(path.read_text(encoding="utf-8"))).check()


def load_model_if_fitted(path: Path = MODEL_FILE) -> AnswerModel | None:
    """None before the first `make calibrate`, or when the features changed since the last one
    (the fitting script builds a core without a usable model; answering then fails loudly)."""
    if not path.exists():
        return None
    try:
        return load_model(path)
    except ValueError as exc:
        log.warning("%s", exc)
        return None
