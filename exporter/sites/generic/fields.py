"""Who wrote a block, when, and what: read from whatever the unknown markup offers.

Each reader tries the strongest evidence first (microdata, ``time[datetime]``, ``rel=author``),
then class names that forum and blog software of every age use, then plain text. A reader
that finds nothing says so (None): the block is then not counted as a post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone

from lxml import html as lxml_html

from ...dates import parse_iso
from .dom import CHROME_TAGS, classes, squash, text_of

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_CLOCK = (
    r"(?:(?:,|\s|T)\s*(?:at\s+)?(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"
)
_DATE_FORMS = [
    # "Jun 11, 2021, 3:45 pm", "Mon June 11, 2021 at 03:45:12 PM"
    re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_CLOCK}", re.I),
    # "11 Jun 2021, 15:45", "11th June 2021"
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON},?\s+(?P<y>\d{{4}}){_CLOCK}", re.I),
    # "2021-06-11 15:45"
    re.compile(rf"\b(?P<y>\d{{4}})-(?P<mo>\d{{2}})-(?P<d>\d{{2}}){_CLOCK}", re.I),
    # "06-11-2021, 03:45 PM", "06/11/2021" (month first: MyBB's and vBulletin's default)
    re.compile(rf"\b(?P<mo>\d{{1,2}})[-/](?P<d>\d{{1,2}})[-/](?P<y>\d{{4}}){_CLOCK}", re.I),
]
_RELATIVE = re.compile(
    r"\b(?:today|yesterday|just now|\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago)\b",
    re.I,
)
_ISO_ZONE = re.compile(r"([+-]\d{2})(\d{2})$")
_AUTHOR_EXACT = re.compile(
    r"^(?:username|user-?name|user_name|fn|nick(?:name)?|poster-?name|author-?name|"
    r"comment-author-name|p-author|u-author)$|username|user-name|author-name",
    re.I,
)
_AUTHOR_LOOSE = re.compile(r"author|poster|byline|(?:^|[-_])user(?:$|[-_])|user$|member", re.I)
_BODY_CLASS = re.compile(
    r"content|body|text|message|entry|bbwrapper|(?:^|[-_])post(?:$|[-_])|inner", re.I
)
_BODY_PROPS = ("text", "articleBody", "commentText", "reviewBody")
_NOT_BODY_CLASS = re.compile(
    r"signature|(?:^|[-_])sig(?:$|[-_])|footer|meta|header|toolbar|actions|controls|buttons|"
    r"author|(?:^|[-_])user(?:$|[-_])|user-?info|username|avatar|profile|vote|reply-link|share|"
    r"attribution",
    re.I,
)


@dataclass
class When:
    """A time as found: exact when the page wrote a machine time or a full date, else text."""

    moment: datetime | None
    text: str | None
    element: lxml_html.HtmlElement | None
    from_text: bool = False
    """Read from words ("June 11, 2021 3:45 pm") that name no time zone (taken as UTC)."""


def parse_date_text(text: str) -> datetime | None:
    """A date written out in words or digits, as forums print them, as UTC (the page names
    no zone); None for anything that is not a whole date."""
    for form in _DATE_FORMS:
        match = form.search(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = (
            _MONTHS.get(parts["mon"].lower().rstrip(".")) if parts.get("mon") else int(parts["mo"])
        )
        hour = int(parts["h"]) if parts.get("h") else 0
        ampm = (parts.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        try:
            return datetime(
                int(parts["y"]),
                month or 0,
                int(parts["d"]),
                hour,
                int(parts["mi"] or 0),
                int(parts["s"] or 0),
                tzinfo=timezone.utc,
            )
        except (ValueError, TypeError):
            continue
    return None


def parse_machine_time(value: str | None) -> datetime | None:
    """ISO 8601 with the zone forms sites write (``+0000`` too), or a Unix time."""
    text = squash(value)
    if not text:
        return None
    if text.isdigit() and 9 <= len(text) <= 11:
        return datetime.fromtimestamp(int(text), tz=timezone.utc)
    return parse_iso(_ISO_ZONE.sub(r"\1:\2", text)) if "-" in text[:10] else None


def find_time(elements: list[lxml_html.HtmlElement]) -> When | None:
    """The block's first time: a machine-readable one wins over a date in the text."""
    for el in elements:
        if el.tag == "time" or el.get("itemprop") in ("dateCreated", "datePublished"):
            for attr in ("datetime", "content", "data-time", "title"):
                moment = parse_machine_time(el.get(attr))
                if moment is not None:
                    return When(moment, None, el)
    for el in elements:
        title = el.get("title")
        if el.tag in ("abbr", "span", "a", "time", "small") and title:
            moment = parse_machine_time(title) or parse_date_text(title)
            if moment is not None:
                return When(moment, None, el, from_text=parse_machine_time(title) is None)
    for el in elements:
        if el.tag in CHROME_TAGS or len(el) > 6:
            continue
        own = squash(" ".join([el.text or "", *(k.tail or "" for k in el)]))
        full = text_of(el) if len(own) < 8 else own
        if len(full) > 120:
            continue
        moment = parse_date_text(full)
        if moment is not None:
            return When(moment, None, el, from_text=True)
        relative = _RELATIVE.search(full)
        if relative and len(full) <= 60:
            return When(None, full, el)
    return None


