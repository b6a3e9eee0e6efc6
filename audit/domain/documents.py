"""Documents KTCV issues, their kinds and how they are numbered (Decree 30/2020: a number is the document's
order in the issuing body's register of the year, followed by the abbreviation of its kind and body)."""

from __future__ import annotations

from enum import StrEnum


class DocumentKind(StrEnum):
    MINUTES = "minutes"  # Biên bản kiểm tra (issued by the inspection team)
    CONCLUSION = "conclusion"  # Thông báo kết luận kiểm tra (the People's Committee)
    REMEDIATION_REPORT = "remediation_report"  # Báo cáo kết quả khắc phục (the team)
    PERIOD_REPORT = "period_report"  # Báo cáo kết quả kiểm tra công vụ (the People's Committee)


#: The symbol after the number: kind of document and issuing body, as Decree 30 abbreviates them.
SYMBOLS = {DocumentKind.MINUTES: "BB-ĐKT", DocumentKind.CONCLUSION: "TB-UBND",
           DocumentKind.REMEDIATION_REPORT: "BC-ĐKT", DocumentKind.PERIOD_REPORT: "BC-UBND"}

#: Shown in the register's list (Vietnamese administrative names, not translated).
KIND_NAMES = {DocumentKind.MINUTES: "Biên bản kiểm tra", DocumentKind.CONCLUSION: "Thông báo kết luận kiểm tra",
              DocumentKind.REMEDIATION_REPORT: "Báo cáo kết quả khắc phục",
              DocumentKind.PERIOD_REPORT: "Báo cáo kết quả kiểm tra công vụ"}


def draft_number(kind: DocumentKind) -> str:
    """The number line of a draft: the symbol, the order left blank for the register to fill at issue."""
    return f"      /{SYMBOLS[kind]}"


def document_number(seq: int, kind: DocumentKind) -> str:
    """``03/BB-ĐKT``: the order in the register (two digits at least) and the symbol."""
    return f"{seq:02d}/{SYMBOLS[kind]}"
