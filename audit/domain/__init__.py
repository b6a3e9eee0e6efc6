"""Pure domain rules of KTCV.

Everything in this package imports only the standard library: scoring, verdicts,
tenures of heads of units, the permission policy, login throttling, CSV import
validation and Vietnamese date formatting. Time, the actor's role and unit scope
always come in as arguments, so every rule is deterministic and unit-testable.
"""
