"""Board times printed as text ("Sun Mar 15, 2015 10:32 pm"), read only when the page says
which zone they are in.

phpBB 3.0 and vBulletin 3/4 print a post's time in the board's (or the reader's) format and
zone, and say the zone once, in the footer ("All times are UTC - 5 hours [ DST ]", "All times
are GMT -5"). A time is made exact only with that statement: a guessed zone would put every
post hours off without anyone noticing, so without it the text is kept as written.
vBulletin reuses these readers, so they live here once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_WEEKDAY = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\b\.?,?",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"(\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:today|yesterday|ago|just now)\b", re.IGNORECASE)
# "Posted: ", "on ", the "»" phpBB puts before the time.
_LEAD = re.compile(r"^(?:posted\s*:?|on\b|by\b|»|&raquo;|-)\s*", re.IGNORECASE)
_FORMATS = (
    "%b %d %Y %I:%M %p",  # Mar 15 2015 10:32 pm  (phpBB's default, weekday dropped)
    "%B %d %Y %I:%M %p",
    "%b %d %Y %H:%M",
    "%B %d %Y %H:%M",
    "%d %b %Y %I:%M %p",  # 15 Mar 2015 10:32 pm
    "%d %B %Y %I:%M %p",
    "%d %b %Y %H:%M",
    "%d %B %Y %H:%M",
    "%b %d %y %H:%M",  # Mar 15th, '15, 22:32 (apostrophe removed)
    "%b %d %y %I:%M %p",
    "%m-%d-%Y %I:%M %p",  # 03-15-2015, 10:32 PM  (vBulletin's default)
    "%m-%d-%Y %H:%M",
    "%d-%m-%Y %I:%M %p",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M",  # 2015-03-15, 22:32
    "%Y-%m-%d %I:%M %p",
    "%Y-%m-%d %H:%M:%S",
    "%d.%m.%Y %H:%M",  # 15.03.2015, 22:32
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %I:%M %p",
)
# phpBB 3.0: "All times are UTC - 5 hours [ DST ]", "UTC + 5:30 hours", "UTC [ DST ]".
_PHPBB30_ZONE = re.compile(
    r"All times are (?:UTC|GMT)\s*(?:([+-−])\s*(\d{1,2})(?:[:.](\d\d))?\s*hours?)?"
    r"\s*(\[\s*DST\s*\])?",
    re.IGNORECASE,
)
# phpBB 3.1+: "All times are UTC-05:00"; vBulletin: "All times are GMT -5. The time now is".
_OFFSET_ZONE = re.compile(
    r"All times are (?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d\d)|\.(\d+))?", re.IGNORECASE
)


@dataclass(frozen=True)
class BoardZone:
    """The zone the page prints its times in, and how it said so (for messages)."""

    zone: tzinfo
    said: str


def board_zone(footer_text: str, zone_name: str | None = None) -> BoardZone | None:
    """The zone from the page's "All times are …" line; None when the page does not say.

    ``zone_name`` is phpBB 3.1+'s ``title`` on that line ("America/New_York"): a named zone
    knows its own daylight saving, where the printed offset is only today's.
    """
    if zone_name:
        try:
            return BoardZone(ZoneInfo(zone_name.strip()), zone_name.strip())
        except (ZoneInfoNotFoundError, ValueError):
            pass
    match = _PHPBB30_ZONE.search(footer_text)
    if match and (match.group(1) or match.group(4) or not _OFFSET_ZONE.search(footer_text)):
        hours = int(match.group(2) or 0)
        minutes = int(match.group(3) or 0)
        sign = -1 if match.group(1) in ("-", "−") else 1
        offset = sign * timedelta(hours=hours, minutes=minutes)
        if match.group(4):  # phpBB 3.0 adds the daylight-saving hour on top of the offset
            offset += timedelta(hours=1)
        return _fixed(offset, match.group(0))
    match = _OFFSET_ZONE.search(footer_text)
    if match:
        hours = int(match.group(2))
        if match.group(3):
            minutes = int(match.group(3))
        elif match.group(4):
            minutes = round(float("0." + match.group(4)) * 60)
        else:
            minutes = 0
        sign = -1 if match.group(1) in ("-", "−") else 1
        return _fixed(sign * timedelta(hours=hours, minutes=minutes), match.group(0))
    return None


def _fixed(offset: timedelta, said: str) -> BoardZone | None:
    if abs(offset) >= timedelta(hours=24):
        return None
    return BoardZone(timezone(offset), " ".join(said.split()))


def is_relative(text: str) -> bool:
    """ "Today, 10:32 PM", "Yesterday", "3 hours ago": no date of its own."""
    return bool(_RELATIVE.search(text))


def parse_board_time(text: str, zone: BoardZone | None) -> datetime | None:
    """The text as an aware UTC time, or None (unknown format, relative, or no zone known)."""
    if zone is None or not text or is_relative(text):
        return None
    naive = parse_naive(text)
    if naive is None:
        return None
    try:
        return naive.replace(tzinfo=zone.zone).astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None


def parse_naive(text: str) -> datetime | None:
    """A wall-clock time in one of the common English forms boards print, zone not applied."""
    cleaned = " ".join(text.replace("\xa0", " ").split())
    cleaned = _LEAD.sub("", cleaned)
    cleaned = _WEEKDAY.sub(" ", cleaned)
    cleaned = _ORDINAL.sub(r"\1", cleaned)
    cleaned = cleaned.replace(",", " ").replace("'", " ").replace(" at ", " ")
    cleaned = " ".join(cleaned.split())
    for fmt in _FORMATS:
        try:
            return datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    return None
