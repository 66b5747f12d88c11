"""The two ways the calibration fits a linear model (scikit-learn is only needed here).

`pointwise`: a logistic regression on the rows as they are (the answerable gate).
`pairwise`: the sentence ranker. Which sentence answers is a choice *within* a question, so it
learns from differences between an answering and a non-answering sentence of the same question
(a RankSVM-style logistic regression), then maps the score to a probability with a one-feature
logistic fit. Both end up as the same `Logistic` (weights, bias, standardisation), so answering
needs only numpy.
"""

from __future__ import annotations

import numpy as np

from bot.facts.model import Logistic, Perceptron

PAIRS_PER_POSITIVE = 30


def pointwise(x: np.ndarray, y: np.ndarray, names: tuple[str, ...],
              balanced: bool = False) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    mean, scale = _standardisation(x)
    clf = LogisticRegression(C=0.1, max_iter=3000,
                             class_weight="balanced" if balanced else None)
    clf.fit((x - mean) / scale, y)
    return _logistic(names, np.asarray(clf.coef_)[0], float(np.asarray(clf.intercept_)[0]),
                     mean, scale)


HIDDEN_UNITS = 16


def perceptron(x: np.ndarray, y: np.ndarray, names: tuple[str, ...], seed: int = 0
               ) -> Perceptron:
    """The sentence ranker as a small network: positives repeated to balance the classes (as
    `pointwise` weighs them), a tenth held out to stop early."""
    from sklearn.neural_network import MLPClassifier

    mean, scale = _standardisation(x)
    z = (x - mean) / scale
    positive, negative = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    repeat = max(1, len(negative) // max(len(positive), 1))
    rows = np.concatenate([negative, np.repeat(positive, repeat)])
    net = MLPClassifier(hidden_layer_sizes=(HIDDEN_UNITS,), alpha=1e-2, max_iter=300,
                        early_stopping=True, random_state=seed).fit(z[rows], y[rows])
    hidden, output = net.coefs_
    hidden_bias, output_bias = net.intercepts_
    return Perceptron(features=list(names), mean=[float(m) for m in mean],
                      scale=[float(s) for s in scale], hidden=hidden.tolist(),
                      hidden_bias=hidden_bias.tolist(), output=output[:, 0].tolist(),
                      bias=float(output_bias[0]))


def pairwise(x: np.ndarray, y: np.ndarray, groups: np.ndarray, names: tuple[str, ...],
             seed: int = 0) -> Logistic:
    """`groups`: the question each row belongs to; pairs are only made within a question."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = _standardisation(x)
    z = (x - mean) / scale
    diffs = pair_differences(z, y, groups, np.random.default_rng(seed))
    if len(diffs) == 0:
        return pointwise(x, y, names, balanced=True)
    both = np.vstack([diffs, -diffs])
    sides = np.concatenate([np.ones(len(diffs)), np.zeros(len(diffs))])
    ranker = LogisticRegression(C=0.1, max_iter=3000, fit_intercept=False).fit(both, sides)
    direction = np.asarray(ranker.coef_)[0]
    link = LogisticRegression(max_iter=1000).fit((z @ direction)[:, None], y)
    slope, bias = float(np.asarray(link.coef_)[0][0]), float(np.asarray(link.intercept_)[0])
    return _logistic(names, direction * slope, bias, mean, scale)


def pair_differences(z: np.ndarray, y: np.ndarray, groups: np.ndarray,
                     rng: np.random.Generator) -> np.ndarray:
    """Answering row minus non-answering row, for up to PAIRS_PER_POSITIVE negatives each."""
    rows = []
    for group in np.unique(groups):
        members = np.flatnonzero(groups == group)
        positive, negative = members[y[members] == 1], members[y[members] == 0]
        if len(positive) == 0 or len(negative) == 0:
            continue
        for p in positive:
            chosen = rng.choice(negative, min(PAIRS_PER_POSITIVE, len(negative)), replace=False)
            rows.append(z[p] - z[chosen])
    return np.vstack(rows) if rows else np.zeros((0, z.shape[1]))


def _standardisation(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def _logistic(names: tuple[str, ...], weights: np.ndarray, bias: float, mean: np.ndarray,
              scale: np.ndarray) -> Logistic:
    return Logistic(features=list(names), weights=[float(w) for w in weights], bias=bias,
                    mean=[float(m) for m in mean], scale=[float(s) for s in scale])
