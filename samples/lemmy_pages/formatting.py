"""Formatting helpers: dates (date-fns), numbers (numToSI), colours, escaping.

The small conversions lemmy-ui does in the browser, and ``Html``, which spells text and
attributes the way each output flavour does (Chromium's serialiser or inferno-server).
Shared by the page markup and expected.json.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from .content import SAVED_AT, STATIC

Mode = Literal["dom", "ssr"]


def parse_time(stamp: str) -> datetime:
    return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


def tippy_time(stamp: str) -> str:
    """date-fns format(date, "PPPPpppp") in a UTC browser."""
    t = parse_time(stamp)
    day = t.day
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    hour = t.hour % 12 or 12
    ampm = "AM" if t.hour < 12 else "PM"
    return f"{t:%A}, {t:%B} {day}{suffix}, {t.year} at {hour}:{t:%M}:{t:%S} {ampm} GMT+00:00"


def relative_time(stamp: str) -> str:
    """date-fns formatDistanceToNow(date, {addSuffix: true}), counted from SAVED_AT."""
    seconds = int((SAVED_AT - parse_time(stamp)).total_seconds())
    minutes = round(seconds / 60)
    if minutes < 1:
        return "less than a minute ago"
    if minutes < 45:
        return f"{minutes} minute{'s' if minutes != 1 else ''} ago"
    if minutes < 90:
        return "about 1 hour ago"
    if minutes < 1440:
        return f"about {round(minutes / 60)} hours ago"
    if minutes < 2520:
        return "1 day ago"
    if minutes < 43200:
        return f"{round(minutes / 1440)} days ago"
    raise ValueError("keep the invented thread within a month of SAVED_AT")


def num_to_si(n: int) -> str:
    """Intl.NumberFormat("en-US", {maximumSignificantDigits: 3, notation: "compact"})."""
    if n < 1000:
        return str(n)
    for div, unit in ((10**9, "B"), (10**6, "M"), (10**3, "K")):
        if n >= div:
            value = Decimal(n) / div
            digits = 3 - len(str(int(value)))
            q = value.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
            text = format(q, "f")
            if "." in text:
                text = text.rstrip("0").rstrip(".")
            return text + unit
    raise AssertionError


def _hsl_rgb(hue: int) -> str:
    """How Chromium serialises lemmy-ui's hsla(hue, 35%, 50%, 0.5) border colours."""
    s, lig = 0.35, 0.5
    c = (1 - abs(2 * lig - 1)) * s
    h = hue / 60
    x = c * (1 - abs(h % 2 - 1))
    r, g, b = [(c, x, 0.0), (x, c, 0.0), (0.0, c, x), (0.0, x, c), (x, 0.0, c), (c, 0.0, x)][
        int(h) % 6
    ]
    m = lig - c / 2
    red, green, blue = (round((v + m) * 255) for v in (r, g, b))
    return f"rgba({red}, {green}, {blue}, 0.5)"


COLOR_HUES = [0, 50, 100, 150, 200, 250, 300]  # lemmy-ui colorList


class Html:
    """Escaping and attribute spelling for one output flavour.

    ``dom``: how Chromium serialises the live DOM ("Save Page As", SingleFile).
    ``ssr``: how inferno-server and lemmy-ui's server template write it.
    """

    def __init__(self, mode: Mode) -> None:
        self.mode = mode

    def text(self, value: str) -> str:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if self.mode == "ssr":
            return value.replace('"', "&quot;").replace("'", "&#039;")
        return value.replace("\xa0", "&nbsp;")

    def attr(self, value: str) -> str:
        if self.mode == "ssr":
            return self.text(value)
        return value.replace("&", "&amp;").replace('"', "&quot;").replace("\xa0", "&nbsp;")

    def flag(self, name: str) -> str:
        return f" {name}" if self.mode == "ssr" else f' {name}=""'

    def markdown(self, html: str) -> str:
        """markdown-it output is inserted as innerHTML; the DOM re-serialises its text."""
        if self.mode == "ssr":
            return html
        parts = re.split(r"(<[^>]*>)", html)
        for n in range(0, len(parts), 2):
            parts[n] = parts[n].replace("&quot;", '"').replace("&#x27;", "'")
        return "".join(parts)

    def child_style(self, parent_depth: int) -> str:
        hue = COLOR_HUES[parent_depth % len(COLOR_HUES)]
        if self.mode == "ssr":
            return f"border-left: 2px solid hsla({hue}, 35%, 50%, 0.5) !important;"
        return f"border-left: 2px solid {_hsl_rgb(hue)} !important;"

    def more_style(self, depth: int) -> str:
        hue = COLOR_HUES[depth % len(COLOR_HUES)]
        if self.mode == "ssr":
            return f"border-left: 2px hsla({hue}, 35%, 50%, 0.5) solid !important"
        return f"border-left: 2px solid {_hsl_rgb(hue)} !important;"


def icon(name: str, classes: str) -> str:
    return (
        f'<svg class="{classes}"><use xlink:href="{STATIC}/assets/symbols.svg#icon-{name}">'
        f'</use><div class="visually-hidden"><title>{name}</title></div></svg>'
    )


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
