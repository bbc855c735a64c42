"""Times as sites write them in machine-readable attributes, read into aware UTC datetimes.

Every site writes ISO 8601, each a little differently ('Z' or '+00:00', 0 to 9 fraction digits,
no zone at all); one reader keeps them equal, and Python 3.10's strict ``fromisoformat`` happy.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

_FRACTION = re.compile(r"(\.\d{1,6})\d*")


def parse_iso(value: object) -> datetime | None:
    """An ISO 8601 time as an aware UTC datetime; a time with no zone is taken as UTC (what the
    sites' servers use); anything unreadable is None, never a guess."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    # Python 3.10 accepts only 3 or 6 fraction digits: pad or cut to 6.
    text = _FRACTION.sub(lambda m: m.group(1).ljust(7, "0"), text, count=1)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:  # valid where written, outside years 1-9999 in UTC: 0001-01-01+05:00
        return None
