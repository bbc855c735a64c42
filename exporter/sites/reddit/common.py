"""What every Reddit design shares: scores, times, deleted/removed notices, names and addresses.

old.reddit.com, the 2018-2023 React design, shreddit and their pasted text all print the same
facts in slightly different words ("1.2k points", "12 points", "[score hidden]", "[deleted]",
"3 hr. ago"). These helpers read those words once, so that every design reads them alike. They
never guess: what they cannot read is ``None``.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from functools import lru_cache
from typing import Literal

from ...clean import join_url, split_url
from ...dates import parse_iso
from ..numbers import MAX_DIGITS, read_int

SITE_NAME = "reddit.com"
"""``Thread.site_name`` for every Reddit design."""
OLD_BASE = "https://old.reddit.com"
"""Where old-design relative links (``/r/…``, ``/u/…``, ``data-permalink``) point."""
WWW_BASE = "https://www.reddit.com"
"""Where the new designs' relative links point."""

Gone = Literal["deleted", "removed"]

_SCORE = re.compile(
    r"^\s*([+-]?\d[\d,.]*)\s*([kKmM])?\s*(?:points?|votes?|upvotes?)?\s*$",
)
_RELATIVE = re.compile(
    r"^\s*(?:(?:a|an|one|\d+)\s*(?:s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|"
    r"hour|hours|d|day|days|w|wk|wks|week|weeks|mo|mos|month|months|y|yr|yrs|year|years)\.?"
    r"\s+ago|just now|now)\s*$",
    re.IGNORECASE,
)
_GONE: dict[str, Gone] = {
    "[deleted]": "deleted",
    "[removed]": "removed",
    "comment deleted by user": "deleted",
    "deleted by user": "deleted",
    "comment removed by moderator": "removed",
    "removed by moderator": "removed",
    "[ removed by moderator ]": "removed",
    "[ removed by reddit ]": "removed",
    "comment removed by reddit": "removed",
    "removed by reddit": "removed",
}
# A notice's letters: anything but whitespace and the characters ``strip_xml_illegal`` drops.
_NOT_LETTER = r"\s\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
_NOTICE_LETTERS = max(len("".join(notice.split())) for notice in _GONE)
_MORE_LETTERS_THAN_A_NOTICE = re.compile(
    rf"(?:[{_NOT_LETTER}]*[^{_NOT_LETTER}]){{{_NOTICE_LETTERS + 1}}}"
)
# What urljoin changes in a path from the root, besides "//" and dot segments: it splits off a
# query, a fragment or ";params" (dropping an empty one), and deletes tabs and line breaks.
_URLJOIN_REWRITES = re.compile(r"[?#;\t\r\n]")
_SUBREDDIT_PATH = re.compile(r"/r/([A-Za-z0-9_]{2,21})(?:/|$)")
_FULLNAME = re.compile(r"t\d_")


@lru_cache(maxsize=4096)
def parse_score(text: str | None) -> int | None:
    """A score as Reddit prints it: '1,234 points', '1 point', '-3', '12.3k', '1.2M'.

    Returns None for anything that is no number: '[score hidden]', '•', 'Vote', ''.
    A rounded '12.3k' becomes 12300: that is what the page shows, and all it shows. Cached: a
    big thread prints the same few hundred scores ten thousand times.
    """
    if not text:
        return None
    match = _SCORE.match(text.replace("\u00a0", " "))
    if not match:
        return None
    number, suffix = match.groups()
    if suffix is None:
        return None if "." in number else read_int(number)
    if len(number) > MAX_DIGITS:  # float() would give inf, which round() cannot take
        return None
    try:
        value = float(number.replace(",", ""))
    except ValueError:
        return None
    return round(value * (1000 if suffix.lower() == "k" else 1_000_000))


def parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 time from a ``datetime`` attribute, as a timezone-aware UTC datetime.

    Old Reddit wrote '2018-06-07T14:31:24+00:00' and, in some years, Pacific offsets
    ('2015-07-01T09:06:34-07:00'); the new designs write '2024-03-02T10:11:12.345Z'. A time with
    no offset at all is taken as UTC, which is what Reddit's servers use.
    """
    return parse_iso(value)


def parse_epoch_ms(value: str | None) -> datetime | None:
    """A 'data-timestamp' in milliseconds since 1970 (old Reddit's post element)."""
    if not value or not value.strip().isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def is_relative_time(text: str | None) -> bool:
    """'3 hours ago', '3h ago', '3 hr. ago', '1 yr. ago', 'just now': a time with no date."""
    return bool(text) and _RELATIVE.match(text or "") is not None


def gone_marker(text: str | None) -> Gone | None:
    """'deleted' or 'removed' when a body or a name is only Reddit's notice that it is gone."""
    if not text:
        return None
    return _GONE.get(" ".join(text.split()).casefold())


def may_be_gone(words: str) -> bool:
    """Whether a body whose text pieces, run together, are ``words`` can be a notice that it is
    gone: no notice has more letters (and neither spacing nor ``casefold`` takes any away), so
    most bodies are told apart without splitting their text into words."""
    return _MORE_LETTERS_THAN_A_NOTICE.match(words) is None


def is_deleted_name(name: str | None) -> bool:
    """The author slot of a deleted comment or account: '[deleted]' (or empty)."""
    return name is None or name.strip() in {"", "[deleted]", "[removed]"}


def author_name(text: str | None) -> str | None:
    """A username as written ('u/alice', '/u/alice', 'alice') without the prefix; None if gone."""
    if text is None:
        return None
    name = text.strip()
    for prefix in ("/u/", "u/"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    return None if is_deleted_name(name) else name


def community(subreddit: str | None) -> str | None:
    """'AskHistorians', 'r/AskHistorians' or '/r/AskHistorians/' → 'r/AskHistorians'."""
    if not subreddit:
        return None
    name = subreddit.strip().strip("/")
    if name.lower().startswith("r/"):
        name = name[2:]
    return f"r/{name}" if name else None


def subreddit_of(url: str | None) -> str | None:
    """The community named by a thread or comment address ('…/r/NAME/comments/…')."""
    parts = split_url(url) if url else None
    match = _SUBREDDIT_PATH.search(parts.path) if parts is not None else None
    return community(match.group(1)) if match else None


def absolute(url: str | None, base: str = OLD_BASE) -> str | None:
    """A permalink or link made absolute against ``base`` (a site's origin, like ``OLD_BASE``);
    None for empty or script links."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if url.lower().startswith(("javascript:", "data:", "#")):
        return None
    if _plain_path(url) and base.count("/") == 2:
        # A plain path from the site's root, as every old-Reddit comment's permalink is:
        # urljoin would return the origin and the path unchanged, ten times slower.
        return base + url
    return join_url(base + "/", url)


def _plain_path(url: str) -> bool:
    """A path from the root that urljoin leaves as it is: no "//", no dot segment, nothing it
    splits off or deletes."""
    return (
        url[:1] == "/"
        and "//" not in url
        and "/." not in url
        and _URLJOIN_REWRITES.search(url) is None
    )


def fullname(kind: str, value: str | None) -> str | None:
    """Reddit's "fullname" of a thing: ``fullname('t1', 'abc')`` → 't1_abc' (kept if prefixed)."""
    if not value:
        return None
    value = value.strip()
    return value if _FULLNAME.match(value) else f"{kind}_{value}"