def find_author(elements: list[lxml_html.HtmlElement]) -> tuple[str, lxml_html.HtmlElement] | None:
    """The block's author name and the element it came from."""
    for el in elements:
        props = (el.get("itemprop") or "").split()
        if "author" in props or "creator" in props:
            named = next((d for d in el.iter() if d.get("itemprop") == "name"), None)
            found = _name(named if named is not None else el)
            if found:
                return found, el
    for el in elements:
        if el.tag == "a" and "author" in (el.get("rel") or "").split():
            found = _name(el)
            if found:
                return found, el
    for pattern in (_AUTHOR_EXACT, _AUTHOR_LOOSE):
        for el in elements:
            if el.tag in CHROME_TAGS or el.tag in ("img", "time", "abbr"):
                continue
            if any(pattern.search(c) for c in classes(el)):
                found = _name_inside(el)
                if found:
                    return found, el
    return None


def _name_inside(el: lxml_html.HtmlElement) -> str | None:
    """The name in an author box: its first link or bold text with words, else its text."""
    for tag in ("a", "cite", "strong", "b"):
        for inner in el.iter(tag):
            found = _name(inner)
            if found:
                return found
    return _name(el)


def _name(el: lxml_html.HtmlElement) -> str | None:
    text = squash(el.get("content") if el.tag == "meta" else text_of(el))
    text = re.sub(r"^(?:by|posted by|von|par)\s+", "", text, flags=re.I).strip(" »«|·,:")
    if not text or len(text) > 60 or len(text.split()) > 5:
        return None
    if parse_date_text(text) is not None or not re.search(r"\w", text):
        return None
    return text


def find_body(
    elements: list[lxml_html.HtmlElement],
    contains_member: set[lxml_html.HtmlElement],
    avoid: list[lxml_html.HtmlElement],
) -> lxml_html.HtmlElement | None:
    """The element that holds what the person wrote: a microdata ``text`` first, then the
    largest content-like element that holds no reply, no author and no time."""
    for el in elements[1:]:
        if (el.get("itemprop") or "") in _BODY_PROPS and el not in contains_member:
            return el
    best: lxml_html.HtmlElement | None = None
    best_len = 0
    for el in elements[1:]:
        if el in contains_member or el.tag in CHROME_TAGS or el.tag in ("a", "span", "img"):
            continue
        names = classes(el)
        if not any(_BODY_CLASS.search(c) for c in names) and el.tag != "blockquote":
            continue
        if any(_NOT_BODY_CLASS.search(c) for c in names):
            continue
        if any(_contains(el, other) for other in avoid):
            continue
        size = len(text_of(el))
        if size > best_len:  # ties keep the outer one: it also holds the quotes
            best, best_len = el, size
    return best


def _contains(outer: lxml_html.HtmlElement, inner: lxml_html.HtmlElement) -> bool:
    node: lxml_html.HtmlElement | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.getparent()
    return False
