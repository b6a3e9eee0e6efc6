"""Text from outside: file names safe to store and send back, and names without control characters."""

from __future__ import annotations

import re
import unicodedata

# C0/C1 controls, and the format characters that reorder or hide text (bidi overrides and isolates, zero
# widths, the BOM): a name "gpj.exe" shown as "exe.jpg" or an invisible difference between two names
_HIDDEN = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def has_control_characters(text: str) -> bool:
    """Whether ``text`` holds a control or text-direction character (a tab or newline counts)."""
    return bool(_HIDDEN.search(text or ""))


def safe_filename(name: str | None, default: str) -> str:
    """The last part of ``name`` (no folders, no "..") with hidden characters removed, Unicode composed (NFC),
    at most 120 characters keeping the extension; ``default`` when nothing is left."""
    name = unicodedata.normalize("NFC", name or "")
    name = _HIDDEN.sub("", name).replace("\\", "/").split("/")[-1].strip().strip(".")
    name = re.sub(r"\s+", " ", name)
    if not name:
        return default
    stem, dot, extension = name.rpartition(".")
    if dot and len(extension) <= 10:
        return stem[: 120 - len(extension) - 1].rstrip() + "." + extension
    return name[:120]


def fold(text: str | None) -> str:
    """``text`` for matching what people type: no diacritics (đ → d), lower case, one space between words,
    punctuation other than letters and digits treated as a space. "Đất  đai" → "dat dai"; "LĐ-TB&XH" → "ld tb xh"."""
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


# the words a provincial export puts before a commune's or ward's name, longest first
_UNIT_PREFIXES = ("uy ban nhan dan", "ubnd", "thi tran", "phuong", "xa", "tt")


def unit_name_key(name: str | None) -> str:
    """A unit's name reduced for matching: folded, without "UBND"/"Ủy ban nhân dân" and "Xã"/"Phường"/"Thị trấn"
    in front. "UBND xã La Êê" and "Xã La Ê Ê"… match "la ee"; a name that is only a prefix stays as it is."""
    words = fold(name)
    changed = True
    while changed:
        changed = False
        for prefix in _UNIT_PREFIXES:
            if words.startswith(prefix + " ") and len(words) > len(prefix) + 1:
                words, changed = words[len(prefix) + 1:], True
    return words
