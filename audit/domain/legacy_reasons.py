"""Reasons stored by the first release's verdict rule (before issue 9).

Finalised inspections keep the reasons written when they were finalised; these message ids stay in
the catalogue so that those reasons still read in Vietnamese. The rule itself is gone.
"""

from .errors import N_

LEGACY_REASONS = (
    N_("Only %(coverage)s%% of the applicable items (by weight) are answered; at least %(min)s%% are needed for a "
       "conclusion."),
    N_("Critical item %(item)s failed."),
    N_("The overall score %(score)s is below %(limit)s."),
    N_("The formality index %(index)s is at or above %(limit)s."),
    N_("Score %(score)s ≥ %(limit)s and formality index %(index)s ≤ %(fmax)s, with no critical failure."),
    N_("The formality index %(index)s is above %(limit)s."),
)
