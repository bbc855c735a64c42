"""Whole numbers as pages print them (scores, counts, depths), read without trusting the page.

Python reads at most 4,300 digits into an ``int`` and raises ``ValueError`` past that, and a
saved page can print any number of digits where a score, a "N more replies" or a depth goes.
No thread shows a count of more than a few digits, so more than ``MAX_DIGITS`` is no number.
"""

from __future__ import annotations

MAX_DIGITS = 15


def read_int(text: str | None) -> int | None:
    """'1,234' → 1234, '-5' → -5, '٣' → 3; None for anything that is not one whole number of
    at most ``MAX_DIGITS`` digits (thousands separators aside)."""
    if text is None:
        return None
    digits = text.strip().replace(",", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.removeprefix("-").removeprefix("+")
    if not digits.isdecimal() or len(digits) > MAX_DIGITS:
        return None
    return sign * int(digits)
