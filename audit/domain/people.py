"""People as documents name them: an honorific and a name (never "Ông/Bà")."""

from __future__ import annotations

from enum import StrEnum


class Honorific(StrEnum):
    """How a person is addressed in documents (Ông / Bà)."""

    MR = "ong"
    MRS = "ba"


#: Printed as Vietnamese documents write them.
HONORIFIC_WORDS = {Honorific.MR: "Ông", Honorific.MRS: "Bà"}


def addressed(honorific: str | Honorific | None, name: str) -> str:
    """"Ông Nguyễn Văn Sáu" — or the bare name when the honorific is not recorded (never "Ông/Bà")."""
    if not honorific:
        return name
    return f"{HONORIFIC_WORDS[Honorific(honorific)]} {name}"
