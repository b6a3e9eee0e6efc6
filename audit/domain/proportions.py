"""Confidence intervals for a proportion observed in a sample (standard library only).

Used to decide whether a dossier sample contradicts the on-time rate a unit reports: the
reported rate contradicts the sample only when it lies outside the sample's exact
(Clopper–Pearson) confidence interval. The exact interval is used rather than Wilson's
because samples here are small (10–30 dossiers) and rates extreme (95–100 %), where
Wilson's interval is too narrow: 9 of 10 on time gives a Wilson upper bound of 98.2 %, so a
reported 99 % would be called a contradiction although a desk that really is 99 % on time
produces a sample of 9 of 10 or worse once in ten inspections.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import exp, lgamma, log


def _log_pmf(k: int, n: int, p: float) -> float:
    return lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * log(p) + (n - k) * log(1 - p)


def binom_cdf(k: int, n: int, p: float) -> float:
    """P(X ≤ k) for X ~ Binomial(n, p)."""
    if k < 0:
        return 0.0
    if k >= n or p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 0.0
    return min(1.0, sum(exp(_log_pmf(i, n, p)) for i in range(k + 1)))


def _bisect(f, target: float, decreasing: bool) -> float:
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        value = f(mid)
        if (value > target) == decreasing:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


@dataclass(frozen=True)
class Interval:
    low: float  # 0–1
    high: float  # 0–1

    def contains(self, rate: float) -> bool:
        return self.low <= rate <= self.high


def exact_interval(successes: int, n: int, confidence: float = 0.95) -> Interval:
    """The two-sided Clopper–Pearson interval for ``successes`` out of ``n`` (``n`` ≥ 1)."""
    if n < 1 or not 0 <= successes <= n:
        raise ValueError("need 0 <= successes <= n and n >= 1")
    alpha = 1 - confidence
    # Lower bound: the p at which P(X >= successes) = alpha/2; upper: P(X <= successes) = alpha/2.
    low = 0.0 if successes == 0 else _bisect(lambda p: 1 - binom_cdf(successes - 1, n, p), alpha / 2, False)
    high = 1.0 if successes == n else _bisect(lambda p: binom_cdf(successes, n, p), alpha / 2, True)
    return Interval(low, high)
