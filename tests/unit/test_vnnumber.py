"""Numbers are written one way everywhere: the standard-library formatter the pure rules use gives exactly what
Babel's ``vi`` locale gives, so a count or a rate reads the same on a page, in a PDF and in a finding."""

from decimal import ROUND_HALF_UP, Decimal, localcontext

import pytest
from babel.numbers import format_decimal

from audit.domain import vnnumber

VALUES = [0, 1, 7, 42, 999, 1000, 1147, 3820, 42518, 1234567, 66.666, 58.25, 58.35, 95.0, 99.95, 0.05,
          Decimal("12345.678"), -1147, -3.25]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("digits", [0, 1, 2])
def test_the_same_as_babel_vi(value, digits):
    # rounding half up, as figures are rounded in documents (Babel follows the decimal context)
    with localcontext(rounding=ROUND_HALF_UP):
        babel = format_decimal(Decimal(str(value)), format="#,##0" + ("." + "#" * digits if digits else ""), locale="vi")
    assert vnnumber.number(value, digits) == babel


def test_counts_and_rates_as_a_reader_expects():
    assert vnnumber.number(1147, 0) == "1.147" and vnnumber.number(3820, 0) == "3.820"
    assert vnnumber.percent(66.666) == "66,7 %" and vnnumber.number(None) == "—"
