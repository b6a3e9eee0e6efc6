"""Vietnamese number formats: a decimal comma and dots between thousands ("1.147", "66,7").

The same output as Babel's ``vi`` locale for these patterns, kept in the standard library so
the pure rules can write measured values into finding statements and reasons.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache


# the same few values (scores, counts) recur hundreds of times on a page: a dashboard formats 450
@lru_cache(maxsize=4096)
def number(value: float | int | Decimal | None, digits: int = 1, *, empty: str = "—") -> str:
    """``1147`` → "1.147"; ``66.666`` → "66,7"; ``95.0`` → "95"; ``None`` → ``empty``.

    Rounds half up to ``digits`` decimals and drops trailing zeros of the fraction.
    """
    if value is None:
        return empty
    quantum = Decimal(1).scaleb(-digits) if digits else Decimal(1)
    rounded = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if rounded < 0 else ""
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    grouped = ""
    while len(whole) > 3:
        grouped = "." + whole[-3:] + grouped
        whole = whole[:-3]
    return sign + whole + grouped + ("," + fraction if fraction else "")


def percent(value: float | int | Decimal | None, digits: int = 1, *, empty: str = "—") -> str:
    """``66.67`` → "66,7 %" (Vietnamese documents put a space before the sign)."""
    return empty if value is None else f"{number(value, digits)} %"
